-- Customer webhooks: subscriptions, a durable delivery queue fed in the same transaction as the change,
-- and a log of every attempt.
create table webhook_subscription (
    id               uuid primary key,
    workspace_id     uuid not null references workspace (id) on delete cascade,
    environment      varchar(4) not null,
    name             varchar(100) not null,
    url              varchar(2048) not null,
    secret_sealed    text not null,
    events           varchar(1000) not null,
    enabled          boolean not null,
    disabled_reason  text,
    failing_since    timestamp(6) with time zone,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null
);
create index webhook_subscription_workspace_idx on webhook_subscription (workspace_id, environment);

create table webhook_delivery (
    id               uuid primary key,
    seq              bigserial not null,
    subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
    event_id         uuid not null,
    event_type       varchar(64) not null,
    payload          text not null,
    status           varchar(10) not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamp(6) with time zone not null,
    last_status_code integer,
    last_error       text,
    created_at       timestamp(6) with time zone not null,
    delivered_at     timestamp(6) with time zone
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, seq);

create table webhook_attempt (
    id            uuid primary key,
    delivery_id   uuid not null references webhook_delivery (id) on delete cascade,
    attempted_at  timestamp(6) with time zone not null,
    status_code   integer,
    latency_ms    integer not null,
    error         text
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempted_at);

-- Captured leads are announced to webhooks in batches (leads.imported), not one delivery per lead.
alter table lead add column announced_at timestamp(6) with time zone;
create index lead_unannounced_idx on lead (created_at) where announced_at is null;
