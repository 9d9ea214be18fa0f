-- Staff clean-up: products can be delisted, and every staff change to a campaign or a product
-- is written to an audit trail (who, when, why, what changed).

alter table product add column delisted_at timestamptz;

create sequence audit_entry_seq increment by 50;

create table audit_entry (
    id            bigint primary key,
    subject_type  varchar(20)   not null,
    subject_id    bigint        not null,
    at            timestamptz   not null,
    actor         varchar(100)  not null,
    action        varchar(30)   not null,
    reason        varchar(500),
    detail        varchar(4000)
);
create index audit_entry_subject on audit_entry (subject_type, subject_id, at, id);
