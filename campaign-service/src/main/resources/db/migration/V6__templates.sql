-- Message templates: the whole definition (components and the lead field of each {{n}}), and for Meta
-- templates the id and review status Meta gave them. Text templates are never submitted anywhere.
alter table message_template add column platform varchar(30);
alter table message_template add column waba_id varchar(64);
alter table message_template add column category varchar(20) not null default 'MARKETING';
alter table message_template add column language varchar(15) not null default 'es';
-- JSON arrays, validated by the API: [{type, text, ...}] and ["name", "listing.title", ...].
alter table message_template add column components text not null default '[]';
alter table message_template add column variables text not null default '[]';
alter table message_template add column meta_template_id varchar(64);
-- Why the status is what it is: Meta's rejection reason, its error on submission, a pause's cause.
alter table message_template add column status_reason text;
-- When the status last changed (a status event older than this is stale and ignored).
alter table message_template add column status_changed_at timestamp(6) with time zone;
-- Time of the last Meta status webhook applied: an older one arriving late is ignored.
alter table message_template add column meta_status_at timestamp(6) with time zone;
alter table message_template add column updated_at timestamp(6) with time zone;
alter table message_template add column version bigint not null default 0;
update message_template set updated_at = created_at, status_changed_at = created_at where updated_at is null;
alter table message_template alter column updated_at set not null;
alter table message_template alter column category drop default;
alter table message_template alter column language drop default;
-- Meta allows one template per name and language in a WABA; we keep that rule per workspace and environment.
create unique index message_template_name_language on message_template (workspace_id, environment, name, language);
-- Meta's status webhooks name the template by Meta's id.
create index message_template_meta_id on message_template (meta_template_id) where meta_template_id is not null;
