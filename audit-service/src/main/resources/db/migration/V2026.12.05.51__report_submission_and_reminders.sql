-- The November summary is submitted as the December report is: one table for both, told apart by report_kind.
alter table ministry_report_submission rename to report_submission;
alter table report_submission add column report_kind text not null default 'MINISTRY_REPORT';
alter table report_submission drop constraint ministry_report_submission_province_code_year_number_key;
alter table report_submission add constraint report_submission_kind_number unique (report_kind, province_code, year, number);
drop index ministry_report_submission_year;
create index report_submission_year on report_submission (report_kind, year, province_code, submitted_at);

-- Reminders of a yearly report's deadline and the notice that it was missed: once per province, report, year and step
-- (BEFORE_<days>, MISSED).
create table report_reminder (
    report_kind   text        not null,
    province_code text        not null,
    year          int         not null,
    step          text        not null,
    announced_at  timestamptz not null,
    primary key (report_kind, province_code, year, step)
);
