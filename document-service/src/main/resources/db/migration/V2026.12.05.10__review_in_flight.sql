-- Legal changes reach procedures in flight, through their TTHC, and when a document expires.
-- A task now names the newest version relying on the change (a draft, one in review or approved, or the issued one),
-- and, when the procedure does not cite the document itself, the TTHC through which it relies on it.
alter table review_task add column via_procedure_id uuid references administrative_procedure (id);
-- a corrected date finds the tasks of a cause to move
create index review_task_cause_key on review_task (cause_key);
-- the expiry check announces each expired document once
alter table legal_document add column expiry_announced_at timestamptz;
create index legal_document_expiry_pending on legal_document (expiry_date)
    where expiry_date is not null and expiry_announced_at is null;
-- documents that expired before this rule existed are not announced retroactively: reviews due long ago would be
-- overdue at once; a revision citing one is still refused at issue
update legal_document set expiry_announced_at = now() where expiry_date < (now() at time zone 'Asia/Ho_Chi_Minh')::date;
