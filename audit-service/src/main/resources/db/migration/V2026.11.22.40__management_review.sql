-- Management reviews (xem xét của lãnh đạo): ISO 9001:2015 9.3.2 inputs and 9.3.3 outputs.
create table management_review (
    id         uuid primary key,
    agency_id  uuid        not null,
    year       int         not null,
    held_on    date        not null,
    chair      text        not null,
    attendees  text        not null,  -- JSON: ["Trần Văn Bình - Phó Giám đốc"]
    inputs     text        not null,  -- JSON: [{topic, summary}]
    outputs    text        not null,  -- JSON: [{kind, decision, owner, dueDate}]
    created_by text        not null,
    version    bigint      not null,
    created_at timestamptz not null
);
create index management_review_agency_year on management_review (agency_id, year);
