-- scoreboard(p, as_of) on a dataset small enough to check by hand. Every
-- expected number is derived in the comments. The test removes its rows.
SET search_path = tracker, public;
SET extra_float_digits = 0;

INSERT INTO region VALUES ('city', 'City', NULL, NULL),
  ('a', 'A', 'city', NULL), ('b', 'B', 'city', NULL), ('c', 'C', 'city', NULL),
  ('x', 'X', 'city', 'zone'), ('y', 'Y', 'city', 'zone');
INSERT INTO indicator VALUES ('inv', 'Investment', '亿元', true, 1),
                             ('energy', 'Energy per unit of output', 't/万元', false, 2);
INSERT INTO observation VALUES
  ('a', 'inv', '2021-06', 10, NULL), ('a', 'inv', '2021-07', 10, NULL),
  ('a', 'inv', '2022-01..06', 60, 10), ('a', 'inv', '2022-06', 11, NULL), ('a', 'inv', '2022-07', 12, NULL),
  ('b', 'inv', '2021-06', 20, NULL), ('b', 'inv', '2021-07', 20, NULL),
  ('b', 'inv', '2022-01..06', 100, 20), ('b', 'inv', '2022-06', 25, NULL), ('b', 'inv', '2022-07', 21, NULL),
  ('c', 'inv', '2021-06', 5, NULL), ('c', 'inv', '2021-07', 5, NULL),
  ('c', 'inv', '2022-06', 5, NULL), ('c', 'inv', '2022-07', 7, NULL),
  ('x', 'inv', '2021-06', 50, NULL), ('x', 'inv', '2021-07', 50, NULL),
  ('x', 'inv', '2022-06', 50, NULL), ('x', 'inv', '2022-07', 55, NULL),
  ('y', 'inv', '2021-06', 40, NULL), ('y', 'inv', '2021-07', 40, NULL),
  ('y', 'inv', '2022-06', 48, NULL), ('y', 'inv', '2022-07', 30, NULL),
  ('a', 'energy', '2021-07', 1.00, NULL), ('a', 'energy', '2022-07', 0.90, NULL),
  ('b', 'energy', '2021-07', 1.00, NULL), ('b', 'energy', '2022-07', 0.95, NULL),
  ('c', 'energy', '2021-07', 1.00, NULL), ('c', 'energy', '2022-07', 1.10, NULL);
INSERT INTO target VALUES ('a', 'inv', '2022', 130, 15), ('b', 'inv', '2022-Q3', 70, NULL),
                          ('c', 'inv', '2022', NULL, 30), ('x', 'inv', '2022', 400, NULL);

-- July, published on 2022-08-10 (after the month, so time counts months).
-- inv, peers a, b, c (parent city, no group) and x, y (group zone):
--  a: 12 over 10 = +20%. Target 2022: 130; actual 1-7月 = 1-6月 60 + July
--     12 = 72; attainment 55.3846; time 7/12 = 58.3333; pace -2.9487:
--     yellow (0 > pace >= -5). Growth gap 20 - 15 = 5.
--  b: 21 over 20 = +5%. Target Q3: 70; actual July 21 = 30%; time 1/3;
--     pace -3.3333: yellow.
--  c: 7 over 5 = +40%. Target 2022 growth 30 only: no actual (January to
--     May unknown), gap 40 - 30 = 10: green on the growth gap.
--  Growth ranks c 1, a 2, b 3; amount ranks b 21, a 12, c 7; June's growth
--  (a 11/10 = 10, b 25/20 = 25, c 5/5 = 0) ranked b, a, c: changes a 0,
--  b -2, c +2; gaps to c's 40: a 20, b 35, c 0.
--  x: 55 over 50 = +10%, y: 30 over 40 = -25%: x 1, y 2 both ways; June
--     x 0%, y +20% ranked y, x: x +1, y -1; y is 35 behind. x's target
--     has no actual (1-7月 unknown): no attainment, no pace, no light.
-- energy, lower is better: a 0.90/1.00 = -10%, b -5%, c +10%: growth and
-- amount rank a, b, c; no June facts, so no rank change; gaps 0, 5, 20.
SELECT region, indicator, value, base, round(growth::numeric, 4) AS growth,
       target_period, target_amount, actual, round(attainment::numeric, 4) AS attainment,
       target_growth, round(growth_gap::numeric, 4) AS growth_gap,
       round(time_progress::numeric, 4) AS time_progress, round(pace::numeric, 4) AS pace, light
