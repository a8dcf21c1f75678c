-- Sequences, the send log, suppressions, manual tasks, Meta webhooks and the sandbox WhatsApp.

-- This worker's own marks on its campaign projection (never overwritten by a snapshot).
alter table campaign add column hold_code   varchar(32);   -- provider error that made us hold every send
alter table campaign add column hold_reason text;          -- the human sentence shown with it
alter table campaign add column held_at     timestamp(6) with time zone;
alter table campaign add column drained_at  timestamp(6) with time zone; -- campaign.drained emitted; reset by a new enrolment

-- One row per captured lead of an extract_and_contact campaign: enrolled (ACTIVE) or why not (SKIPPED).
create table enrolment (
    id           uuid primary key,
    lead_id      uuid not null,
    campaign_id  uuid not null,
    workspace_id uuid not null,
    environment  varchar(8) not null,
    phone        varchar(20),              -- E.164; null when the lead had no usable number
    region       varchar(2),               -- the phone's country: legal windows and recipient time zones
    lead         text not null,            -- the lead.captured data (JSON): template variables
    source       varchar(16),
    status       varchar(16) not null,     -- WAITING | ACTIVE | COMPLETED | REPLIED | OPTED_OUT | SUPPRESSED | FAILED | CANCELLED | SKIPPED
    end_reason   varchar(64),
    created_at   timestamp(6) with time zone not null,
    ended_at     timestamp(6) with time zone,
    constraint enrolment_lead_campaign_uq unique (lead_id, campaign_id)
);
create index enrolment_campaign_status_idx on enrolment (campaign_id, status);
create index enrolment_phone_idx on enrolment (workspace_id, environment, phone);

-- The send log: one row per (lead, campaign, step), written (PENDING -> SENDING) and committed before the
-- provider is called, so no step can go twice.
create table outreach_message (
    id                           uuid primary key,
    enrolment_id                 uuid not null references enrolment (id),
    lead_id                      uuid not null,
    campaign_id                  uuid not null,
    workspace_id                 uuid not null,
    environment                  varchar(8) not null,
    step                         integer not null,
    phone                        varchar(20) not null,
    channel                      varchar(16),         -- whatsapp | evolution | manual | sandbox (set when claimed)
    account_id                   varchar(64),
    sender_id                    varchar(64),         -- the business number (Meta phone_number_id) webhooks name
    status                       varchar(16) not null, -- PENDING | SENDING | UNKNOWN | SENT | DELIVERED | READ | FAILED | CANCELLED | TASK_OPEN | SKIPPED
    due_at                       timestamp(6) with time zone not null,
    attempts                     integer not null default 0,
    first_claimed_at             timestamp(6) with time zone, -- counts once against the daily caps
    claimed_at                   timestamp(6) with time zone,
    sent_at                      timestamp(6) with time zone,
    delivered_at                 timestamp(6) with time zone,
    read_at                      timestamp(6) with time zone,
    failed_at                    timestamp(6) with time zone,
    provider_message_id          varchar(128),
    previous_provider_message_id varchar(128),        -- the attempt before a 131049 retry: its statuses are ignored
    wa_id                        varchar(32),
    template_name                varchar(512),
    body                         text,                -- what the recipient reads (rendered)
    error_code                   integer,
    error_title                  text,
    ecosystem_retried            boolean not null default false, -- 131049 is retried once, not before 24 h
    created_at                   timestamp(6) with time zone not null,
    updated_at                   timestamp(6) with time zone not null,
    constraint outreach_message_step_uq unique (lead_id, campaign_id, step)
);
create unique index outreach_message_provider_idx on outreach_message (provider_message_id);
create index outreach_message_due_idx on outreach_message (due_at) where status = 'PENDING';
create index outreach_message_sending_idx on outreach_message (claimed_at) where status = 'SENDING';
create index outreach_message_unknown_idx on outreach_message (claimed_at) where status = 'UNKNOWN';
create index outreach_message_enrolment_idx on outreach_message (enrolment_id, step);
create index outreach_message_recipient_idx on outreach_message (phone, claimed_at);
create index outreach_message_sender_idx on outreach_message (sender_id, phone);
create index outreach_message_first_contact_idx on outreach_message (campaign_id, first_claimed_at) where step = 1;
create index outreach_message_account_contact_idx on outreach_message (account_id, first_claimed_at) where step = 1;

-- The workspace-wide do-not-contact list, per environment. Never expires.
create table suppression (
    workspace_id uuid not null,
    environment  varchar(8) not null,
    phone        varchar(20) not null,     -- E.164
    reason       varchar(255),
    source       varchar(32) not null,     -- opt_out | whatsapp_opt_out | manual
    created_at   timestamp(6) with time zone not null,
    primary key (workspace_id, environment, phone)
);

-- Manual mode: a message a human sends from their own WhatsApp through a click-to-chat link.
create table manual_task (
    id           uuid primary key,
    message_id   uuid not null unique references outreach_message (id),
    lead_id      uuid not null,
    campaign_id  uuid not null,
    workspace_id uuid not null,
    environment  varchar(8) not null,
    step         integer not null,
    phone        varchar(20) not null,
    text         text not null,
    link         text not null,
    due_at       timestamp(6) with time zone not null,
    status       varchar(16) not null,     -- OPEN | DONE | CANCELLED
    outcome      varchar(16),              -- sent | skipped | replied
    created_at   timestamp(6) with time zone not null,
    completed_at timestamp(6) with time zone
);
create index manual_task_open_idx on manual_task (workspace_id, environment, due_at) where status = 'OPEN';

-- Webhook payloads exactly as received (Meta, after the signature check; the sandbox), processed after the 200.
create table webhook_delivery (
    id           bigserial primary key,
    source       varchar(16) not null,     -- meta | sandbox
    payload      text not null,
    received_at  timestamp(6) with time zone not null,
    processed_at timestamp(6) with time zone,
    attempts     integer not null default 0,
    last_error   text
);
create index webhook_delivery_pending_idx on webhook_delivery (id) where processed_at is null;

-- Statuses are processed once per (message id, status), whatever Meta redelivers.
create table message_status_receipt (
    provider_message_id varchar(128) not null,
    status              varchar(16) not null,
    received_at         timestamp(6) with time zone not null,
    primary key (provider_message_id, status)
);

-- Inbound messages are processed once per Meta message id.
create table inbound_message (
    id          varchar(128) primary key,
    sender_id   varchar(64) not null,
    phone       varchar(20) not null,
    received_at timestamp(6) with time zone not null
);

-- The 24-hour customer service window: the last message the user sent to this business number.
create table conversation_window (
    sender_id       varchar(64) not null,
    phone           varchar(20) not null,
    last_inbound_at timestamp(6) with time zone not null,
    primary key (sender_id, phone)
);

-- The sandbox WhatsApp's pending webhooks (statuses, replies) for test-mode sends; durable, so a crash
-- between its accept and our record still ends in a status that reconciles the message.
create table sandbox_event (
    id          uuid primary key,
    message_id  uuid not null,             -- our message (biz_opaque_callback_data)
    due_at      timestamp(6) with time zone not null,
    payload     text not null,
    emitted_at  timestamp(6) with time zone
);
create index sandbox_event_due_idx on sandbox_event (due_at) where emitted_at is null;
create index sandbox_event_message_idx on sandbox_event (message_id);
