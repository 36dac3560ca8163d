-- The province's assessment team for a year (the steering committee's team that scores agencies officially): auditors
-- of agencies, each named by the subject of their token and the agency they belong to (their token's agency_id).
-- An auditor on the team may author and change the official assessment of any agency of the province but their own.
-- Named by the province's province-admin; replaced as a whole.
create table assessment_team_member (
    province_code  text        not null,
    year           integer     not null,
    subject        text        not null,
    agency_id      uuid        not null,
    name           text,
    named_by       text        not null,
    named_at       timestamptz not null,
    primary key (province_code, year, subject)
);
