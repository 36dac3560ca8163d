-- Announcing conformity follows the four steps of Decision 19/2014/QĐ-TTg. The steps before an announcement:
-- internal audits and management reviews learnt from audit-service's events (source EVENT), the head's confirmation
-- of effectiveness recorded here (HEAD), and steps an announcement records as having happened outside the system
-- (OUTSIDE, attached to that announcement, with their evidence).
create table qms_step (
    id              uuid primary key,
    agency_id       uuid        not null references agency (id),
    step            text        not null,
    held_on         date,
    reference       text,
    source          text        not null,
    source_id       text        not null unique,
    announcement_id uuid references qms_announcement (id),
    recorded_by     text,
    created_at      timestamptz not null
);
create index qms_step_agency on qms_step (agency_id, step, held_on);
create index qms_step_announcement on qms_step (announcement_id) where announcement_id is not null;

-- Posting the announcement at the office (niêm yết) and on the portal (đăng tải): where, when, link.
create table qms_announcement_posting (
    id              uuid primary key,
    announcement_id uuid        not null references qms_announcement (id),
    channel         text        not null,
    place           text,
    link            text,
    posted_on       date        not null,
    recorded_by     text        not null,
    created_at      timestamptz not null
);
create index qms_announcement_posting_announcement on qms_announcement_posting (announcement_id, posted_on);

-- The re-announcement a change of scope requires: which requirement (its id keys reminders and escalation elsewhere),
-- since when, due when, and when it was announced overdue (once).
alter table agency add column reannouncement_id uuid;
alter table agency add column reannouncement_since date;
alter table agency add column reannouncement_due date;
alter table agency add column reannouncement_overdue_at timestamptz;
update agency set reannouncement_id = gen_random_uuid(), reannouncement_since = updated_at::date,
                  reannouncement_due = (updated_at::date + interval '3 months')::date
where reannouncement_required;
create index agency_reannouncement_due on agency (reannouncement_due)
    where reannouncement_required and reannouncement_overdue_at is null;

-- The requirement an announcement cleared, if any.
alter table qms_announcement add column cleared_requirement_id uuid;
