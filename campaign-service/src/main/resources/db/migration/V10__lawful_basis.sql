-- The lawful basis a workspace relies on to contact people found on portals (GDPR art. 6, Colombia's
-- Ley 1581, Mexico's LFPDPPP, Argentina's Ley 25.326). Append-only: every attestation is kept as the
-- audit trail of who declared what and when; the latest one is in force.
create table lawful_basis_attestation (
    id           uuid primary key,
    workspace_id uuid not null references workspace (id) on delete cascade,
    environment  text not null check (environment in ('live', 'test')),
    basis        text not null,
    statement    text not null,
    attested_by  text not null,
    api_key_id   uuid not null,
    created_at   timestamptz not null
);

create index lawful_basis_attestation_latest on lawful_basis_attestation (workspace_id, environment, created_at desc);
