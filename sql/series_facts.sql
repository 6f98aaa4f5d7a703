-- series: what a fact can be (a level, a published rate, both, or
-- neither) and the two kinds of series (amounts and ratios), from the
-- shapes bulletins print. Every expected number is derived by hand in the
-- comments; rates are in percent, changes of ratios in points.
SET search_path = tracker, public;
SET extra_float_digits = 0;

-- 1. Rate-only facts. Districts publish 规模以上工业增加值 (industrial value
-- added at comparable prices) as rates only: "1-7月，海曙区规上工业增加值
-- 增长8.3%，其中7月增长9.1%". A row with a NULL value and a rate is kept.
CREATE TABLE va (region text, p period, v float8, g float8);
INSERT INTO va VALUES
  ('海曙', '2021-01..06', NULL, 15.2), ('海曙', '2021-01..07', NULL, 14.8),
  ('海曙', '2022-03', NULL, 6.5), ('海曙', '2022-01..03', NULL, 7.0),
  ('海曙', '2022-01..06', NULL, 7.9), ('海曙', '2022-07', NULL, 9.1),
  ('海曙', '2022-01..07', NULL, 8.3),
  ('江北', '2022-07', 300, 9.5), ('江北', '2022-01..07', NULL, 10.2);
CREATE TABLE vs AS SELECT region, series(p, v, g) AS s FROM va GROUP BY region;

-- The facts, in order (unit, then the year to date through it): each has
-- NULL for its level.
SELECT region, s, kind(s) FROM vs ORDER BY region;
SELECT (unnest(s)).* FROM vs WHERE region = '海曙';

-- yoy and ytd_yoy give the published rate of the fact that is exactly the
-- period: July 9.1, 1-7月 8.3 (as yoy of the span and as ytd_yoy of July);
-- March 6.5 and 1-3月 7.0, which Q1 covers exactly; H1 covers 1-6月:
-- 7.9. Q3 (July-September) is no fact: NULL. Nothing else is derived
-- from rates alone: value, base, mom and ytd are NULL.
SELECT yoy(s, '2022-07') AS jul, ytd_yoy(s, '2022-07') AS ytd_jul, yoy(s, '2022-01..07') AS jan_jul,
       yoy(s, '2022-03') AS mar, ytd_yoy(s, '2022-03') AS ytd_mar, yoy(s, '2022-Q1') AS q1,
       yoy(s, '2022-H1') AS h1, yoy(s, '2022-Q3') AS q3
FROM vs WHERE region = '海曙';
SELECT value(s, '2022-07') IS NULL AS value, base(s, '2022-07') IS NULL AS base,
       mom(s, '2022-07') IS NULL AS mom, ytd(s, '2022-07') IS NULL AS ytd,
       value(s, '2022-01..07') IS NULL AS value_ytd, base(s, '2022-Q1') IS NULL AS base_q1
FROM vs WHERE region = '海曙';

-- 两年平均 chains the published rates: 1-7月 sqrt(1.083 * 1.148) - 1 =
-- sqrt(1.243284) - 1 = 11.5026%; 1-6月 sqrt(1.079 * 1.152) - 1 =
-- sqrt(1.243008) - 1 = 11.4903%. July 2021 has no rate and no level:
-- NULL.
SELECT round(avg_growth(s, '2022-01..07', 2)::numeric, 4) AS two_year_jan_jul,
       round(avg_growth(s, '2022-H1', 2)::numeric, 4) AS two_year_h1,
       avg_growth(s, '2022-07', 2) AS two_year_jul
FROM vs WHERE region = '海曙';

-- No level anywhere: the sparkline is blank.
SELECT '[' || sparkline(s, '2022-01', '2022-07') || ']' AS spark FROM vs WHERE region = '海曙';

-- rollup: a period where some input has no level has neither level nor
-- rate in the sum. July: 海曙 rate-only + 江北 300 (+9.5%); 1-7月: two
-- rate-only facts, whose rates cannot be averaged without weights. The
-- periods only 海曙 published keep its facts as they are.
SELECT rollup(s) FROM vs;

-- 2. Rows for one period where any lacks a level (project rows for a
-- region): levels cannot be added when one is unknown, and rates cannot
-- be averaged without their weights, so the period is a fact with
-- neither level nor rate; nothing is made up. April: 50 and 60 at +20%,
-- one row without a rate: 110 without a rate (as before). May: 100 at
-- +5% and a rate-only row: neither. June: two rate-only rows: neither.
-- July: one row whose rate of -100% implies no base, and no level:
-- neither. August: one rate-only row keeps its rate. September: a row
-- with neither value nor growth is skipped.
CREATE TABLE pr (p period, v float8, g float8);
INSERT INTO pr VALUES
  ('2022-04', 50, NULL), ('2022-04', 60, 20),
  ('2022-05', 100, 5), ('2022-05', NULL, 8),
  ('2022-06', NULL, 8), ('2022-06', NULL, 6),
  ('2022-07', NULL, -100),
  ('2022-08', NULL, 3),
  ('2022-09', NULL, NULL);
