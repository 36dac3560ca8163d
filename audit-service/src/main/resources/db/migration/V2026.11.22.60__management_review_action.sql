-- Actions opened by the outputs of a management review (9.3.3) that name an owner and a due date.
create table management_review_action (
    id         uuid primary key,
    review_id  uuid        not null references management_review (id),
    agency_id  uuid        not null,
    kind       text        not null,
    decision   text        not null,
    owner      text        not null,
    due_date   date        not null,
    status     text        not null,
    done_on    date,
    done_note  text,
    done_by    text,
    version    bigint      not null,
    created_at timestamptz not null
);
create index management_review_action_review on management_review_action (review_id);
