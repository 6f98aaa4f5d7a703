-- league: ranks, gaps and rank changes. Expected values are
-- derived by hand in the comments.
SET search_path = tracker, public;
SET extra_float_digits = 0;

CREATE TABLE growth (period text, district text, g float8);
INSERT INTO growth VALUES
  ('now', 'yinzhou', 30.2), ('now', 'haishu', 24.14), ('now', 'jiangbei', 24.06),
  ('now', 'zhenhai', 23.7), ('now', 'beilun', 23.7), ('now', 'yuyao', -5),
  ('now', 'fenghua', NULL),
  ('before', 'fenghua', 30), ('before', 'haishu', 25), ('before', 'zhenhai', 22),
  ('before', 'yinzhou', 20), ('before', 'jiangbei', 19), ('before', 'beilun', 18),
  ('before', 'yuyao', 10);
CREATE TABLE l AS
SELECT period, league(district, g) AS l, league(district, g, 1) AS l1
FROM growth GROUP BY period;

-- Text form, best first; /1 marks a league ranked on one decimal. fenghua
-- has no value now and is not ranked.
SELECT period, l, l1 FROM l ORDER BY period;

-- Ranks now. Unrounded: yinzhou 30.2, haishu 24.14, jiangbei 24.06,
-- zhenhai and beilun 23.7, yuyao -5. Competition 1,2,3,4,4,6; dense
-- 1,2,3,4,4,5; modified 1,2,3,5,5,6; average 1,2,3,4.5,4.5,6. Lower is
-- better: yuyao 1, beilun and zhenhai 2, jiangbei 4, haishu 5, yinzhou 6.
SELECT d, rank(l, d) AS competition, rank(l, d, true, 'dense') AS dense,
       rank(l, d, true, 'modified') AS modified, rank(l, d, true, 'average') AS average,
       rank(l, d, false) AS ascending, percentile(l, d) AS percentile, value(l, d)
FROM l, unnest(ARRAY['yinzhou', 'haishu', 'jiangbei', 'zhenhai', 'beilun', 'yuyao', 'fenghua']) d
WHERE period = 'now';

-- Rounded to the published decimal, 24.14 and 24.06 both print 24.1 and
-- tie: competition 1,2,2,4,4,6; dense 1,2,2,3,3,4; modified 1,3,3,5,5,6;
-- average 1,2.5,2.5,4.5,4.5,6.
SELECT d, rank(l1, d) AS competition, rank(l1, d, true, 'dense') AS dense,
       rank(l1, d, true, 'modified') AS modified, rank(l1, d, true, 'average') AS average,
       value(l1, d)
FROM l, unnest(ARRAY['yinzhou', 'haishu', 'jiangbei', 'zhenhai', 'beilun', 'yuyao']) d
WHERE period = 'now';

-- Size, leader, gaps (on the values ranked): haishu is 30.2 - 24.14 =
-- 6.06 behind the leader, 6.1 on rounded values; jiangbei is 0.08 behind
-- haishu, but rounded the next better value is the leader's: 6.1; beilun
-- is 24.06 - 23.7 = 0.36 behind the next. The leader has no next.
SELECT size(l), leader(l), leader(l, false) AS leader_ascending,
       round(gap_to_leader(l, 'haishu')::numeric, 4) AS haishu_gap,
       round(gap_to_leader(l1, 'haishu')::numeric, 4) AS haishu_gap_rounded,
       round(gap_to_next(l, 'jiangbei')::numeric, 4) AS jiangbei_next,
       round(gap_to_next(l1, 'jiangbei')::numeric, 4) AS jiangbei_next_rounded,
       round(gap_to_next(l, 'beilun')::numeric, 4) AS beilun_next,
       gap_to_next(l, 'yinzhou') AS leader_next,
       round(gap_to_leader(l, 'yinzhou', false)::numeric, 4) AS yinzhou_gap_ascending
FROM l WHERE period = 'now';

-- top and bottom include every entity tied at the cut: ranks <= 4 are
-- five districts; rounded, ranks <= 2 are three; from the bottom, ranks
-- <= 2 are yuyao and the two tied at 23.7.
SELECT top(l, 2) AS top2, top(l, 4) AS top4, top(l1, 2) AS top2_rounded,
       bottom(l, 1) AS bottom1, bottom(l, 2) AS bottom2, top(l, 2, false) AS top2_ascending,
       top(l, 0) AS top0, top(l, 100) = top(l, 6) AS top_beyond_size
