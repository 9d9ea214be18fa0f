-- training-service: courses, sessions, enrolments with waitlists, attendance, certificates,
-- farmer notices and the outbox that delivers notices and catalogue badges.

create sequence course_seq increment by 50;
create table course (
    id           bigint primary key,
    code         varchar(40)  not null unique,
    topic        varchar(30)  not null,
    hours        integer      not null check (hours > 0),
    title        jsonb        not null,
    description  jsonb        not null,
    created_at   timestamptz  not null default now()
);

create table course_prerequisite (
    course_id        bigint not null references course (id),
    prerequisite_id  bigint not null references course (id),
    primary key (course_id, prerequisite_id)
);

create sequence training_session_seq increment by 50;
create table training_session (
    id                   bigint primary key,
    course_id            bigint        not null references course (id),
    starts_at            timestamptz   not null,
    ends_at              timestamptz   not null,
    venue_kind           varchar(10)   not null,
    venue_name           varchar(200),
    province             varchar(60),
    commune              varchar(120),
    online_url           varchar(500),
    capacity             integer       not null check (capacity > 0),
    trainer              varchar(200)  not null,
    enrolment_opens_at   timestamptz   not null,
    enrolment_closes_at  timestamptz   not null,
    cancellation_cutoff  timestamptz   not null,
    status               varchar(20)   not null,
    cancel_reason        varchar(500),
    arrivals             bigint        not null default 0,
    created_at           timestamptz   not null default now(),
    check (ends_at > starts_at),
    check (enrolment_closes_at > enrolment_opens_at)
);
create index training_session_course on training_session (course_id);

create sequence enrolment_seq increment by 50;
create table enrolment (
    id                 bigint primary key,
    session_id         bigint        not null references training_session (id),
    course_id          bigint        not null references course (id),
    farmer             varchar(200)  not null,
    farmer_name        varchar(200)  not null,
    province           varchar(60),
    commune            varchar(120),
    status             varchar(20)   not null,
    arrival            bigint        not null,
    offer_expires_at   timestamptz,
    offer_reminded_at  timestamptz,
    attendance         varchar(10),
    attendance_by      varchar(200),
    enrolled_by        varchar(200)  not null,
    created_at         timestamptz   not null default now(),
    updated_at         timestamptz   not null default now()
);
create index enrolment_session on enrolment (session_id, status, arrival);
create index enrolment_farmer on enrolment (farmer);
create index enrolment_offer_due on enrolment (offer_expires_at) where status = 'OFFERED';
-- one active enrolment per farmer per course (a completed course counts as active)
create unique index enrolment_one_active_per_course on enrolment (course_id, farmer)
    where status in ('SEATED', 'WAITLISTED', 'OFFERED') and (attendance is null or attendance = 'ATTENDED');

create sequence certificate_seq increment by 50;
create table certificate (
    id               bigint primary key,
    code             varchar(16)   not null unique,
    enrolment_id     bigint        not null unique references enrolment (id),
    farmer           varchar(200)  not null,
    holder_name      varchar(200)  not null,
    course_id        bigint        not null references course (id),
    course_code      varchar(40)   not null,
    course_title     varchar(300)  not null,
    completed_on     date          not null,
    issuer           varchar(300)  not null,
    issued_at        timestamptz   not null,
    signature        text          not null,
    revoked_at       timestamptz,
    revoked_by       varchar(200),
    revoke_reason    varchar(500)
);
create index certificate_farmer on certificate (farmer);

create sequence notice_seq increment by 50;
create table notice (
    id            bigint primary key,
    farmer        varchar(200)  not null,
    kind          varchar(30)   not null,
    session_id    bigint,
    enrolment_id  bigint,
    message       varchar(1000) not null,
    created_at    timestamptz   not null default now(),
    delivered_at  timestamptz
);
create index notice_farmer on notice (farmer, id);

create sequence outbox_message_seq increment by 50;
create table outbox_message (
    id               bigint primary key,
    kind             varchar(30)   not null,
    payload          text          not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       varchar(1000),
    delivered_at     timestamptz,
    failed_at        timestamptz,
    created_at       timestamptz   not null default now()
);
create index outbox_message_due on outbox_message (next_attempt_at) where delivered_at is null and failed_at is null;
