-- The campaigns as campaign-service last announced them (event-carried state): outreach reads the
-- contact mode, sequence, schedule, daily cap, account, timezone, country and status from here and
-- never calls campaign-service back. Values are stored as announced, without check constraints: a
-- value this version does not know yet must not turn a valid event into a poison one.
create table campaign (
    id           uuid primary key,
    workspace_id uuid not null,
    environment  varchar(8) not null,      -- live | test (test campaigns send to the sandbox WhatsApp)
    name         varchar(255),
    platform     varchar(32) not null,
    mode         varchar(32) not null,     -- only extract_and_contact campaigns are contacted
    contact_mode varchar(32),              -- whatsapp | whatsapp-no-api
    status       varchar(16) not null,     -- new messages go out only while running
    segmentation text not null,            -- JSON object: {filters, expectedResults} or {batchSize}
    settings     text not null,            -- JSON object: sequence, scheduledHours/Days, dailyCap, accountId
    timezone     varchar(64),
    country      varchar(2),               -- legal contact windows are per country
    version      bigint not null,          -- campaign-service's version: a snapshot applies only if newer
    updated_at   timestamp(6) with time zone not null,  -- when campaign-service changed it
    received_at  timestamp(6) with time zone not null   -- when this worker stored it
);

-- The dispatcher looks for the running campaigns.
create index campaign_status_idx on campaign (status);
