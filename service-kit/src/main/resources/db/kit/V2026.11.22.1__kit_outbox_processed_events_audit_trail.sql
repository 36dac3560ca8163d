-- Tables every service has (service-kit). Versions are dates, like the services' own, so kit and
-- service migrations form one ordered history.

-- Transactional outbox: written in the same transaction as the state change, relayed to Kafka.
create table outbox (
    id           bigserial primary key,
    event_id     text        not null unique,
    topic        text        not null,
    message_key  text        not null,
    type         text        not null,
    source       text        not null,
    subject      text,
    occurred_at  timestamptz not null,
    payload      text        not null,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index outbox_pending on outbox (id) where sent_at is null;

-- Wakes the relay when a transaction that wrote events commits (one notification per statement).
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('govqms_outbox', '');
    return null;
end $$;
create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify();

-- Idempotent consumption: the ids of the events applied, written with their effect.
create table processed_event (
    event_id     text        primary key,
    type         text        not null,
    processed_at timestamptz not null default now()
);

-- Who changed what, when.
create table audit_trail (
    id            bigserial primary key,
    resource_type text        not null,
    resource_id   text        not null,
    agency_id     uuid,
    province_code text,
    action        text        not null,
    actor         text        not null,
    at            timestamptz not null,
    changes       text        not null
);
create index audit_trail_resource on audit_trail (resource_type, resource_id, id);
