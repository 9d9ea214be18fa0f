-- The outbox in the one shape every service shares (io.agrilink.platform.outbox, package-info).
-- Pending messages are kept: their kinds and payloads are unchanged, the order id becomes the subject.
alter table outbox_message alter column kind type varchar(40);
alter table outbox_message add column subject varchar(100);
update outbox_message set subject = order_id::text where order_id is not null;
drop index outbox_message_order;
alter table outbox_message drop column order_id;
alter table outbox_message add column ordering_key varchar(100);
alter table outbox_message add column discarded_at timestamptz;
-- the sequence stays "increment by 50": PlacementStore takes its ids in blocks (IdBlocks), a value v
-- owning v .. v+49; a row the platform writes alone takes one value and leaves the rest of its block
alter table outbox_message alter column id set default nextval('outbox_message_seq');
alter table outbox_message alter column attempts set default 0;
alter table outbox_message alter column next_attempt_at set default now();
alter table outbox_message alter column created_at set default now();

-- failed_at used to mean "not to be sent" too: a handoff or confirmation stopped by a cancel was
-- given up by this service (discarded now), and logistics' 409 to a withdrawal was its answer
-- (delivered now). Only real refusals stay failed, for staff to re-drive or discard.
update outbox_message set discarded_at = failed_at, failed_at = null
    where failed_at is not null
      and last_error in ('withdrawn: order cancelled', 'order cancelled before confirmation');
update outbox_message set delivered_at = failed_at, failed_at = null
    where failed_at is not null and kind = 'WITHDRAW_SHIPMENT' and last_error like 'HTTP 409%';

drop index outbox_message_due;
create index outbox_message_pending on outbox_message (next_attempt_at)
    where delivered_at is null and failed_at is null and discarded_at is null;
create index outbox_message_ordering on outbox_message (ordering_key, id)
    where ordering_key is not null and delivered_at is null and failed_at is null and discarded_at is null;
create index outbox_message_subject on outbox_message (subject, kind);
create index outbox_message_failed on outbox_message (failed_at) where failed_at is not null and discarded_at is null;

-- what staff did to a message refused for good (re-drive, discard), with its state before
create table outbox_action (
    id          bigint generated always as identity primary key,
    message_id  bigint        not null,
    kind        varchar(40)   not null,
    action      varchar(20)   not null,
    actor       varchar(100)  not null,
    reason      varchar(500),
    last_error  varchar(1000),
    attempts    integer       not null,
    at          timestamptz   not null
);
create index outbox_action_message on outbox_action (message_id);
