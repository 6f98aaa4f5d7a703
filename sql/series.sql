-- series: facts as published, comparable bases, rollup. Every
-- expected number is derived by hand in the comments.
SET search_path = tracker, public;
SET extra_float_digits = 0;

CREATE TABLE obs (region text, p period, v float8, g float8);
-- Region a, monthly. 2021 levels without rates; 2022 with published rates.
-- Jan–Feb are published together (no January of their own) both years.
INSERT INTO obs VALUES
  ('a', '2021-01..02', 200, NULL), ('a', '2021-03', 120, NULL), ('a', '2021-04', 130, NULL),
  ('a', '2021-01..06', 700, NULL), ('a', '2021-07', 140, NULL),
  ('a', '2022-01..02', 240, 20),   -- base 240 / 1.2  = 200
  ('a', '2022-03', 150, 25),       -- base 150 / 1.25 = 120
  ('a', '2022-04', 130, NULL),     -- no rate
  ('a', '2022-01..06', 840, 20),   -- base 700
  ('a', '2022-01..07', 1050, 25);  -- base 840
-- Region b: unit facts and a cumulative fact that disagree (100 + 110 +
-- 120 = 330, but 1-3月 is published as 333); Decembers for mom and the
-- two-year average.
INSERT INTO obs VALUES
  ('b', '2020-12', 80, NULL), ('b', '2021-12', 90, 12.5),
  ('b', '2022-01', 100, NULL), ('b', '2022-02', 110, NULL), ('b', '2022-03', 120, NULL),
  ('b', '2022-01..03', 333, NULL), ('b', '2022-12', 99, NULL);
-- Region c: March is missing.
INSERT INTO obs VALUES ('c', '2022-01', 10, NULL), ('c', '2022-02', 20, NULL), ('c', '2022-04', 40, NULL);
-- Region d: January to June 2022, values 1 to 6.
INSERT INTO obs SELECT 'd', u, extract(month FROM start_date(u)), NULL FROM periods('2022-H1'::period, 'month') u;
-- Region e: project rows that add up. May: 50 at +25% (base 40) and 30 at
-- +50% (base 20) → 80 over 60, +33.33%. June: 10 at +10% and 5 without a
-- rate → 15 without a rate. A row with a rate and no value is a rate-only
-- fact (July, +5%); a row with neither is skipped (August).
INSERT INTO obs VALUES
  ('e', '2022-05', 50, 25), ('e', '2022-05', 30, 50),
  ('e', '2022-06', 10, 10), ('e', '2022-06', 5, NULL),
  ('e', '2021-06', 12, NULL), ('e', '2022-07', NULL, 5), ('e', '2022-08', NULL, NULL);
-- Region f: a published rate that the levels contradict. May 2022 is
-- published at +20% although 130 over May 2021's 100 would be +30% (the
-- base was re-scoped, 按可比口径).
INSERT INTO obs VALUES ('f', '2021-05', 100, NULL), ('f', '2022-05', 130, 20);

CREATE TABLE s AS SELECT region, series(p, v, g) AS s FROM obs GROUP BY region;

-- The facts as stored.
SELECT region, s FROM s ORDER BY region;
SELECT region, (unnest(s)).* FROM s WHERE region IN ('a', 'e') ORDER BY region;

-- value: January missing (NULL), February needs January (NULL), 1-3月 from
-- 1-2月 + March = 240 + 150 = 390 (so is Q1), 1-4月 = 390 + 130 = 520, May
-- NULL, May–June = 1-6月 - 1-4月 = 840 - 520 = 320, July = 1-7月 - 1-6月 =
-- 1050 - 840 = 210, Q2 = 840 - 390 = 450, H1 = 840, Q3 needs August (NULL).
SELECT p, value(s, p) FROM s, (VALUES ('2022-01'::period), ('2022-02'), ('2022-03'),
       ('2022-01..03'), ('2022-Q1'), ('2022-01..04'), ('2022-05'), ('2022-05..06'),
       ('2022-07'), ('2022-01..07'), ('2022-Q2'), ('2022-H1'), ('2022-Q3'), ('2022'),
       ('2021-07'), ('2021-01..04'), ('2021-05..06')) v(p)
WHERE region = 'a';

