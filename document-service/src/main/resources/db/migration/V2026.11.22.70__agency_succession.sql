-- Mergers and splits (the 2025 reorganisation): which agencies an agency continues.
create table agency_succession (
    predecessor_id uuid not null references agency (id),
    successor_id   uuid not null references agency (id),
    effective_date date not null,
    primary key (predecessor_id, successor_id)
);
create index agency_succession_successor on agency_succession (successor_id);
