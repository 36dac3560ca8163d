-- Distribution with signed receipt (giao nhận), posting at the office and on the portal, and
-- periodic reviews of controlled documents.
create table document_distribution (
    id               uuid primary key,
    document_id      uuid        not null references controlled_document (id),
    version_id       uuid        not null references document_version (id),
    recipient_kind   text        not null,
    recipient        text        not null,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    created_at       timestamptz not null,
    unique (version_id, recipient_kind, recipient)
);
create index document_distribution_pending on document_distribution (document_id) where acknowledged_at is null;

alter table controlled_document add column posted_on date;
alter table controlled_document add column portal_url text;
alter table controlled_document add column published_on date;

create table document_periodic_review (
    id               uuid primary key,
    document_id      uuid        not null references controlled_document (id),
    reviewer         text        not null,
    reviewed_on      date        not null,
    outcome          text        not null,
    note             text,
    next_review_date date,
    created_at       timestamptz not null
);
create index document_periodic_review_document on document_periodic_review (document_id, reviewed_on);
