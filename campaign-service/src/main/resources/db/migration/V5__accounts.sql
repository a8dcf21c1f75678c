-- WhatsApp accounts: Cloud API (phone number id, WABA id, token) or manual / Evolution API.
-- Secrets are sealed (AES-256-GCM, HOSTREACH_SECRETS_KEY); nothing here is readable without the key.
alter table whatsapp_account add column name varchar(100);
alter table whatsapp_account add column waba_id varchar(64);
alter table whatsapp_account add column phone_number_id varchar(64);
alter table whatsapp_account add column token_sealed text;
alter table whatsapp_account add column evolution_api_url varchar(2048);
alter table whatsapp_account add column evolution_instance_id varchar(255);
alter table whatsapp_account add column evolution_api_key_sealed text;
alter table whatsapp_account add column daily_limit integer not null default 250;
create unique index whatsapp_account_phone_number on whatsapp_account (workspace_id, environment, phone_number_id)
    where phone_number_id is not null;
