-- Loading a bureau's table (issue 12): figure() reads numbers as the
-- bureaus print them, region_code() and indicator_code() turn names into
-- codes. Expected values are derived by hand in the comments.
SET search_path = tracker, public;
SET extra_float_digits = 0;
\pset null '(null)'
-- The SQLSTATE a statement raises, or ok.
CREATE FUNCTION pg_temp.state(q pg_catalog.text) RETURNS pg_catalog.text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END $$;

-- ---- figure(t) ----
-- Plain numbers, thousands separators between groups of three, a percent
-- sign that leaves the number in percent (4.0% is 4), U+2212 minus.
-- Expected: 0, 42, 1088.1, -2.1, 2.1, 0.5, 1088.1, 12345678, -1000,
-- 999999.25, 4, -2.1, 1088, -2.1, 0 (not -0).
SELECT t, figure(t)
FROM unnest(ARRAY['0', '42', '1088.1', '-2.1', '+2.1', '.5', '1,088.1', '12,345,678',
                  '-1,000', '999,999.25', '4.0%', '-2.1%', '1,088%', '−2.1', '-0.0']) t;
-- Full-width digits and punctuation (U+FF10..FF19, ，．％＋－), alone or
-- mixed with ASCII; spaces, tabs, U+3000 and U+00A0 around.
-- Expected: 1088.1, -2.1, 4, 3, 1088.5, 12.5, 12.5, 12.5.
SELECT t, figure(t)
FROM unnest(ARRAY['１，０８８．１', '－２．１', '４．０％', '＋３', '1，088.5',
                  '  12.5	', '　12.5　', U&'\00A012.5\00A0']) t;
-- Not published: blank, a dash (— – - － − and U+2015, which some
-- converters make of GBK's —) or two of the same; and NULL.
-- Expected: NULL for every row.
SELECT pg_catalog.quote_literal(t) AS t, figure(t)
FROM unnest(ARRAY['', '   ', '　', '—', '——', '-', '--', '－', '–', '−', '―', '――', ' — ', NULL]) t;
-- Beyond the tables' 1e15 is still a figure (their CHECKs judge):
-- 1e18; and 1e308 (1 and 308 zeros), the largest power of ten a float8
-- holds.
SELECT figure('1,000,000,000,000,000,000') AS e18,
       figure('1' || pg_catalog.repeat('0', 308)) = 1e308 AS e308;
-- Anything else is 22P02, quoting the input: a unit, an exponent,
-- separators out of place, words, NaN and infinities, a second point,
-- accounting brackets, a space inside, an en dash as minus, two dashes
-- that differ, over 400 characters.
SELECT figure('12亿');
SELECT figure('1e5');
SELECT figure('1,08');
SELECT figure('abc');
SELECT pg_catalog.left(t, 12) AS t, pg_temp.state(pg_catalog.format('SELECT figure(%L)', t))
FROM unnest(ARRAY['3.5万', '1.5E+3', '1,0881', '1088,1', '0,123', ',123', '1,,088',
                  '1.088,1', 'NaN', 'Infinity', '-inf', '0x10', '.', '+', '%', '4.0%%',
                  '1.2.3', '(2.1)', '1 088', '4.0 %', '–2.1', '-—', '---', '…',
                  pg_catalog.repeat('1', 401)]) t;
-- A number float8 cannot hold is 22003: 1 and 309 zeros (over 1.8e308),
-- and 1e-353 written out (below the smallest denormal, 4.9e-324).
SELECT pg_temp.state('SELECT figure(''1' || pg_catalog.repeat('0', 309) || ''')') AS overflow,
       pg_temp.state('SELECT figure(''0.' || pg_catalog.repeat('0', 352) || '1'')') AS underflow;
-- 400 characters are still a figure: 400 zeros are 0.
SELECT figure(pg_catalog.repeat('0', 400));

-- ---- region_code(name [, parent]) and indicator_code(name) ----
-- Two districts named 鼓楼区, one under 福州市, one under 南京市.
INSERT INTO region VALUES
  ('ld_zj', '浙江省', NULL, NULL),
  ('ld_nb', '宁波市', 'ld_zj', 'city'),
  ('ld_hs', '海曙区', 'ld_nb', 'district'),
  ('ld_fz', '福州市', NULL, NULL),
  ('ld_nj', '南京市', NULL, NULL),
  ('ld_gl_fz', '鼓楼区', 'ld_fz', 'district'),
  ('ld_gl_nj', '鼓楼区', 'ld_nj', 'district');
INSERT INTO indicator (code, name, unit_label) VALUES
  ('ld_inv', '固定资产投资', '亿元'),
  ('ld_ind', '规上工业增加值', '亿元');
-- By name, by code, with spaces and U+3000 around; NULL in, NULL out.
-- Expected: ld_hs, ld_hs, ld_hs, ld_nb, ld_inv, ld_ind, NULL, NULL.
SELECT region_code('海曙区') AS by_name, region_code('ld_hs') AS by_code,
       region_code(' 海曙区　') AS trimmed, region_code(E'\t宁波市\r\n') AS trimmed_tab,
       indicator_code('固定资产投资') AS ind_by_name, indicator_code(' ld_ind ') AS ind_by_code,
       region_code(NULL) AS null_name, indicator_code(NULL) AS null_ind;
-- The parent, by name or code, picks one of two; a NULL parent is NULL.
-- Expected: ld_gl_fz, ld_gl_nj, ld_gl_nj, ld_hs, NULL.
SELECT region_code('鼓楼区', '福州市') AS fz, region_code('鼓楼区', '南京市') AS nj,
       region_code('鼓楼区', 'ld_nj') AS nj_code, region_code('海曙区', ' 宁波市 ') AS hs,
       region_code('鼓楼区', NULL) AS null_parent;
-- An unknown name: 42704 naming it, with regions whose names contain it
-- or are contained in it.
SELECT region_code('海曙');
SELECT region_code('江北区');
SELECT indicator_code('投资');
-- Exact: no case folding, no inner spaces.
SELECT pg_temp.state('SELECT tracker.region_code(''LD_HS'')') AS upper_code,
       pg_temp.state('SELECT tracker.region_code(''海 曙区'')') AS inner_space,
       pg_temp.state('SELECT tracker.region_code('''')') AS empty,
       pg_temp.state('SELECT tracker.indicator_code(''固定资产投资额'')') AS longer;
-- A name of several regions: 21000 listing them; the parent then decides.
SELECT region_code('鼓楼区');
-- A parent that does not exist, and a name not under the parent given.
SELECT region_code('鼓楼区', '杭州市');
SELECT region_code('海曙区', '福州市');
-- Two indicators of one name: 21000 too.
INSERT INTO indicator (code, name) VALUES ('ld_inv2', '固定资产投资');
SELECT indicator_code('固定资产投资');
DELETE FROM indicator WHERE code = 'ld_inv2';

-- What the functions are: figure IMMUTABLE, the lookups STABLE (they read
-- tables); all STRICT and PARALLEL SAFE; none SECURITY DEFINER; the
-- lookups' search_path pinned; every one commented.
SELECT p.oid::pg_catalog.regprocedure AS function, p.provolatile, p.proisstrict, p.proparallel,
       p.prosecdef, p.proconfig, pg_catalog.obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_catalog.pg_proc p
WHERE p.proname IN ('figure', 'region_code', 'indicator_code')
ORDER BY p.oid::pg_catalog.regprocedure::pg_catalog.text;

-- The caller's search_path does not reach inside: an operator = (text,
-- text) planted in public, first on the path, is not what the lookups
-- compare names with.
CREATE FUNCTION public.planted_eq(pg_catalog.text, pg_catalog.text) RETURNS pg_catalog.bool
LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'planted code ran'; END $$;
CREATE OPERATOR public.= (LEFTARG = pg_catalog.text, RIGHTARG = pg_catalog.text,
                          FUNCTION = public.planted_eq);
