-- Shipments cancelled before pickup (by staff, or withdrawn because the order was cancelled).
alter table shipment add column cancelled_at timestamptz;

-- An order withdrawn before its handoff arrived: a late handoff of it is refused.
create table shipment_withdrawal (
    order_id      bigint       primary key,
    reason        varchar(500),
    actor         varchar(200) not null,
    withdrawn_at  timestamptz  not null
);

-- An order with lines from several producers is one shipment with a pickup per parcel;
-- a parcel without its own pickup is collected at the shipment's.
alter table shipment_parcel
    add column producer_id      bigint,
    add column producer_name    varchar(200),
    add column pickup_province  varchar(60),
    add column pickup_commune   varchar(200),
    add column pickup_phone     varchar(30);

-- Suspended carriers take no new shipments; every suspension and reinstatement is kept.
alter table carrier
    add column suspended_at       timestamptz,
    add column suspension_reason  varchar(500);

create sequence carrier_event_seq increment by 50;

create table carrier_event (
    id          bigint       primary key,
    carrier_id  bigint       not null references carrier (id),
    action      varchar(20)  not null,
    reason      varchar(500) not null,
    actor       varchar(200) not null,
    at          timestamptz  not null
);

create index carrier_event_carrier_idx on carrier_event (carrier_id, at);
