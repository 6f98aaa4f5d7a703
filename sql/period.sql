-- period: input forms, output, accessors, navigation, relations,
-- progress, sets and errors. Every expected value is derived by hand in
-- the comments beside it.
CREATE EXTENSION tracker;
SET search_path = tracker, public;
SET extra_float_digits = 0;
SET datestyle = ISO;

-- Every input form of DESIGN §3 and its canonical output.
SELECT t AS input, t::period AS canonical, grain(t::period)
FROM (VALUES ('2022'), ('2022年'),
             ('2022-H1'), ('2022H1'), ('2022年上半年'), ('2022年下半年'),
             ('2022-Q3'), ('2022Q3'), ('2022年三季度'), ('2022年第三季度'), ('2022年3季度'),
             ('2022-07'), ('2022年7月'),
             ('2022-W27'), ('2022年第27周'),
             ('2022-07-15'), ('2022年7月15日'),
             ('2022-01..07'), ('2022-Q1..Q3'), ('2021-11..2022-02'),
             ('2022-W23..W36'), ('2022-06-01..09-08'),
             ('2022年1-7月'), ('2022年1—7月'), ('2022年前三季度'), ('2022年6月至9月'),
             ('  2022-07  '), ('2022-07..07'), ('2022-01..2022-07')) v(t);

-- Forms statistics bureaus print: 月份, 累计 after a span, 年度 and 全年 for
-- the year, full-width digits and dashes, spaces between the tokens of a
-- Chinese form (ASCII, U+3000), and year.month or year/month.
SELECT t AS input, t::period AS canonical, grain(t::period)
FROM (VALUES ('2022年7月份'), ('2022年1-7月份'), ('2022年1-7月累计'), ('２０２２年１－７月'),
             ('2022 年 1-7 月'), ('2022　年　7　月'), ('2022年度'), ('2022年全年'),
             ('2022.1-7'), ('2022/07'), ('2022.07'), ('2022.7'), ('2022/7'),
             ('2022年1～7月'), ('2022年07月'), ('2022年1–7月'), ('2022.7.15'),
             ('2021.11-2022.2')) v(t);
-- They are the periods the labels name, and the labels read back.
SELECT label('2022年1-7月累计'::period) AS ytd, label('２０２２年７月份'::period) AS month,
       label('2022年度'::period) AS year, label('2022.7.15'::period) AS day,
       label('2022 年 1 - 7 月'::period)::period = '2022-01..07' AS round_trip;

-- Accessors. 2022-06-01..09-08 is the 100-day campaign: 30 + 31 + 31 + 8.
SELECT p, start_date(p), end_date(p), days(p), grain(p), year(p)
FROM (VALUES ('2022'::period), ('2022-H2'), ('2022-Q3'), ('2022-07'), ('2022-W27'),
             ('2022-07-15'), ('2022-06-01..09-08'), ('2021-11..2022-02'),
             ('2024-02'), ('2023-02'), ('2000-02'), ('1900-02'), ('2024'), ('2023')) v(p);

-- ISO weeks at year ends: 2020 has 53 weeks (it starts on a Wednesday and
-- is a leap year); 2021-01-03 is the Sunday of 2020-W53; 2022-01-01 is a
-- Saturday in 2021-W52; 2022-W01 starts on Monday 2022-01-03.
SELECT d, period(d, 'week') AS week, start_date(period(d, 'week')), end_date(period(d, 'week'))
FROM (VALUES ('2020-12-28'::date), ('2021-01-03'), ('2021-01-04'), ('2022-01-01'),
             ('2022-01-02'), ('2022-01-03'), ('2026-12-31')) v(d);
SELECT '2020-W53'::period, year('2020-W53'::period), days('2020-W53'::period);

