-- Agencies that ended in a merger or split, and who continues them (from agency.merged / agency.split).
-- An ended agency gets no live score again, whatever event still names it.
create table agency_succession (
    predecessor_id  uuid    not null,
    successor_id    uuid    not null,
    effective_date  date,
    kind            text    not null,
    primary_successor boolean not null,
    primary key (predecessor_id, successor_id)
);
