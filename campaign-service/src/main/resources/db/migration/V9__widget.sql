-- The website widget: each workspace's allowed origins and consent text (its public key is widget_key),
-- and the consent every widget lead gave, kept as evidence (text shown, time, page, salted IP hash).
alter table workspace add column widget_allowed_origins text not null default '[]';
alter table workspace add column widget_consent_text text;

create table lead_consent (
    lead_id     uuid primary key references lead (id) on delete cascade,
    source      varchar(20) not null,
    text        text not null,
    given_at    timestamp(6) with time zone not null,
    page_url    varchar(2048),
    ip_hash     varchar(64) not null
);
