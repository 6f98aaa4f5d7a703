-- tracker.observation partitioned by range of period: the default
-- partition, the office's partitions (tracker.local_partition), and what
-- reads and writes the table working across them: the series store's
-- triggers, upserts, keys and checks, local additions, rebuild_series,
-- scoreboard. The test removes everything it makes.
SET search_path = tracker, public;
SET extra_float_digits = 0;

CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END$$;
-- Keys whose stored series differs from the series of their facts now,
-- either way round: 0 when the triggers kept up.
CREATE FUNCTION pg_temp.stale() RETURNS bigint LANGUAGE sql AS $$
    WITH stored AS (SELECT region, indicator, grain, series FROM tracker.observation_series),
         fresh AS (SELECT o.region, o.indicator, grain(o.period) AS grain,
                          series(o.period, o.value, o.growth, i.kind) AS series
                   FROM tracker.observation o JOIN tracker.indicator i ON i.code = o.indicator
                   GROUP BY 1, 2, 3)
    SELECT count(DISTINCT (d.region, d.indicator, d.grain))
    FROM ((TABLE stored EXCEPT TABLE fresh) UNION ALL (TABLE fresh EXCEPT TABLE stored)) d
$$;
-- Which partition holds which facts.
CREATE FUNCTION pg_temp.placement() RETURNS TABLE (part text, facts text) LANGUAGE sql AS $$
    SELECT o.tableoid::regclass::text, string_agg(o.region || ' ' || o.period, ', ' ORDER BY o.period, o.region)
    FROM tracker.observation o GROUP BY 1 ORDER BY 1
$$;
-- The partitions: members of the extension, their rows dumped.
CREATE FUNCTION pg_temp.partitions() RETURNS TABLE (part text, bound text, member bool, dumped bool) LANGUAGE sql AS $$
    SELECT c.relname::text, pg_get_expr(c.relpartbound, c.oid),
           EXISTS (SELECT FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
                     AND e.extname = 'tracker'),
           c.oid = ANY ((SELECT e.extconfig FROM pg_extension e WHERE e.extname = 'tracker')::oid[])
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = 'tracker.observation'::regclass ORDER BY 1
$$;

-- A fresh install: the table is partitioned by period, with one
-- partition, the default, which holds every fact.
SELECT c.relname, c.relkind, pg_get_partkeydef(c.oid) AS key
FROM pg_class c WHERE c.oid = 'tracker.observation'::regclass;
SELECT * FROM pg_temp.partitions();

INSERT INTO region VALUES ('city', 'City', NULL, NULL), ('a', 'A', 'city', NULL), ('b', 'B', 'city', NULL);
INSERT INTO indicator VALUES ('inv', 'Investment', '亿元', true, 1);
-- Facts of every grain around the turns of the years. ISO weeks 2020-W53
-- and 2022-W52 begin in December (2020-12-28, 2022-12-26), 2023-W01 on
-- 2023-01-02; the year 2022 and 1-2月 begin on 2022-01-01.
INSERT INTO observation VALUES
  ('a', 'inv', '2020-W53', 1, NULL), ('a', 'inv', '2021-12', 10, NULL),
  ('a', 'inv', '2022-01..02', 30, 20), ('a', 'inv', '2022-03', 12, NULL),
  ('a', 'inv', '2022', 100, 5), ('a', 'inv', '2022-W52', 2, NULL),
  ('a', 'inv', '2023-01', 14, NULL), ('a', 'inv', '2023-W01', 3, NULL),
  ('b', 'inv', '2022-03', 5, NULL), ('b', 'inv', '2023-01', 6, NULL);
SELECT * FROM pg_temp.placement();
CREATE TEMP TABLE store_before AS SELECT * FROM observation_series;
CREATE TEMP TABLE board_before AS SELECT * FROM scoreboard('2023-01');
SELECT region, indicator, value, peers, rank_amount FROM board_before ORDER BY region;

-- Yearly partitions for 2021 to 2023: each takes the facts whose period
-- begins in its year out of the default partition (2020-W53 stays).
SELECT add_yearly_partitions(2021, 2023) AS added;
SELECT * FROM pg_temp.partitions();
SELECT * FROM pg_temp.placement();
-- Moving facts changes no fact: the store and the board are as they were.
SELECT count(*) AS store_changed FROM ((TABLE store_before EXCEPT TABLE observation_series)
                                       UNION ALL (TABLE observation_series EXCEPT TABLE store_before)) d;
SELECT count(*) AS board_changed FROM ((TABLE board_before EXCEPT SELECT * FROM scoreboard('2023-01'))
                                       UNION ALL (SELECT * FROM scoreboard('2023-01') EXCEPT TABLE board_before)) d;
