-- Default rules for audit-service's yearly-report deadlines (province-wide: the province's steering committee) and the
-- corrective-action report owed after an on-site inspection (the agency's ISO officer and head).
insert into notification_rule (id, province_code, event_type, recipient_kind, recipient_role, channels, urgency, version, created_at, updated_at)
select gen_random_uuid(), null, 'vn.govqms.' || t.type || '.v1', t.kind, t.role, t.channels::text[], t.urgency, 0, now(), now()
from (values
    ('audit.report-deadline.approaching', 'STEERING_COMMITTEE', null,          '{INBOX,EMAIL}', 'NORMAL'),
    ('audit.report-deadline.missed',      'STEERING_COMMITTEE', null,          '{INBOX,EMAIL}', 'HIGH'),
    ('audit.corrective-report.owed',      'AGENCY_ROLE',        'ISO_OFFICER', '{INBOX,EMAIL}', 'NORMAL'),
    ('audit.corrective-report.owed',      'AGENCY_ROLE',        'HEAD',        '{INBOX}',       'NORMAL'),
    ('audit.corrective-report.returned',  'AGENCY_ROLE',        'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('audit.corrective-report.overdue',   'AGENCY_ROLE',        'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('audit.corrective-report.overdue',   'AGENCY_ROLE',        'HEAD',        '{INBOX,EMAIL}', 'HIGH')
) as t(type, kind, role, channels, urgency);
