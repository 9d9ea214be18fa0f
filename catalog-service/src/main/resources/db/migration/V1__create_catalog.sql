create sequence producer_seq increment by 50;

create table producer (
    id          bigint primary key,
    name        varchar(200) not null,
    kind        varchar(20)  not null,
    province    varchar(60)  not null,
    created_at  timestamptz  not null default now()
);
