-- series(p, v) against sum(v) with the same GROUP BY, with the rows in
-- three orders; year-on-year and year-to-date growth of every group read
-- from series against the best plain SQL (conditional sums); and the
-- speed-up of 2 parallel workers over 1. 2,000 groups x 60 months x 20
-- rows = 2.4 million rows.
SET jit = off;
SET search_path = public, tracker;
CREATE TABLE bench.obs AS
SELECT g AS grp, m AS p, start_date(m) AS month, ((g * 31 + r * 17 + i) % 1000)::float8 AS v, r
FROM generate_series(1, 2000) g,
     LATERAL (SELECT m, row_number() OVER (ORDER BY m) AS i
              FROM periods('2018-01'::period, '2022-12'::period) m) ms,
     generate_series(1, 20) r
ORDER BY m, g;  -- as monthly loads arrive: month by month, region by region
VACUUM ANALYZE bench.obs;
-- The same rows in orders where consecutive rows of a group carry
-- different periods: each project's months in a row (a table clustered
-- by project, or projects' histories loaded one after another); and
-- interleaved, so that between two rows of a group come a row of every
-- other group (project r of every region, month by month).
CREATE TABLE bench.obs_by_project AS SELECT * FROM bench.obs ORDER BY grp, r, p;
CREATE TABLE bench.obs_interleaved AS SELECT * FROM bench.obs ORDER BY r, p, grp;
VACUUM ANALYZE bench.obs_by_project;
VACUUM ANALYZE bench.obs_interleaved;

-- The aggregates are wrapped in count(x) so that what is timed is the
-- aggregation, not the copying of 2,000 results into the harness.
-- series(p, v) and sum(v) run alternately (bench.pair), 9 times each.
SET max_parallel_workers_per_gather = 0;
SELECT bench.pair('aggregate',
  'sum(v)', 'SELECT count(x) FROM (SELECT grp, sum(v) AS x FROM bench.obs GROUP BY grp) a',
  'series(p, v)', 'SELECT count(x) FROM (SELECT grp, series(p, v) AS x FROM bench.obs GROUP BY grp) a');
SELECT bench.time('aggregate', 'sum(v) by group and period',
  'SELECT count(x) FROM (SELECT grp, p, sum(v) AS x FROM bench.obs GROUP BY grp, p) a', 7);
SELECT bench.pair('by project',
  'sum(v)', 'SELECT count(x) FROM (SELECT grp, sum(v) AS x FROM bench.obs_by_project GROUP BY grp) a',
  'series(p, v)', 'SELECT count(x) FROM (SELECT grp, series(p, v) AS x FROM bench.obs_by_project GROUP BY grp) a');
SELECT bench.pair('interleaved',
  'sum(v)', 'SELECT count(x) FROM (SELECT grp, sum(v) AS x FROM bench.obs_interleaved GROUP BY grp) a',
  'series(p, v)', 'SELECT count(x) FROM (SELECT grp, series(p, v) AS x FROM bench.obs_interleaved GROUP BY grp) a');

-- Growth of June 2022 and of 1-6月 2022 over 2021, every group.
CREATE TABLE bench.mv AS SELECT grp, series(p, v) AS s FROM bench.obs GROUP BY grp;
VACUUM ANALYZE bench.mv;
-- The best plain SQL and the series built and read in one query, run
-- alternately.
SELECT bench.pair('yoy',
  'plain SQL, conditional sums',
  $q$SELECT grp,
       (sum(v) FILTER (WHERE month = '2022-06-01') / nullif(sum(v) FILTER (WHERE month = '2021-06-01'), 0) - 1) * 100,
       (sum(v) FILTER (WHERE month BETWEEN '2022-01-01' AND '2022-06-01')
        / nullif(sum(v) FILTER (WHERE month BETWEEN '2021-01-01' AND '2021-06-01'), 0) - 1) * 100
     FROM bench.obs GROUP BY grp$q$,
  'series built and read in one query',
  $q$SELECT grp, yoy(s, '2022-06'), ytd_yoy(s, '2022-06')
     FROM (SELECT grp, series(p, v) AS s FROM bench.obs GROUP BY grp) x$q$, 5);
SELECT bench.time('yoy', 'plain SQL, self-join on the year-ago month',
  $q$WITH m AS (SELECT grp, month, sum(v) AS v FROM bench.obs GROUP BY grp, month)
     SELECT c.grp, (c.v / nullif(b.v, 0) - 1) * 100,
            (sum(c.v) FILTER (WHERE c.month >= '2022-01-01') OVER w
             / nullif(sum(b.v) FILTER (WHERE c.month >= '2022-01-01') OVER w, 0) - 1) * 100
     FROM m c JOIN m b ON b.grp = c.grp AND b.month = c.month - interval '1 year'
     WHERE c.month BETWEEN '2022-01-01' AND '2022-06-01'
     WINDOW w AS (PARTITION BY c.grp ORDER BY c.month)$q$);
SELECT bench.time('yoy', 'read from stored series',
  $q$SELECT grp, yoy(s, '2022-06'), ytd_yoy(s, '2022-06') FROM bench.mv$q$);

-- Parallel: the same series aggregation with 1 and with 2 workers, the
-- leader not scanning, so the processes doing the work are 1 and 2.
SET parallel_leader_participation = off;
SET parallel_setup_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 1;
SELECT bench.time('parallel', 'sum(v), 1 worker',
  'SELECT count(x) FROM (SELECT grp, sum(v) AS x FROM bench.obs GROUP BY grp) a');
SELECT bench.time('parallel', '1 worker',
  'SELECT count(x) FROM (SELECT grp, series(p, v) AS x FROM bench.obs GROUP BY grp) a');
SET max_parallel_workers_per_gather = 2;
SELECT bench.time('parallel', 'sum(v), 2 workers',
  'SELECT count(x) FROM (SELECT grp, sum(v) AS x FROM bench.obs GROUP BY grp) a');
SELECT bench.time('parallel', '2 workers',
  'SELECT count(x) FROM (SELECT grp, series(p, v) AS x FROM bench.obs GROUP BY grp) a');
RESET parallel_leader_participation;

\echo series(p, v) against sum(v), 2.4M rows in 2,000 groups, one backend (bar: series <= 1.4)
\echo   rows in load order (month by month, the rows of a group and month together)
SELECT * FROM bench.report('aggregate', 'sum(v)');
\echo   rows by project (consecutive rows of a group carry different periods)
SELECT * FROM bench.report('by project', 'sum(v)');
\echo   rows interleaved (a row of every other group between two rows of a group)
SELECT * FROM bench.report('interleaved', 'sum(v)');
\echo growth of June and of 1-6月 2022 for every group (ratio to the best plain SQL)
SELECT * FROM bench.report('yoy', 'plain SQL, conditional sums');
\echo series(p, v) with 2 workers against 1 (bar: 2 workers <= 1/1.6 = 0.62)
SELECT * FROM bench.report('parallel', '1 worker');
DROP TABLE bench.obs, bench.obs_by_project, bench.obs_interleaved, bench.mv;
