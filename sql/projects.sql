SET search_path = tracker, public;
-- Reference schema, project_progress, lagging_projects and consistency
-- (DESIGN §7). Every expected number is derived by hand in the comments;
-- floats print with 15 significant digits. The test removes every row it
-- inserts, because later tests use the same tables.
SET extra_float_digits = 0;
SET DateStyle = ISO;

CREATE FUNCTION pg_temp.sqlstate_of(q text) RETURNS text LANGUAGE plpgsql AS
$$BEGIN EXECUTE q; RETURN 'no error'; EXCEPTION WHEN OTHERS THEN RETURN SQLSTATE; END$$;

-- Ningbo and its twelve districts, with the 2022 Q3 and July targets for
-- manufacturing investment (亿元) from data/ningbo_2022_q3_manufacturing_targets.csv.
INSERT INTO region (code, name, parent, peer_group) VALUES ('ningbo', '全市', NULL, NULL);
INSERT INTO region (code, name, parent, peer_group) VALUES
  ('haishu', '海曙区', 'ningbo', 'district'), ('jiangbei', '江北区', 'ningbo', 'district'),
  ('zhenhai', '镇海区', 'ningbo', 'district'), ('beilun', '北仑区', 'ningbo', 'district'),
  ('yinzhou', '鄞州区', 'ningbo', 'district'), ('fenghua', '奉化区', 'ningbo', 'district'),
  ('yuyao', '余姚市', 'ningbo', 'county'), ('cixi', '慈溪市', 'ningbo', 'county'),
  ('ninghai', '宁海县', 'ningbo', 'county'), ('xiangshan', '象山县', 'ningbo', 'county'),
  ('qianwan', '前湾新区', 'ningbo', 'zone'), ('gaoxin', '高新区', 'ningbo', 'zone');
INSERT INTO indicator (code, name, unit_label) VALUES
  ('mfg_invest', '制造业投资', '亿元'), ('output', '规上工业增加值', '亿元'),
  ('exports', '出口', '亿元'), ('power', '全社会用电量', '亿千瓦时');
INSERT INTO target (region, indicator, period, amount, growth)
SELECT code, 'mfg_invest', '2022-Q3', q3, q3g FROM (VALUES
  ('ningbo', 323, 30), ('haishu', 8, 45), ('jiangbei', 10, 30), ('zhenhai', 56, 25),
  ('beilun', 60, 25), ('yinzhou', 20, 35), ('fenghua', 17, 65), ('yuyao', 37, 30),
  ('cixi', 30, 30), ('ninghai', 20, 45), ('xiangshan', 20, 40), ('qianwan', 40, 55),
  ('gaoxin', 6, 80)) v(code, q3, q3g);
INSERT INTO target (region, indicator, period, amount, growth)
SELECT code, 'mfg_invest', '2022-07', jul, julg FROM (VALUES
  ('ningbo', 100, 30), ('haishu', 2.5, 80), ('jiangbei', 3.5, 45), ('zhenhai', 18, 100),
  ('beilun', 20, 25), ('yinzhou', 7, 40), ('fenghua', 6, 100), ('yuyao', 11, 35),
  ('cixi', 10, 20), ('ninghai', 7, 120), ('xiangshan', 7, 30), ('qianwan', 12, 30),
  ('gaoxin', 2, 65)) v(code, jul, julg);
-- Output targets that agree up to floating point (0.1 + 0.2 is
-- 0.30000000000000004); an export target of the city that is a growth rate
-- only; a power target of the city that no district has.
INSERT INTO target (region, indicator, period, amount, growth) VALUES
  ('ningbo', 'output', '2022-Q3', 0.3, NULL), ('haishu', 'output', '2022-Q3', 0.1, NULL),
  ('jiangbei', 'output', '2022-Q3', 0.2, NULL),
  ('ningbo', 'exports', '2022-Q3', NULL, 10), ('haishu', 'exports', '2022-Q3', 5, NULL),
  ('jiangbei', 'exports', '2022-Q3', 6, NULL),
  ('ningbo', 'power', '2022-Q3', 10, NULL);
