-- Leads keep the extraction that captured them and free attributes (CSV columns, widget form);
-- notes are the agency's own.
alter table lead add column extraction_id uuid;
alter table lead add column attributes text;
alter table lead add column captured_count integer not null default 1;
create index lead_extraction_idx on lead (extraction_id);
create index lead_list_idx on lead (workspace_id, environment, created_at desc, id desc);

create table lead_note (
    id          uuid primary key,
    lead_id     uuid not null references lead (id) on delete cascade,
    content     text not null,
    created_at  timestamp(6) with time zone not null
);
create index lead_note_lead_idx on lead_note (lead_id, created_at desc);

-- Jobs can be started by the worker itself (schedules): the first event creates them here.
alter table extraction_job add column trigger varchar(10) not null default 'execute';
alter table extraction_job add column skipped_agency_refusal integer not null default 0;
alter table extraction_job add column skipped_no_phone integer not null default 0;
