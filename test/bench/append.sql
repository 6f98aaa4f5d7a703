-- A monthly append (issue 14): one new month for each of 60,000 series
-- (3,000 regions x 20 indicators, five years of months already stored),
-- COPY'd into tracker.observation with the series upkeep and without it
-- (its insert trigger disabled; foreign keys, indexes and checks on both
-- times). Bar: upkeep <= 3x the plain COPY.
--
-- The same file goes in three times each way, alternately, so that load
-- from other work on the machine falls on both sides. Between runs the
-- month is deleted again with the store's triggers off: the store then
-- keeps the month's facts where the upkeep wrote them, and the next
-- append replaces them (a fact of a period the store holds already is
-- replaced, never added twice), so every run merges the same 61 facts.
-- Each timed COPY starts after VACUUM and a CHECKPOINT, so both pay the
-- full-page writes of a first touch after a checkpoint, as a real
-- monthly load does.
SET jit = off;
SET search_path = public, tracker;
INSERT INTO region VALUES ('province', 'Province', NULL, NULL);
INSERT INTO region SELECT 'c' || c, 'City ' || c, 'province', NULL FROM generate_series(1, 30) c;
INSERT INTO region SELECT 'r' || r, 'County ' || r, 'c' || (1 + r % 30), CASE WHEN r % 3 = 0 THEN 'district' END
FROM generate_series(1, 3000) r;
INSERT INTO indicator SELECT 'i' || i, 'Indicator ' || i, '亿元', i % 5 <> 0, 1 FROM generate_series(1, 20) i;
ALTER TABLE observation DISABLE TRIGGER observation_series_insert;
INSERT INTO observation
SELECT 'r' || r, 'i' || i, m, 100 + (r * 7 + i * 13 + k * 3) % 97 + k * 0.5, NULL
FROM generate_series(1, 3000) r, generate_series(1, 20) i,
     LATERAL (SELECT m, row_number() OVER (ORDER BY m) AS k
              FROM periods('2018-01'::period, '2022-12'::period) m) ms;
ALTER TABLE observation ENABLE TRIGGER observation_series_insert;
SELECT 'series written: ' || tracker.rebuild_series() AS loaded;
-- The month to append, as an office's file arrives: in the server's data
-- directory, region by region.
SELECT current_setting('data_directory') || '/bench_append_month.csv' AS file \gset
COPY (SELECT 'r' || r, 'i' || i, '2023-01'::period, 100 + (r * 7 + i * 13 + 61 * 3) % 97 + 30.5, 8.5
      FROM generate_series(1, 3000) r, generate_series(1, 20) i ORDER BY r, i)
  TO :'file' (FORMAT csv);
VACUUM ANALYZE region; VACUUM ANALYZE indicator; VACUUM ANALYZE observation;
VACUUM ANALYZE observation_series;

SELECT format('COPY tracker.observation FROM %L (FORMAT csv)', :'file') AS copy \gset
\set undo 'ALTER TABLE observation DISABLE TRIGGER observation_series_delete; DELETE FROM observation WHERE period = ''2023-01''; ALTER TABLE observation ENABLE TRIGGER observation_series_delete'

ALTER TABLE observation DISABLE TRIGGER observation_series_insert;
CHECKPOINT;
SELECT bench.once('append', 'COPY of 60,000 facts, no upkeep #1', :'copy');
ALTER TABLE observation ENABLE TRIGGER observation_series_insert;
:undo;
VACUUM observation; CHECKPOINT;
SELECT bench.once('append', 'COPY of 60,000 facts, upkeep #1', :'copy');
:undo;
VACUUM observation; VACUUM observation_series;

ALTER TABLE observation DISABLE TRIGGER observation_series_insert;
CHECKPOINT;
SELECT bench.once('append', 'COPY of 60,000 facts, no upkeep #2', :'copy');
ALTER TABLE observation ENABLE TRIGGER observation_series_insert;
:undo;
VACUUM observation; CHECKPOINT;
SELECT bench.once('append', 'COPY of 60,000 facts, upkeep #2', :'copy');
:undo;
VACUUM observation; VACUUM observation_series;

ALTER TABLE observation DISABLE TRIGGER observation_series_insert;
CHECKPOINT;
SELECT bench.once('append', 'COPY of 60,000 facts, no upkeep #3', :'copy');
ALTER TABLE observation ENABLE TRIGGER observation_series_insert;
:undo;
VACUUM observation; CHECKPOINT;
SELECT bench.once('append', 'COPY of 60,000 facts, upkeep #3', :'copy');

-- The store after the appends is what a rebuild from every fact writes.
CREATE TEMP TABLE appended AS SELECT * FROM observation_series;
SELECT tracker.rebuild_series() AS series_rebuilt \gset
SELECT 'series differing from a rebuild of ' || :series_rebuilt || ': ' || count(*) AS check
FROM appended a FULL JOIN observation_series s USING (region, indicator, grain)
WHERE a.series IS DISTINCT FROM s.series;

INSERT INTO bench.result
SELECT 'append', regexp_replace(label, ' #[0-9]$', ' (median of 3)'),
       percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)
FROM bench.result WHERE topic = 'append' AND label ~ ' #[0-9]$'
GROUP BY 2;
\echo a one-month append to 60,000 series of 60 months: COPY with the series upkeep against without (bar: <= 3)
SELECT * FROM bench.report('append', 'COPY of 60,000 facts, no upkeep (median of 3)');
TRUNCATE observation, target, project, region, indicator CASCADE;
