-- The tracker demo: what the reporting calendar of a campaign office looks
-- like in SQL. Run by test/demo on a throwaway server.
\pset border 2
\pset null '—'
CREATE EXTENSION IF NOT EXISTS tracker;
SET search_path = public, tracker;

\echo
\echo '1. Periods as bulletins write them, and their canonical form'
SELECT t AS "as published", t::period AS period, grain(t::period) AS grain,
       start_date(t::period) AS "from", end_date(t::period) AS "to", days(t::period) AS days
FROM (VALUES ('2022年1-7月'), ('2022年前三季度'), ('2022年上半年'), ('2022年第27周'),
             ('2021年11月至2022年2月'), ('2022-06-01..09-08')) v(t);

\echo
\echo '2. The reporting calendar of 2022: year to date, the same period a year ago, 序时进度'
SELECT m AS month, ytd(m) AS "year to date", label(ytd(m)) AS "label",
       year_ago(ytd(m)) AS "base period",
       round(time_progress('2022'::period, m)::numeric, 1) AS "time progress %"
FROM periods('2022-Q3'::period, 'month') m;

\echo
\echo '3. The hundred-day campaign 2022-06-01..09-08, week by week'
SELECT w AS week, label(w) AS "label", end_date(w) AS "week ends",
       round(time_progress('2022-06-01..09-08'::period, end_date(w))::numeric, 1) AS "days elapsed %"
FROM periods('2022-W22'::period, '2022-W36'::period) w
WHERE w && '2022-06-01..09-08'::period;