-- Constructors.
SELECT period('2022-07-15', 'year') AS y, period('2022-07-15', 'half') AS h,
       period('2022-07-15', 'quarter') AS q, period('2022-07-15', 'month') AS m,
       period('2022-07-15', 'week') AS w, period('2022-07-15', 'day') AS d,
       period('2022-07-15', ' Month ') AS case_and_space;
SELECT span('2022-01', '2022-07'), span('2022-Q1', '2022-Q3'), span('2021-11', '2022-02'),
       span('2022-07', '2022-07'), span('2022-01..03', '2022-05..07'),
       span('2022-06-01'::date::period, '2022-09-08'::date::period);
SELECT p, ytd(p) FROM (VALUES ('2022-07'::period), ('2022-Q3'), ('2022-H2'), ('2022'),
                              ('2022-W10'), ('2022-07-15'), ('2021-11..2022-02'),
                              ('2022-01'), ('2022-03..05')) v(p);
SELECT '2022-07-15'::date::period, '2022-Q3'::period::daterange,
       '2022-06-01..09-08'::period::daterange, '9999-12-31'::period::daterange;

-- Navigation: + and - move n units and keep the length; prev moves by the
-- length; year_ago moves each end by years (02-29 → 02-28, W53 → W52).
SELECT '2022-07'::period + 1 AS a, 1 + '2022-07'::period AS b, '2022-07'::period - 7 AS c,
       '2022-01..07'::period + 1 AS d, '2022-Q4'::period + 1 AS e, '2022-W52'::period + 1 AS f,
       '2020-W52'::period + 1 AS g, '2022-12-31'::period + 1 AS h, '2022-H2'::period - 1 AS i;
SELECT p, prev(p), year_ago(p) FROM (VALUES ('2022-07'::period), ('2022-01..07'),
       ('2022-Q3'), ('2022-H1'), ('2022'), ('2022-W27'), ('2020-W53'), ('2024-02-29'),
       ('2024-02-01..02-29'), ('2021-11..2022-02'), ('2020-W52..W53'), ('2022-06-01..09-08')) v(p);
SELECT year_ago('2024-02-29', 4) AS leap_to_leap, year_ago('2022-07', -1) AS next_year,
       year_ago('2022-07', 0) AS same, year_ago('2026-W53', 6) AS w53_to_w53,
       year_ago('2022-Q1..Q3', 3) AS three_years;

-- Order: start, then end, then grain (finer first). A span sorts after its
-- first unit and before the next unit; 2022-Q1..Q2 and 2022-H1 cover the
-- same days but are different periods.
SELECT p FROM (VALUES ('2022-02'::period), ('2022-01..07'), ('2022-01'), ('2022'),
       ('2022-H1'), ('2022-Q1..Q2'), ('2022-01..12'), ('2021-12-31'), ('2022-01-01'),
       ('2021-W52'), ('2022-W01')) v(p) ORDER BY p;
SELECT '2022-H1'::period = '2022-Q1..Q2'::period AS same_days_equal,
       '2022-H1'::period <> '2022-Q1..Q2'::period AS differ,
       '2022-Q1..Q2'::period < '2022-H1'::period AS finer_first,
       '2022-01'::period < '2022-01..07' AS unit_before_span,
       '2022-01..07'::period < '2022-02' AS span_before_next,
       '2022-07'::period <= '2022-07' AS le, '2022-08'::period > '2022-07' AS gt,
       '2022-07'::period >= '2022-08' AS ge,
       '2022年7月'::period = '2022-07' AS eq;
-- Hashing agrees with equality.
SELECT period_hash('2022年1-7月') = period_hash('2022-01..07') AS hash_eq,
       period_hash_extended('2022-07', 0) = period_hash_extended('2022年7月', 0) AS hash_ext_eq,
       period_hash_extended('2022-07', 1) <> period_hash_extended('2022-07', 0) AS seeded;
SELECT count(DISTINCT p) FROM (VALUES ('2022-H1'::period), ('2022-Q1..Q2'), ('2022年上半年')) v(p);