-- Output as published: the city monthly (1-6月 600, then July 110, August
-- 120, September 130), three districts only year-to-date (1-6月 and 1-9月),
-- beilun only 1-6月. haishu also has a 2021 annual figure, of another grain.
INSERT INTO observation (region, indicator, period, value, growth) VALUES
  ('ningbo', 'output', '2022-01..06', 600, NULL), ('ningbo', 'output', '2022-07', 110, NULL),
  ('ningbo', 'output', '2022-08', 120, NULL), ('ningbo', 'output', '2022-09', 130, NULL),
  ('haishu', 'output', '2021', 400, NULL),
  ('haishu', 'output', '2022-01..06', 100, NULL), ('haishu', 'output', '2022-01..09', 160, NULL),
  ('jiangbei', 'output', '2022-01..06', 200, NULL), ('jiangbei', 'output', '2022-01..09', 320, NULL),
  ('zhenhai', 'output', '2022-01..06', 300, NULL), ('zhenhai', 'output', '2022-01..09', 479, NULL),
  ('beilun', 'output', '2022-01..06', 50, NULL);

-- Eight projects in three districts.
INSERT INTO project (id, name, region, industry, total_investment) VALUES
  ('P1', '海曙智能装备产业园', 'haishu', 'equipment', 500),
  ('P2', '海曙新材料基地', 'haishu', 'materials', 200),
  ('P3', '海曙物流中心', 'haishu', 'logistics', 300),
  ('P4', '江北生物医药园', 'jiangbei', 'pharma', 600),
  ('P5', '江北数字港', 'jiangbei', 'digital', 150),
  ('P6', '江北汽车零部件', 'jiangbei', 'auto', 120),
  ('P7', '镇海石化新材料', 'zhenhai', 'chemicals', 900),
  ('P8', '镇海港口物流', 'zhenhai', 'logistics', 80);
INSERT INTO project_milestone (project, stage, planned_date, actual_date) VALUES
  ('P1', 'started', '2022-07-15', '2022-07-10'),     -- started early
  ('P1', 'completed', '2023-06-30', NULL),
  ('P2', 'signed', '2022-05-01', '2022-05-10'),
  ('P2', 'started', '2022-08-01', NULL),             -- overdue from 08-01
  ('P3', 'started', '2021-10-01', '2021-10-08'),
  ('P3', 'completed', '2022-09-20', NULL),           -- due in September
  ('P4', 'started', '2022-06-20', NULL),             -- overdue from 06-20
  ('P5', 'started', '2022-07-05', NULL),             -- no date, but ...
  ('P5', 'in_statistics', '2022-08-31', '2022-07-20'), -- ... a later stage reached
  ('P6', 'started', '2022-03-01', '2022-03-10'),
  ('P6', 'completed', '2022-07-31', NULL),           -- overdue from 07-31
  ('P7', 'started', '2021-04-01', '2021-05-01'),
  ('P7', 'completed', '2022-08-05', NULL),           -- no date, but ...
  ('P7', 'producing', '2022-09-30', '2022-08-01'),   -- ... producing since 08-01
  ('P8', 'signed', '2022-09-30', NULL);
INSERT INTO project_plan (project, period, planned_investment) VALUES
  ('P1', '2022', 146), ('P2', '2022', 73), ('P3', '2021', 200), ('P3', '2022-Q3', 30),
  ('P4', '2022', 219), ('P5', '2022', 73), ('P6', '2022-H2', 46), ('P7', '2022', 365);
INSERT INTO project_investment (project, period, amount) VALUES
  ('P1', '2022-06', 40), ('P1', '2022-07', 33),
  ('P3', '2021', 150), ('P3', '2022-07', 12),
  ('P4', '2022-H1', 109.5),
  ('P5', '2022-07', 54.75),
  ('P6', '2022-07', 10),
  ('P7', '2022-Q1', 100), ('P7', '2022-Q2', 100), ('P7', '2022-07', 50);

