-- The JSON documents of audits, inspection campaigns and management reviews become jsonb: checked when written, and
-- an auditor's audits are found by containment (team @> '[{"subject": ...}]', with the index below) instead of LIKE.
alter table audit
    alter column team type jsonb using team::jsonb,
    alter column audited_units type jsonb using audited_units::jsonb,
    alter column scope_clauses type jsonb using scope_clauses::jsonb,
    alter column checklist type jsonb using checklist::jsonb;
create index audit_team_member on audit using gin (team jsonb_path_ops);
alter table inspection_campaign alter column team type jsonb using team::jsonb;
alter table management_review
    alter column attendees type jsonb using attendees::jsonb,
    alter column inputs type jsonb using inputs::jsonb,
    alter column outputs type jsonb using outputs::jsonb;
