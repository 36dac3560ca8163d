-- Audits (internal audits, cross-checks, provincial inspections), their findings and corrective actions.
create table audit (
    id                 uuid primary key,
    agency_id          uuid        not null,
    province_code      text        not null,
    kind               text        not null,
    mode               text        not null,
    year               int         not null,
    title              text        not null,
    status             text        not null,
    planned_start      date        not null,
    planned_end        date        not null,
    campaign_id        uuid,
    lead_auditor       text        not null,
    team               text        not null,  -- JSON: [{subject, fullName, agencyId, unit, role}]
    audited_units      text        not null,  -- JSON: ["Văn phòng Sở"]
    scope_clauses      text        not null,  -- JSON: ["8.5.1"]
    checklist          text        not null,  -- JSON: [{no, clause, question, answer, evidence}]
    conclusion         text,
    started_at         timestamptz,
    reported_by        text,
    reported_at        timestamptz,
    confirmed_by       text,
    confirmed_at       timestamptz,
    confirmation_note  text,
    copied_from        uuid,
    created_by         text        not null,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index audit_agency_year on audit (agency_id, year);
create index audit_campaign on audit (campaign_id) where campaign_id is not null;

-- The controlled documents (procedures) of the agencies, from document.issued / document.abolished.
create table known_document (
    id         uuid primary key,
    agency_id  uuid        not null,
    code       text        not null,
    title      text,
    revision   int         not null,
    status     text        not null,
    updated_at timestamptz not null
);

create table audit_procedure (
    audit_id    uuid    not null references audit (id) on delete cascade,
    document_id uuid    not null,
    abolished   boolean not null default false,
    primary key (audit_id, document_id)
);
create index audit_procedure_document on audit_procedure (document_id);

create table finding (
    id           uuid primary key,
    audit_id     uuid        not null references audit (id),
    agency_id    uuid        not null,
    audit_kind   text        not null,
    clause       text        not null,
    kind         text        not null,
    description  text        not null,
    evidence     text,
    procedure_id uuid,
    status       text        not null,
    raised_by    text        not null,
    raised_on    date        not null,
    closed_on    date,
    version      bigint      not null,
    created_at   timestamptz not null
);
create index finding_audit on finding (audit_id);
create index finding_agency on finding (agency_id, status);

create table corrective_action (
    id                  uuid primary key,
    finding_id          uuid        not null references finding (id),
    agency_id           uuid        not null,
    title               text        not null,
    containment         text,
    root_cause          text        not null,
    action_plan         text        not null,
    owner               text        not null,
    due_date            date        not null,
    status              text        not null,
    implementation_note text,
    implemented_at      timestamptz,
    verified_by         text,
    verified_on         date,
    verification_note   text,
    effective           boolean,
    closed_on           date,
    created_by          text        not null,
    version             bigint      not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index corrective_action_finding on corrective_action (finding_id);
create index corrective_action_agency on corrective_action (agency_id, status);
create index corrective_action_active_due on corrective_action (due_date) where status in ('OPEN', 'IN_PROGRESS');

create table corrective_action_extension (
    id                bigserial primary key,
    action_id         uuid        not null references corrective_action (id),
    previous_due_date date        not null,
    new_due_date      date        not null,
    reason            text        not null,
    extended_by       text        not null,
    extended_at       timestamptz not null
);
create index corrective_action_extension_action on corrective_action_extension (action_id, id);

-- One announcement per action, due date and escalation step reached (an extension starts afresh).
create table corrective_action_escalation (
    action_id    uuid        not null references corrective_action (id),
    due_date     date        not null,
    step         int         not null,
    announced_at timestamptz not null,
    primary key (action_id, due_date, step)
);