-- lagging_projects('2022-Q3', '2022-08-07').
-- (a) Milestones planned on or before 08-07 (and before 09-30, the end of
-- Q3) that no stage at or after them reached by 08-07:
--   P4 started 06-20: 10 days of June + 31 + 7 = 48 days late
--   P6 completed 07-31: 7 days late
--   P2 started 08-01: 6 days late
--   not P5 started (in_statistics reached 07-20), not P7 completed
--   (producing reached 08-01), not P3 completed (due 09-20 > as_of), not
--   P8 signed (09-30).
-- (b) The longest plan of each project containing 09-30, against the
-- investment from its start through 09-30; time progress through
-- least(08-07, 09-30) = 08-07, day 219 of 2022 (212 + 7): 219/365 = 60%.
--   P1 2022 146: 40 + 33 = 73 → 50%,    pace −10 → gap 10
--   P2 2022  73: nothing      → 0%,     pace −60 → gap 60
--   P3 Q3    30: 12 (not the 2021 plan or investment) → 40% against
--      38/92 days of Q3 = 41.304347826087%: pace −1.304347826086957; the
--      double nearest 41.30434782608696 is 41.30434782608695, so the
--      gap prints as 1.30434782608695
--   P4 2022 219: 109.5 (H1)   → 50%,    pace −10 → gap 10
--   P5 2022  73: 54.75        → 75%,    +15, not listed
--   P6 H2    46: 10 → 21.7391304347826% against 38/184 = 20.6521739130435%: +1.09, not listed
--   P7 2022 365: 100 + 100 + 50 = 250 → 68.4931506849315%: +8.49, not listed
-- Worst first: days late, then gap, then project (P1 before P4 at 10).
SELECT * FROM lagging_projects('2022-Q3', '2022-08-07');