FROM scoreboard('2022-07', '2022-08-10');
SELECT region, indicator, peers, rank_growth, rank_amount, rank_change,
       round(gap_to_leader::numeric, 4) AS gap_to_leader
FROM scoreboard('2022-07', '2022-08-10');

-- A look at July on 2022-07-15, before it is over: time counts days.
-- a: 196 of 365 days of 2022 = 53.6986%, pace 55.3846 - 53.6986 = 1.6860:
-- green. b: 15 of Q3's 92 days = 16.3043%, pace 13.6957: green.
SELECT region, round(time_progress::numeric, 4) AS time_progress, round(pace::numeric, 4) AS pace, light
FROM scoreboard('2022-07', '2022-07-15') WHERE indicator = 'inv' AND region IN ('a', 'b');

-- The year to date 1-7月: a's value 72; no growth (April 2021 and the rest
-- are unknown, and July 2022 has no rate); the previous report is 1-6月,
-- so no rank change either. b's Q3 target does not hold 1-7月: none.
SELECT region, value, growth, target_period, actual, round(attainment::numeric, 4) AS attainment,
       rank_growth, rank_change
FROM scoreboard('2022-01..07', '2022-08-10') WHERE indicator = 'inv' AND region IN ('a', 'b', 'c');

-- Plain types only, so BI tools show every column without a driver.
SELECT count(*) AS out_columns,
       count(*) FILTER (WHERE t IN ('text', 'double precision', 'integer')) AS plain
FROM (SELECT u.t::regtype::text AS t
      FROM pg_proc, unnest(proallargtypes, proargmodes) u(t, mode)
      WHERE proname = 'scoreboard' AND u.mode = 't') s;

-- A materialized view with a unique index refreshes CONCURRENTLY.
CREATE MATERIALIZED VIEW board AS SELECT * FROM scoreboard('2022-07', '2022-08-10');
CREATE UNIQUE INDEX ON board (region, indicator);
UPDATE observation SET value = 13 WHERE region = 'a' AND indicator = 'inv' AND period = '2022-07';
REFRESH MATERIALIZED VIEW CONCURRENTLY board;
-- a: 13 over 10 = +30%; 1-7月 = 73.
SELECT region, value, growth, actual FROM board WHERE region = 'a' AND indicator = 'inv';
DROP MATERIALIZED VIEW board;

-- Without as_of, or with a NULL one, the board is as of the last day of
-- p: time progress 100 in July's board, as scoreboard('2022-07',
-- '2022-07-31') gives it; a NULL period is an error (22004), not an
-- empty board.
SELECT region, indicator, time_progress, pace
FROM scoreboard('2022-07') ORDER BY region, indicator;
SELECT count(*) AS differing_rows FROM (
    (SELECT * FROM scoreboard('2022-07') EXCEPT SELECT * FROM scoreboard('2022-07', '2022-07-31'))
    UNION ALL
    (SELECT * FROM scoreboard('2022-07', NULL) EXCEPT SELECT * FROM scoreboard('2022-07', '2022-07-31'))
    UNION ALL
    (SELECT * FROM scoreboard('2022-07', '2022-07-31') EXCEPT SELECT * FROM scoreboard('2022-07'))) d;
SELECT count(*) AS rows FROM scoreboard(NULL, '2022-08-10');

DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;
DELETE FROM region WHERE parent IS NOT NULL; DELETE FROM region;

-- Which series a row reads, which rows show, which target counts.
INSERT INTO region VALUES ('city', 'City', NULL, NULL), ('p', 'P', 'city', NULL),
  ('q', 'Q', 'city', NULL), ('s', 'S', 'city', NULL), ('t', 'T', 'city', NULL);
