-- Each instance keeps the ETags of documents whose newest version is issued (controlled.IssuedDocuments) and answers
-- If-None-Match from memory; these triggers tell every instance, at the commit, which documents changed: the
-- document's id on govqms_document, or '' (forget every document) for a statement of more than 1,000 documents
-- (a bulk load, a merger) or an agency whose scope (province, ministry root, end) changed.
create function document_change_notice(ids text[]) returns void language plpgsql as $$
begin
    if cardinality(ids) > 1000 then
        perform pg_notify('govqms_document', '');
    else
        perform pg_notify('govqms_document', i) from unnest(ids) i;
    end if;
end $$;

create function controlled_document_notice() returns trigger language plpgsql as $$
begin
    perform document_change_notice(array(select distinct id::text from changed_rows));
    return null;
end $$;

create function document_version_notice() returns trigger language plpgsql as $$
begin
    perform document_change_notice(array(select distinct document_id::text from changed_rows));
    return null;
end $$;

create function agency_scope_notice() returns trigger language plpgsql as $$
begin
    perform pg_notify('govqms_document', '');
    return null;
end $$;

-- a new document is in no instance's memory yet: no notice for its insert
create trigger controlled_document_notice_update after update on controlled_document referencing new table as changed_rows
    for each statement execute function controlled_document_notice();
create trigger controlled_document_notice_delete after delete on controlled_document referencing old table as changed_rows
    for each statement execute function controlled_document_notice();
create trigger document_version_notice_insert after insert on document_version referencing new table as changed_rows
    for each statement execute function document_version_notice();
create trigger document_version_notice_update after update on document_version referencing new table as changed_rows
    for each statement execute function document_version_notice();
create trigger document_version_notice_delete after delete on document_version referencing old table as changed_rows
    for each statement execute function document_version_notice();
create trigger agency_scope_notice after update on agency
    for each row when ((old.province_code, old.root_id, old.valid_to) is distinct from (new.province_code, new.root_id, new.valid_to))
    execute function agency_scope_notice();
