-- The minutes (biên bản) of an inspection are dated: the corrective-action report an on-site inspection asks for is due
-- a period after that date, not after the day a finding was typed in.
alter table audit add column minutes_date date;

-- The corrective-action report (báo cáo kết quả khắc phục) an agency owes after an on-site provincial inspection:
-- owed when the inspection is reported, submitted by the agency, accepted or returned (with a reason) by the team.
create table corrective_report (
    id              uuid primary key,
    audit_id        uuid        not null unique references audit (id),
    agency_id       uuid        not null,
    province_code   text        not null,
    year            int         not null,
    minutes_date    date        not null,
    due_date        date        not null,
    status          text        not null,
    document_number text,
    content         text,
    submissions     int         not null default 0,
    submitted_by    text,
    submitted_at    timestamptz,
    decided_by      text,
    decided_at      timestamptz,
    return_reason   text,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index corrective_report_agency on corrective_report (agency_id, year);
create index corrective_report_owed_due on corrective_report (due_date) where status in ('OWED', 'RETURNED');

-- One announcement per report, due date and escalation step reached.
create table corrective_report_escalation (
    report_id    uuid        not null references corrective_report (id),
    due_date     date        not null,
    step         int         not null,
    announced_at timestamptz not null,
    primary key (report_id, due_date, step)
);