FROM l WHERE period = 'now';

-- mean = (30.2 + 24.14 + 24.06 + 23.7 + 23.7 - 5) / 6 = 120.8 / 6 =
-- 20.1333; median = (23.7 + 24.06) / 2 = 23.88.
SELECT round(mean(l)::numeric, 4) AS mean, round(median(l)::numeric, 4) AS median,
       above_mean(l, 'beilun') AS beilun_above, above_mean(l, 'yuyao') AS yuyao_above,
       above_mean(l, 'fenghua') AS not_ranked
FROM l WHERE period = 'now';

-- Rank changes against before (fenghua 1, haishu 2, zhenhai 3, yinzhou 4,
-- jiangbei 5, beilun 6, yuyao 7): positive is 位次前移. fenghua dropped
-- out: NULL.
SELECT d, rank_change(n.l, b.l, d) AS change
FROM l n, l b, unnest(ARRAY['yinzhou', 'haishu', 'jiangbei', 'zhenhai', 'beilun', 'yuyao', 'fenghua']) d
WHERE n.period = 'now' AND b.period = 'before';

-- Round trips and equality.
SELECT count(*) FILTER (WHERE l::text::league = l AND l1::text::league = l1) AS text_round_trips FROM l;
SELECT '{"a \"quoted\" name": 1, "区\\县": 2.5e-07}'::league AS escaped;
SELECT current_setting('data_directory') || '/tracker_regress_league.bin' AS binfile \gset
CREATE TEMP TABLE back (period text, l league, l1 league);
COPY l TO :'binfile' (FORMAT binary);
COPY back FROM :'binfile' (FORMAT binary);
SELECT count(*) AS binary_round_trips FROM l JOIN back USING (period) WHERE l.l = back.l AND l.l1 = back.l1;
-- league_send of one entity: version 1, decimals -1 (0xff), count 1, the
-- name's length 9 and its UTF-8 bytes (海 e6b5b7, 曙 e69b99, 区 e58cba),
-- the value 1.0 (0x3ff0000000000000).
SELECT league_send('{"海曙区": 1}');
-- league_recv: COPY a bytea column out in binary and read the same bytes
-- back as leagues, so the receiver sees exactly the bytes we chose. A
-- multi-byte name that is valid UTF-8 reads back.
CREATE TEMP TABLE raw (b bytea);
CREATE TEMP TABLE got (l league);
INSERT INTO raw VALUES ('\x01ff0000000100000009e6b5b7e69b99e58cba3ff0000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
SELECT l, l = '{"海曙区": 1}'::league AS same FROM got;
-- Every name must be valid in the database encoding (22021), or the value
-- could be stored but not dumped and restored: the second of two names
-- is the bytes ff fe; then a name "a" followed by the first two of the
-- three bytes of 海 (e6 b5), cut short.
TRUNCATE raw; INSERT INTO raw VALUES
  ('\x01ff0000000200000009e6b5b7e69b99e58cba3ff000000000000000000002fffe4000000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x01ff000000010000000361e6b53ff0000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
-- A non-finite value in binary input is an invalid representation
-- (22P03), not a NaN or infinite argument: "a" at +Infinity (7ff0...).
TRUNCATE raw; INSERT INTO raw VALUES ('\x01ff0000000100000001617ff0000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
SELECT count(*) AS only_the_valid_one FROM got;

-- The hash operator class passes the access method's own validation.
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcintype = 'league'::regtype;

-- NULLs and empty input.
SELECT (SELECT league(district, g) FROM growth WHERE false) IS NULL AS empty,
       (SELECT league(district, g) FROM growth WHERE g IS NULL) IS NULL AS only_nulls,
       rank(NULL::league, 'x') IS NULL AS null_league,
       (SELECT rank(l, NULL) FROM l WHERE period = 'now') IS NULL AS null_entity;

-- Errors: an entity given twice (21000), decimals out of range or
-- different in two rows (NULL and 1 as much as 1 and 2), an unknown
-- method, a negative n (22023), a NaN value (22023), an infinite one
-- (22003), a name over 1024 bytes (22001, in text as in the aggregate),
-- a number out of float8's range in text (22003), bad text (22P02).
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END$$;
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
  ($q$SELECT league(d, v) FROM (VALUES ('haishu', 1), ('haishu', 3)) t(d, v)$q$),
  ($q$SELECT league(d, v, 16) FROM (VALUES ('haishu', 1)) t(d, v)$q$),
  ($q$SELECT league(d, v, dec) FROM (VALUES ('haishu', 1, 1), ('beilun', 2, NULL)) t(d, v, dec)$q$),
  ($q$SELECT rank('{"a": 1}'::league, 'a', true, 'olympic')$q$),
  ($q$SELECT top('{"a": 1}'::league, -1)$q$),
  ($q$SELECT league(d, v) FROM (VALUES ('haishu', 'NaN'::float8)) t(d, v)$q$),
  ($q$SELECT league(d, v, 1) FROM (VALUES ('haishu', 'NaN'::float8)) t(d, v)$q$),
  ($q$SELECT league(d, v) FROM (VALUES ('haishu', 'Infinity'::float8)) t(d, v)$q$),
  ($q$SELECT league(d, v) FROM (VALUES ('haishu', '-Infinity'::float8)) t(d, v)$q$),
  ($q$SELECT league(repeat('x', 1025), 1)$q$),
  ($q$SELECT ('{"' || repeat('x', 1025) || '": 1}')::league$q$),
  ($q$SELECT '{"a": 1e-400}'::league$q$),
  ($q$SELECT '{"a": 1, "a": 2}'::league$q$),
  ($q$SELECT '{"a" 1}'::league$q$)) v(q);
SELECT league(d, v) FROM (VALUES ('haishu', 1), ('beilun', 2), ('haishu', 3)) t(d, v);
SELECT league(d, v, 16) FROM (VALUES ('haishu', 1)) t(d, v);
SELECT league(d, v, dec) FROM (VALUES ('haishu', 1, 1), ('beilun', 2, 2)) t(d, v, dec);
SELECT league(d, v, dec) FROM (VALUES ('haishu', 1, 1), ('beilun', 2, NULL)) t(d, v, dec);
SELECT league(d, v, dec) FROM (VALUES ('haishu', 1, NULL), ('beilun', 2, 1)) t(d, v, dec);
SELECT rank(l, 'haishu', true, 'olympic') FROM l WHERE period = 'now';
SELECT top(l, -1) FROM l WHERE period = 'now';
-- NaN and infinities, one rule with the scalar functions: NaN 22023,
-- ±Infinity 22003, naming the entity.
SELECT league(d, v) FROM (VALUES ('haishu', 'NaN'::float8)) t(d, v);
SELECT league(d, v, 1) FROM (VALUES ('beilun', 1), ('haishu', '-Infinity'::float8)) t(d, v);
-- Names: 1024 bytes fit; 1025 do not, in text as in the aggregate (22001,
-- the limit, how the name begins and its length); 342 × 区 are 1026 bytes.
SELECT size(('{"' || repeat('x', 1024) || '": 1}')::league) AS longest_name_fits;
SELECT ('{"' || repeat('x', 1025) || '": 1}')::league;
SELECT ('{"a": 1, "' || repeat('区', 342) || '": 2}')::league;
SELECT league(repeat('区', 342), 1);
-- Numbers in text follow float8 input: a denormal is a number, 0e-400 an
-- exact zero; underflow to zero and overflow are out of range (22003),
-- quoting the number as '1e-400'::float8 does, and the entity as written.
SELECT '{"a": 1e-310, "b": 0e-400}'::league AS denormal;
SELECT '{"a": 1e-400}'::league;
SELECT '{"a": 1, "区\\县": -1e400}'::league;
-- Malformed text says where (in characters) or what went wrong.
SELECT '{}'::league;
SELECT '{"a": 1, "a": 2}'::league;
SELECT '{"a" 1}'::league;
SELECT '{"海曙": 1, "a": x}'::league;
SELECT '{"a\n": 1}'::league;
SELECT '{"a": 1'::league;
SELECT '{"a": 1}/16'::league;

-- NULL decimals mean no rounding, as in the two-argument form.
SELECT league(d, v, NULL) AS null_decimals, league(d, v, NULL) = league(d, v) AS same_as_two_arguments,
       league(d, v, dec) AS null_in_every_row
FROM (VALUES ('haishu', 24.14, NULL::int), ('jiangbei', 24.06, NULL)) t(d, v, dec);

-- Oracle: 12,000 rows in 8 groups with many ties (values 0..49), every
-- entity's rank in every method and direction against PostgreSQL's own
-- rank() and dense_rank(), and independent formulas for modified (how
-- many are better or equal) and average (the mean of the row numbers of
-- the tied rows).
SELECT setseed(0.42);
CREATE TABLE oracle AS
SELECT grp, 'e' || i AS entity, floor(random() * 50)::float8 AS v
FROM generate_series(1, 8) grp, generate_series(1, 1500) i;
CREATE TABLE oracle_l AS SELECT grp, league(entity, v) AS l FROM oracle GROUP BY grp;
WITH expected AS (
  SELECT grp, entity, v,
         rank() OVER (PARTITION BY grp ORDER BY v DESC) AS competition,
         dense_rank() OVER (PARTITION BY grp ORDER BY v DESC) AS dense,
         count(*) OVER (PARTITION BY grp ORDER BY v DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS modified,
         rank() OVER (PARTITION BY grp ORDER BY v) AS competition_asc,
         dense_rank() OVER (PARTITION BY grp ORDER BY v) AS dense_asc,
         count(*) OVER (PARTITION BY grp ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS modified_asc,
         row_number() OVER (PARTITION BY grp ORDER BY v DESC, entity) AS rn,
         row_number() OVER (PARTITION BY grp ORDER BY v, entity) AS rn_asc
  FROM oracle),
averaged AS (
  SELECT *, avg(rn) OVER (PARTITION BY grp, v) AS average,
            avg(rn_asc) OVER (PARTITION BY grp, v) AS average_asc
  FROM expected)
SELECT count(*) AS entities,
       count(*) FILTER (WHERE rank(l, entity) <> competition) AS competition_wrong,
       count(*) FILTER (WHERE rank(l, entity, true, 'dense') <> dense) AS dense_wrong,
       count(*) FILTER (WHERE rank(l, entity, true, 'modified') <> modified) AS modified_wrong,
       count(*) FILTER (WHERE rank(l, entity, true, 'average') <> average) AS average_wrong,
       count(*) FILTER (WHERE rank(l, entity, false) <> competition_asc) AS competition_asc_wrong,
       count(*) FILTER (WHERE rank(l, entity, false, 'dense') <> dense_asc) AS dense_asc_wrong,
       count(*) FILTER (WHERE rank(l, entity, false, 'modified') <> modified_asc) AS modified_asc_wrong,
       count(*) FILTER (WHERE rank(l, entity, false, 'average') <> average_asc) AS average_asc_wrong
FROM averaged JOIN oracle_l USING (grp);

-- The same leagues built in parallel (partial leagues serialized by the
-- workers and combined) equal the serial ones.
ANALYZE oracle;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, league(entity, v) FROM oracle GROUP BY grp;
SELECT count(*) AS parallel_equal_to_serial
FROM (SELECT grp, league(entity, v) AS l FROM oracle GROUP BY grp) p
JOIN oracle_l USING (grp) WHERE p.l = oracle_l.l;
RESET enable_hashagg;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;

-- Composite scoring (赛马比拼): three indicators scored, weighted, capped and
-- ranked again. Investment growth 30, 25, 20, 10 ranks A..D 1..4: points
-- by rank (5% less per place) 100, 95, 90, 85. Value-added growth 5, 8, 8,
-- 2: B and C tie first (100, 100), A third (90), D fourth (85). Target
-- attainment 110, 90, 75, 50 by the efficacy coefficient (60 at 60%, 100 at
-- 100%): 110, 90, 75, 50, capped at 100. Weights 0.4, 0.3, 0.3: A = 40 +
-- 27 + 30 = 97, B = 38 + 30 + 27 = 95, C = 36 + 30 + 22.5 = 88.5, D = 34 +
-- 25.5 + 15 = 74.5.
WITH facts (district, inv_growth, va_growth, attain) AS (
  VALUES ('A', 30, 5, 110), ('B', 25, 8, 90), ('C', 20, 8, 75), ('D', 10, 2, 50)),
leagues AS (
  SELECT league(district, inv_growth) AS inv, league(district, va_growth) AS va FROM facts),
scored AS (
  SELECT f.district,
         points_by_rank(rank(inv, f.district), 100, 0.05) AS inv_points,
         points_by_rank(rank(va, f.district), 100, 0.05) AS va_points,
         least(efficacy_score(f.attain, 60, 100), 100) AS attain_points
  FROM facts f, leagues),
totals AS (
  SELECT *, 0.4 * inv_points + 0.3 * va_points + 0.3 * attain_points AS total FROM scored)
SELECT district, inv_points, va_points, attain_points, round(total::numeric, 2) AS total,
       rank(overall, district) AS place
FROM totals, (SELECT league(district, total, 2) AS overall FROM totals) o
ORDER BY place;
