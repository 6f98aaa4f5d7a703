-- Ranking 3,000 regions in each of 300 indicators (900,000 values, one
-- league per indicator) and looking every region up, against the same
-- ranks from window functions. One backend. Queries of several columns
-- count whole rows, count(x.*), so the planner computes every column.
SET jit = off;
SET search_path = public, tracker;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE bench.val AS
SELECT i AS indicator, 'r' || r AS region, round((random() * 100)::numeric, 1)::float8 AS v
FROM generate_series(1, 300) i, generate_series(1, 3000) r;
VACUUM ANALYZE bench.val;
CREATE TABLE bench.leagues AS SELECT indicator, league(region, v) AS l FROM bench.val GROUP BY indicator;
VACUUM ANALYZE bench.leagues;

SELECT bench.time('rank', 'window rank()',
  $q$SELECT count(r) FROM (SELECT rank() OVER (PARTITION BY indicator ORDER BY v DESC) AS r FROM bench.val) x$q$);
SELECT bench.time('rank', 'window rank(), dense_rank(), gap to leader',
  $q$SELECT count(x.*) FROM (SELECT rank() OVER w AS r, dense_rank() OVER w AS d,
                                  max(v) OVER (PARTITION BY indicator) - v AS gap
                           FROM bench.val WINDOW w AS (PARTITION BY indicator ORDER BY v DESC)) x$q$);
SELECT bench.time('rank', 'league built and looked up in one query',
  $q$SELECT count(r) FROM (SELECT rank(l.l, v.region) AS r
                           FROM bench.val v JOIN (SELECT indicator, league(region, v) AS l
                                                  FROM bench.val GROUP BY indicator) l USING (indicator)) x$q$);
SELECT bench.time('rank', 'rank, dense rank, gap from stored leagues',
  $q$SELECT count(x.*) FROM (SELECT rank(l.l, v.region) AS r, rank(l.l, v.region, true, 'dense') AS d,
                                  gap_to_leader(l.l, v.region) AS gap
                           FROM bench.val v JOIN bench.leagues l USING (indicator)) x$q$);
SELECT bench.time('rank', 'rank from stored leagues',
  $q$SELECT count(r) FROM (SELECT rank(l.l, v.region) AS r
                           FROM bench.val v JOIN bench.leagues l USING (indicator)) x$q$);
SELECT bench.time('rank', 'build the 300 leagues',
  $q$SELECT count(l) FROM (SELECT indicator, league(region, v) AS l FROM bench.val GROUP BY indicator) x$q$);

\echo 3,000 regions x 300 indicators: ranks of every region (ratio to window rank())
SELECT * FROM bench.report('rank', 'window rank()');
DROP TABLE bench.val, bench.leagues;