SELECT series(p, v, g) FROM pr;
SELECT (unnest(series(p, v, g))).* FROM pr;
-- The same rows in any order, and the rows of May split between two
-- partitions aggregated partitionwise (each partition partially, then
-- combined): the same series.
SELECT series(p, v, g ORDER BY p DESC, v NULLS FIRST) = series(p, v, g ORDER BY p, v) AS order_free FROM pr;
-- (Rows with neither value nor growth, which are skipped, make the
-- partitions large enough for the planner to aggregate each one.)
CREATE TABLE prp (part int, grp int, p period, v float8, g float8) PARTITION BY LIST (part);
CREATE TABLE prp_1 PARTITION OF prp FOR VALUES IN (1);
CREATE TABLE prp_2 PARTITION OF prp FOR VALUES IN (2);
INSERT INTO prp VALUES (1, 1, '2022-05', 100, 5), (2, 1, '2022-05', NULL, 8), (1, 1, '2022-08', NULL, 3);
INSERT INTO prp SELECT part, 1, '2022-06', NULL, NULL FROM generate_series(1, 2) part, generate_series(1, 1000) i;
ANALYZE prp;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, series(p, v, g) FROM prp GROUP BY grp;
SELECT grp, series(p, v, g) FROM prp GROUP BY grp;
RESET enable_partitionwise_aggregate; RESET max_parallel_workers_per_gather; RESET enable_hashagg;

-- 3. A fact without a level among facts with levels. 1-6月 840 at +20%
-- (base 700), 1-7月 1050 at +25% (base 840), July published as +30%
-- only. July's level comes from the cumulative facts: 1050 - 840 = 210;
-- its rate is the published 30 (a published rate wins); its base is the
-- one that rate implies on that value: 210 / 1.3 = 161.5385. August: two
-- project rows, one without a level, so August is a fact with neither;
-- its level still comes from 1-8月 1300 - 1-7月 1050 = 250, and with no
-- rate and no August 2021 it has no growth.
CREATE TABLE q (p period, v float8, g float8);
INSERT INTO q VALUES ('2022-01..06', 840, 20), ('2022-01..07', 1050, 25), ('2022-07', NULL, 30),
  ('2022-08', 100, 5), ('2022-08', NULL, 8), ('2022-01..08', 1300, NULL);
SELECT s FROM (SELECT series(p, v, g) AS s FROM q) x;
SELECT value(s, '2022-07') AS jul, yoy(s, '2022-07') AS jul_yoy, round(base(s, '2022-07')::numeric, 4) AS jul_base,
       value(s, '2022-08') AS aug, yoy(s, '2022-08') AS aug_yoy, ytd_yoy(s, '2022-07') AS ytd_yoy_jul
FROM (SELECT series(p, v, g) AS s FROM q) x;
-- resample to quarters: Q3 would need August and September; the year to
-- date through Q3 needs 1-9月: nothing derivable, no fact. To halves:
-- H1 = 1-6月 840 at +20%.
SELECT resample(s, 'quarter') AS quarters, resample(s, 'half') AS halves
FROM (SELECT series(p, v, g) AS s FROM q) x;
-- Rate-only facts resample too: 海曙's Q1 is 1-3月 (+7%), Q1..Q2 is 1-6月
-- (+7.9%), in both years where published.
SELECT resample(s, 'quarter') FROM vs WHERE region = '海曙';

-- 4. avg_growth falls back to the ratio of the levels over the years
-- where a yearly rate is missing. Yearly levels 100 (2019), 0 (2020),
-- 110 (2021): 2021 over 2020 has no rate (a base of 0), so the two-year
-- average is sqrt(110 / 100) - 1 = 4.8809%; the same when 2020 is
-- missing. Three years would need 2018: NULL. Where rates are published
-- they are chained, even against the levels (按可比口径): 2020 at -5% and
-- 2021 at +8% give sqrt(0.95 * 1.08) - 1 = sqrt(1.026) - 1 = 1.29166%
-- (1.2917 to four places), though 55 / 50
-- would be +10% for 2021; rates alone (no levels) the same.
CREATE TABLE yl (region text, p period, v float8, g float8);
INSERT INTO yl VALUES
  ('zero', '2019', 100, NULL), ('zero', '2020', 0, NULL), ('zero', '2021', 110, NULL),
  ('gap', '2019', 100, NULL), ('gap', '2021', 110, NULL),
  ('rates', '2019', 52, NULL), ('rates', '2020', 50, -5), ('rates', '2021', 55, 8),
  ('rates only', '2020', NULL, -5), ('rates only', '2021', NULL, 8);