INSERT INTO indicator VALUES ('out', 'Output', '亿元', true, 1);
INSERT INTO observation VALUES
  ('p', 'out', '2021-07', 10, NULL), ('p', 'out', '2022-07', 11, NULL),
  ('p', 'out', '2021-Q3', 30, NULL), ('p', 'out', '2022-Q3', 36, NULL),
  ('q', 'out', '2021-Q3', 40, NULL), ('q', 'out', '2022-Q3', 42, NULL),
  ('s', 'out', '2019-07', 5, NULL),
  ('t', 'out', '2021-09', 8, NULL);
INSERT INTO target VALUES ('p', 'out', '2022', 100, NULL), ('p', 'out', '2022-H2', 60, NULL),
                          ('p', 'out', '2022-Q3', 40, NULL);
-- July: p reads its months, 11 over 10 = +10%, against its most specific
-- target holding July, 2022-Q3's 40: actual 11 (July), attainment 27.5,
-- time 1 of 3 months = 33.3333, pace -5.8333: red. q publishes quarters
-- only, so has no July row. s's only fact (2019-07) is older than the
-- base year of the previous report (June: 2021): no row. t's 2021-09 is
-- not: a row, with nothing to read. Peers p and t; only p is ranked.
SELECT region, value, base, growth, target_period, target_amount, actual, attainment,
       round(time_progress::numeric, 4) AS time_progress, round(pace::numeric, 4) AS pace,
       light, peers, rank_growth, rank_amount
FROM scoreboard('2022-07', '2022-08-10') WHERE indicator = 'out';
-- The third quarter: p's months cannot give it (August and September are
-- missing) but its quarters can, and the coarser series is the one read:
-- 36 over 30 = +20%; target 2022-Q3: 36 of 40 = 90, time 100, pace -10:
-- red. q: 42 over 40 = +5%. t: a row, nothing to read. Growth ranks p, q;
-- amounts q 42, p 36.
SELECT region, value, base, growth, target_period, actual, attainment, time_progress, pace,
       light, peers, rank_growth, rank_amount
FROM scoreboard('2022-Q3', '2022-10-10') WHERE indicator = 'out';
DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;
DELETE FROM region WHERE parent IS NOT NULL; DELETE FROM region;

-- One region's faults do not cost the board. A region code of 2,000
-- bytes ranks (a league's names stop at 1,024 bytes, but the board ranks
-- peers by their number); a growth that overflows float8 is NULL in its
-- own row while every other cell and row shows. (Amounts are at most 1e15
-- in magnitude, so no sum overflows; a tiny base still can make a growth
-- that does.)
--  long: 11 over 10 = +10%; huge: 1e15 over 1e-300, a growth of 1e317%,
--  beyond float8: NULL, unranked by growth; small: 3 over 2 = +50%.
--  Growth ranks small 1, long 2 (gap 50 − 10 = 40); amounts huge 1e15,
--  long 11, small 3.
INSERT INTO region VALUES ('city', 'City', NULL, NULL), (repeat('长', 666) || 'xx', 'Long', 'city', NULL),
  ('huge', 'Huge', 'city', NULL), ('small', 'Small', 'city', NULL);
INSERT INTO indicator VALUES ('out', 'Output', '亿元', true, 1);
INSERT INTO observation VALUES
  (repeat('长', 666) || 'xx', 'out', '2021-07', 10, NULL), (repeat('长', 666) || 'xx', 'out', '2022-07', 11, NULL),
  ('huge', 'out', '2021-07', 1e-300, NULL), ('huge', 'out', '2022-07', 1e15, NULL),
  ('small', 'out', '2021-07', 2, NULL), ('small', 'out', '2022-07', 3, NULL);
SELECT octet_length(region) AS code_bytes, value, base, growth, actual, attainment, growth_gap,
       pace, light, rank_growth, rank_amount, gap_to_leader
FROM scoreboard('2022-07', '2022-08-10') ORDER BY rank_amount;
DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;
DELETE FROM region WHERE parent IS NOT NULL; DELETE FROM region;
