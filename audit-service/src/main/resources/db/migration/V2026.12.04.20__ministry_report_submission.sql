-- The December report each province submits to the Ministry of Science and Technology, stored as it was submitted:
-- what it said (the report's JSON), when and by whom. A correction is a new submission with the next number; the
-- earlier ones are kept.
create table ministry_report_submission (
    id            uuid primary key,
    province_code text        not null,
    year          int         not null,
    number        int         not null,
    note          text,
    report        jsonb       not null,
    submitted_by  text        not null,
    submitted_at  timestamptz not null,
    unique (province_code, year, number)
);
create index ministry_report_submission_year on ministry_report_submission (year, province_code, submitted_at);
