-- Catalogue: producers, products, harvest lots, sale campaigns, and the stock ledger
-- (reservations) that order-service holds, confirms and releases.

create extension if not exists pg_trgm;

-- ---------------------------------------------------------------- producers
create sequence producer_seq increment by 50;

create table producer (
    id                 bigint primary key,
    name               varchar(200) not null,
    kind               varchar(20)  not null,
    province           varchar(60)  not null,
    province_given     varchar(60)  not null,
    commune            varchar(200) not null,
    phone              varchar(20)  not null,
    growing_area_code  varchar(40),
    ocop_stars         integer  check (ocop_stars between 3 and 5),
    ocop_level         varchar(20),
    ocop_expires_on    date,
    created_at         timestamptz  not null default now()
);
create index producer_province on producer (province);

create table producer_owner (
    producer_id  bigint       not null references producer (id),
    subject      varchar(100) not null,
    primary key (producer_id, subject)
);
create index producer_owner_subject on producer_owner (subject);

create table producer_certification (
    producer_id  bigint       not null references producer (id),
    scheme       varchar(20)  not null,
    code         varchar(60),
    issued_on    date         not null,
    expires_on   date         not null,
    check (expires_on > issued_on)
);
create index producer_certification_producer on producer_certification (producer_id, scheme);

-- training-service grants the livestream badge to a farmer; every producer they own shows it
create sequence farmer_badge_seq increment by 50;

create table farmer_badge (
    id                bigint primary key,
    subject           varchar(100) not null unique,
    certificate_code  varchar(100) not null,
    granted_at        timestamptz  not null
);

-- ---------------------------------------------------------------- products
create sequence product_seq increment by 50;

create table product (
    id               bigint primary key,
    producer_id      bigint       not null references producer (id),
    category         varchar(20)  not null,
    price_per_kg     bigint       not null check (price_per_kg > 0),
    shelf_life_days  integer      not null check (shelf_life_days > 0),
    cold_chain       boolean      not null,
    min_celsius      integer,
    max_celsius      integer,
    -- folded (lower case, no diacritics) names in every language, producer, province, commune:
    -- maintained by the service, searched with LIKE through the trigram index
    search_text      text         not null,
    sort_name        varchar(200) not null,
    created_at       timestamptz  not null default now(),
    check (not cold_chain or (min_celsius is not null and max_celsius is not null and min_celsius <= max_celsius))
);
create index product_search_text on product using gin (search_text gin_trgm_ops);
create index product_producer on product (producer_id);
create index product_sort_name on product (sort_name, id);
create index product_category on product (category);

create table product_text (
    product_id  bigint        not null references product (id),
    language    varchar(35)   not null,
    name        varchar(200)  not null,
    story       varchar(4000),
    primary key (product_id, language)
);

create table product_season_month (
    product_id  bigint   not null references product (id),
    month       smallint not null check (month between 1 and 12),
    primary key (product_id, month)
);
create index product_season_month_month on product_season_month (month, product_id);

-- ---------------------------------------------------------------- harvest lots
-- The stock columns are changed only by conditional SQL updates of the stock ledger; the
-- checks make the database itself refuse an oversell or grams that vanish.
create sequence lot_seq increment by 50;

create table lot (
    id                 bigint primary key,
    product_id         bigint      not null references product (id),
    harvest_date       date        not null,
    best_before        date        not null,
    growing_area_code  varchar(40),
    quantity_grams     bigint      not null check (quantity_grams > 0),
    available_grams    bigint      not null check (available_grams >= 0),
    held_grams         bigint      not null default 0 check (held_grams >= 0),
    confirmed_grams    bigint      not null default 0 check (confirmed_grams >= 0),
    created_at         timestamptz not null default now(),
    check (available_grams + held_grams + confirmed_grams = quantity_grams),
    check (best_before >= harvest_date)
);
create index lot_product on lot (product_id);

-- ---------------------------------------------------------------- campaigns
create sequence campaign_seq increment by 50;

create table campaign (
    id                     bigint primary key,
    name                   varchar(200) not null,
    host                   varchar(200) not null,
    description            varchar(4000),
    starts_at              timestamptz  not null,
    ends_at                timestamptz  not null,
    per_buyer_limit_grams  bigint       not null check (per_buyer_limit_grams > 0),
    target_grams           bigint       not null check (target_grams > 0),
    created_at             timestamptz  not null default now(),
    check (ends_at > starts_at)
);
create index campaign_window on campaign (starts_at, ends_at);

create table campaign_lot (
    campaign_id   bigint not null references campaign (id),
    lot_id        bigint not null references lot (id),
    price_per_kg  bigint not null check (price_per_kg > 0),
    primary key (campaign_id, lot_id)
);
create index campaign_lot_lot on campaign_lot (lot_id);

-- ---------------------------------------------------------------- stock reservations
create sequence reservation_seq increment by 50;

create table reservation (
    id          bigint primary key,
    order_ref   varchar(100) not null unique,
    buyer       varchar(100) not null,
    status      varchar(20)  not null,
    expires_at  timestamptz  not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);
create index reservation_held_expiry on reservation (expires_at) where status = 'HELD';

create sequence reservation_line_seq increment by 50;

create table reservation_line (
    id                 bigint primary key,
    reservation_id     bigint not null references reservation (id),
    lot_id             bigint not null references lot (id),
    grams              bigint not null check (grams > 0),
    unit_price_per_kg  bigint not null,
    campaign_id        bigint references campaign (id)
);
create index reservation_line_reservation on reservation_line (reservation_id);
create index reservation_line_lot on reservation_line (lot_id);

-- grams each buyer holds or bought in a campaign, for the per-buyer limit
create table campaign_buyer_usage (
    campaign_id  bigint       not null references campaign (id),
    buyer        varchar(100) not null,
    grams        bigint       not null default 0 check (grams >= 0),
    primary key (campaign_id, buyer)
);
