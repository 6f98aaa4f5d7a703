-- tracker.observation_series: each region, indicator and grain's
-- observations as one series, kept current by triggers on
-- tracker.observation. The test removes every row it inserts.
SET search_path = tracker, public;
SET extra_float_digits = 0;

CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END$$;
-- Keys whose stored series differs from the series of their observations
-- now, either way round: 0 when the triggers kept up.
CREATE FUNCTION pg_temp.stale() RETURNS bigint LANGUAGE sql AS $$
    WITH stored AS (SELECT region, indicator, grain, series FROM tracker.observation_series),
         fresh AS (SELECT o.region, o.indicator, grain(o.period) AS grain,
                          series(o.period, o.value, o.growth) AS series
                   FROM tracker.observation o GROUP BY 1, 2, 3)
    SELECT count(DISTINCT (d.region, d.indicator, d.grain))
    FROM ((TABLE stored EXCEPT TABLE fresh) UNION ALL (TABLE fresh EXCEPT TABLE stored)) d
$$;

INSERT INTO region VALUES ('city', 'City', NULL, NULL), ('a', 'A', 'city', NULL), ('b', 'B', 'city', NULL);
INSERT INTO indicator VALUES ('inv', 'Investment', '亿元', true, 1), ('gdp', 'GDP', '亿元', true, 1);

-- One statement, two regions; a publishes a year's figure for 2021 and
-- months for 2022: a series per grain.
INSERT INTO observation VALUES
  ('a', 'inv', '2021', 120, NULL),
  ('a', 'inv', '2022-01..02', 30, 20), ('a', 'inv', '2022-03', 12, NULL),
  ('b', 'inv', '2022-03', 5, NULL);
SELECT region, indicator, grain, series::text FROM observation_series ORDER BY 1, 2, 3;

-- An update rebuilds its key: a's 1-3月 = 30 + 13 = 43.
UPDATE observation SET value = 13 WHERE region = 'a' AND period = '2022-03';
SELECT value(series, '2022-Q1') AS a_q1 FROM observation_series WHERE region = 'a' AND grain = 'month';
-- Moving a fact to another region rebuilds both: a has no yearly series
-- left, b has one.
UPDATE observation SET region = 'b' WHERE region = 'a' AND period = '2021';
SELECT region, grain, series::text FROM observation_series WHERE indicator = 'inv' ORDER BY 1, 2;
-- So does a change of grain: b's 2022-03 becomes 2022-Q1 (month gone).
UPDATE observation SET period = '2022-Q1', value = 15 WHERE region = 'b' AND period = '2022-03';
SELECT region, grain, series::text FROM observation_series WHERE region = 'b' ORDER BY 1, 2;
-- Deleting a key's last facts removes its row.
DELETE FROM observation WHERE region = 'b';
SELECT region, grain FROM observation_series ORDER BY 1, 2;
SELECT pg_temp.stale() AS stale;