-- base and yoy: published rates where the facts carry them, else the
-- value a year earlier. March: the published 25 itself. April: no rate,
-- so 130 over 2021's 130 = 0. July: bases 840 - 700 = 140, 210 / 140 =
-- +50%, though 1-6月 and 1-7月 were published at 20% and 25%. 1-4月: April
-- has no rate, so the base is 2021's 1-4月 = 450: 520 / 450 = +15.5556%.
-- Q2: bases 700 - (200 + 120) = 380: 450 / 380 = +18.4211%. May–June:
-- the base needs April's, so 2021's May–June = 700 - 450 = 250: 320 / 250
-- = +28%. H1 is the fact 1-6月: its published 20.
SELECT p, value(s, p), base(s, p), round(yoy(s, p)::numeric, 4) AS yoy
FROM s, (VALUES ('2022-03'::period), ('2022-04'), ('2022-07'), ('2022-01..04'),
         ('2022-Q2'), ('2022-05..06'), ('2022-H1'), ('2022-01..07'), ('2022-05')) v(p)
WHERE region = 'a';

-- ytd and ytd_yoy read the year to date through the end of p; mom against
-- the preceding period of the same length: April 130 / March 150 - 1 =
-- -13.3333%; Q2 450 / Q1 390 - 1 = +15.3846%; July's June is unknown.
SELECT ytd(s, '2022-04') AS ytd_apr, round(ytd_yoy(s, '2022-04')::numeric, 4) AS ytd_yoy_apr,
       ytd(s, '2022-07') AS ytd_jul, ytd_yoy(s, '2022-07') AS ytd_yoy_jul,
       round(mom(s, '2022-04')::numeric, 4) AS mom_apr, round(mom(s, '2022-Q2')::numeric, 4) AS mom_q2,
       mom(s, '2022-07') AS mom_jul
FROM s WHERE region = 'a';

-- Precedence when facts disagree (region b): the unit fact wins for the
-- unit (March 120), the cumulative fact for the year to date (1-3月 333,
-- and so Q1), and a span inside the year is a difference of years to date
-- (Feb–Mar = 333 - 100 = 233). mom across the year end: 100 / 90 - 1.
-- Two-year average of December: 2022 over 2021 has no rate: 99 / 90 = 1.1;
-- 2021 over 2020 is published +12.5%: sqrt(1.1 * 1.125) - 1 = 11.2430%.
SELECT value(s, '2022-03') AS march, value(s, '2022-01..03') AS jan_mar, value(s, '2022-Q1') AS q1,
       value(s, '2022-02..03') AS feb_mar, round(mom(s, '2022-01')::numeric, 4) AS mom_jan,
       round(avg_growth(s, '2022-12', 2)::numeric, 4) AS two_year_avg,
       round(avg_growth(s, '2022-12', 1)::numeric, 4) AS one_year,
       avg_growth(s, '2022-12', 3) AS three_years_unknown
FROM s WHERE region = 'b';

-- A missing month makes what needs it NULL (region c); a quarter from
-- months (region d: Q2 = 4 + 5 + 6 = 15, H1 = 21, the year needs July).
SELECT (SELECT ytd(s, '2022-04') FROM s WHERE region = 'c') AS c_ytd_apr,
       (SELECT value(s, '2022-01..02') FROM s WHERE region = 'c') AS c_jan_feb,
       (SELECT value(s, '2022-Q1') FROM s WHERE region = 'c') AS c_q1,
       (SELECT value(s, '2022-Q2') FROM s WHERE region = 'd') AS d_q2,
       (SELECT value(s, '2022-H1') FROM s WHERE region = 'd') AS d_h1,
       (SELECT value(s, '2022') FROM s WHERE region = 'd') AS d_year,
       (SELECT value(s, '2021-12..2022-02') FROM s WHERE region = 'd') AS d_across_years;

-- Rows that add up (region e): May 80 over implied bases 60 is +33.3333%;
-- June has a row without a rate, so its base is 2021's June: 15 / 12 =
-- +25%; July has a rate and no level: no value.
SELECT value(s, '2022-05') AS may, base(s, '2022-05') AS may_base,
       round(yoy(s, '2022-05')::numeric, 4) AS may_yoy,
       value(s, '2022-06') AS june, yoy(s, '2022-06') AS june_yoy,
       value(s, '2022-07') AS july
FROM s WHERE region = 'e';

-- A published rate wins over the levels: f's May reads +20%, on the
-- implied base 130 / 1.2 = 108.3333, not 100.
SELECT yoy(s, '2022-05') AS may_yoy, round(base(s, '2022-05')::numeric, 4) AS may_base,
       value(s, '2021-05') AS may_2021_level
FROM s WHERE region = 'f';

