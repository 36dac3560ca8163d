-- Urgent e-mails first: an overdue notice or an escalation must not wait behind the tens of thousands of e-mails a
-- legal change queues at once. The sender claims in this index's order.
drop index notification_email_due;
create index notification_email_due on notification ((case urgency when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end),
    next_attempt_at, id) where delivery_status = 'PENDING';