SELECT region, yoy(s, '2021') AS yoy_2021, round(avg_growth(s, '2021', 2)::numeric, 4) AS two_year,
       avg_growth(s, '2021', 3) AS three_years
FROM (SELECT region, series(p, v, g) AS s FROM yl GROUP BY region) x ORDER BY region;

-- 5. Ratio series. 产销率 (sales over output) is a ratio: "产销率98.1%，
-- 提高0.3个百分点". series(p, value, growth, 'ratio') takes the change in
-- points as growth; nothing adds up.
CREATE TABLE ratio_obs (p period, v float8, g float8);
INSERT INTO ratio_obs VALUES
  ('2021-06', 98.0, NULL), ('2021-07', 97.8, NULL), ('2021-01..07', 97.6, NULL),
  ('2022-01..06', 98.2, NULL), ('2022-06', 98.4, NULL), ('2022-07', 98.1, 0.3),
  ('2022-01..07', 97.9, 0.3);
CREATE TABLE rs AS SELECT series(p, v, g, 'ratio') AS s FROM ratio_obs;
-- Text: the changes in points (pp), and the kind after the braces.
SELECT s, kind(s) FROM rs;
-- value is the fact that is the period; base the fact a year before; yoy
-- the published change (July +0.3), else value - base in points (June:
-- 98.4 - 98.0 = 0.4); mom in points (July - June: 98.1 - 98.4 = -0.3);
-- ytd only from a published cumulative fact: 1-7月 97.9 with its
-- published change 0.3; 1-6月 98.2, which has no change, and 2021 has
-- no 1-6月 to take one from: ytd_yoy NULL.
SELECT value(s, '2022-07') AS jul, base(s, '2022-07') AS jul_base, yoy(s, '2022-07') AS jul_yoy,
       round(yoy(s, '2022-06')::numeric, 4) AS jun_yoy, base(s, '2022-06') AS jun_base,
       round(mom(s, '2022-07')::numeric, 4) AS jul_mom,
       ytd(s, '2022-07') AS ytd_jul, ytd_yoy(s, '2022-07') AS ytd_yoy_jul,
       ytd(s, '2022-06') AS ytd_jun, ytd_yoy(s, '2022-06') AS ytd_yoy_jun
FROM rs;
-- Never summed nor differenced: Q2 (April-June), June-July and Q3 have no
-- fact of their own; Q1 has no 1-3月; H1 is the fact 1-6月 98.2; a year
-- from months needs 1-12月. Changes in points do not compound:
-- avg_growth is NULL.
SELECT value(s, '2022-Q2') AS q2, value(s, '2022-06..07') AS jun_jul, value(s, '2022-Q3') AS q3,
       value(s, '2022-Q1') AS q1, value(s, '2022-H1') AS h1, value(s, '2022') AS year,
       avg_growth(s, '2022-07', 2) AS two_year, avg_growth(s, '2022-07', 1) AS one_year
FROM rs;
-- unnest gives the changes in points; the sparkline scales the unit
-- facts (98.4 highest: █; 98.1 lowest: ▁).
SELECT (unnest(s)).* FROM rs;
SELECT sparkline(s, '2022-06', '2022-07') FROM rs;
-- resample keeps only the facts that are exactly a period of the coarser
-- grain: 1-6月 is Q1..Q2 and H1, 1-7月 is no quarter or half.
SELECT resample(s, 'quarter') AS quarters, resample(s, 'half') AS halves FROM rs;
-- 城镇调查失业率 5.5%, down 0.1 points; a change without a level; a change
-- of any size in points (no -100 bound). Text reads back the same.
SELECT '{2022-07: 5.5 (-0.1pp)}/ratio'::series AS unemployment,
       '{2021-07: 5.1, 2022-07: NULL (+0.3pp)}/ratio'::series AS change_only,
       '{2022-07: 40 (-150pp)}/ratio'::series AS big_drop;
SELECT value(s, '2022-07') AS value, base(s, '2022-07') AS base, yoy(s, '2022-07') AS change
FROM (SELECT '{2021-07: 5.1, 2022-07: NULL (+0.3pp)}/ratio'::series AS s) x;
-- The kind argument: NULL is amount, the same series as series(p, v, g).
SELECT (SELECT series(p, v, g, NULL) FROM pr) = (SELECT series(p, v, g) FROM pr) AS null_is_amount,
       (SELECT series(p, v, g, 'amount') FROM pr) = (SELECT series(p, v, g) FROM pr) AS amount;
