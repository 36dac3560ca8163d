-- What the other services' events tell about each agency, one row per thing they track, so that a
-- redelivered or late event changes nothing it should not. Indicators are counted from these.

-- document-service: QMS announcement and pending re-announcement
create table qms_state (
    agency_id               uuid primary key,
    announced_on            date,
    reannouncement_pending  boolean not null default false,
    updated_at              timestamptz not null
);

-- document-service: procedure reviews (OPEN, OVERDUE, COMPLETED)
create table review_track (
    task_id      uuid primary key,
    agency_id    uuid        not null,
    due_date     date        not null,
    status       text        not null,
    on_time      boolean,
    resolved_on  date,
    updated_at   timestamptz not null
);
create index review_track_agency on review_track (agency_id, status);

-- document-service: documents issued (one row per document revision)
create table published_document (
    document_id  uuid    not null,
    revision     integer not null,
    agency_id    uuid    not null,
    year         integer not null,
    primary key (document_id, revision)
);
create index published_document_agency on published_document (agency_id, year);

-- audit-service: items of approved activity plans
create table activity_item (
    item_id       uuid primary key,
    plan_id       uuid    not null,
    agency_id     uuid    not null,
    year          integer not null,
    kind          text,
    title         text,
    planned_date  date,
    done_on       date,
    overdue       boolean not null default false
);
create index activity_item_agency on activity_item (agency_id, year);

create table activity_plan (
    plan_id      uuid primary key,
    agency_id    uuid    not null,
    year         integer not null,
    approved_at  timestamptz
);
create index activity_plan_agency on activity_plan (agency_id, year);

-- audit-service: audits completed (internal audits, cross-checks, inspections)
create table audit_held (
    audit_id      uuid primary key,
    agency_id     uuid    not null,
    kind          text    not null,
    year          integer not null,
    completed_on  date
);
create index audit_held_agency on audit_held (agency_id, year);

create table management_review_held (
    review_id  uuid primary key,
    agency_id  uuid    not null,
    year       integer not null,
    held_on    date
);
create index management_review_held_agency on management_review_held (agency_id, year);

-- audit-service: findings (open until finding.closed)
create table finding_track (
    finding_id   uuid primary key,
    agency_id    uuid    not null,
    kind         text    not null,
    raised_year  integer not null,
    closed_on    date
);
create index finding_track_agency on finding_track (agency_id) where closed_on is null;

-- audit-service: corrective actions (overdue until closed)
create table action_track (
    action_id  uuid primary key,
    agency_id  uuid    not null,
    due_date   date,
    overdue    boolean not null default false,
    closed_on  date
);
create index action_track_agency on action_track (agency_id) where closed_on is null;

-- the events that moved an agency's indicators last (a few per agency)
create table indicator_event (
    id          bigserial primary key,
    agency_id   uuid        not null,
    event_id    text        not null,
    type        text        not null,
    occurred_at timestamptz,
    received_at timestamptz not null,
    summary     text        not null
);
create index indicator_event_agency on indicator_event (agency_id, id desc);

-- the live score of an agency for a year under the active criteria set of its province
create table live_score (
    agency_id        uuid          not null,
    year             integer       not null,
    province_code    text          not null,
    criteria_set_id  uuid          not null,
    score            numeric(6, 2) not null,
    band             text          not null,
    band_label       text          not null,
    criteria         text          not null,
    cause            text,
    updated_at       timestamptz   not null,
    primary key (agency_id, year)
);
create index live_score_ranking on live_score (province_code, year, score desc);
