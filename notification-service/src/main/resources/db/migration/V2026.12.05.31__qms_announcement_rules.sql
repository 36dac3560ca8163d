-- Default rules of the QMS announcement steps (Decision 19/2014/QĐ-TTg): the lead agency (the province's steering
-- committee, Sở KH&CN) is told of each announcement; an overdue re-announcement goes to the head and the ISO officer
-- (then escalates like any other overdue item). Provinces may replace the rules of a type with their own.
insert into notification_rule (id, province_code, event_type, recipient_kind, recipient_role, channels, urgency, version, created_at, updated_at)
select gen_random_uuid(), null, 'vn.govqms.' || t.type || '.v1', t.kind, t.role, t.channels::text[], t.urgency, 0, now(), now()
from (values
    ('document.qms.announced',              'STEERING_COMMITTEE', null,          '{INBOX,EMAIL}', 'NORMAL'),
    ('document.qms.reannouncement-overdue', 'AGENCY_ROLE',        'HEAD',        '{INBOX,EMAIL}', 'HIGH'),
    ('document.qms.reannouncement-overdue', 'AGENCY_ROLE',        'ISO_OFFICER', '{INBOX,EMAIL}', 'HIGH')
) as t(type, kind, role, channels, urgency)
where not exists (select 1 from notification_rule r where r.province_code is null and r.event_type = 'vn.govqms.' || t.type || '.v1'
                  and r.recipient_kind = t.kind and r.recipient_role is not distinct from t.role);
