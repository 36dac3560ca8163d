-- Agencies that ended in a merger or a split (document-service's agency.merged / agency.split) and the agency that
-- continues each (a split's primary successor; chains are kept pointing at the last one). Their contacts, open due dates
-- and escalations move there when the event arrives; an event that still names the ended agency afterwards is told to
-- the successor's people, and the due dates and escalations it opens are the successor's.
create table agency_successor (
    predecessor_id uuid primary key,
    successor_id   uuid        not null,
    effective_date date        not null,
    kind           text        not null check (kind in ('MERGER', 'SPLIT')),
    recorded_at    timestamptz not null,
    check (predecessor_id <> successor_id)
);
create index agency_successor_successor on agency_successor (successor_id);
