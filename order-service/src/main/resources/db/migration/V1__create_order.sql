-- Orders, their lines and audit trail; idempotency records; the outbox of cross-service effects.

create sequence customer_order_seq increment by 50;

create table customer_order (
    id              bigint primary key,
    order_ref       varchar(64)  not null unique,
    buyer           varchar(200) not null,
    status          varchar(20)  not null,
    payment         varchar(20)  not null,
    recipient       varchar(200) not null,
    phone           varchar(32)  not null,
    country         varchar(2)   not null,
    province        varchar(60),
    commune         varchar(200),
    street          varchar(300) not null,
    postal_code     varchar(20),
    total_grams     bigint       not null check (total_grams > 0),
    total_amount    bigint       not null check (total_amount >= 0),
    placed_at       timestamptz  not null,
    payment_due_at  timestamptz,
    confirmed_at    timestamptz,
    ready_at        timestamptz,
    shipment_id     bigint
);
create index customer_order_buyer on customer_order (buyer, placed_at desc);
create index customer_order_unpaid on customer_order (payment_due_at) where status = 'PLACED';
create index customer_order_confirmed on customer_order (confirmed_at);

create sequence order_line_seq increment by 50;

create table order_line (
    id                 bigint primary key,
    order_id           bigint       not null references customer_order (id),
    lot_id             bigint       not null,
    grams              bigint       not null check (grams > 0),
    packed_grams       bigint       check (packed_grams > 0),
    product_id         bigint,
    product_name       varchar(200),
    producer_id        bigint,
    producer_name      varchar(200),
    -- the farmers who own the producer, delimited for a simple match: ",farmer-lan,farmer-minh,"
    farmers            varchar(2000) not null,
    pickup_province    varchar(60),
    pickup_commune     varchar(200),
    pickup_phone       varchar(32),
    unit_price_per_kg  bigint       not null check (unit_price_per_kg >= 0),
    amount             bigint       not null check (amount >= 0),
    campaign_id        bigint,
    cold_chain         boolean      not null,
    min_celsius        integer,
    max_celsius        integer,
    harvest_date       date,
    best_before        date
);
create index order_line_order on order_line (order_id);
create index order_line_campaign on order_line (campaign_id) where campaign_id is not null;

create sequence order_event_seq increment by 50;

create table order_event (
    id           bigint primary key,
    order_id     bigint       not null references customer_order (id),
    at           timestamptz  not null,
    actor        varchar(200) not null,
    action       varchar(40)  not null,
    from_status  varchar(20),
    to_status    varchar(20),
    detail       varchar(1000),
    -- logistics-service's event id: a repeated shipment event is recognised and has no effect
    event_id     varchar(100) unique
);
create index order_event_order on order_event (order_id, at);

create sequence idempotency_record_seq increment by 50;

create table idempotency_record (
    id               bigint primary key,
    caller           varchar(200) not null,
    idempotency_key  varchar(255) not null,
    fingerprint      varchar(64)  not null,
    response_status  integer      not null,
    response_body    text         not null,
    order_id         bigint       not null,
    created_at       timestamptz  not null,
    unique (caller, idempotency_key)
);
create index idempotency_record_created on idempotency_record (created_at);

create sequence outbox_message_seq increment by 50;

create table outbox_message (
    id               bigint primary key,
    kind             varchar(30)  not null,
    order_id         bigint,
    payload          text         not null,
    attempts         integer      not null,
    next_attempt_at  timestamptz  not null,
    last_error       varchar(1000),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    created_at       timestamptz  not null
);
create index outbox_message_due on outbox_message (next_attempt_at) where delivered_at is null and failed_at is null;
create index outbox_message_order on outbox_message (order_id);
