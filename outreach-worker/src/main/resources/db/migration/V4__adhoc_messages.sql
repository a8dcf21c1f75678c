-- Ad-hoc messages (POST /messaging/send, /messaging/send-template) share the send log with sequence steps,
-- so the same claim, guard rails and at-most-once apply. They are not steps: several per lead, no sequence
-- effects, and the client's key makes each one once.
alter table outreach_message add column kind varchar(8) not null default 'sequence'; -- sequence | adhoc
alter table outreach_message alter column enrolment_id drop not null;              -- an ad-hoc message to a lead never enrolled
alter table outreach_message add column client_key varchar(320);                    -- adhoc: the caller's idempotency key
alter table outreach_message add column region varchar(2);                          -- adhoc: the recipient's country
alter table outreach_message add column template_language varchar(16);              -- adhoc template: rendered when queued
alter table outreach_message add column template_parameters text;                   -- adhoc template: JSON array of values
-- Still one row per (lead, campaign, step) for sequences; an exclusion constraint can be partial and keeps its name
-- for the ON CONFLICT ... DO NOTHING that schedules the next step.
alter table outreach_message drop constraint outreach_message_step_uq;
alter table outreach_message add constraint outreach_message_step_uq
    exclude using btree (lead_id with =, campaign_id with =, step with =) where (kind = 'sequence');
create unique index outreach_message_client_key_idx on outreach_message (workspace_id, environment, client_key)
    where client_key is not null;