-- Ratios are built per region and indicator; a ratio row without a level
-- or a change is skipped.
SELECT series(p, v, g, 'ratio') FROM (VALUES ('2022-07'::period, 98.1, 0.3), ('2022-08', NULL, NULL)) t(p, v, g);

-- Errors (22023): two rows for one period of a ratio series (ratios
-- cannot be added), naming the period; a kind other than amount or
-- ratio; rows of both kinds in one series; rollup of a ratio series.
SELECT series(p, v, g, 'ratio') FROM (VALUES ('2022-07'::period, 98.1, 0.3), ('2022-07', 97.0, NULL)) t(p, v, g);
SELECT series(p, v, g, 'ratios') FROM (VALUES ('2022-07'::period, 98.1, 0.3)) t(p, v, g);
SELECT series(p, v, g, k) FROM (VALUES ('2022-07'::period, 98.1, 0.3, 'ratio'), ('2022-08', 97.0, NULL, 'amount')) t(p, v, g, k);
SELECT rollup(s) FROM rs;
-- The same through partial states: the two rows of July in two
-- partitions meet only when the states are combined.
CREATE TABLE rp (part int, grp int, p period, v float8) PARTITION BY LIST (part);
CREATE TABLE rp_1 PARTITION OF rp FOR VALUES IN (1);
CREATE TABLE rp_2 PARTITION OF rp FOR VALUES IN (2);
INSERT INTO rp VALUES (1, 1, '2022-07', 98.1), (2, 1, '2022-07', 97.0), (1, 1, '2022-06', 98.4);
INSERT INTO rp SELECT part, 1, '2022-05', NULL FROM generate_series(1, 2) part, generate_series(1, 1000) i;
ANALYZE rp;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT grp, series(p, v, NULL, 'ratio') FROM rp GROUP BY grp;
SELECT grp, series(p, v, NULL, 'ratio') FROM rp GROUP BY grp;
DELETE FROM rp WHERE part = 2 AND v IS NOT NULL;
SELECT grp, series(p, v, NULL, 'ratio') FROM rp GROUP BY grp;
RESET enable_partitionwise_aggregate; RESET max_parallel_workers_per_gather; RESET enable_hashagg;

-- 6. Text forms. NULL in any case; an optional /amount. Input errors are
-- 22P02 with a detail: a rate in % in a ratio series, one in points in an
-- amount series, an unknown kind, NULL run into another word, -100% or
-- less for a rate-only amount.
SELECT '{2022-07: null (+8.3%), 2022-08:NULL}'::series AS lower_case,
       '{2022-07: 1} / amount'::series AS amount_suffix;
SELECT '{2022-07: 98.1 (+0.3%)}/ratio'::series;
SELECT '{2022-07: 98.1 (+0.3pp)}'::series;
SELECT '{2022-07: 98.1}/rate'::series;
SELECT '{2022-07: 98.1}/'::series;
SELECT '{2022-07: NULLS}'::series;
SELECT '{2022-07: NULL (-100%)}'::series;
SELECT '{2022-07: NULL, 2022-07: NULL (+1%)}'::series;
SELECT '{2022-07: 1 (+1pp), 2022-07: 2}/ratio'::series;

-- Every form reads back the same; = and hashing group equal series,
-- whichever form they were written in.
CREATE TABLE forms (s series);
INSERT INTO forms SELECT s FROM vs UNION ALL SELECT s FROM rs
  UNION ALL SELECT series(p, v, g) FROM pr UNION ALL SELECT series(p, v, g) FROM q
  UNION ALL SELECT '{2022-07: NULL}'::series UNION ALL SELECT '{2022-07: NULL}/ratio'::series;
SELECT count(*) FILTER (WHERE s::text::series = s) AS text_round_trips, count(*) AS series FROM forms;
SELECT (SELECT count(*) FROM (SELECT DISTINCT s FROM forms) d) AS distinct_series,
       (SELECT count(*) FROM (SELECT s FROM forms UNION SELECT s FROM forms) u) AS union_distinct;
-- An amount and a ratio with the same facts are different series.
SELECT '{2022-07: 98.1}'::series = '{2022-07: 98.1}/ratio'::series AS same_facts_other_kind;
SELECT current_setting('data_directory') || '/tracker_regress_series_facts.bin' AS binfile \gset
CREATE TEMP TABLE back (s series);
COPY forms TO :'binfile' (FORMAT binary);
COPY back FROM :'binfile' (FORMAT binary);
SELECT count(*) AS binary_round_trips FROM forms JOIN back USING (s);

-- NULL inputs: accessors of a NULL series are NULL, kind too.
SELECT kind(NULL::series) IS NULL AS kind;
