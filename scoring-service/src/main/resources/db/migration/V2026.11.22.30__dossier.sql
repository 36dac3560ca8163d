-- One-stop-shop dossiers (hồ sơ TTHC). Every status event is kept once (dossier code + status +
-- time: a resent event changes nothing); the dossier row holds its current state for the KPIs.
create table dossier_event (
    dossier_code   text        not null,
    status         text        not null,
    occurred_at    timestamptz not null,
    agency_id      uuid        not null,
    tthc_code      text        not null,
    channel        text        not null,
    received_at    timestamptz,
    due_at         timestamptz,
    resolved_at    timestamptz,
    apology_due_at timestamptz,
    ingested_at    timestamptz not null default now(),
    primary key (dossier_code, status, occurred_at)
);

create table dossier (
    code           text primary key,
    agency_id      uuid        not null,
    tthc_code      text        not null,
    channel        text        not null,
    status         text        not null,
    received_at    timestamptz,
    due_at         timestamptz,
    resolved_at    timestamptz,
    apology_count  integer     not null default 0,
    new_due_at     timestamptz,
    last_event_at  timestamptz not null
);
create index dossier_agency_resolved on dossier (agency_id, resolved_at);
create index dossier_agency_received on dossier (agency_id, received_at);
