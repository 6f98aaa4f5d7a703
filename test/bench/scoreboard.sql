-- scoreboard for 3,000 regions x 20 indicators x 5 years of monthly facts
-- (3.6 million observations) against hand-written SQL for the same
-- columns: a self-join for the year-ago values, a year-to-date sum for
-- attainment, window functions for the ranks and their change.
--
-- Both queries count whole rows, count(x.*): with count(*) the planner
-- drops every output column nothing reads, and the hand-written query
-- then skips its window functions, the year-to-date sum and the target
-- join (EXPLAIN shows four index scans and joins, no WindowAgg).
SET jit = off;
SET search_path = public, tracker;
SET max_parallel_workers_per_gather = 0;
INSERT INTO region VALUES ('province', 'Province', NULL, NULL);
INSERT INTO region SELECT 'c' || c, 'City ' || c, 'province', NULL FROM generate_series(1, 30) c;
INSERT INTO region SELECT 'r' || r, 'County ' || r, 'c' || (1 + r % 30), CASE WHEN r % 3 = 0 THEN 'district' END
FROM generate_series(1, 3000) r;
INSERT INTO indicator SELECT 'i' || i, 'Indicator ' || i, '亿元', i % 5 <> 0, 1 FROM generate_series(1, 20) i;
-- The load keeps observation_series current as it goes (its triggers).
SELECT bench.once('upkeep', 'load of 3.6M facts', $q$
INSERT INTO observation
SELECT 'r' || r, 'i' || i, m, 100 + (r * 7 + i * 13 + k * 3) % 97 + k * 0.5, NULL
FROM generate_series(1, 3000) r, generate_series(1, 20) i,
     LATERAL (SELECT m, row_number() OVER (ORDER BY m) AS k
              FROM periods('2018-01'::period, '2022-12'::period) m) ms$q$);
INSERT INTO target SELECT 'r' || r, 'i' || i, '2022', 1400 + r % 200, 8 FROM generate_series(1, 3000) r, generate_series(1, 20) i;
VACUUM ANALYZE region; VACUUM ANALYZE indicator; VACUUM ANALYZE observation; VACUUM ANALYZE target;
VACUUM ANALYZE observation_series;
-- What the upkeep costs: an update of one fact in each of the 60,000
-- series (rebuilding all of them), and a one-row correction, each with
-- the update trigger off and on.
\set every 'UPDATE observation SET growth = NULL WHERE period = '
ALTER TABLE observation DISABLE TRIGGER observation_series_update;
SELECT bench.once('upkeep', 'one fact in every series, no upkeep', :'every' || '''2018-01''');
SELECT bench.time('upkeep', 'one-row update, no upkeep',
  $q$UPDATE observation SET value = value + 0 WHERE region = 'r7' AND indicator = 'i3' AND period = '2022-05'$q$, 20);
ALTER TABLE observation ENABLE TRIGGER observation_series_update;
SELECT bench.once('upkeep', 'one fact in every series, upkeep', :'every' || '''2018-02''');
SELECT bench.time('upkeep', 'one-row update, upkeep',
  $q$UPDATE observation SET value = value + 0 WHERE region = 'r7' AND indicator = 'i3' AND period = '2022-05'$q$, 20);
VACUUM ANALYZE observation; VACUUM ANALYZE observation_series;

SELECT bench.time('scoreboard', 'tracker.scoreboard',
  $q$SELECT count(s.*) FROM tracker.scoreboard('2022-07', '2022-08-10') s$q$, 5);
SELECT bench.time('scoreboard', 'hand-written SQL',
  $q$WITH
  cur AS (SELECT region, indicator, value FROM observation WHERE period = '2022-07'),
  ago AS (SELECT region, indicator, value FROM observation WHERE period = '2021-07'),
  pcur AS (SELECT region, indicator, value FROM observation WHERE period = '2022-06'),
  pago AS (SELECT region, indicator, value FROM observation WHERE period = '2021-06'),
  ytd AS (SELECT region, indicator, sum(value) AS value FROM observation
          WHERE period >= '2022-01' AND period <= '2022-07' GROUP BY region, indicator),
  rows AS (
    SELECT c.region, r.name AS region_name, r.parent, r.peer_group, c.indicator,
           i.name AS indicator_name, i.unit_label, i.higher_is_better, i.decimals,
           c.value, a.value AS base,
           CASE WHEN a.value > 0 THEN (c.value - a.value) / a.value * 100 END AS growth,
           CASE WHEN pa.value > 0 THEN (pc.value - pa.value) / pa.value * 100 END AS previous_growth,
           t.period AS target_period, t.amount AS target_amount, t.growth AS target_growth,
           y.value AS actual
    FROM cur c
    JOIN region r ON r.code = c.region JOIN indicator i ON i.code = c.indicator
    LEFT JOIN ago a USING (region, indicator) LEFT JOIN pcur pc USING (region, indicator)
    LEFT JOIN pago pa USING (region, indicator) LEFT JOIN ytd y USING (region, indicator)
    LEFT JOIN target t ON t.region = c.region AND t.indicator = c.indicator AND t.period = '2022'),
  scored AS (
    SELECT *, actual / target_amount * 100 AS attainment, 7 / 12.0 * 100 AS time_progress,
           CASE WHEN higher_is_better THEN -round(growth::numeric, 1) ELSE round(growth::numeric, 1) END AS gkey,
           CASE WHEN higher_is_better THEN -round(previous_growth::numeric, 1) ELSE round(previous_growth::numeric, 1) END AS pkey,
           CASE WHEN higher_is_better THEN -round(value::numeric, decimals) ELSE round(value::numeric, decimals) END AS vkey
    FROM rows)
  SELECT count(x.*) FROM (
    SELECT region, region_name, indicator, indicator_name, unit_label, '2022-07'::text AS period,
           value, base, growth, target_period::text AS target_period, target_amount, actual, attainment,
           target_growth, growth - target_growth AS growth_gap, time_progress, attainment - time_progress AS pace,
           CASE WHEN attainment - time_progress >= 0 THEN 'green'
                WHEN attainment - time_progress >= -5 THEN 'yellow' ELSE 'red' END AS light,
           count(*) OVER peers AS peers,
           CASE WHEN growth IS NOT NULL THEN rank() OVER (PARTITION BY indicator, parent, peer_group, growth IS NULL ORDER BY gkey) END AS rank_growth,
           CASE WHEN value IS NOT NULL THEN rank() OVER (PARTITION BY indicator, parent, peer_group, value IS NULL ORDER BY vkey) END AS rank_amount,
           (CASE WHEN previous_growth IS NOT NULL THEN rank() OVER (PARTITION BY indicator, parent, peer_group, previous_growth IS NULL ORDER BY pkey) END)
           - (CASE WHEN growth IS NOT NULL THEN rank() OVER (PARTITION BY indicator, parent, peer_group, growth IS NULL ORDER BY gkey) END) AS rank_change,
           abs(first_value(gkey) OVER (PARTITION BY indicator, parent, peer_group, growth IS NULL ORDER BY gkey) - gkey) AS gap_to_leader
    FROM scored WINDOW peers AS (PARTITION BY indicator, parent, peer_group)) x$q$, 5);
