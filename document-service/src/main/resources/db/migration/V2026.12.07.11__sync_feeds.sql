-- Sync feeds of the officers' apps (kit sync): documents and review tasks changed since a token, in (updated_at, id)
-- order, with tombstones of those deleted or moved to another agency. Review tasks now say when they last changed.
alter table review_task add column updated_at timestamptz;
update review_task set updated_at = greatest(created_at, coalesce(resolved_at, created_at), coalesce(overdue_at, created_at));
alter table review_task alter column updated_at set not null;

create index controlled_document_changes on controlled_document (updated_at, id);
create index review_task_changes on review_task (updated_at, id);

create trigger controlled_document_touch before insert or update on controlled_document
    for each row execute function sync_touch();
create trigger controlled_document_moved after update on controlled_document
    referencing old table as old_rows new table as new_rows for each statement execute function sync_tombstones('documents');
create trigger controlled_document_deleted after delete on controlled_document
    referencing old table as old_rows for each statement execute function sync_tombstones('documents');

create trigger review_task_touch before insert or update on review_task
    for each row execute function sync_touch();
create trigger review_task_moved after update on review_task
    referencing old table as old_rows new table as new_rows for each statement execute function sync_tombstones('review-tasks');
create trigger review_task_deleted after delete on review_task
    referencing old table as old_rows for each statement execute function sync_tombstones('review-tasks');

-- A document's view shows its newest version: a version created or changed (submitted, approved) changes the document.
create function controlled_document_version_changed() returns trigger language plpgsql as $$
begin
    update controlled_document set updated_at = now() where id = new.document_id and updated_at < now();
    return null;
end $$;
create trigger document_version_changed after insert or update on document_version
    for each row execute function controlled_document_version_changed();