-- Churn: 276 facts over 2 regions x 2 indicators, 36 months and 33
-- year-to-date spans each (a's two inv facts above among them), then
-- updates row by row and in bulk, and deletes; every stored series still
-- equals the series of its facts.
INSERT INTO observation
SELECT r, i, m, 10 + (k * 7) % 13, CASE WHEN k % 3 = 0 THEN k % 11 END
FROM unnest(ARRAY['a', 'b']) r, unnest(ARRAY['inv', 'gdp']) i,
     LATERAL (SELECT m, row_number() OVER (ORDER BY m) AS k
              FROM periods('2020-01'::period, '2022-12'::period) m) ms
ON CONFLICT DO NOTHING;
INSERT INTO observation
SELECT r, i, ytd(m), 100 + k, k % 7
FROM unnest(ARRAY['a', 'b']) r, unnest(ARRAY['inv', 'gdp']) i,
     LATERAL (SELECT m, row_number() OVER (ORDER BY m) AS k
              FROM periods('2020-02'::period, '2022-12'::period) m
              WHERE m <> '2021-01' AND m <> '2022-01') ms
ON CONFLICT DO NOTHING;
SELECT count(*) AS facts, (SELECT count(*) FROM observation_series) AS series FROM observation;
DO $$
BEGIN
    FOR k IN 1..30 LOOP
        UPDATE tracker.observation SET value = value + k
        WHERE region = (ARRAY['a', 'b'])[1 + k % 2] AND period = ('2021-01'::period OPERATOR(+) k);
    END LOOP;
END $$;
DELETE FROM observation WHERE indicator = 'gdp' AND region = 'b' AND period < '2021-06';
UPDATE observation SET growth = NULL WHERE region = 'a' AND growth > 5;
SELECT pg_temp.stale() AS stale;
-- The check sees a series left behind: with the update trigger off, one
-- changed fact leaves one stale series; an update with it on mends it.
ALTER TABLE observation DISABLE TRIGGER observation_series_update;
UPDATE observation SET value = value + 1 WHERE region = 'b' AND indicator = 'inv' AND period = '2022-12';
SELECT pg_temp.stale() AS stale_without_trigger;
ALTER TABLE observation ENABLE TRIGGER observation_series_update;
UPDATE observation SET value = value WHERE region = 'b' AND indicator = 'inv' AND period = '2022-12';
SELECT pg_temp.stale() AS stale;

-- A writer of observations needs no privilege on the derived table, and
-- cannot write it (42501).
SET client_min_messages = warning;
CREATE ROLE regress_tracker_clerk;
RESET client_min_messages;
GRANT SELECT, INSERT, UPDATE, DELETE ON observation TO regress_tracker_clerk;
SET ROLE regress_tracker_clerk;
INSERT INTO tracker.observation VALUES ('a', 'inv', '2023-01', 7, NULL);
SELECT pg_temp.sqlstate_of($$SELECT count(*) FROM tracker.observation_series$$) AS read_derived,
       pg_temp.sqlstate_of($$DELETE FROM tracker.observation_series$$) AS write_derived;
RESET ROLE;
SELECT value(series, '2023-01') AS clerks_fact
FROM observation_series WHERE region = 'a' AND indicator = 'inv' AND grain = 'month';
REVOKE ALL ON observation FROM regress_tracker_clerk;
DROP ROLE regress_tracker_clerk;

-- Writes that skip the triggers (pg_restore --disable-triggers, a
-- replication subscriber's session_replication_role = replica) leave the
-- store behind. scoreboard() refuses to read a store that misses facts of
-- its period (55000), and rebuild_series() rebuilds it.
INSERT INTO target VALUES ('a', 'inv', '2023', 100, NULL);
SELECT region, indicator, value FROM scoreboard('2023-01', '2023-02-10');
SET session_replication_role = replica;
INSERT INTO observation VALUES ('b', 'inv', '2023-01', 9, NULL), ('b', 'gdp', '2023-01', 4, NULL);
RESET session_replication_role;
SELECT region, indicator, value FROM scoreboard('2023-01', '2023-02-10');
-- One region's series: b's inv and gdp (and b's others) are written.
SELECT rebuild_series('b') AS written,
       (SELECT count(*) FROM observation_series WHERE region = 'b') AS b_series;
SELECT region, indicator, value FROM scoreboard('2023-01', '2023-02-10') ORDER BY 1, 2;
-- A fact deleted behind the store's back is caught too; one indicator is
-- rebuilt (both regions' inv series).
ALTER TABLE observation DISABLE TRIGGER observation_series_delete;
DELETE FROM observation WHERE region = 'b' AND indicator = 'inv' AND period = '2023-01';
ALTER TABLE observation ENABLE TRIGGER observation_series_delete;
SELECT count(*) FROM scoreboard('2023-01', '2023-02-10');
SELECT rebuild_series(indicator => 'inv') AS written;
SELECT region, indicator, value FROM scoreboard('2023-01', '2023-02-10') ORDER BY 1, 2;
-- A store emptied (a data-only restore into a new database) is refused
-- even for a period without facts, then rebuilt whole.
DELETE FROM observation_series;
SELECT count(*) FROM scoreboard('2030-01', '2030-02-10');
SELECT rebuild_series() = (SELECT count(DISTINCT (region, indicator, grain(period))) FROM observation)
       AS all_written;
SELECT pg_temp.stale() AS stale;
-- A store that still holds a region deleted since is out of date too
-- (55000), not an internal error.
INSERT INTO region VALUES ('gone', 'Gone', 'city', NULL);
INSERT INTO observation VALUES ('gone', 'inv', '2023-01', 1, NULL);
ALTER TABLE observation DISABLE TRIGGER observation_series_delete;
DELETE FROM observation WHERE region = 'gone';
ALTER TABLE observation ENABLE TRIGGER observation_series_delete;
DELETE FROM region WHERE code = 'gone';
SELECT count(*) FROM scoreboard('2023-01', '2023-02-10');
SELECT rebuild_series() > 0 AS rebuilt;
-- rebuild_series runs READ COMMITTED only: a snapshot taken before its
-- lock would write back series older than the triggers' (25000).
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT rebuild_series();
ROLLBACK;
DELETE FROM target;

-- TRUNCATE empties it too.
TRUNCATE observation;
SELECT count(*) AS after_truncate FROM observation_series;

-- Appends merge: an INSERT merges its facts into the stored series
-- (stored || the series of the new facts), where an UPDATE or DELETE
-- rebuilds them from every fact. After appends of every kind the store
-- is byte for byte what rebuild_series() writes from the facts.
CREATE FUNCTION pg_temp.differs_from_rebuild() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    CREATE TEMP TABLE merged AS SELECT * FROM tracker.observation_series;
    PERFORM tracker.rebuild_series();
    SELECT count(*) INTO n
    FROM merged m FULL JOIN tracker.observation_series s USING (region, indicator, grain)
    WHERE m.series IS DISTINCT FROM s.series;
    DROP TABLE merged;
    RETURN n;
END $$;
INSERT INTO indicator VALUES ('util', 'Capacity use', '%', true, 1, 'ratio');
-- A new series: a's months of inv; then a month appended, then its year
-- to date (after its unit in the series), then a year's figure (a new
-- grain: a series of its own), then a rate-only month.
INSERT INTO observation VALUES ('a', 'inv', '2022-01', 10, NULL), ('a', 'inv', '2022-02', 12, 20);
INSERT INTO observation VALUES ('a', 'inv', '2022-03', 15, 25);
INSERT INTO observation VALUES ('a', 'inv', '2022-01..03', 37, 10);
INSERT INTO observation VALUES ('a', 'inv', '2021', 100, NULL);
INSERT INTO observation VALUES ('a', 'inv', '2022-04', NULL, 8.3);
SELECT region, indicator, grain, series::text FROM observation_series ORDER BY 1, 2, 3;
-- A ratio indicator's series stays a ratio series: 97.8 then 98.1, up
-- 0.3 points.
INSERT INTO observation VALUES ('a', 'util', '2021-07', 97.8, NULL);
INSERT INTO observation VALUES ('a', 'util', '2022-07', 98.1, 0.3);
SELECT series::text FROM observation_series WHERE indicator = 'util';
-- A multi-row COPY: two facts of b's new inv series, a's May, and a's
-- first gdp fact, in one statement.
COPY observation FROM stdin;
b	inv	2022-02	6	\N
a	inv	2022-05	16	\N
b	inv	2022-01	5	\N
a	gdp	2022-05	100	7
\.
SELECT region, indicator, grain, series::text FROM observation_series
WHERE grain = 'month' AND indicator <> 'util' ORDER BY 1, 2;
-- An upsert: March's row updated in place (14, keeping +25%), June's
-- inserted. The insert trigger merges June, the update trigger rebuilds
-- the series; either way March is 14, once.
INSERT INTO observation VALUES ('a', 'inv', '2022-03', 14, NULL), ('a', 'inv', '2022-06', 18, NULL)
ON CONFLICT (region, indicator, period) DO UPDATE SET value = excluded.value;
SELECT series::text FROM observation_series WHERE region = 'a' AND indicator = 'inv' AND grain = 'month';
SELECT pg_temp.differs_from_rebuild() AS differs_from_rebuild;
-- A store left behind: June deleted with the store's trigger off, so the
-- store still holds 18. Inserting June again (19) replaces the stored
-- fact, never adds to it (not 37).
ALTER TABLE observation DISABLE TRIGGER observation_series_delete;
DELETE FROM observation WHERE region = 'a' AND indicator = 'inv' AND period = '2022-06';
ALTER TABLE observation ENABLE TRIGGER observation_series_delete;
INSERT INTO observation VALUES ('a', 'inv', '2022-06', 19, NULL);
SELECT value(series, '2022-06') AS june FROM observation_series
WHERE region = 'a' AND indicator = 'inv' AND grain = 'month';
-- An indicator's kind changed with its trigger off: the stored amount
-- series of gdp no longer matches, and an append rebuilds it from every
-- fact in the new kind (a ratio series, +7 now in points) rather than
-- merging across kinds.
ALTER TABLE indicator DISABLE TRIGGER indicator_series_kind;
UPDATE indicator SET kind = 'ratio' WHERE code = 'gdp';
ALTER TABLE indicator ENABLE TRIGGER indicator_series_kind;
INSERT INTO observation VALUES ('a', 'gdp', '2022-06', 101, NULL);
SELECT series::text FROM observation_series WHERE indicator = 'gdp';
UPDATE indicator SET kind = 'amount' WHERE code = 'gdp';
SELECT series::text FROM observation_series WHERE indicator = 'gdp';
SELECT pg_temp.differs_from_rebuild() AS differs_from_rebuild;
TRUNCATE observation;

DELETE FROM indicator; DELETE FROM region WHERE parent IS NOT NULL; DELETE FROM region;
