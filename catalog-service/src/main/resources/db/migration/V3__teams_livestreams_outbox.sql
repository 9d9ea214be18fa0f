-- Farmer sales teams and clubs, livestreams (their hosts, campaign and lots), and catalog's
-- outbox: every change of a stream is told to order-service (LIVESTREAM_CHANGED) from it.

-- ---------------------------------------------------------------- sales teams and clubs
create sequence sales_team_seq increment by 50;

create table sales_team (
    id          bigint primary key,
    name        varchar(200) not null,
    kind        varchar(10)  not null check (kind in ('TEAM', 'CLUB')),
    province    varchar(60)  not null,
    commune     varchar(200) not null,
    -- a member (the service keeps the leader among the members and never removes them)
    leader      varchar(100) not null,
    created_at  timestamptz  not null default now()
);
create index sales_team_name on sales_team (name, id);

-- a farmer is in at most one team: the unique subject is the last word when two staff add her at once
create table sales_team_member (
    team_id    bigint       not null references sales_team (id),
    subject    varchar(100) not null unique,
    joined_at  timestamptz  not null,
    primary key (team_id, subject)
);

-- ---------------------------------------------------------------- livestreams
create sequence livestream_seq increment by 50;

create table livestream (
    id             bigint primary key,
    -- six of ABCDEFGHJKLMNPQRSTUVWXYZ23456789, drawn at random; a collision is retried
    code           varchar(12)  not null,
    title          varchar(200) not null,
    platform       varchar(20)  not null,
    url            varchar(500) not null,
    planned_start  timestamptz  not null,
    planned_end    timestamptz  not null,
    state          varchar(20)  not null check (state in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    started_at     timestamptz,
    ended_at       timestamptz,
    cancelled_at   timestamptz,
    cancel_reason  varchar(500),
    campaign_id    bigint       not null references campaign (id),
    -- +1 on every change that alters order-service's snapshot of it (order-service keeps the newest)
    version        bigint       not null,
    created_at     timestamptz  not null default now(),
    check (planned_end > planned_start),
    check (planned_end <= planned_start + interval '24 hours'),
    check ((state = 'SCHEDULED') = (started_at is null and cancelled_at is null)),
    check (state <> 'ENDED' or (started_at is not null and ended_at is not null)),
    check (state <> 'CANCELLED' or cancelled_at is not null)
);
create unique index livestream_code on livestream (code);
create index livestream_planned_start on livestream (planned_start desc, id desc);
create index livestream_campaign on livestream (campaign_id);

-- 1 to 5 per stream, in the order given
create table livestream_host (
    livestream_id  bigint       not null references livestream (id),
    position       integer      not null,
    kind           varchar(10)  not null check (kind in ('LEADER', 'KOL', 'KOC', 'FARMER', 'TEAM')),
    name           varchar(200) not null,
    -- the account that may move the stream (required for FARMER, none for TEAM)
    subject        varchar(100),
    team_id        bigint references sales_team (id),
    primary key (livestream_id, position),
    check ((kind = 'TEAM') = (team_id is not null)),
    check (kind <> 'FARMER' or subject is not null)
);
create index livestream_host_subject on livestream_host (subject) where subject is not null;
create index livestream_host_team on livestream_host (team_id) where team_id is not null;

-- the lots of its campaign a stream features (0 to 20)
create table livestream_lot (
    livestream_id  bigint not null references livestream (id),
    lot_id         bigint not null references lot (id),
    primary key (livestream_id, lot_id)
);

-- ---------------------------------------------------------------- outbox
-- The one shape every service's outbox has (io.agrilink.platform.outbox, package-info), checked by
-- OutboxShape in the tests.
create sequence outbox_message_seq increment by 1;

create table outbox_message (
    id               bigint primary key default nextval('outbox_message_seq'),
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
