-- The outbox moves to the platform's one mechanism (io.agrilink.platform.outbox): outbox_message
-- takes the shape every service shares, keeping its messages, and outbox_action records what
-- staff re-drive or discard.

alter table outbox_message alter column kind type varchar(40);
alter table outbox_message add column subject varchar(100);
alter table outbox_message add column ordering_key varchar(100);
alter table outbox_message add column discarded_at timestamptz;

-- the subject is what a message concerns: a notice's id (also its payload), a badge's farmer
-- (its payload stays the JSON {subject, certificateCode}); a subject too long for the column
-- is left out, the payload still carries it
update outbox_message set subject = payload where kind = 'NOTICE';
update outbox_message set subject = payload::jsonb ->> 'subject'
 where kind = 'LIVESTREAM_READY' and length(payload::jsonb ->> 'subject') <= 100;

-- the platform takes one id per message from the sequence (Hibernate took blocks of fifty), and
-- never one below an id already used
alter sequence outbox_message_seq increment by 1;
select setval('outbox_message_seq',
              greatest((select coalesce(max(id), 1) from outbox_message), (select last_value from outbox_message_seq)));
alter table outbox_message alter column id set default nextval('outbox_message_seq');
alter sequence outbox_message_seq owned by outbox_message.id;

drop index outbox_message_due;
create index outbox_message_pending on outbox_message (next_attempt_at)
    where delivered_at is null and failed_at is null and discarded_at is null;
create index outbox_message_ordering on outbox_message (ordering_key, id)
    where ordering_key is not null and delivered_at is null and failed_at is null and discarded_at is null;
create index outbox_message_subject on outbox_message (subject, kind);
create index outbox_message_failed on outbox_message (failed_at) where failed_at is not null and discarded_at is null;

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