-- Both operator classes pass the access methods' own validation.
SELECT opcname, amname, amvalidate(c.oid)
FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
WHERE opcintype = 'period'::regtype ORDER BY opcname;
-- And the planner uses them: an index scan, a merge join and a hash join.
CREATE TEMP TABLE months AS SELECT u AS p FROM periods('2020-01'::period, '2022-12'::period) u;
CREATE INDEX ON months (p);
ANALYZE months;
SET enable_seqscan = off;
SELECT p FROM months WHERE p BETWEEN '2022-06' AND '2022-08' ORDER BY p;
RESET enable_seqscan;
SET enable_hashjoin = off; SET enable_nestloop = off;
SELECT count(*) AS merge_joined FROM months a JOIN months b ON a.p = year_ago(b.p);
RESET enable_hashjoin; SET enable_mergejoin = off;
SELECT count(*) AS hash_joined FROM months a JOIN months b ON a.p = year_ago(b.p);
RESET enable_mergejoin; RESET enable_nestloop;

-- Containment and overlap are on days, whatever the grains.
SELECT '2022'::period @> '2022-Q3'::period AS a, '2022-Q3'::period <@ '2022'::period AS b,
       '2022-Q3'::period @> '2022-06'::period AS c, '2022-H1'::period @> '2022-Q1..Q2'::period AS d,
       '2022-07'::period @> '2022-07-31'::date AS e, '2022-07'::period @> '2022-08-01'::date AS f,
       '2022-07-15'::date <@ '2022-W28'::period AS g, '2022-W01'::period @> '2022-01-01'::date AS h,
       '2022-Q3'::period && '2022-09..11'::period AS i, '2022-Q3'::period && '2022-10'::period AS j,
       '2022-07'::period @> 'infinity'::date AS k;

-- Units, finer units and sequences.
SELECT array_agg(u) FROM periods('2022-Q1..Q3') u;
SELECT array_agg(u) FROM periods('2022-H2', 'month') u;
SELECT array_agg(u) FROM periods('2022', 'quarter') u;
SELECT count(*), min(u), max(u) FROM periods('2022-06-01..09-08', 'day') u;
SELECT count(*) FROM periods('2024', 'day') u;
SELECT array_agg(u) FROM periods('2022-W52'::period, '2023-W02'::period) u;
SELECT array_agg(u) FROM periods('2022-01..03'::period, '2022-04..06'::period) u;
SELECT count(*) FROM periods('2022-07'::period, '2022-06'::period) u;

-- Time progress against a reporting period, in units of the finer grain:
-- 2022 vs 1-10月 = 10/12; vs H1 = 1/2; Q3 vs July = 1/3; Q3 vs 2022-07-15 =
-- 15/92 days; the 100-day campaign vs W27 (2022-07-04..10) = 40/100; weeks
-- do not tile a year, so 2022 vs 2022-W26 (ends 2022-07-03) counts days:
-- 184/365.
SELECT round(time_progress('2022'::period, '2022-01..10'::period)::numeric, 6) AS ten_months,
       round(time_progress('2022'::period, '2022-H1'::period)::numeric, 6) AS half,
       round(time_progress('2022-Q3'::period, '2022-07'::period)::numeric, 6) AS july_of_q3,
       round(time_progress('2022-Q3'::period, '2022-07-15'::period)::numeric, 6) AS day_of_q3,
       round(time_progress('2022-06-01..09-08'::period, '2022-W27'::period)::numeric, 6) AS campaign_w27,
       round(time_progress('2022'::period, '2022-W26'::period)::numeric, 6) AS weeks_in_year,
       round(time_progress('2022'::period, '2022'::period)::numeric, 6) AS whole,
       round(time_progress('2022'::period, '2022-01-01'::period)::numeric, 6) AS first_day;
