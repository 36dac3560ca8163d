-- Who is told: contacts of each agency (by role) and of each province's steering committee.
create table contact (
    id            uuid primary key,
    agency_id     uuid,                      -- null: a member of the province's steering committee
    province_code text        not null,
    subject       text        not null,      -- the person's token subject
    name          text        not null,
    email         text,
    language      text        not null default 'vi' check (language in ('vi', 'en')),
    roles         text[]      not null default '{}',
    digest        boolean     not null default false,
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index contact_agency_subject on contact (agency_id, subject) where agency_id is not null;
create unique index contact_committee_subject on contact (province_code, subject) where agency_id is null;
create index contact_roles on contact using gin (roles);
create index contact_subject on contact (subject);

-- A person's muted channels (never applied to escalations).
create table channel_mute (
    subject text not null,
    channel text not null check (channel in ('INBOX', 'EMAIL')),
    primary key (subject, channel)
);

-- Event type -> recipients -> channels. province_code null: the default set; a province that has rules of its own for an
-- event type uses those instead of the defaults for that type.
create table notification_rule (
    id             uuid primary key,
    province_code  text,
    event_type     text        not null,
    recipient_kind text        not null check (recipient_kind in ('AGENCY_ROLE', 'STEERING_COMMITTEE', 'CONTACT', 'EVENT_OWNER')),
    recipient_role text check (recipient_role in ('HEAD', 'ISO_OFFICER', 'AUDITOR', 'UNIT_LEAD')),
    contact_id     uuid references contact (id) on delete cascade,
    channels       text[]      not null,
    urgency        text        not null check (urgency in ('HIGH', 'NORMAL', 'LOW')),
    enabled        boolean     not null default true,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index notification_rule_type on notification_rule (event_type, province_code);

-- Every event received (and every reminder or escalation made here): the source of inbox texts, webhook bodies and the
-- live stream (seq is the stream's Last-Event-ID).
create table event_log (
    seq           bigserial primary key,
    event_id      text        not null unique,
    type          text        not null,
    kind          text        not null,
    agency_id     uuid,
    province_code text,
    source        text,
    subject       text,
    occurred_at   timestamptz,
    received_at   timestamptz not null,
    data          jsonb       not null,
    due_date      date,
    link          text
);
create index event_log_agency on event_log (agency_id, seq);
create index event_log_province on event_log (province_code, seq);
create index event_log_received on event_log (received_at);

-- One notification per event, recipient and channel. EMAIL rows are also the queue of e-mails to send.
create table notification (
    id              bigserial primary key,
    event_id        text        not null,
    contact_id      uuid        not null references contact (id) on delete cascade,
    subject         text        not null,
    agency_id       uuid,
    province_code   text,
    channel         text        not null check (channel in ('INBOX', 'EMAIL')),
    kind            text        not null,
    reason          text        not null,
    urgency         text        not null,
    language        text        not null,
    due_date        date,
    created_at      timestamptz not null,
    read_at         timestamptz,
    -- e-mail delivery (EMAIL only): PENDING, DIGEST (waits for the daily digest), SENT, FAILED
    delivery_status text,
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    unique (event_id, contact_id, channel)
);
create index notification_inbox on notification (subject, (read_at is null), id) where channel = 'INBOX';
create index notification_agency on notification (agency_id, id) where channel = 'INBOX';
create index notification_email_due on notification (next_attempt_at) where delivery_status = 'PENDING';
create index notification_digest on notification (contact_id) where delivery_status = 'DIGEST';

create table email_attempt (
    id              bigserial primary key,
    notification_id bigint      references notification (id) on delete cascade,
    digest_of       int,
    recipient       text        not null,
    at              timestamptz not null,
    ok              boolean     not null,
    error           text
);
create index email_attempt_notification on email_attempt (notification_id);

-- Due dates learnt from events (review tasks, corrective actions, plan items) for reminders; closed by completion events.
create table deadline (
    key          text primary key,           -- e.g. procedure-review:<taskId>
    kind         text        not null,
    agency_id    uuid        not null,
    title        text        not null,
    due_date     date        not null,
    owner        text,
    link         text,
    closed_at    timestamptz,
    created_at   timestamptz not null
);
create index deadline_open on deadline (due_date) where closed_at is null;

-- Overdue items being escalated (head after 15 days, steering committee after 30) until a completion event closes them.
create table escalation (
    key           text primary key,
    kind          text        not null,
    agency_id     uuid        not null,
    title         text        not null,
    due_date      date        not null,
    owner         text,
    link          text,
    reported_step int         not null default 0,
    last_step     int         not null default 0,
    closed_at     timestamptz,
    created_at    timestamptz not null
);
create index escalation_open on escalation (due_date) where closed_at is null;

-- Webhooks: subscriptions of outside systems, deliveries from a table, every attempt logged.
create table webhook_subscription (
    id            uuid primary key,
    province_code text        not null,
    agency_id     uuid,
    url           text        not null,
    event_types   text[]      not null,
    secret        text        not null,
    description   text,
    active        boolean     not null default true,
    created_by    text        not null,
    version       bigint      not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create index webhook_subscription_scope on webhook_subscription (province_code) where active;

create table webhook_delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    event_id         text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    last_status_code int,
    last_error       text,
    last_latency_ms  int,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at);

create table webhook_attempt (
    id          bigserial primary key,
    delivery_id uuid        not null references webhook_delivery (id) on delete cascade,
    at          timestamptz not null,
    status_code int,
    latency_ms  int         not null,
    error       text
);
create index webhook_attempt_delivery on webhook_attempt (delivery_id, id);
