-- csv_import drip: each (campaign, scheduled slot) releases at most segmentation.batchSize first contacts.
-- The primary key is the lease: one row per slot whatever the number of replicas, and a slot whose row
-- exists is never released again (a restart inside the slot tops it up to batchSize, never beyond).
create table drip_slot (
    campaign_id uuid not null,
    slot_start  timestamp(6) with time zone not null,
    released    integer not null,
    released_at timestamp(6) with time zone not null,
    primary key (campaign_id, slot_start)
);
