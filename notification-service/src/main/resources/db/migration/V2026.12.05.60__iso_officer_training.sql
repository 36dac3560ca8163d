-- Training of ISO officers (issue 15, item 23): when a contact became the agency's ISO officer, the trainings recorded for
-- a contact, and the flags raised for an ISO officer still untrained after the configured period.

-- The day the contact became the agency's ISO officer (null unless ISO_OFFICER is among its roles). For the officers
-- recorded before this was asked, the day their contact was made is the best we know.
alter table contact add column iso_officer_since date;
update contact set iso_officer_since = (created_at at time zone 'Asia/Ho_Chi_Minh')::date where 'ISO_OFFICER' = any (roles);
alter table contact add constraint contact_iso_officer_since check (iso_officer_since is null or 'ISO_OFFICER' = any (roles));
create index contact_iso_officer on contact (iso_officer_since) where iso_officer_since is not null;

-- A training a person attended: what, when, and the certificate (number and issuer) when one was given.
create table contact_training (
    id                 uuid primary key,
    contact_id         uuid        not null references contact (id) on delete cascade,
    title              text        not null,
    trained_on         date        not null,
    certificate_number text,
    certificate_issuer text,
    recorded_by        text        not null,
    recorded_at        timestamptz not null
);
create index contact_training_contact on contact_training (contact_id, trained_on);

-- One flag per case (an ISO officer, from the day the role started) told to the head and the steering committee once;
-- cleared when a training is recorded (TRAINING) or when the case ends (ROLE_ENDED: no longer the ISO officer, or the
-- start date was corrected, which is another case).
create table iso_officer_training_flag (
    contact_id     uuid        not null references contact (id) on delete cascade,
    officer_since  date        not null,
    event_id       text        not null unique,
    due_date       date        not null,
    flagged_at     timestamptz not null,
    cleared_at     timestamptz,
    cleared_reason text check (cleared_reason in ('TRAINING', 'ROLE_ENDED')),
    training_id    uuid,
    primary key (contact_id, officer_since)
);
create index iso_officer_training_flag_open on iso_officer_training_flag (contact_id) where cleared_at is null;