-- first, last, sparkline: a's facts cover 2021-01 (1-2月 starts there)
-- through 2022-07. 2022-01..07 is NULL, NULL, 150, 130, NULL, NULL, 210:
-- scaled over 130..210, March is (150 - 130) / 80 * 7 = 1.75 → ▃, April
-- ▁, July █; blanks where NULL.
SELECT first(s), last(s), '[' || sparkline(s, '2022-01', '2022-07') || ']' AS spark
FROM s WHERE region = 'a';
SELECT region, sparkline(s) FROM s WHERE region IN ('d', 'c') ORDER BY region;

-- resample to quarters: 2021-Q1 = 1-2月 + March = 320; 2021-Q2 = 700 -
-- 320 = 380; 2021 Q1..Q2 = 700; Q3 needs August. 2022-Q1 = 390 over bases
-- 200 + 120 = 320: +21.875%; 2022-Q2 = 450 over 380: +18.4211%; 2022
-- Q1..Q2 = 840 at the published 20%.
SELECT (u).period, (u).value, round((u).growth::numeric, 4) AS growth, (u).cumulative
FROM (SELECT unnest(resample(s, 'quarter')) AS u FROM s WHERE region = 'a') r;
SELECT resample(s, 'month') = s AS same_grain FROM s WHERE region = 'a';

-- rollup: the series of all regions summed period by period equals one
-- series over all rows.
SELECT (SELECT rollup(s) FROM s) = (SELECT series(p, v, g) FROM obs) AS rollup_equals_all_rows;
SELECT (SELECT rollup(s) FROM s WHERE region IN ('c', 'd')) AS c_plus_d;

-- s || newer: every fact of both, newer's where both have one of a
-- period (rollup adds facts up; || replaces them). c holds 2022-01 10,
-- 02 20, 04 40: merged with March 30 and April 41 at +2.5%, April is the
-- newer 41; the other way round c's 40 stays. A year to date and a
-- rate-only fact go in after their unit, as the aggregate orders them.
SELECT s || '{2022-03: 30, 2022-04: 41 (+2.5%)}' AS c_then_newer,
       '{2022-03: 30, 2022-04: 41 (+2.5%)}' || s AS newer_then_c
FROM s WHERE region = 'c';
SELECT s || '{2022-01..04: 75, 2022-05: NULL (+8.3%)}' AS c_ytd_rate_only, s || s = s AS idempotent
FROM s WHERE region = 'c';
SELECT '{2021-07: 97.8}/ratio'::series || '{2022-07: 98.1 (+0.3pp)}/ratio' AS ratio;
-- b's facts before 2022 || those from 2022 on are b's series, byte for
-- byte; so is a's, whose 1-2月 and 1-6月 facts cross no boundary.
SELECT region,
       (SELECT series(p, v, g) FROM obs o WHERE o.region = s.region AND start_date(p) < '2022-01-01')
       || (SELECT series(p, v, g) FROM obs o WHERE o.region = s.region AND start_date(p) >= '2022-01-01')
       = s AS halves_merge_to_whole
FROM s WHERE region IN ('a', 'b') ORDER BY region;
-- NULL || s is NULL (STRICT); grains and kinds must match (22023).
SELECT (NULL::series || s) IS NULL AS null_merge FROM s WHERE region = 'c';
SELECT '{2022-01: 1}'::series || '{2022-Q1: 1}';
SELECT '{2022-01: 1}'::series || '{2022-02: 1}/ratio';

-- Text and binary round trips; = and hashing group equal series.
SELECT count(*) FILTER (WHERE s::text::series = s) AS text_round_trips, count(*) AS series FROM s;
-- Input takes periods in any form and order. A rate on a negative value
-- implies a negative base, which is no base: -0.25 at -50% keeps no rate.
SELECT '{2022-03: 5, 2022年1-2月: 1.5e+20 (+12.5%), 2022-04: -0.25 (-50%)}'::series AS parsed;
SELECT (SELECT count(*) FROM (SELECT DISTINCT s FROM s) d) AS distinct_series,
       (SELECT max(c) FROM (SELECT count(*) AS c FROM (SELECT s FROM s UNION ALL SELECT s FROM s) u
                            GROUP BY s) g) AS copies_per_group;
