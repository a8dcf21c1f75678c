-- campaign-service: the system of record. Enumerations are stored as their public API values.

create table workspace (
    id          uuid primary key,
    name        varchar(255) not null,
    timezone    varchar(64)  not null,
    country     varchar(2)   not null,
    widget_key  varchar(64)  not null unique,
    created_at  timestamp(6) with time zone not null
);

create table api_key (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id) on delete cascade,
    public_id    varchar(8)  not null unique,
    secret_hash  varchar(64) not null,
    name         varchar(100) not null,
    environment  varchar(4)  not null check (environment in ('LIVE', 'TEST')),
    scopes       varchar(1000) not null,
    created_at   timestamp(6) with time zone not null,
    revoked_at   timestamp(6) with time zone
);
create index api_key_workspace_idx on api_key (workspace_id);

create table campaign (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id) on delete cascade,
    environment   varchar(4)   not null check (environment in ('live', 'test')),
    name          varchar(255) not null,
    platform      varchar(20)  not null,
    mode          varchar(30)  not null,
    contact_mode  varchar(20)  not null,
    status        varchar(20)  not null,
    segmentation  text not null,
    settings      text not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    started_at    timestamp(6) with time zone,
    paused_at     timestamp(6) with time zone,
    completed_at  timestamp(6) with time zone,
    version       bigint not null
);
create index campaign_list_idx on campaign (workspace_id, environment, created_at desc, id desc);
-- One running widget campaign per workspace and environment, even under concurrent requests.
create unique index campaign_one_running_widget on campaign (workspace_id, environment)
    where platform = 'widget' and status = 'running';

-- The campaign-service's view of extraction runs; the extraction-worker's events keep it current.
create table extraction_job (
    id                   uuid primary key,
    workspace_id         uuid not null,
    environment          varchar(4) not null,
    campaign_id          uuid not null references campaign (id) on delete cascade,
    platform             varchar(20) not null,
    status               varchar(10) not null,
    expected_results     integer not null,
    found                integer not null default 0,
    created              integer not null default 0,
    duplicates           integer not null default 0,
    skipped_professional integer not null default 0,
    pages                integer not null default 0,
    error                text,
    requested_at         timestamp(6) with time zone not null,
    started_at           timestamp(6) with time zone,
    finished_at          timestamp(6) with time zone
);
create index extraction_job_list_idx on extraction_job (workspace_id, environment, requested_at desc);
-- At most one queued or running job per campaign, even under concurrent execute requests.
create unique index extraction_job_one_active on extraction_job (campaign_id)
    where status in ('QUEUED', 'RUNNING');

-- WhatsApp accounts and templates: the run guards read them; their endpoints come with outreach.
create table whatsapp_account (
    id              uuid primary key,
    workspace_id    uuid not null references workspace (id) on delete cascade,
    environment     varchar(4) not null,
    type            varchar(20) not null,
    phone           varchar(20) not null,
    status          varchar(20) not null,
    created_at      timestamp(6) with time zone not null
);
create index whatsapp_account_workspace_idx on whatsapp_account (workspace_id, environment);

create table message_template (
    id            uuid primary key,
    workspace_id  uuid not null references workspace (id) on delete cascade,
    environment   varchar(4) not null,
    api_type      varchar(10) not null,
    name          varchar(512) not null,
    status        varchar(20) not null,
    created_at    timestamp(6) with time zone not null
);
create index message_template_workspace_idx on message_template (workspace_id, environment);

create table lead (
    id                uuid primary key,
    workspace_id      uuid not null,
    environment       varchar(4) not null,
    campaign_id       uuid not null references campaign (id) on delete cascade,
    source            varchar(20) not null,
    status            varchar(20) not null,
    name              varchar(255),
    phone             varchar(20),
    email             varchar(320),
    advertiser_type   varchar(12) not null default 'unknown',
    portal            varchar(20),
    listing_id        varchar(100),
    listing           text,
    last_contacted_at timestamp(6) with time zone,
    replied_at        timestamp(6) with time zone,
    opted_out_at      timestamp(6) with time zone,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null
);
create index lead_campaign_idx on lead (campaign_id, status);
create unique index lead_unique_listing on lead (workspace_id, environment, portal, listing_id) where listing_id is not null;
create unique index lead_unique_phone on lead (workspace_id, environment, phone) where phone is not null;

-- Idempotency-Key records: the first answer to a POST, replayed for 24 h.
create table idempotency_record (
    api_key_id      uuid not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64) not null,
    status_code     integer,
    response_body   text,
    created_at      timestamp(6) with time zone not null,
    completed_at    timestamp(6) with time zone,
    primary key (api_key_id, idempotency_key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);