-- The board against its floor (issue 14's bar: at most 2x): p's readings
-- from every stored series, the year-to-date sum and its growth, which the
-- board's 1-7月 columns need at the least. Alternately, whole rows counted
-- (under count(*) the planner drops the floor's unread calls).
SELECT bench.pair('floor', 'floor: ytd and ytd_yoy of every stored series',
  $q$SELECT count(x.*) FROM (SELECT ytd(series, '2022-07'), ytd_yoy(series, '2022-07') FROM tracker.observation_series) x$q$,
  'tracker.scoreboard 1-7月',
  $q$SELECT count(s.*) FROM tracker.scoreboard('2022-01..07', '2022-08-10') s$q$, 5);
-- The 通报 over the same board (issue 13's bar: at most 1.5x the
-- scoreboard): a sentence per row, a paragraph per parent and indicator.
-- Each runs alternately with the scoreboard, so that both see the same load.
SELECT bench.pair('bulletin', 'tracker.scoreboard',
  $q$SELECT count(s.*) FROM tracker.scoreboard('2022-07', '2022-08-10') s$q$,
  'tracker.bulletin', $q$SELECT count(b.*) FROM tracker.bulletin('2022-07', '2022-08-10') b$q$, 5);
SELECT bench.pair('bulletin_paragraph', 'tracker.scoreboard',
  $q$SELECT count(s.*) FROM tracker.scoreboard('2022-07', '2022-08-10') s$q$,
  'tracker.bulletin_paragraph', $q$SELECT count(b.*) FROM tracker.bulletin_paragraph('2022-07', '2022-08-10') b$q$, 5);
SELECT (SELECT count(*) FROM tracker.bulletin('2022-07', '2022-08-10')) AS sentences,
       (SELECT count(*) FROM tracker.bulletin_paragraph('2022-07', '2022-08-10')) AS paragraphs;
-- Both give one row per region and indicator.
SELECT (SELECT count(*) FROM tracker.scoreboard('2022-07', '2022-08-10')) AS scoreboard_rows;
-- Of the scoreboard's time, its check that the store holds the facts of
-- July (the query it runs over tracker.observation; the series side is
-- counted as they are read).
SELECT bench.time('scoreboard', 'store check: facts of 2022-07 and 1-7月',
  $q$SELECT count(*) FROM tracker.observation o
     WHERE o.period OPERATOR(=) ANY (ARRAY['2022-07', '2022-01..07']::period[])$q$, 5);
-- Mending a store left behind by writes without triggers: every series.
SELECT bench.once('upkeep', 'rebuild_series(): all 60,000 series', 'SELECT tracker.rebuild_series()');

\echo scoreboard for 3,000 regions x 20 indicators, 3.6M monthly facts (bar: scoreboard <= 1/3 = 0.33)
SELECT * FROM bench.report('scoreboard', 'hand-written SQL');
\echo the 1-7月 board against its floor, reading the year to date through 2022-07 from every series (bar: <= 2)
SELECT * FROM bench.report('floor', 'floor: ytd and ytd_yoy of every stored series');
\echo the 通报 against the scoreboard in the same run (bar: bulletin and bulletin_paragraph <= 1.5)
SELECT * FROM bench.report('bulletin', 'tracker.scoreboard');
SELECT * FROM bench.report('bulletin_paragraph', 'tracker.scoreboard');
\echo keeping observation_series current: the load, rebuilding all 60,000 series, one correction
SELECT label, ms FROM bench.report('upkeep', 'load of 3.6M facts') WHERE label LIKE 'load%';
SELECT * FROM bench.report('upkeep', 'one fact in every series, no upkeep') WHERE label LIKE 'one fact%';
SELECT * FROM bench.report('upkeep', 'one-row update, no upkeep') WHERE label LIKE 'one-row%';
SELECT label, ms FROM bench.report('upkeep', 'load of 3.6M facts') WHERE label LIKE 'rebuild%';
TRUNCATE observation, target, project, region, indicator CASCADE;
