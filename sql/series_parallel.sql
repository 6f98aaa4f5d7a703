-- series and rollup under parallel and partitionwise plans: the combine,
-- serialize and deserialize functions must give exactly the serial result.
-- Values are integers and rates are 25%, 100% and -50%, so implied bases
-- (v / 1.25 with v a multiple of 5, v / 2, v / 0.5) and all sums are
-- exact in float8, and the series compare equal bit for bit.
SET search_path = tracker, public;
CREATE TABLE big (region int, p period, v float8, g float8);
INSERT INTO big
SELECT r, m, 5 * ((r * 7 + i * 13) % 101),
       (ARRAY[25, 100, -50, NULL])[1 + (r + i) % 4]
FROM generate_series(1, 60) r,
     LATERAL (SELECT m, row_number() OVER (ORDER BY m) AS i
              FROM periods('2019-01'::period, '2022-12'::period) m) ms;
-- Cumulative facts too: year to date through June of each year.
INSERT INTO big
SELECT region, ytd(year_ago('2022-06'::period, y)), sum(v), 25
FROM big, generate_series(0, 3) y
WHERE p <@ ytd(year_ago('2022-06'::period, y))
GROUP BY region, y;
ANALYZE big;
SELECT count(*) AS rows, count(DISTINCT region) AS regions FROM big;

CREATE TEMP TABLE serial AS
SELECT region, series(p, v, g) AS s FROM big GROUP BY region;
SELECT count(*) AS serial_series FROM serial;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT region, series(p, v, g) FROM big GROUP BY region;
SELECT count(*) AS parallel_equal_to_serial
FROM (SELECT region, series(p, v, g) AS s FROM big GROUP BY region) par
JOIN serial USING (region) WHERE par.s = serial.s;
-- One series over all rows, in parallel, equals the rollup of the serial
-- per-region series.
EXPLAIN (COSTS OFF) SELECT series(p, v, g) FROM big;
SELECT (SELECT series(p, v, g) FROM big) = (SELECT rollup(s) FROM serial) AS all_rows_equal_rollup;
-- rollup itself in parallel.
CREATE TABLE serial_copy AS SELECT * FROM serial;
ANALYZE serial_copy;
EXPLAIN (COSTS OFF) SELECT rollup(s) FROM serial_copy;
SELECT (SELECT rollup(s) FROM serial_copy) = (SELECT series(p, v, g) FROM big) AS parallel_rollup;
RESET enable_hashagg;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;

-- Partitionwise: partitions by year (a range of periods, by the btree
-- order); grouping by region, which is not the partition key, aggregates
-- each partition partially and combines.
CREATE TABLE parts (region int, p period, v float8, g float8) PARTITION BY RANGE (p);
CREATE TABLE parts_2019 PARTITION OF parts FOR VALUES FROM ('2019-01') TO ('2020-01');
CREATE TABLE parts_2020 PARTITION OF parts FOR VALUES FROM ('2020-01') TO ('2021-01');
CREATE TABLE parts_2021 PARTITION OF parts FOR VALUES FROM ('2021-01') TO ('2022-01');
CREATE TABLE parts_2022 PARTITION OF parts FOR VALUES FROM ('2022-01') TO ('2023-01');
INSERT INTO parts SELECT * FROM big;
ANALYZE parts;
SELECT tableoid::regclass AS partition, count(*) FROM parts GROUP BY 1 ORDER BY 1;
SET enable_partitionwise_aggregate = on;
SET max_parallel_workers_per_gather = 0;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT region, series(p, v, g) FROM parts GROUP BY region;
SELECT count(*) AS partitionwise_equal_to_serial
FROM (SELECT region, series(p, v, g) AS s FROM parts GROUP BY region) pw
JOIN serial USING (region) WHERE pw.s = serial.s;
RESET enable_hashagg;
RESET max_parallel_workers_per_gather;
RESET enable_partitionwise_aggregate;

-- Facts without a level and ratio series through the same parallel plan
-- (their partial states carry the flags and the kind). Every fifth
-- region gets a rate-only row for each month of 2022, where it has a
-- level too (a fact with neither); every seventh a rate-only row for each
-- month of 2018, which it has not (a rate-only fact). The ratio series
-- take each region's rows, one a period, with g as the change in points.
CREATE TABLE mixed AS
SELECT region, p, v, g FROM big
UNION ALL SELECT region, m, NULL, 10 FROM generate_series(5, 60, 5) region,
  periods('2022-01'::period, '2022-12'::period) m
UNION ALL SELECT region, m, NULL, -3.5 FROM generate_series(7, 60, 7) region,
  periods('2018-01'::period, '2018-12'::period) m;
ANALYZE mixed;
CREATE TEMP TABLE serial_mixed AS
SELECT region, series(p, v, g) AS s, series(p, v, g, 'ratio') FILTER (WHERE v IS NOT NULL) AS r
FROM mixed GROUP BY region;
-- Region 35 (a multiple of 5 and 7): 12 rate-only facts in 2018, 12
-- facts with neither level nor rate in 2022.
SELECT count(*) FILTER (WHERE (u).value IS NULL AND (u).growth IS NOT NULL) AS rate_only,
       count(*) FILTER (WHERE (u).value IS NULL AND (u).growth IS NULL) AS neither
FROM (SELECT unnest(s) AS u FROM serial_mixed WHERE region = 35) x;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SET enable_hashagg = off;
EXPLAIN (COSTS OFF) SELECT region, series(p, v, g) FROM mixed GROUP BY region;
SELECT count(*) FILTER (WHERE par.s = serial_mixed.s) AS amounts_equal,
       count(*) FILTER (WHERE par.r = serial_mixed.r) AS ratios_equal
FROM (SELECT region, series(p, v, g) AS s, series(p, v, g, 'ratio') FILTER (WHERE v IS NOT NULL) AS r
      FROM mixed GROUP BY region) par
JOIN serial_mixed USING (region);
RESET enable_hashagg;
RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather; RESET parallel_leader_participation;
