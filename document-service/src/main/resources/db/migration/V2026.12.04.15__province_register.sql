-- The national register of provinces (tỉnh, thành phố trực thuộc trung ương), kept by national-admin: the 63
-- provinces as they were before 1 July 2025, with their two-digit codes (Quyết định 124/2004/QĐ-TTg and its
-- updates). Mergers are recorded through the API (POST /api/v1/province-mergers): the absorbed provinces end the
-- day before and name the province that continues them; the continuing province keeps its code and may take a
-- new name from the effective date. Central bodies (code 00) are not a province.
create table province (
    code           text primary key check (code ~ '^[0-9]{2}$' and code <> '00'),
    name           text        not null,
    valid_from     date,
    valid_to       date,
    successor_code text references province (code),
    decision       text,
    version        bigint      not null default 0,
    updated_at     timestamptz not null default now(),
    check (valid_to is null or valid_from is null or valid_to >= valid_from),
    check ((valid_to is null) = (successor_code is null))
);
create index province_successor on province (successor_code);

-- A province's names over time: valid_from null means "since before the register's records".
create table province_name (
    id         uuid primary key,
    code       text not null references province (code),
    name       text not null,
    valid_from date,
    valid_to   date,
    decision   text,
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index province_name_code on province_name (code);

-- Each merger as it was recorded: the continuing code, its name from the effective date, every source (the
-- continuing code among them) and the decision (nghị quyết) that made it.
create table province_merger (
    id             uuid primary key,
    code           text        not null references province (code),
    name           text        not null,
    effective_date date        not null,
    source_codes   text[]      not null,
    decision       text        not null,
    recorded_at    timestamptz not null,
    unique (code, effective_date)
);

insert into province (code, name) values
    ('01', 'Hà Nội'),
    ('02', 'Hà Giang'),
    ('04', 'Cao Bằng'),
    ('06', 'Bắc Kạn'),
    ('08', 'Tuyên Quang'),
    ('10', 'Lào Cai'),
    ('11', 'Điện Biên'),
    ('12', 'Lai Châu'),
    ('14', 'Sơn La'),
    ('15', 'Yên Bái'),
    ('17', 'Hòa Bình'),
    ('19', 'Thái Nguyên'),
    ('20', 'Lạng Sơn'),
    ('22', 'Quảng Ninh'),
    ('24', 'Bắc Giang'),
    ('25', 'Phú Thọ'),
    ('26', 'Vĩnh Phúc'),
    ('27', 'Bắc Ninh'),
    ('30', 'Hải Dương'),
    ('31', 'Hải Phòng'),
    ('33', 'Hưng Yên'),
    ('34', 'Thái Bình'),
    ('35', 'Hà Nam'),
    ('36', 'Nam Định'),
    ('37', 'Ninh Bình'),
    ('38', 'Thanh Hóa'),
    ('40', 'Nghệ An'),
    ('42', 'Hà Tĩnh'),
    ('44', 'Quảng Bình'),
    ('45', 'Quảng Trị'),
    ('46', 'Huế'),
    ('48', 'Đà Nẵng'),
    ('49', 'Quảng Nam'),
    ('51', 'Quảng Ngãi'),
    ('52', 'Bình Định'),
    ('54', 'Phú Yên'),
    ('56', 'Khánh Hòa'),
    ('58', 'Ninh Thuận'),
    ('60', 'Bình Thuận'),
    ('62', 'Kon Tum'),
    ('64', 'Gia Lai'),
    ('66', 'Đắk Lắk'),
    ('67', 'Đắk Nông'),
    ('68', 'Lâm Đồng'),
    ('70', 'Bình Phước'),
    ('72', 'Tây Ninh'),
    ('74', 'Bình Dương'),
    ('75', 'Đồng Nai'),
    ('77', 'Bà Rịa - Vũng Tàu'),
    ('79', 'Hồ Chí Minh'),
    ('80', 'Long An'),
    ('82', 'Tiền Giang'),
    ('83', 'Bến Tre'),
    ('84', 'Trà Vinh'),
    ('86', 'Vĩnh Long'),
    ('87', 'Đồng Tháp'),
    ('89', 'An Giang'),
    ('91', 'Kiên Giang'),
    ('92', 'Cần Thơ'),
    ('93', 'Hậu Giang'),
    ('94', 'Sóc Trăng'),
    ('95', 'Bạc Liêu'),
    ('96', 'Cà Mau');

insert into province_name (id, code, name)
select gen_random_uuid(), code, name from province where code <> '46';
-- Thừa Thiên Huế became the centrally governed city of Huế on 1 January 2025 (Nghị quyết 175/2024/QH15)
insert into province_name (id, code, name, valid_from, valid_to, decision) values
    (gen_random_uuid(), '46', 'Thừa Thiên Huế', null, '2024-12-31', null),
    (gen_random_uuid(), '46', 'Huế', '2025-01-01', null, '175/2024/QH15');
update province set decision = '175/2024/QH15' where code = '46';
