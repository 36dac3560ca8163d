-- A legal document is identified by its number within its issuer's register: the national register
-- (province_code null) and each province's own. 1113/QĐ-UBND of Ninh Bình (37) and of Bắc Ninh (24) both exist.
alter table legal_document drop constraint legal_document_number_key;
create unique index legal_document_number_per_register on legal_document (number, coalesce(province_code, ''));
