-- Shared by every service (each in its own database): the transactional outbox and the inbox of
-- processed event ids.
create sequence outbox_event_seq;

create table outbox_event (
    id           uuid primary key,
    seq          bigint not null default nextval('outbox_event_seq'),
    topic        varchar(255) not null,
    message_key  varchar(255) not null,
    event_type   varchar(255) not null,
    payload      text not null,
    created_at   timestamp(6) with time zone not null,
    published_at timestamp(6) with time zone,
    attempts     integer not null default 0,
    last_error   text
);
create index outbox_event_pending_idx on outbox_event (seq) where published_at is null;
create index outbox_event_published_idx on outbox_event (published_at) where published_at is not null;

create table processed_event (
    event_id     varchar(64) not null,
    consumer     varchar(100) not null,
    event_type   varchar(255) not null,
    processed_at timestamp(6) with time zone not null,
    primary key (event_id, consumer)
);
