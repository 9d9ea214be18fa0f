-- The platform's outbox (io.agrilink.platform.outbox) in its one shape, replacing logistics' own
-- outbox_event. Pending events move over with their attempts and back-off, in (shipment, position)
-- order: the sequence numbers them in that order, and ids are what the outbox orders a
-- shipment's messages by (ordering key shipment:<id>). Events refused for good move over as
-- failed, so staff can re-drive or discard them; delivered ones are history in shipment_event.

create sequence outbox_message_seq;

create table outbox_message (
    id               bigint        primary key default nextval('outbox_message_seq'),
    kind             varchar(40)   not null,
    subject          varchar(100),
    ordering_key     varchar(100),
    payload          text          not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       varchar(1000),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    discarded_at     timestamptz,
    created_at       timestamptz   not null default now()
);

alter sequence outbox_message_seq owned by outbox_message.id;

create table outbox_action (
    id          bigint        generated always as identity primary key,
    message_id  bigint        not null,
    kind        varchar(40)   not null,
    action      varchar(20)   not null,
    actor       varchar(100)  not null,
    reason      varchar(500),
    last_error  varchar(1000),
    attempts    integer       not null,
    at          timestamptz   not null
);

create index outbox_message_due_idx on outbox_message (next_attempt_at)
    where delivered_at is null and failed_at is null and discarded_at is null;
create index outbox_message_ordering_idx on outbox_message (ordering_key, id)
    where ordering_key is not null and delivered_at is null and failed_at is null and discarded_at is null;
create index outbox_message_subject_idx on outbox_message (subject, kind);
create index outbox_message_failed_idx on outbox_message (failed_at)
    where failed_at is not null and discarded_at is null;

-- nextval in the outer query runs over the rows as the ordered subquery yields them
insert into outbox_message (id, kind, subject, ordering_key, payload, attempts, next_attempt_at, last_error,
                            failed_at, created_at)
select nextval('outbox_message_seq'), 'SHIPMENT_STATUS', e.shipment_id::text, 'shipment:' || e.shipment_id,
       json_build_object('eventId', e.event_id, 'orderId', e.order_id, 'shipmentId', e.shipment_id,
                         'status', e.status,
                         'occurredAt', to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                         'location', e.location, 'note', e.note)::text,
       e.attempts, e.next_attempt_at, e.last_error, e.failed_at, e.occurred_at
from (select * from outbox_event where delivered_at is null order by shipment_id, position) e;

drop table outbox_event;
drop sequence outbox_event_seq;

-- numbered a shipment's outbox events; the outbox's ids order them now
alter table shipment drop column event_count;
