-- A controlled document version's structured content becomes jsonb (checked when written, readable with JSON operators).
alter table document_version alter column content type jsonb using content::jsonb;
