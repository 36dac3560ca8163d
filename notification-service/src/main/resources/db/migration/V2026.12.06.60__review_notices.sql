-- A legal change (or a TTHC change) that reaches several procedures of an agency is told to the agency once: one notice
-- per agency, change and kind (review required; reviews overdue), updated by the change's later events (a procedure
-- found, a review resolved, re-dated or overdue) instead of one notification per procedure (event.ReviewNotices).

-- the change's review tasks of each agency, as the events told them: the notice's list and counts
create table review_notice_task (
    task_id        text primary key,
    agency_id      uuid        not null,      -- the agency told (the successor of one ended by a merger or a split)
    cause          text        not null,      -- causeType:causeId:causeKind:effectiveDate of document-service's task
    cause_id       text        not null,
    cause_summary  text,
    document_id    text,
    document_code  text,
    document_title text,
    due_date       date,
    status         text        not null check (status in ('OPEN', 'OVERDUE', 'RESOLVED')),
    outcome        text,
    found_at       timestamptz not null,
    overdue_at     timestamptz,               -- set once, by its first overdue mark: the task is listed in the overdue notice
    updated_at     timestamptz not null
);
create index review_notice_task_change on review_notice_task (agency_id, cause);

-- one notice per agency, change and kind; its log row is the change's first event of that kind for the agency, whose data
-- carries the notice (data.notice) and whose notifications and webhook deliveries are the agency's
create table review_notice (
    agency_id  uuid        not null,
    cause      text        not null,
    kind       text        not null check (kind in ('procedure-review.required', 'procedure-review.overdue')),
    event_id   text        not null unique,
    created_at timestamptz not null,
    primary key (agency_id, cause, kind)
);

-- an event told through its agency's notice (not on its own): no notifications or deliveries of its own
alter table event_log add column grouped boolean not null default false;
