-- Default rules for document-service's re-dated reviews and the agencies' TTHC list updates (issue 15 follow-ups). Own lines,
-- so that other defaults added beside them merge without touching these.
insert into notification_rule (id, province_code, event_type, recipient_kind, recipient_role, channels, urgency, version, created_at, updated_at)
select gen_random_uuid(), null, 'vn.govqms.' || t.type || '.v1', t.kind, t.role, t.channels::text[], t.urgency, 0, now(), now()
from (values
    ('document.procedure-review.rescheduled', 'AGENCY_ROLE',        'ISO_OFFICER', '{INBOX,EMAIL}', 'NORMAL'),
    ('document.tthc-list-update.required',    'AGENCY_ROLE',        'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('document.tthc-list-update.required',    'AGENCY_ROLE',        'HEAD',        '{INBOX,EMAIL}', 'NORMAL'),
    ('document.tthc-list-update.overdue',     'AGENCY_ROLE',        'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH'),
    ('document.tthc-list-update.overdue',     'AGENCY_ROLE',        'HEAD',        '{INBOX,EMAIL}', 'HIGH'),
    ('document.tthc-list-update.overdue',     'STEERING_COMMITTEE', null,          '{INBOX,EMAIL}', 'HIGH')
) as t(type, kind, role, channels, urgency);