SELECT current_setting('data_directory') || '/tracker_regress_series.bin' AS binfile \gset
CREATE TEMP TABLE back (region text, s series);
COPY s TO :'binfile' (FORMAT binary);
COPY back FROM :'binfile' (FORMAT binary);
SELECT count(*) AS binary_round_trips FROM s JOIN back USING (region) WHERE s.s = back.s;
-- series_send: version 1, grain 2 (month), one fact: unit 2022 * 12 + 2 =
-- 24266 = 0x5eca, flags 0, value 5.0 = 0x4014000000000000.
SELECT series_send('{2022-03: 5}');
-- A bad version, a count larger than the data, and trailing bytes are
-- rejected by series_recv; the well-formed bytes read back.
CREATE TEMP TABLE raw (b bytea);
CREATE TEMP TABLE got (s series);
INSERT INTO raw VALUES ('\x02020000000100005eca004014000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x01020000000200005eca004014000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x01020000000100005eca00401400000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x01020000000100005eca004014000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
SELECT s FROM got;
-- What text input refuses, binary input refuses too, so that anything
-- stored reads back from a dump: {2022-07: 1e308 (-99.999%)}, whose
-- implied base 1e308 / 0.00001 overflows (1e308 = 0x7fe1ccf385ebc8a0,
-- -99.999 = 0xc058ffef9db22d0e, flags 2: a rate); got keeps its one row.
SELECT '{2022-07: 1e308 (-99.999%)}'::series;
TRUNCATE raw; INSERT INTO raw VALUES ('\x01020000000100005ece027fe1ccf385ebc8a0c058ffef9db22d0e');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
SELECT count(*) AS stored FROM got;

-- The hash operator class passes the access method's own validation.
SELECT opcname, amvalidate(oid) FROM pg_opclass WHERE opcintype = 'series'::regtype;

-- NULLs: accessors of a NULL series are NULL; an aggregate over no rows
-- (or only rows without values) is NULL.
SELECT value(NULL::series, '2022-01') IS NULL AS a, yoy(NULL, '2022-01') IS NULL AS b,
       first(NULL::series) IS NULL AS c, sparkline(NULL::series) IS NULL AS d,
       (SELECT series(p, v) FROM obs WHERE false) IS NULL AS e,
       (SELECT series(p, v) FROM obs WHERE v IS NULL) IS NULL AS f,
       (SELECT rollup(s) FROM s WHERE false) IS NULL AS g;

-- Weeks make up only weeks.
SELECT value(series(p, v), '2022-W01..W02') FROM (VALUES ('2022-W01'::period, 5), ('2022-W02', 7)) t(p, v);

-- Errors (22023 unless noted): another grain, a span that is not a year to
-- date, a period across a year end, a NaN value or growth (22023, naming
-- the argument and the period), an infinite one (22003), reading a finer
-- period or months of a week series, years < 1, bad text (22P02).
SELECT series(p, v) FROM (VALUES ('2022-01'::period, 1), ('2022-Q1', 2)) t(p, v);
SELECT series(p, v) FROM (VALUES ('2022-03..05'::period, 1)) t(p, v);
SELECT series(p, v) FROM (VALUES ('2021-11..2022-02'::period, 1)) t(p, v);
SELECT series(p, v) FROM (VALUES ('2022-01'::period, 'NaN'::float8)) t(p, v);
SELECT series(p, v, g) FROM (VALUES ('2022-01'::period, 1, 'Infinity'::float8)) t(p, v, g);
SELECT value(s, '2022-03-01') FROM s WHERE region = 'a';
SELECT value(series(p, v), '2022-01') FROM (VALUES ('2022-W01'::period, 5)) t(p, v);
SELECT avg_growth(s, '2022-12', 0) FROM s WHERE region = 'b';
SELECT resample(s, 'week') FROM s WHERE region = 'a';
SELECT rollup(x) FROM (VALUES ('{2022-01: 1}'::series), ('{2022-Q1: 1}')) t(x);
SELECT '{2022-01: 1, 2022-01: 2}'::series;
SELECT '{2022-01: 1, 2022-Q2: 2}'::series;
SELECT '{}'::series;
SELECT '{2022-01 1}'::series;

-- NaN and infinities, one rule with the scalar functions: NaN is 22023,
-- ±Infinity 22003, NaN first whichever argument holds it (an infinite
-- value with a NaN growth is 22023). A growth of -100 or less is no rate
-- but must still be a number. Sums beyond float8 are 22003, naming the
-- period, in series, in rollup and in combining partial states.
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END$$;
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
  ($q$SELECT series(p, v) FROM (VALUES ('2022-01'::period, 'NaN'::float8)) t(p, v)$q$),
  ($q$SELECT series(p, v, g) FROM (VALUES ('2022-01'::period, 1, 'NaN'::float8)) t(p, v, g)$q$),
  ($q$SELECT series(p, v, g) FROM (VALUES ('2022-01'::period, 'Infinity'::float8, 'NaN'::float8)) t(p, v, g)$q$),
  ($q$SELECT series(p, v, g) FROM (VALUES ('2022-01'::period, 'NaN'::float8, -200)) t(p, v, g)$q$),
  ($q$SELECT series(p, v) FROM (VALUES ('2022-01'::period, '-Infinity'::float8)) t(p, v)$q$),
  ($q$SELECT series(p, v, g) FROM (VALUES ('2022-01'::period, 1, '-Infinity'::float8)) t(p, v, g)$q$),
  ($q$SELECT series(p, v) FROM (VALUES ('2022-01'::period, 1e308), ('2022-01', 1e308)) t(p, v)$q$),
  ($q$SELECT rollup(s) FROM (VALUES ('{2022-01: 1, 2022-02: 1e308}'::series), ('{2022-02: 1e308}')) t(s)$q$)) v(q);
