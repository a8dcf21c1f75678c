-- Extraction runs of a campaign. extraction_id is campaign-service's id of the job (it arrives with the
-- execution-requested event and goes back on every extraction event), so a repeated request for the
-- same job can never create a second run.
create table extraction_run (
    extraction_id uuid primary key,
    campaign_id   uuid not null references campaign (id) on delete cascade,
    status        varchar(16) not null
                  constraint extraction_run_status_check check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    requested_at  timestamp(6) with time zone not null,
    started_at    timestamp(6) with time zone,
    finished_at   timestamp(6) with time zone,
    error         text
);

-- Runs of a campaign (and the cascade when a campaign goes); the runner picks the oldest queued run.
create index extraction_run_campaign_idx on extraction_run (campaign_id);
create index extraction_run_queued_idx on extraction_run (requested_at) where status = 'QUEUED';
