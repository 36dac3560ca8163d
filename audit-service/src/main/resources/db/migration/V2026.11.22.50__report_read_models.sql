-- What the December report to the Ministry needs from document-service's events.
-- The latest announcement of conformity of each agency (qms.announced).
create table agency_announcement (
    agency_id         uuid primary key,
    announcement_id   uuid        not null,
    decision_number   text        not null,
    decision_date     date        not null,
    standard_edition  text,
    reannouncement    boolean     not null,
    updated_at        timestamptz not null
);

-- Procedure reviews after legal changes (procedure-review.required / .overdue / .completed).
create table procedure_review (
    task_id     uuid primary key,
    agency_id   uuid        not null,
    due_date    date        not null,
    status      text        not null,  -- OPEN, OVERDUE, COMPLETED
    on_time     boolean,
    resolved_at timestamptz
);
create index procedure_review_agency on procedure_review (agency_id, status);
