-- Posting at the office notice board (niêm yết) and publication on the portal (đăng tải) per issued version: where,
-- when, the link. The same posting recorded twice is one row (loaders may send it again).
create table document_posting (
    id           uuid primary key,
    document_id  uuid        not null references controlled_document (id),
    version_id   uuid        not null references document_version (id),
    channel      text        not null,
    posted_on    date        not null,
    place        text,
    url          text,
    recorded_by  text        not null,
    created_at   timestamptz not null
);
create unique index document_posting_once on document_posting (version_id, channel, posted_on, coalesce(url, ''));
create index document_posting_document on document_posting (document_id, posted_on);
