-- Events are now logged and fanned out in the consumer's transaction, from the rows just inserted: the staged fan-out's
-- pending flag and the facts it kept for a later pass are no longer read (the owner and whether rules apply stay: the
-- insert returns them to the fan-out). Events still pending here were logged by the previous version and would never be
-- fanned out: refuse to migrate until that version has drained them.
do $$
begin
    if exists (select 1 from event_log where pending) then
        raise exception 'event_log has pending events: run the previous version until its fan-out has turned them into notifications';
    end if;
end $$;

drop index event_log_pending;
-- nothing reads the log by reception time (the live stream reads it by sequence): one index less to write per event
drop index event_log_received;
alter table event_log
    drop column pending,
    drop column deadline_key,
    drop column deadline_title,
    drop column deadline_due,
    drop column escalation_key,
    drop column escalation_title,
    drop column escalation_due,
    drop column reported_step,
    drop column closes,
    drop column plan_items;

-- The dispatcher claims each subscription's oldest due deliveries through webhook_delivery_pending (subscription_id,
-- next_attempt_at); given this one as well, the planner sometimes walked every due delivery of every subscription instead.
drop index webhook_delivery_due;
