-- A campaign's inspection of its lead's own agency is planned without a lead (the lead is left out of it, as every
-- inspector of the inspected agency is); the province names its lead before it starts.
alter table audit alter column lead_auditor drop not null;
