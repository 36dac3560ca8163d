-- Agencies whose live score must be recomputed because a dossier batch moved their on-time rate:
-- written with the batch, drained every second in chunks (many batches fold into one recomputation).
create table live_score_pending (
    agency_id  uuid    not null,
    year       integer not null,
    cause      text    not null,
    primary key (agency_id, year)
);