-- project_progress('2022-Q3', '2022-08-07'); the year is 2022.
-- haishu (P1 P2 P3): 3 projects.
--   to start in Q3: P1 (07-15), P2 (08-01) = 2; started by 08-07: P1 = 1 → 50
--   to start in 2022: the same 2 (P3 started in 2021) → 1, 50
--   to complete in Q3: P3 (09-20) = 1; completed 0 → 0
--   planned: P1 146 × 92/365 = 36.8, P2 73 × 92/365 = 18.4, P3 Q3 30 in
--     full, P3 2021 not at all: 85.2
--   completed: P1 07 33 + P3 07 12 = 45 (P1 06 lies outside Q3)
--   attainment 45 / 85.2 = 52.8169014084507; lagging P1 P2 P3 = 3
-- jiangbei (P4 P5 P6): 3 projects.
--   to start in Q3: P5 (07-05) = 1; started (in_statistics 07-20) → 1, 100
--   to start in 2022: P4 (06-20), P5, P6 (03-01) = 3; started P5, P6 = 2 → 66.6666666666667
--   to complete in Q3: P6 (07-31) = 1; completed 0 → 0
--   planned: P4 219 × 92/365 = 55.2, P5 73 × 92/365 = 18.4, P6 46 × 92/184 = 23: 96.6
--   completed: P5 54.75 + P6 10 = 64.75 (P4's H1 lies outside Q3)
--   attainment 64.75 / 96.6 = 67.0289855072464; lagging P4 P6 = 2 (P4 twice)
-- zhenhai (P7 P8): 2 projects.
--   to start in Q3 or 2022: none → 0, 0, NULL rates
--   to complete in Q3: P7 (08-05) = 1; producing since 08-01 counts → 1, 100
--   planned: P7 365 × 92/365 = 92; completed: P7 07 50 (not Q1, Q2) → 54.3478260869565
--   lagging 0
-- Regions without projects (beilun, ningbo …) have no row.
SELECT * FROM project_progress('2022-Q3', '2022-08-07');

-- The whole year, as of 08-07.
-- lagging_projects('2022', '2022-08-07'): (a) as for Q3: P4 48, P6 7, P2 6.
-- (b) plans containing 12-31: P6's H2 plan does, P3's Q3 plan does not, so
-- P3 drops out; P1, P2, P4 as before (gaps 10, 60, 10; time progress is
-- still through 08-07); P6 +1.09, P5, P7 ahead.
-- Lagging: haishu P1 P2 = 2, jiangbei P4 P6 = 2.
-- haishu: to start in 2022: 2, started 1 → 50 (both columns); to
--   complete: P3 (09-20) 1, 0 → 0; planned 146 + 73 + 30 = 249 (plans
--   inside p count in full; 2021 not); completed 40 + 33 + 12 = 85
--   → 85 / 249 = 34.136546184739
-- jiangbei: to start 3, started 2 → 66.6666666666667 (both); to complete
--   P6 1, 0 → 0; planned 219 + 73 + 46 = 338; completed 109.5 + 54.75 +
--   10 = 174.25 → 51.5532544378698
-- zhenhai: to start 0 → NULL; to complete P7 1, 1 → 100; planned 365;
--   completed 100 + 100 + 50 = 250 → 68.4931506849315
SELECT * FROM lagging_projects('2022', '2022-08-07');
SELECT * FROM project_progress('2022', '2022-08-07');

-- A month: lagging_projects('2022-07', '2022-08-07').
-- (a) only milestones planned by 07-31: P4 48, P6 7 (P2's 08-01 is after
-- July, although overdue on 08-07).
-- (b) plans containing 07-31, investment through 07-31, time progress
-- through 07-31 = day 212: 212/365 = 58.0821917808219%.
--   P1: 73 → 50%: gap 8.08219178082192; P2: 0 → gap 58.0821917808219;
--   P4: 109.5 → 50%: gap 8.08219178082192; P3: 12 → 40% against 31/92 =
--   33.70%: ahead; P5 75%, P6 21.74% against 31/184 = 16.85%, P7 68.49%: ahead.
SELECT * FROM lagging_projects('2022-07', '2022-08-07');

-- Looking back: lagging_projects('2022-Q1', '2022-03-05'). P6 started on
-- 03-10, after as_of, so on 03-05 its start (planned 03-01) was 4 days
-- late. Plans containing 03-31: the 2022 plans of P1 P2 P4 P5 P7; time
-- progress through 03-05 = day 64: 6400/365 = 17.5342465753425%.
-- Investment within 2022-01-01..03-31: P7 100 (Q1) → 27.4%, ahead; P1 P2
-- P4 P5 nothing → gap 17.5342465753425 each, by project.
SELECT * FROM lagging_projects('2022-Q1', '2022-03-05');

-- Overlapping plans: with a 2022 plan of 100 next to its Q3 plan, P3 is
-- tested against the longer one: 12 of 100 = 12% against 60%: gap 48.
INSERT INTO project_plan VALUES ('P3', '2022', 100);
SELECT project, reason, investment_gap FROM lagging_projects('2022-Q3', '2022-08-07') WHERE project = 'P3';
DELETE FROM project_plan WHERE project = 'P3' AND period = '2022';

-- consistency('2022-Q3'), ordered by kind, parent, indicator:
--   observation ningbo output: the city's Q3 = 110 + 120 + 130 = 360;
--     districts' Q3 = 1-9月 − 1-6月: haishu 60, jiangbei 120, zhenhai 179
--     = 359 over 3 (beilun has no 1-9月; haishu's 2021 figure is not read)
--     → difference 1
--   target ningbo mfg_invest: 323 against 8 + 10 + 56 + 60 + 20 + 17 + 37
--     + 30 + 20 + 20 + 40 + 6 = 324 over 12 → −1
--   not listed: output targets (0.3 vs 0.1 + 0.2, within 1e-9), exports
--   (the city's target is a rate), power (no district has one).
SELECT * FROM consistency('2022-Q3');
-- July: the targets 100 against 2.5 + 3.5 + 18 + 20 + 7 + 6 + 11 + 10 + 7
-- + 7 + 12 + 2 = 106 over 12 → −6. Output: no district has a July figure
-- (no 1-7月), so the city's 110 is not compared.
SELECT * FROM consistency('2022-07');
-- Year to date: the city's 1-9月 = 600 + 360 = 960 against 160 + 320 +
-- 479 = 959 over 3 → 1; 1-6月: 600 against 100 + 200 + 300 + 50 = 650 over 4 → −50.
SELECT * FROM consistency('2022-01..09');
SELECT * FROM consistency('2022-01..06');

-- STRICT: a NULL argument gives no rows.
SELECT (SELECT count(*) FROM project_progress(NULL, '2022-08-07')) AS progress_null_p,
       (SELECT count(*) FROM project_progress('2022-Q3', NULL)) AS progress_null_as_of,
       (SELECT count(*) FROM lagging_projects(NULL, '2022-08-07')) AS lagging_null_p,
       (SELECT count(*) FROM lagging_projects('2022-Q3', NULL)) AS lagging_null_as_of,
       (SELECT count(*) FROM consistency(NULL)) AS consistency_null;

-- Constraints of the reference schema.
-- A milestone out of order: P1 started on 07-10, so it cannot have
-- entered statistics on 07-01.
INSERT INTO project_milestone VALUES ('P1', 'in_statistics', NULL, '2022-07-01');
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.target VALUES ('nowhere', 'mfg_invest', '2022-Q3', 1, NULL)$$) AS unknown_region,     -- 23503
       pg_temp.sqlstate_of($$INSERT INTO tracker.project_milestone VALUES ('P1', 'signed', NULL, '2022-08-01')$$) AS signed_after_start, -- 23514
       pg_temp.sqlstate_of($$UPDATE tracker.project_milestone SET actual_date = '2022-09-01' WHERE project = 'P7' AND stage = 'started'$$) AS moved_past_later, -- 23514
       pg_temp.sqlstate_of($$INSERT INTO tracker.project_investment VALUES ('P1', '2022-08', -1)$$) AS negative_amount,   -- 23514
       pg_temp.sqlstate_of($$INSERT INTO tracker.project_plan VALUES ('P8', '2022', -5)$$) AS negative_plan,               -- 23514
       pg_temp.sqlstate_of($$INSERT INTO tracker.observation VALUES ('ningbo', 'output', '2022-03..05', 1, NULL)$$) AS not_ytd_span, -- 23514
       pg_temp.sqlstate_of($$INSERT INTO tracker.observation VALUES ('ningbo', 'output', '2022-07', 1, NULL)$$) AS duplicate,  -- 23505
       pg_temp.sqlstate_of($$INSERT INTO tracker.target VALUES ('ningbo', 'power', '2022', NULL, NULL)$$) AS no_amount_no_growth; -- 23514
-- An in-order milestone is accepted (P1 in statistics on 07-20).
SELECT pg_temp.sqlstate_of($$INSERT INTO tracker.project_milestone VALUES ('P1', 'in_statistics', NULL, '2022-07-20')$$) AS in_order;

-- Remove every row this test inserted, children first.
DELETE FROM project_investment WHERE project IN ('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8');
DELETE FROM project_plan WHERE project IN ('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8');
DELETE FROM project_milestone WHERE project IN ('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8');
DELETE FROM project WHERE id IN ('P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8');
DELETE FROM observation WHERE indicator IN ('mfg_invest', 'output', 'exports', 'power');
DELETE FROM target WHERE indicator IN ('mfg_invest', 'output', 'exports', 'power');
DELETE FROM indicator WHERE code IN ('mfg_invest', 'output', 'exports', 'power');
DELETE FROM region WHERE parent = 'ningbo';
DELETE FROM region WHERE code = 'ningbo';
SELECT (SELECT count(*) FROM region) + (SELECT count(*) FROM indicator)
     + (SELECT count(*) FROM observation) + (SELECT count(*) FROM target)
     + (SELECT count(*) FROM project) + (SELECT count(*) FROM project_milestone)
     + (SELECT count(*) FROM project_plan) + (SELECT count(*) FROM project_investment) AS rows_left;