SELECT series(p, v, g) FROM (VALUES ('2022-03'::period, 'Infinity'::float8, 'NaN'::float8)) t(p, v, g);
SELECT series(p, v) FROM (VALUES ('2022-03'::period, '-Infinity'::float8)) t(p, v);
SELECT series(p, v) FROM (VALUES ('2022-03'::period, 1e308), ('2022-03', 1e308)) t(p, v);
SELECT rollup(s) FROM (VALUES ('{2022-01: 1, 2022-02: 1e308}'::series), ('{2022-02: 1e308}')) t(s);
-- Partial states that overflow when combined: 1e308 for one period in
-- each of two partitions, aggregated partitionwise (each partition
-- partially, then combined in this backend).
CREATE TABLE huge (part int, grp int, p period, v float8) PARTITION BY LIST (part);
CREATE TABLE huge_1 PARTITION OF huge FOR VALUES IN (1);
CREATE TABLE huge_2 PARTITION OF huge FOR VALUES IN (2);
INSERT INTO huge SELECT part, 1, '2022-04', CASE WHEN i = 1 THEN 1e308 ELSE 0 END
FROM generate_series(1, 2) part, generate_series(1, 1000) i;
ANALYZE huge;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, series(p, v) FROM huge GROUP BY grp;
SELECT grp, series(p, v) FROM huge GROUP BY grp;
RESET enable_partitionwise_aggregate; RESET max_parallel_workers_per_gather; RESET enable_hashagg;
-- The rule for rows, as before: the aggregate keeps a value whose rate is
-- -100% or less, without the rate.
SELECT series(p, v, g) FROM (VALUES ('2022-07'::period, 100, -100), ('2022-08', 50, -250)) t(p, v, g);

-- Text input reads numbers as float8 input does: a denormal is a number
-- (1e-310; 2.5e-324 rounds to the smallest, printed 5e-324), 0e-400 is an
-- exact zero; a number that underflows to zero or overflows is out of
-- range (22003), quoted as float8 quotes it: '1e-400'::float8 fails so.
SELECT '{2022-07: 1e-310, 2022-08: 1 (+2.5e-324%), 2022-09: 0e-400}'::series AS denormals;
SELECT '1e-400'::float8;
SELECT '{2022-07: 1e-400}'::series;
SELECT '{2022-06: 1, 2022年7月: -1e-400}'::series;
SELECT '{2022-07: 100 (+1e400%)}'::series;
-- Numbers in range can still imply a base beyond it: 1e308 at
-- -99.9999999% implies 1e308 / 1e-9 = 1e317 (22003); a period given twice
-- is that fault (22P02) even when its values would overflow added up.
SELECT '{2022-07: 1e308 (-99.9999999%)}'::series;
SELECT '{2022-07: 1e308, 2022-07: 1e308}'::series;
-- A published rate must be greater than -100% (22P02), as binary input
-- requires: text that spells one out is an error, not a silent drop.
SELECT '{2022-07: 100 (-100%)}'::series;
SELECT '{2022-06: 1, 2022-07: 100 (-250.5%)}'::series;
-- Binary input of a non-finite number is an invalid representation
-- (22P03), not a NaN argument: version 1, grain month, one fact 2022-03,
-- flags 0, value NaN (0x7ff8000000000000).
TRUNCATE raw; INSERT INTO raw VALUES ('\x01020000000100005eca007ff8000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);

-- An accessor whose result overflows float8 says so for every reading,
-- not only for a growth: 1-2月 of 1e308 + 1e308 as value, as ytd, and
-- as the base (a year before, published the same way).
SELECT value(s, '2022-01..02') FROM (SELECT '{2022-01: 1e308, 2022-02: 1e308}'::series s) t;
SELECT ytd(s, '2022-02') FROM (SELECT '{2022-01: 1e308, 2022-02: 1e308}'::series s) t;
SELECT base(s, '2023-01..02') FROM (SELECT '{2022-01: 1e308, 2022-02: 1e308}'::series s) t;