-- Against a date, in days, clamped: 40 days of 100 through 2022-07-10.
SELECT time_progress('2022-06-01..09-08'::period, '2022-07-10'::date) AS day40,
       time_progress('2022-06-01..09-08'::period, '2022-06-01'::date) AS first_day,
       time_progress('2022-06-01..09-08'::period, '2022-05-31'::date) AS before,
       time_progress('2022-06-01..09-08'::period, '2022-09-08'::date) AS last_day,
       time_progress('2022-06-01..09-08'::period, '2023-01-01'::date) AS after,
       time_progress('2022-06-01..09-08'::period, '-infinity'::date) AS minus_inf,
       time_progress('2022-06-01..09-08'::period, 'infinity'::date) AS plus_inf;

-- Labels as bulletins write them, and each zh label reads back.
SELECT p, label(p) AS zh, label(p, 'en') AS en, label(p)::period = p AS round_trip
FROM (VALUES ('2022'::period), ('2021..2023'), ('2022-H1'), ('2022-H2'), ('2022-Q3'),
             ('2022-Q1..Q3'), ('2022-Q1..Q2'), ('2022-Q2..Q3'), ('2022-07'), ('2022-01..07'),
             ('2021-11..2022-02'), ('2022-W27'), ('2022-W23..W36'), ('2022-07-15'),
             ('2022-06-01..09-08'), ('2021-12-25..2022-01-05')) v(p);

-- is_period checks without raising.
SELECT t, is_period(t) FROM (VALUES ('2022-07'), ('2022年1-7月'), ('2022-13'),
       ('2022-02-30'), ('2021-W53'), (''), ('July')) v(t);

-- NULL in, NULL out.
SELECT start_date(NULL::period) IS NULL AS a, prev(NULL) IS NULL AS b,
       time_progress('2022'::period, NULL::period) IS NULL AS c,
       (NULL::period + 1) IS NULL AS d, label(NULL) IS NULL AS e;

-- Binary form: grain byte, first and last day as int4 days from 2000-01-01.
-- 2022-07-01 is day 22*365 + 6 leap days + 181 = 8217 = 0x2019; 07-31 is 0x2037.
SELECT period_send('2022-07') AS july, period_send('2000-01-01') AS epoch_day;
-- recv: COPY a bytea column out in binary and read the same bytes back as
-- periods, so period_recv sees exactly the bytes we chose.
-- The file lives in the server's data directory, private to this server.
SELECT current_setting('data_directory') || '/tracker_regress_period.bin' AS binfile \gset
CREATE TEMP TABLE raw (b bytea);
CREATE TEMP TABLE got (p period);
INSERT INTO raw VALUES ('\x020000201900002037'), ('\x05000000000000016d');
-- 0x016d = 365: 2000-01-01..2000-12-31 is the year 2000, grain 5.
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
SELECT p FROM got;
-- Round trip of every grain through binary COPY.
CREATE TEMP TABLE sent AS SELECT p FROM (VALUES ('2022'::period), ('2022-H2'), ('2022-Q1..Q3'),
       ('2021-11..2022-02'), ('2020-W53'), ('2022-06-01..09-08'), ('0001-01-01'), ('9999-12-31')) v(p);
COPY sent TO :'binfile' (FORMAT binary);
TRUNCATE got;
COPY got FROM :'binfile' (FORMAT binary);
SELECT (SELECT array_agg(p ORDER BY p) FROM got) = (SELECT array_agg(p ORDER BY p) FROM sent) AS round_trip;
-- Invalid bytes are rejected: a grain of 6, a month that starts mid-month,
-- a day past 9999-12-31 (day 3652058 - 730119 + 1 = 0x2c95d4), a short value and a long one.
TRUNCATE raw; INSERT INTO raw VALUES ('\x060000201900002037');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x020000201a00002037');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x00002c95d4002c95d4');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x0200002019');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
TRUNCATE raw; INSERT INTO raw VALUES ('\x02000020190000203700');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);

