-- Conversations: the message log holds both directions, with the text where we know it.
alter table message add column direction varchar(8) not null default 'outbound'; -- outbound | inbound (a lead's reply)
alter table message add column body text;                                         -- what was sent or received
alter table message add column created_at timestamp(6) with time zone;            -- when it was queued or received
update message set created_at = coalesce(sent_at, failed_at, updated_at);
alter table message alter column created_at set not null;
create index message_conversation_idx on message (workspace_id, environment, lead_id, created_at desc);

-- Why the system paused a campaign (outreach-worker held it on a Meta error); null when a user paused it.
alter table campaign add column paused_reason text;
