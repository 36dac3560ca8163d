-- Sync feeds (kit vn.govqms.kit.sync): what left a feed, so that an app that synced it learns to drop it. A row is written
-- in the transaction of the delete or of the move to another agency, by the triggers below (set-based: one insert per
-- statement, from its transition tables), so no code path that deletes or moves rows can forget it.
create table sync_tombstone (
    feed      text        not null,
    id        text        not null,
    agency_id uuid,
    subject   text,
    at        timestamptz not null
);
create index sync_tombstone_feed_at on sync_tombstone (feed, at, id);

-- AFTER DELETE / AFTER UPDATE ... REFERENCING ... FOR EACH STATEMENT, argument: the feed. The table has id and agency_id
-- (and may have subject, the person a row is for).
create function sync_tombstones() returns trigger language plpgsql as $$
begin
    if TG_OP = 'DELETE' then
        insert into sync_tombstone (feed, id, agency_id, subject, at)
        select TG_ARGV[0], o.id::text, o.agency_id, to_jsonb(o) ->> 'subject', now() from old_rows o;
    else
        insert into sync_tombstone (feed, id, agency_id, subject, at)
        select TG_ARGV[0], o.id::text, o.agency_id, to_jsonb(o) ->> 'subject', now()
        from old_rows o join new_rows n on n.id = o.id
        where n.agency_id is distinct from o.agency_id;
    end if;
    return null;
end $$;

-- BEFORE INSERT OR UPDATE ... FOR EACH ROW: a row changed by set-based SQL that left updated_at alone (a move, an overdue
-- mark, a read mark) is stamped changed now, so that the feeds ordered by updated_at return it.
create function sync_touch() returns trigger language plpgsql as $$
begin
    if TG_OP = 'INSERT' then
        if new.updated_at is null then
            new.updated_at := coalesce((to_jsonb(new) ->> 'created_at')::timestamptz, now());
        end if;
    elsif new.updated_at is not distinct from old.updated_at and new is distinct from old then
        new.updated_at := now();
    end if;
    return new;
end $$;