SET search_path = public, tracker, pg_catalog;
SELECT tracker.region_code('海曙区') AS hs, tracker.region_code('鼓楼区', '南京市') AS nj,
       tracker.indicator_code('规上工业增加值') AS ind;
RESET search_path;
DROP OPERATOR public.= (pg_catalog.text, pg_catalog.text);
DROP FUNCTION public.planted_eq(pg_catalog.text, pg_catalog.text);
SET search_path = tracker, public;

-- They read with the caller's rights: a role without SELECT on region is
-- refused (42501); granted it, it reads.
CREATE ROLE load_reader;
SET ROLE load_reader;
SELECT pg_temp.state('SELECT tracker.region_code(''海曙区'')') AS without_select;
RESET ROLE;
GRANT SELECT ON region TO load_reader;
SET ROLE load_reader;
SELECT tracker.region_code('海曙区') AS with_select;
RESET ROLE;
REVOKE SELECT ON region FROM load_reader;
DROP ROLE load_reader;

-- ---- The load: one INSERT … SELECT from a staging table of text ----
CREATE TEMP TABLE staging (地区 text, 指标 text, 期别 text, 本期数值 text, 同比增长 text);
INSERT INTO staging VALUES
  ('海曙区', '固定资产投资', '2022年1-7月', '1,088.1', '4.0%'),
  ('鼓楼区', '规上工业增加值', '2022年7月', '３２．５', '−2.1'),
  ('宁波市', '规上工业增加值', '2022年1-7月', '—', '５．２％');
-- 鼓楼区 is ambiguous: the whole statement fails, nothing is written.
INSERT INTO observation
SELECT region_code(地区), indicator_code(指标), 期别::period, figure(本期数值), figure(同比增长)
FROM staging;
SELECT count(*) FROM observation WHERE region LIKE 'ld\_%';
-- Named by code, it loads. Expected rows: ld_gl_fz ld_ind 2022-07 32.5
-- -2.1; ld_hs ld_inv 2022-01..07 1088.1 4; ld_nb ld_ind 2022-01..07 NULL
-- 5.2.
UPDATE staging SET 地区 = 'ld_gl_fz' WHERE 地区 = '鼓楼区';
INSERT INTO observation
SELECT region_code(地区), indicator_code(指标), 期别::period, figure(本期数值), figure(同比增长)
FROM staging;
SELECT region, indicator, period, value, growth FROM observation
WHERE region LIKE 'ld\_%' ORDER BY region, indicator;
-- A figure a table refuses still meets its CHECK: 2e15 is over 1e15 (23514).
INSERT INTO observation VALUES ('ld_hs', 'ld_ind', '2022-07', figure('2,000,000,000,000,000'), NULL);

DELETE FROM observation WHERE region LIKE 'ld\_%';
DELETE FROM region WHERE code LIKE 'ld\_%';
DELETE FROM indicator WHERE code LIKE 'ld\_%';
