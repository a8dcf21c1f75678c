-- The extraction runner: what a run needs to page through a portal, survive a crash or a pause, and report.

-- Why the run exists (start | schedule | execute), what it aims for, where it is, and what it counted so far.
alter table extraction_run
    add column trigger                  varchar(16) not null default 'execute',
    add column expected_results         integer,
    add column next_page                integer not null default 1,   -- the page cursor: a resumed run reads this page next
    add column found                    integer not null default 0,
    add column created                  integer not null default 0,
    add column duplicates               integer not null default 0,
    add column skipped_professional     integer not null default 0,
    add column skipped_agency_refusal   integer not null default 0,
    add column skipped_no_phone         integer not null default 0,
    add column pages                    integer not null default 0,
    -- The replica working on the run holds a lease it keeps renewing; an expired lease means that replica
    -- died, and another one picks the run up again from next_page.
    add column lease_owner              varchar(128),  -- replica and claim: a takeover, even by the same replica, fences the old execution
    add column lease_expires_at         timestamp(6) with time zone,
    add column recoveries               integer not null default 0,   -- times the run was taken over after a lost lease
    add column slot_at                  timestamp(6) with time zone,  -- the schedule slot of a 'schedule' run
    -- The campaign's segmentation when the run first started: a run resumed after the filters were edited
    -- (allowed while paused) keeps paging the search it began, not another one from its old cursor.
    add column segmentation             text;

alter table extraction_run add constraint extraction_run_trigger_check
    check (trigger in ('start', 'schedule', 'execute'));

-- One run per campaign at a time, whatever the number of replicas: a second claim fails on this index.
create unique index extraction_run_one_running_idx on extraction_run (campaign_id) where status = 'RUNNING';
-- A schedule slot of a campaign runs once (its run id is also derived from the slot; this says it plainly).
create unique index extraction_run_slot_idx on extraction_run (campaign_id, slot_at) where slot_at is not null;
-- Leases to take over.
create index extraction_run_lease_idx on extraction_run (lease_expires_at) where status = 'RUNNING';

-- When the campaign last went running: schedule slots before it (while paused or not yet started) are not run.
alter table campaign add column running_since timestamp(6) with time zone;

-- Every listing a run has read, per campaign: the next run of the campaign stops at the first one it meets
-- again (portals list newest first). lead_id is set when the listing became a lead, which also makes it a
-- duplicate for every other campaign of the workspace and environment.
create table seen_listing (
    campaign_id   uuid not null references campaign (id) on delete cascade,
    portal        varchar(32) not null,
    listing_id    varchar(128) not null,
    workspace_id  uuid not null,
    environment   varchar(8) not null,
    extraction_id uuid not null,
    lead_id       uuid,
    seen_at       timestamp(6) with time zone not null,
    primary key (campaign_id, portal, listing_id)
);
create index seen_listing_workspace_lead_idx on seen_listing (workspace_id, environment, portal, listing_id)
    where lead_id is not null;

-- How a workspace's portal requests leave the machine, when it overrides the global route: 'direct', or
-- through a scraping/unblocker provider. The provider's API key is stored encrypted (AES-GCM) and is never
-- returned or logged.
create table workspace_fetch_route (
    workspace_id     uuid primary key,
    mode             varchar(16) not null constraint workspace_fetch_route_mode_check check (mode in ('direct', 'provider')),
    url_template     text,
    api_key_header   varchar(100),
    api_key_cipher   text,
    updated_at       timestamp(6) with time zone not null
);
