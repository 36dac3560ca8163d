-- Receipt is confirmed by the recipient: a distribution entry names a person by the subject of their token or a unit
-- by its agency id (recipient), with a name to show (recipient_name); an acknowledgement says how it was given: by the
-- recipient's own token (TOKEN) or recorded by the agency's ISO officer from a paper receipt (PAPER, with its evidence).
-- Entries made before recipients were identified keep their name as both key and name (named_only): only a paper
-- receipt closes them; their acknowledgements, whoever's token gave them, are marked RECORDED.
alter table document_distribution add column recipient_name text;
alter table document_distribution add column named_only boolean not null default false;
alter table document_distribution add column acknowledgement_method text;
alter table document_distribution add column recorded_by text;
alter table document_distribution add column evidence_note text;
alter table document_distribution add column signed_on date;

update document_distribution set recipient_name = recipient, named_only = true;
update document_distribution set acknowledgement_method = 'RECORDED', recorded_by = acknowledged_by where acknowledged_at is not null;
