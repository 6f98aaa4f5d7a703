-- The scoreboard of indicators bulletins print as rates only, and of
-- ratio indicators (issue 11). Every expected number is derived in the
-- comments. The test removes its rows.
SET search_path = tracker, public;
SET extra_float_digits = 0;

INSERT INTO region VALUES ('city', '宁波市', NULL, NULL),
  ('zh', '镇海区', 'city', NULL), ('bl', '北仑区', 'city', NULL), ('ys', '鄞州区', 'city', NULL);
INSERT INTO indicator (code, name, unit_label, higher_is_better, decimals, kind) VALUES
  ('iva', '规上工业增加值', NULL, true, 1, 'amount'),
  ('cp', '产销率', '%', true, 1, 'ratio');

-- 1. 规上工业增加值, published as year-to-date rates only, never a level:
-- "1-7月，镇海区规上工业增加值同比增长8.3%，居全市第3位，位次与上月持平".
--  1-7月: bl +10.1, ys +9.0, zh +8.3: ranks bl 1, ys 2, zh 3;
--  1-6月: bl +9.5, ys +8.5, zh +8.0: the same ranks, so no change.
--  Gaps to the leader: bl 0, ys 1.1, zh 1.8. Growth targets (增长10%,
--  增长8.5%): bl 10.1 − 10 = +0.1, green; zh 8.3 − 8.5 = −0.2, yellow
--  (the light follows the growth gap, there being no pace); ys none.
--  No value, base, actual, attainment or rank by amount anywhere.
INSERT INTO observation VALUES
  ('zh', 'iva', '2022-01..06', NULL, 8.0), ('zh', 'iva', '2022-01..07', NULL, 8.3),
  ('bl', 'iva', '2022-01..06', NULL, 9.5), ('bl', 'iva', '2022-01..07', NULL, 10.1),
  ('ys', 'iva', '2022-01..06', NULL, 8.5), ('ys', 'iva', '2022-01..07', NULL, 9.0);
INSERT INTO target VALUES ('bl', 'iva', '2022', NULL, 10), ('zh', 'iva', '2022', NULL, 8.5);
SELECT region, value, base, growth, target_growth, round(growth_gap::numeric, 4) AS growth_gap,
       actual, attainment, pace, light, rank_growth, rank_amount, rank_change,
       round(gap_to_leader::numeric, 4) AS gap_to_leader
FROM scoreboard('2022-01..07', '2022-08-10') WHERE indicator = 'iva' ORDER BY rank_growth;
-- A fact with neither level nor rate is refused (23514).
INSERT INTO observation VALUES ('zh', 'iva', '2022-01..08', NULL, NULL);

-- 2. 产销率, a ratio: "产销率98.1%，同比提高0.3个百分点". Values are the
-- year-to-date ratios; growth is the change in points, the published one
-- where there is one, else the value less the year before's.
--  1-7月 2022 against 2021: zh 98.1 against 97.8, published +0.3;
--  bl 96.9 against 96.0: 0.9 (no published change); ys 98.2 against 98.5,
--  published −0.3. Growth ranks bl 0.9, zh 0.3, ys −0.3; by value ys
--  98.2, zh 98.1, bl 96.9.
--  1-6月: zh 97.5 − 97.0 = 0.5, bl 96.4 − 96.5 = −0.1, ys 98.6 − 98.0 =
--  0.6: ranks ys, zh, bl; so bl moved up 2, zh 0, ys down 2.
--  Gaps to the leader bl: zh 0.6, ys 1.2.
--  zh's targets: a level of 98 (no actual or attainment for a ratio) and
--  a change of +0.5 points: gap 0.3 − 0.5 = −0.2, yellow.
INSERT INTO observation VALUES
  ('zh', 'cp', '2021-01..06', 97.0, NULL), ('zh', 'cp', '2021-01..07', 97.8, NULL),
  ('zh', 'cp', '2022-01..06', 97.5, NULL), ('zh', 'cp', '2022-01..07', 98.1, 0.3),
  ('bl', 'cp', '2021-01..06', 96.5, NULL), ('bl', 'cp', '2021-01..07', 96.0, NULL),
  ('bl', 'cp', '2022-01..06', 96.4, NULL), ('bl', 'cp', '2022-01..07', 96.9, NULL),
  ('ys', 'cp', '2021-01..06', 98.0, NULL), ('ys', 'cp', '2021-01..07', 98.5, NULL),
  ('ys', 'cp', '2022-01..06', 98.6, NULL), ('ys', 'cp', '2022-01..07', 98.2, -0.3);
INSERT INTO target VALUES ('zh', 'cp', '2022', 98, 0.5);
SELECT region, value, base, round(growth::numeric, 4) AS growth, target_amount, actual, attainment,
       target_growth, round(growth_gap::numeric, 4) AS growth_gap, pace, light,
       rank_growth, rank_amount, rank_change, round(gap_to_leader::numeric, 4) AS gap_to_leader
FROM scoreboard('2022-01..07', '2022-08-10') WHERE indicator = 'cp' ORDER BY rank_growth;
-- July alone: a ratio is never differenced (1-7月 less 1-6月 is no
-- ratio of July), so without July's own facts there is nothing to show.
SELECT region, value, growth FROM scoreboard('2022-07', '2022-08-10')
WHERE indicator = 'cp' ORDER BY region;
-- Ratios do not add up: consistency leaves them out, though the city's
-- own figure differs from the sum of its districts'.
INSERT INTO observation VALUES ('city', 'cp', '2022-01..07', 97.7, NULL);
SELECT count(*) AS compared FROM consistency('2022-01..07') WHERE indicator = 'cp';

-- 3. An indicator that changes kind has its stored series rebuilt: as an
-- amount, cp's 1-7月 and 1-6月 facts would give July as their difference.
UPDATE indicator SET kind = 'amount' WHERE code = 'cp';
SELECT region, round(value::numeric, 4) AS value FROM scoreboard('2022-07', '2022-08-10')
WHERE indicator = 'cp' AND region = 'zh';
UPDATE indicator SET kind = 'ratio' WHERE code = 'cp';
SELECT region, value FROM scoreboard('2022-07', '2022-08-10')
WHERE indicator = 'cp' AND region = 'zh';

DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;
DELETE FROM region WHERE parent IS NOT NULL; DELETE FROM region;
