-- Livestreams (issue 17): a replica of catalog-service's streams, kept from the snapshots catalog
-- sends through its outbox (PUT /livestreams/{id}); orders attributed to a stream, immutably.

-- id and code are catalog's; version is catalog's counter for the stream, and only a newer one
-- replaces what is here. updated_at (this database's clock) lets LiveStreams read only what changed.
create table livestream (
    id             bigint       primary key,
    code           varchar(12)  not null unique,
    campaign_id    bigint       not null,
    title          varchar(200) not null,
    state          varchar(20)  not null check (state in ('SCHEDULED', 'LIVE', 'ENDED', 'CANCELLED')),
    planned_start  timestamptz,
    planned_end    timestamptz,
    started_at     timestamptz,
    ended_at       timestamptz,
    team_id        bigint,
    team_name      varchar(200),
    version        bigint       not null,
    updated_at     timestamptz  not null
);
create index livestream_updated on livestream (updated_at);
create index livestream_started on livestream (started_at);

-- a stream's hosts as the snapshot lists them; members: a TEAM host's team members (the leader
-- among them), who may move the stream and read its results
create table livestream_host (
    livestream_id  bigint        not null references livestream (id) on delete cascade,
    position       integer       not null,
    kind           varchar(10)   not null,
    name           varchar(200),
    subject        varchar(200),
    team_id        bigint,
    members        varchar(200)[] not null default '{}',
    primary key (livestream_id, position)
);
create index livestream_host_subject on livestream_host (subject) where subject is not null;
create index livestream_host_team on livestream_host (team_id) where team_id is not null;
create index livestream_host_members on livestream_host using gin (members);

-- Attribution, decided once at placement: livestream_id is set iff the order counts for the
-- stream; livestream_code is the code the buyer gave (upper-cased), livestream_note why it does
-- not count. No foreign key to livestream: its check would be a lookup and a row lock per order
-- on the flash sale's insert, and a stream of the replica is never deleted.
alter table customer_order
    add column livestream_id   bigint,
    add column livestream_code varchar(12),
    add column livestream_note varchar(200);

-- the counters and results: a stream's orders, in placement order
create index customer_order_livestream on customer_order (livestream_id, placed_at) where livestream_id is not null;

-- the funnel's per-producer sales
create index order_line_producer on order_line (producer_id, order_id);

create function customer_order_attribution_is_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'the livestream attribution of order % is immutable (livestream_id, livestream_code, livestream_note)',
        old.id using errcode = 'integrity_constraint_violation';
end
$$;

create trigger customer_order_attribution_immutable
    before update of livestream_id, livestream_code, livestream_note on customer_order
    for each row
    when (old.livestream_id is distinct from new.livestream_id
          or old.livestream_code is distinct from new.livestream_code
          or old.livestream_note is distinct from new.livestream_note)
    execute function customer_order_attribution_is_immutable();