-- Errors: malformed text (22P02) quotes the input and hints the forms;
-- dates out of range are 22008; unknown grains and arguments that do not
-- fit together 22023. First the SQLSTATE of each, then the messages.
CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END$$;
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
  ($q$SELECT '2022-13'::period$q$), ($q$SELECT '2022-02-30'::period$q$),
  ($q$SELECT '2021-W53'::period$q$), ($q$SELECT '2022-07..05'::period$q$),
  ($q$SELECT '0000'::period$q$), ($q$SELECT '9999-W52'::period$q$),
  ($q$SELECT period('2022-07-15', 'fortnight')$q$),
  ($q$SELECT period('infinity', 'month')$q$),
  ($q$SELECT '9999-12'::period + 1$q$), ($q$SELECT year_ago('0001', 1)$q$),
  ($q$SELECT prev('0001-01-01')$q$),
  ($q$SELECT span('2022-07', '2022-Q3')$q$),
  ($q$SELECT periods('2022-Q3'::period, 'week')$q$),
  ($q$SELECT time_progress('2022-Q3'::period, '2022-10'::period)$q$),
  ($q$SELECT label('2022-07'::period, 'fr')$q$)) v(q);
SELECT '2022-13'::period;
SELECT '2022-02-30'::period;
SELECT '2021-W53'::period;
SELECT '2022-07..05'::period;
SELECT '2022-01..Q3'::period;
SELECT ''::period;
SELECT '0000'::period;
SELECT '9999-W52'::period;
SELECT period('2022-07-15', 'fortnight');
SELECT period('infinity', 'month');
SELECT period('10000-01-01', 'day');
SELECT periods('2022-Q3'::period, '2022-Q4');
SELECT '9999-12'::period + 1;
SELECT year_ago('0001', 1);
SELECT prev('0001-01-01');
SELECT '0001-01'::period - 1;
SELECT span('2022-07', '2022-Q3');
SELECT span('2022-07', '2022-06');
SELECT periods('2022-Q3'::period, 'week');
SELECT periods('2022-07'::period, 'quarter');
SELECT periods('2022-07'::period, '2022-Q3'::period);
SELECT time_progress('2022-Q3'::period, '2022-10'::period);
SELECT time_progress('2022-Q3'::period, '2022-06'::period);
SELECT label('2022-07'::period, 'fr');
-- Bureau forms that are not periods. Without the year the hint says to
-- write it, quoting the input after an example year; impossible months,
-- reversed spans and stray separators get the hint listing the forms.
SELECT t, is_period(t) FROM (VALUES ('1-7月'), ('7月份'), ('2022年13月'), ('2022年7-1月'),
       ('2022.1-13'), ('2022/7/1/'), ('年'), ('2022年7月累计'), ('2022 .7')) v(t);
-- At most 256 bytes once trimmed: 2022年 is 7 bytes, 7月 4.
SELECT is_period('2022年' || repeat(' ', 245) || '7月') AS bytes_256,
       is_period('2022年' || repeat(' ', 246) || '7月') AS bytes_257,
       is_period(repeat(' ', 300) || '2022年7月' || repeat(' ', 300)) AS trimmed;
SELECT q, pg_temp.sqlstate_of(q) FROM (VALUES
  ($q$SELECT '1-7月'::period$q$), ($q$SELECT '2022年13月'::period$q$),
  ($q$SELECT '2022/7/1/'::period$q$), ($q$SELECT '0000.7'::period$q$)) v(q);
SELECT '1-7月'::period;
SELECT ' 7月份　'::period;
SELECT '第三季度'::period;
SELECT '2022年13月'::period;
SELECT '2022年7-1月'::period;
SELECT '2022.1-13'::period;
SELECT '2022/7/1/'::period;
SELECT '年'::period;
SELECT '0000.7'::period;

-- 累计 after a single month is refused, saying why: bureaus write it for
-- the month alone and for the year to date through it.
SELECT '2022年7月累计'::period;
