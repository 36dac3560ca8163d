-- The default rule set: every event type of the catalogue that someone must act on. Provinces may replace the rules
-- of a type with their own (POST /api/v1/rules).
insert into notification_rule (id, province_code, event_type, recipient_kind, recipient_role, channels, urgency, version, created_at, updated_at)
select gen_random_uuid(), null, 'vn.govqms.' || t.type || '.v1', t.kind, t.role, t.channels::text[], t.urgency, 0, now(), now()
from (values
    ('document.procedure-review.required',   'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'NORMAL'),
    ('document.procedure-review.required',   'AGENCY_ROLE', 'HEAD',        '{INBOX}',       'LOW'),
    ('document.procedure-review.overdue',    'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('document.document.issued',             'AGENCY_ROLE', 'UNIT_LEAD',   '{INBOX,EMAIL}', 'LOW'),
    ('document.document.issued',             'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX}',       'LOW'),
    ('document.qms.reannouncement-required', 'AGENCY_ROLE', 'HEAD',        '{INBOX,EMAIL}', 'HIGH'),
    ('document.qms.reannouncement-required', 'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('audit.finding.raised',                 'AGENCY_ROLE', 'HEAD',        '{INBOX,EMAIL}', 'HIGH'),
    ('audit.finding.raised',                 'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('audit.corrective-action.opened',       'EVENT_OWNER', null,          '{INBOX,EMAIL}', 'NORMAL'),
    ('audit.corrective-action.opened',       'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX}',       'NORMAL'),
    ('audit.corrective-action.overdue',      'EVENT_OWNER', null,          '{INBOX,EMAIL}', 'HIGH'),
    ('audit.corrective-action.overdue',      'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('audit.activity.overdue',               'EVENT_OWNER', null,          '{INBOX,EMAIL}', 'HIGH'),
    ('audit.activity.overdue',               'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('audit.activity-plan.approved',         'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX}',       'LOW'),
    ('audit.audit.planned',                  'AGENCY_ROLE', 'HEAD',        '{INBOX}',       'NORMAL'),
    ('audit.audit.planned',                  'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'NORMAL'),
    ('scoring.assessment.published',         'AGENCY_ROLE', 'HEAD',        '{INBOX,EMAIL}', 'NORMAL'),
    ('scoring.assessment.published',         'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX}',       'NORMAL'),
    ('scoring.score.changed',                'AGENCY_ROLE', 'HEAD',        '{INBOX,EMAIL}', 'LOW'),
    ('scoring.objective.at-risk',            'AGENCY_ROLE', 'HEAD',        '{INBOX}',       'NORMAL'),
    ('scoring.objective.at-risk',            'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'NORMAL'),
    ('scoring.objective.missed',             'AGENCY_ROLE', 'HEAD',        '{INBOX,EMAIL}', 'HIGH'),
    ('scoring.objective.missed',             'AGENCY_ROLE', 'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH')
) as t(type, kind, role, channels, urgency);
