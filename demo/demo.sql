-- The tracker demo: Ningbo's 2022 hundred-day campaign for manufacturing
-- investment (宁波市制造业投资"百日攻坚"), scored in SQL.
--
-- The TARGETS are real: Ningbo's Q3 2022 targets for its 12 districts and
-- its project targets, from ../shared/data (copied to demo/data). The
-- ACTUALS are SYNTHETIC: generated deterministically below from the
-- targets, for illustration only. Run by test/demo with -v datadir=...
\pset border 2
\pset null '—'
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS tracker;
SET search_path = public, tracker;

CREATE TEMP TABLE mfg_targets (code text, name text, parent text, q3_target float8, q3_growth float8,
                               jul_target float8, jul_growth float8, jul_minimum bool);
-- \copy takes its line verbatim, so change into the data directory first.
\cd :datadir
\copy mfg_targets FROM 'ningbo_2022_q3_manufacturing_targets.csv' (FORMAT csv, HEADER)
CREATE TEMP TABLE project_targets (code text, name text, completed_over_100m int, completed_investment float8,
  continuing_investment float8, new_started int, new_in_statistics int, new_in_statistics_investment float8,
  new_registered int, new_registered_over_100m int, attracted_over_500m_q3 int, attracted_ytd int,
  matchmaking_events int, matchmaking_projects int);
\copy project_targets FROM 'ningbo_2022_q3_project_targets.csv' (FORMAT csv, HEADER)

INSERT INTO region SELECT code, name, NULLIF(parent, ''), NULL FROM mfg_targets ORDER BY parent NULLS FIRST;
INSERT INTO indicator VALUES ('mfg_investment', '制造业投资', '亿元', true, 1);
INSERT INTO target SELECT code, 'mfg_investment', '2022-Q3', q3_target, q3_growth FROM mfg_targets;
INSERT INTO target SELECT code, 'mfg_investment', '2022-07', jul_target, jul_growth FROM mfg_targets;

-- SYNTHETIC monthly actuals for the districts, 2021-01 .. 2022-09: last
-- year's level puts each district's Q3 target at its target growth; this
-- year grows by a district-specific rate between 8% and 62% (and every
-- month varies by up to ±15%), so some beat their targets and some fall
-- short. The city's figures are its
-- districts' sums (published separately, as bulletins do).
INSERT INTO observation
SELECT t.code, 'mfg_investment', m,
       round((t.q3_target / 3 / (1 + t.q3_growth / 100)
              * (0.9 + 0.02 * (extract(month FROM start_date(m)) - 1))
              * (0.85 + 0.3 * (abs(hashtext(t.code || m::text)) % 100) / 100.0)
              * CASE WHEN year(m) = 2022 THEN 1 + (8 + (abs(hashtext(t.code)) % 55)) / 100.0 ELSE 1 END)::numeric, 2),
       NULL
FROM mfg_targets t, periods('2021-01'::period, '2022-09'::period) m
WHERE t.parent <> '';
INSERT INTO observation
SELECT 'ningbo', 'mfg_investment', period, sum(value), NULL
FROM observation GROUP BY period;

-- SYNTHETIC projects: each district's target numbers of new starts and of
-- completions over 100 million yuan become projects planned for Q3; a
-- deterministic share of them is done by 2022-09-30.
INSERT INTO project
SELECT code || '-s' || n, name || '新开工项目' || n, code, '制造业', 1 + n % 5
FROM project_targets, generate_series(1, new_started) n WHERE code <> 'ningbo';
INSERT INTO project
SELECT code || '-c' || n, name || '竣工项目' || n, code, '制造业', 1 + n % 3
FROM project_targets, generate_series(1, completed_over_100m) n WHERE code <> 'ningbo';
INSERT INTO project_milestone
SELECT id, 'started', date '2022-07-01' + (abs(hashtext(id)) % 80),
       CASE WHEN abs(hashtext(id || 'done')) % 100 < 85
            THEN date '2022-07-01' + (abs(hashtext(id)) % 80) + (abs(hashtext(id || 'late')) % 20) END
FROM project WHERE id LIKE '%-s%';
INSERT INTO project_milestone
SELECT id, 'completed', date '2022-07-01' + (abs(hashtext(id)) % 85),
       CASE WHEN abs(hashtext(id || 'done')) % 100 < 80
            THEN date '2022-07-01' + (abs(hashtext(id)) % 85) END
FROM project WHERE id LIKE '%-c%';
INSERT INTO project_plan SELECT id, '2022-Q3', total_investment FROM project;
INSERT INTO project_investment
SELECT id, '2022-Q3', round((total_investment * (60 + abs(hashtext(id || 'inv')) % 50) / 100.0)::numeric, 2)
FROM project;

\echo
\echo '宁波市制造业投资百日攻坚 · 2022年三季度晾晒表 (targets real, actuals SYNTHETIC)'
-- Figures rounded half even (GB/T 8170), as the 通报 below prints them:
-- the city's 355.05 is 355.0, where numeric round() would give 355.1.
SELECT b.region_name AS "地区",
       round_half_even(b.value, 1)::numeric(10, 1) AS "三季度完成(亿元)",
       round_half_even(b.growth, 1)::numeric(10, 1) AS "同比%",
       b.target_growth AS "目标增速%",
       round_half_even(b.attainment, 1)::numeric(10, 1) AS "完成率%",
       bar(b.attainment, 150, 12) AS "完成率",
       round_half_even(b.pace, 1)::numeric(10, 1) AS "超序时(点)",
       label(b.light::light, 'zh') AS "亮牌",
       b.rank_growth AS "增速排名",
       b.rank_change AS "位次变化",
       sparkline(s.s, '2022-01', '2022-09') AS "2022年1-9月"
FROM scoreboard('2022-Q3', '2022-09-30') b
JOIN (SELECT o.region, series(o.period, o.value) AS s FROM observation o GROUP BY o.region) s
  ON s.region = b.region
ORDER BY b.region = 'ningbo' DESC, b.rank_growth;

\echo
\echo '项目推进 · 2022年三季度 (projects SYNTHETIC, numbers from the real targets)'
SELECT region_name AS "地区", planned_to_start AS "计划开工", started AS "已开工",
       round(start_rate::numeric, 1) AS "开工率%", planned_to_complete AS "计划竣工",
       completed AS "已竣工", round(completion_rate::numeric, 1) AS "竣工率%",
       round(investment_attainment::numeric, 1) AS "投资完成率%", lagging AS "滞后项目"
FROM project_progress('2022-Q3', '2022-09-30')
ORDER BY start_rate DESC NULLS LAST;

\echo
\echo '上下级目标核对 · consistency(2022-Q3): the city''s own target against its districts'' sum (real data)'
SELECT kind, parent, indicator, period::text, parent_value, children_sum, difference, children
FROM consistency('2022-Q3');

-- The 通报: the same board rows in the bulletins' words. The city's
-- paragraph (its own figure, the counts, 红旗 and 蜗牛, the spread), then
-- a sentence per district, in the board's order.
\echo
\echo '通报 · 2022年三季度 (bulletin_paragraph and bulletin; actuals SYNTHETIC)'
\pset format unaligned
\pset tuples_only on
SELECT paragraph FROM bulletin_paragraph('2022-Q3', '2022-09-30') WHERE parent = 'ningbo';
\echo
SELECT s.sentence
FROM bulletin('2022-Q3', '2022-09-30') s
JOIN scoreboard('2022-Q3', '2022-09-30') b USING (region, indicator)
WHERE s.region <> 'ningbo'
ORDER BY b.rank_growth, s.region;
