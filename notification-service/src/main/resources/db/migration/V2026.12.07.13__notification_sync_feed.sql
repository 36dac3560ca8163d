-- The notifications feed of an officer's app (kit sync): the caller's inbox notifications changed since a token (new,
-- read), with tombstones of those deleted (a contact removed, an agency's contacts dropped after a reorganisation).
alter table notification add column updated_at timestamptz;
update notification set updated_at = greatest(created_at, read_at);
alter table notification alter column updated_at set not null;
create index notification_changes on notification (subject, updated_at, id) where channel = 'INBOX';

create trigger notification_touch before insert or update on notification
    for each row execute function sync_touch();
create trigger notification_deleted after delete on notification
    referencing old table as old_rows for each statement execute function sync_tombstones('notifications');
