-- Consumption only logs each event (pending); the fan-out then turns thousands of pending events into notifications,
-- webhook deliveries, due dates and escalations in a few set-based statements. What the fan-out needs is kept here.
alter table event_log
    add column pending          boolean not null default false,
    add column skip_rules       boolean not null default false,
    add column owner            text,
    add column deadline_key     text,
    add column deadline_title   text,
    add column deadline_due     date,
    add column escalation_key   text,
    add column escalation_title text,
    add column escalation_due   date,
    add column reported_step    int     not null default 0,
    add column closes           text[]  not null default '{}',
    add column plan_items       boolean not null default false;
create index event_log_pending on event_log (seq) where pending;

-- The dispatcher takes each active subscription's oldest due deliveries (a lateral join per subscription).
create index webhook_delivery_pending on webhook_delivery (subscription_id, next_attempt_at) where status = 'PENDING';
