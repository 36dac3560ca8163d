-- Issue 17: attachments no longer sit whole in one bytea (read and written whole in memory). Their content goes to a
-- store: PostgreSQL as rows of 1 MiB (streamed both ways), or S3-compatible object storage; storage names which.
create table document_attachment_chunk (
    attachment_id uuid    not null references document_attachment (id),
    seq           integer not null,
    data          bytea   not null,
    primary key (attachment_id, seq)
);
-- TOAST would compress each chunk again for nothing: PDFs, images and Office files are compressed already
alter table document_attachment_chunk alter column data set storage external;

alter table document_attachment add column storage text not null default 'postgres';

insert into document_attachment_chunk (attachment_id, seq, data)
select a.id, s.seq, substring(a.content from s.seq * 1048576 + 1 for 1048576)
from document_attachment a
cross join lateral generate_series(0, greatest(0, (length(a.content) - 1) / 1048576)) as s(seq);

alter table document_attachment drop column content;
alter table document_attachment alter column storage drop default;
