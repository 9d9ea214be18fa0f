-- Carriers: logistics firms, each a JWT subject with role "carrier", registered by staff.
create sequence carrier_seq increment by 50;

create table carrier (
    id              bigint primary key,
    subject         varchar(200) not null unique,
    name            varchar(200) not null,
    daily_capacity  integer      not null check (daily_capacity > 0),
    created_at      timestamptz  not null default now()
);

create table carrier_province (
    carrier_id  bigint      not null references carrier (id),
    province    varchar(60) not null,
    primary key (carrier_id, province)
);

create table carrier_capability (
    carrier_id  bigint      not null references carrier (id),
    capability  varchar(20) not null,
    primary key (carrier_id, capability)
);

-- Shipments: one per order, handed over by order-service.
create sequence shipment_seq increment by 50;

create table shipment (
    id                    bigint primary key,
    order_id              bigint       not null unique,
    order_ref             varchar(100) not null,
    status                varchar(20)  not null,
    producer_id           bigint,
    producer_name         varchar(200) not null,
    pickup_province       varchar(60)  not null,
    pickup_commune        varchar(200),
    pickup_phone          varchar(30),
    recipient             varchar(200) not null,
    recipient_phone       varchar(30),
    country               varchar(2)   not null,
    destination_province  varchar(60),
    destination_commune   varchar(200),
    street                varchar(300),
    postal_code           varchar(20),
    cod_amount            bigint       not null check (cod_amount >= 0),
    cold_chain            boolean      not null,
    min_celsius           double precision,
    max_celsius           double precision,
    is_export             boolean      not null,
    deliver_by            timestamptz  not null,
    delivery_code         varchar(12)  not null,
    carrier_id            bigint references carrier (id),
    assigned_at           timestamptz,
    picked_up_at          timestamptz,
    delivered_at          timestamptz,
    last_location         varchar(300),
    received_by           varchar(200),
    proof_photo_ref       varchar(500),
    cash_collected        bigint,
    cod_mismatch          boolean      not null default false,
    temperature_breached  boolean      not null default false,
    event_count           integer      not null default 0,
    created_at            timestamptz  not null default now(),
    check (not cold_chain or (min_celsius is not null and max_celsius is not null and min_celsius <= max_celsius))
);

create index shipment_status_idx on shipment (status, pickup_province);
create index shipment_carrier_idx on shipment (carrier_id, status);
create index shipment_deliver_by_idx on shipment (deliver_by) where status not in ('DELIVERED', 'RETURNED');

create table shipment_parcel (
    shipment_id  bigint       not null references shipment (id),
    position     integer      not null,
    description  varchar(200) not null,
    grams        bigint       not null check (grams > 0),
    primary key (shipment_id, position)
);

-- Export papers and treatments; all must be ticked before pickup.
create sequence checklist_item_seq increment by 50;

create table checklist_item (
    id            bigint primary key,
    shipment_id   bigint       not null references shipment (id),
    requirement   varchar(40)  not null,
    done          boolean      not null default false,
    document_ref  varchar(200),
    ticked_by     varchar(200),
    ticked_at     timestamptz,
    unique (shipment_id, requirement)
);

create sequence shipment_decline_seq increment by 50;

create table shipment_decline (
    id           bigint primary key,
    shipment_id  bigint       not null references shipment (id),
    carrier_id   bigint       not null references carrier (id),
    reason       varchar(500),
    declined_at  timestamptz  not null,
    unique (shipment_id, carrier_id)
);

-- The tracking history: every status change, in order.
create sequence shipment_event_seq increment by 50;

create table shipment_event (
    id           bigint primary key,
    shipment_id  bigint       not null references shipment (id),
    status       varchar(20)  not null,
    occurred_at  timestamptz  not null,
    location     varchar(300),
    note         varchar(500),
    actor        varchar(200) not null
);

create index shipment_event_shipment_idx on shipment_event (shipment_id, occurred_at);

create sequence temperature_reading_seq increment by 50;

create table temperature_reading (
    id            bigint primary key,
    shipment_id   bigint           not null references shipment (id),
    value         double precision not null,
    unit          varchar(1)       not null,
    celsius       double precision not null,
    out_of_range  boolean          not null,
    recorded_at   timestamptz      not null,
    recorded_by   varchar(200)     not null
);

create index temperature_reading_shipment_idx on temperature_reading (shipment_id, recorded_at);

create sequence shipment_alert_seq increment by 50;

create table shipment_alert (
    id           bigint primary key,
    shipment_id  bigint       not null references shipment (id),
    kind         varchar(40)  not null,
    detail       varchar(500) not null,
    raised_at    timestamptz  not null
);

create index shipment_alert_shipment_idx on shipment_alert (shipment_id);

-- Status events for order-service, written in the same transaction as the change.
create sequence outbox_event_seq increment by 50;

create table outbox_event (
    id               bigint primary key,
    event_id         uuid          not null unique,
    shipment_id      bigint        not null references shipment (id),
    order_id         bigint        not null,
    position         integer       not null,
    status           varchar(20)   not null,
    occurred_at      timestamptz   not null,
    location         varchar(300),
    note             varchar(500),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_error       varchar(1000),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    unique (shipment_id, position)
);

create index outbox_event_pending_idx on outbox_event (next_attempt_at) where delivered_at is null and failed_at is null;
