-- Stream tickets: a browser's EventSource cannot send a bearer token, so it opens the stream with a short-lived ticket
-- obtained with one. Kept in the database (not in one instance's memory) because the instance that issues a ticket is
-- rarely the one the browser's next request reaches. Only a SHA-256 of the ticket is kept: the table cannot be replayed.
-- The scope is the one decided when the ticket was issued (the kit's AgencyFilter, in its four forms).
create table stream_ticket (
    ticket_hash    text primary key,
    subject        text        not null,
    integration    boolean     not null,
    all_agencies   boolean     not null,
    provinces      text[]      not null default '{}',
    root_id        uuid,
    scope_agency   uuid,
    narrow_agency  uuid,
    expires_at     timestamptz not null,
    issued_at      timestamptz not null default now()
);
create index stream_ticket_expires on stream_ticket (expires_at);
