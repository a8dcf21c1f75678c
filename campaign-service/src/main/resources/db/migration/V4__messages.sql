-- The messages outreach-worker reports, for conversations, lead statuses and campaign stats.
create table message (
    id                  uuid primary key,
    workspace_id        uuid not null,
    environment         varchar(4) not null,
    lead_id             uuid not null,
    campaign_id         uuid not null references campaign (id) on delete cascade,
    step                integer not null,
    channel             varchar(10) not null,
    provider_message_id varchar(255),
    status              varchar(10) not null,
    error_code          integer,
    error_title         text,
    sent_at             timestamp(6) with time zone,
    delivered_at        timestamp(6) with time zone,
    read_at             timestamp(6) with time zone,
    failed_at           timestamp(6) with time zone,
    updated_at          timestamp(6) with time zone not null
);
create index message_campaign_idx on message (campaign_id, status);
create index message_lead_idx on message (lead_id, step);