-- Run again, it adds only what is missing.
SELECT add_yearly_partitions(2021, 2024) AS added;
SELECT add_yearly_partitions(2022, 2022) AS added;

-- A period's facts are read from its partition alone.
SET enable_indexscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT * FROM observation WHERE period = '2022-07';
EXPLAIN (COSTS OFF) SELECT count(*) FROM observation WHERE period >= '2023-01-01' AND period < '2024-01-01';
RESET enable_indexscan;
RESET enable_bitmapscan;

-- The table's triggers keep the store across partitions: an insert, an
-- update that moves a fact to another year's partition, an upsert, a
-- delete.
INSERT INTO observation VALUES ('b', 'inv', '2022-04', 7, NULL);
UPDATE observation SET period = '2023-02' WHERE region = 'b' AND period = '2022-04';
SELECT tableoid::regclass AS part, period, value FROM observation WHERE region = 'b' AND period = '2023-02';
SELECT series::text FROM observation_series WHERE region = 'b' AND grain = 'month';
INSERT INTO observation VALUES ('b', 'inv', '2023-02', 8, 14.3)
ON CONFLICT (region, indicator, period) DO UPDATE SET value = excluded.value, growth = excluded.growth;
SELECT series::text FROM observation_series WHERE region = 'b' AND grain = 'month';
DELETE FROM observation WHERE region = 'b' AND period = '2023-02';
SELECT series::text FROM observation_series WHERE region = 'b' AND grain = 'month';
SELECT pg_temp.stale() AS stale;

-- A statement that names a partition fires the partition's triggers (a
-- restore writes partitions so): they keep the store too.
INSERT INTO observation_2023 VALUES ('b', 'inv', '2023-03', 9, NULL);
UPDATE observation_2023 SET value = 11 WHERE region = 'b' AND period = '2023-03';
SELECT series::text FROM observation_series WHERE region = 'b' AND grain = 'month';
DELETE FROM observation_2023 WHERE region = 'b' AND period = '2023-03';
INSERT INTO observation_default VALUES ('b', 'inv', '2019', 50, NULL);
SELECT series::text FROM observation_series WHERE region = 'b' AND grain = 'year';
DELETE FROM observation_default WHERE region = 'b';
SELECT pg_temp.stale() AS stale;
-- A partition takes only its range (23514), the default none of another's.
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.observation_2023 VALUES ('b', 'inv', '2022-05', 1, NULL)$$) AS out_of_range;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.observation_default VALUES ('b', 'inv', '2022-05', 1, NULL)$$) AS default_in_range;
-- Truncating one partition rebuilds every series: a loses 2021-12.
TRUNCATE observation_2021;
SELECT series::text FROM observation_series WHERE region = 'a' AND grain = 'month';
SELECT pg_temp.stale() AS stale;
-- ... in READ COMMITTED only (25000), as rebuild_series.
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT pg_temp.sqlstate_of('TRUNCATE tracker.observation_2022') AS truncate_repeatable_read;
ROLLBACK;
INSERT INTO observation VALUES ('a', 'inv', '2021-12', 10, NULL);

-- Keys and checks hold in every partition.
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.observation VALUES ('x', 'inv', '2022-05', 1, NULL)$$) AS unknown_region;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.observation VALUES ('a', 'inv', '2022-03', 1, NULL)$$) AS duplicate;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.observation VALUES ('a', 'inv', '2022-04', 2e15, NULL)$$) AS too_large;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.observation VALUES ('a', 'inv', '2022-02..03', 1, NULL)$$) AS not_a_unit;
SELECT pg_temp.sqlstate_of($$DELETE FROM tracker.region WHERE code = 'b'$$) AS region_in_use;

-- An office's own column and index reach every partition, those made
-- later too; a unique index must hold the period, the partition key
-- (0A000).
INSERT INTO local_addition (relation, name, kind, type) VALUES ('observation', 'source', 'column', 'text');
INSERT INTO local_addition (relation, name, kind, columns) VALUES ('observation', 'observation_source_idx', 'index', '{source}');
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.local_addition (relation, name, kind, columns, is_unique)
                             VALUES ('observation', 'observation_source_key', 'index', '{region,source}', true)$$) AS unique_without_period;
INSERT INTO local_addition (relation, name, kind, columns, is_unique)
VALUES ('observation', 'observation_source_key', 'index', '{region,indicator,period,source}', true);
SELECT add_yearly_partitions(2025, 2025) AS added;
SELECT c.relname, count(*) FILTER (WHERE a.attname = 'source') AS source_column,
       (SELECT count(*) FROM pg_index x JOIN pg_attribute k ON k.attrelid = x.indexrelid
        WHERE x.indrelid = c.oid AND k.attname = 'source') AS source_indexes
FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE i.inhparent = 'tracker.observation'::regclass GROUP BY c.oid, c.relname ORDER BY 1;
UPDATE observation SET source = 'bulletin' WHERE period = '2023-01';
SELECT region, period, source FROM observation WHERE source IS NOT NULL ORDER BY 1, 2;
DELETE FROM local_addition WHERE relation = 'observation' AND kind = 'index';
DELETE FROM local_addition WHERE relation = 'observation';
SELECT count(*) AS source_columns_left FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
WHERE c.relnamespace = 'tracker'::regnamespace AND a.attname = 'source' AND NOT a.attisdropped;

-- rebuild_series writes the store anew from every partition.
SELECT rebuild_series() AS rebuilt, (SELECT count(*) FROM observation_series) AS stored, pg_temp.stale() AS stale;

-- What local_partition refuses: a change in place (0A000), a range that
-- overlaps another partition's (42P17), an empty range or a long name
-- (23514), a name taken (42P07); add_yearly_partitions years outside 1 to
-- 9998 (22023).
SELECT pg_temp.sqlstate_of($$UPDATE tracker.local_partition SET to_date = '2025-01-01' WHERE name = 'observation_2023'$$) AS update;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.local_partition VALUES ('observation_2023h2', '2023-07-01', '2024-01-01')$$) AS overlap;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.local_partition VALUES ('observation_empty', '2030-01-01', '2030-01-01')$$) AS empty;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.local_partition VALUES (repeat('x', 64), '2030-01-01', '2031-01-01')$$) AS long_name;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.local_partition VALUES ('observation_series', '2030-01-01', '2031-01-01')$$) AS taken;
SELECT pg_temp.sqlstate_of('SELECT tracker.add_yearly_partitions(2024, 2023)') AS backwards;
SELECT pg_temp.sqlstate_of('SELECT tracker.add_yearly_partitions(9998, 9999)') AS year_9999;
-- A partition of another range and name: the facts of 2020 and the
-- ISO weeks that begin in it.
INSERT INTO local_partition VALUES ('observation_old', '2000-01-01', '2021-01-01', 'the facts before 2021');
SELECT * FROM pg_temp.placement();
SELECT obj_description('tracker.observation_old'::regclass, 'pg_class') AS comment;

-- A view of the default partition reads only what is left there: no
-- partition is added under it (2BP01).
CREATE VIEW pg_temp.leftovers AS SELECT * FROM tracker.observation_default;
SELECT pg_temp.sqlstate_of('SELECT tracker.add_yearly_partitions(2026, 2026)') AS bound_view;
DROP VIEW pg_temp.leftovers;

-- The partitions' trigger function runs for nothing else (42501), and a
-- role without privileges on local_partition adds no partition.
CREATE TABLE pg_temp.lookalike (region text, indicator text, period period, value float8, growth float8);
CREATE TRIGGER lookalike AFTER INSERT ON pg_temp.lookalike REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
SELECT pg_temp.sqlstate_of($$INSERT INTO pg_temp.lookalike VALUES ('a', 'inv', '2022-03', 1, NULL)$$) AS lookalike;
DROP TABLE pg_temp.lookalike;
CREATE ROLE regress_tracker_partitioner;
SET ROLE regress_tracker_partitioner;
SELECT pg_temp.sqlstate_of('SELECT tracker.add_yearly_partitions(2026, 2026)') AS unprivileged;
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.local_partition VALUES ('observation_2026', '2026-01-01', '2027-01-01')$$) AS unprivileged_row;
RESET ROLE;
DROP ROLE regress_tracker_partitioner;

-- Deleting a row drops its partition and its facts, and rebuilds the
-- series they belonged to: a's month series loses 2021-12.
DELETE FROM local_partition WHERE name = 'observation_2021';
SELECT * FROM pg_temp.partitions();
SELECT series::text FROM observation_series WHERE region = 'a' AND grain = 'month';
SELECT pg_temp.stale() AS stale;

-- TRUNCATE of the table empties the store, partitions and all.
TRUNCATE observation;
SELECT count(*) AS facts, (SELECT count(*) FROM observation_series) AS stored FROM observation;

DELETE FROM local_partition;
SELECT * FROM pg_temp.partitions();
SELECT count(*) AS registered FROM pg_extension e, unnest(e.extconfig) c WHERE e.extname = 'tracker';
DELETE FROM region;
DELETE FROM indicator;
