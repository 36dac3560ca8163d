-- A ticket keeps the whole scope it was issued with: an agency role's province claim too (the kit's AgencyFilter binds
-- the agency to it, so a token whose agency and province disagree sees nothing on the stream either).
alter table stream_ticket add column scope_agency_province text;
