-- What the reference tables refuse: rows that would make a report fail
-- for every region, or that have no meaning (issue 10). Each is
-- rejected on write with check_violation (23514) naming the rule.
SET search_path = tracker, public;
INSERT INTO region VALUES ('city', 'City', NULL, NULL), ('a', 'A', 'city', NULL),
  ('b', 'B', 'city', NULL), ('a1', 'A1', 'a', NULL);
INSERT INTO project VALUES ('p1', 'Plant', 'a', NULL, 10);

-- NaN passes "x >= 0" (it sorts above every number); it and the
-- infinities are refused in every amount of the project tables.
INSERT INTO project VALUES ('p2', 'P2', 'a', NULL, 'NaN');
INSERT INTO project VALUES ('p2', 'P2', 'a', NULL, 'Infinity');
INSERT INTO project VALUES ('p2', 'P2', 'a', NULL, -1);
INSERT INTO project VALUES ('p2', 'P2', 'a', NULL, NULL);
UPDATE project SET total_investment = 'NaN' WHERE id = 'p1';
INSERT INTO project_plan VALUES ('p1', '2022', 'NaN');
INSERT INTO project_plan VALUES ('p1', '2022', '-Infinity');
INSERT INTO project_investment VALUES ('p1', '2022-07', 'NaN');
INSERT INTO project_investment VALUES ('p1', '2022-07', 'Infinity');
-- So are infinite dates, which no lifecycle has.
INSERT INTO project_milestone VALUES ('p1', 'started', 'infinity', NULL);
INSERT INTO project_milestone VALUES ('p1', 'started', '2022-07-01', '-infinity');
-- The reports still run for every region.
INSERT INTO project_plan VALUES ('p1', '2022', 100);
INSERT INTO project_investment VALUES ('p1', '2022-07', 10);
INSERT INTO project_milestone VALUES ('p1', 'started', '2022-07-01', NULL);
SELECT region, projects, planned_to_start, started FROM project_progress('2022-Q3', '2022-08-01');
SELECT project, reason, days_late FROM lagging_projects('2022-Q3', '2022-08-01') ORDER BY 1, 2;

-- Amounts are at most 1e15 in magnitude, and an amount that divides
-- (a target, a plan) is 0 or at least 1e-6: no sum or quotient of them
-- overflows, so one row cannot make project_progress, lagging_projects,
-- consistency or a board fail for everyone.
INSERT INTO indicator VALUES ('inv', 'Investment', '亿元', true, 1);
INSERT INTO observation VALUES ('a', 'inv', '2022-07', 1e308, NULL);
INSERT INTO observation VALUES ('a', 'inv', '2022-07', -1e16, NULL);
INSERT INTO observation VALUES ('a', 'inv', '2022-07', 1e15, NULL), ('a', 'inv', '2022-08', 1e-300, NULL);
INSERT INTO target VALUES ('a', 'inv', '2022', 1e-308, NULL);
INSERT INTO target VALUES ('a', 'inv', '2022', 2e15, NULL);
INSERT INTO target VALUES ('a', 'inv', '2022', NULL, -150);
INSERT INTO target VALUES ('a', 'inv', '2022', -120, NULL), ('b', 'inv', '2022', 0, 5),
                          ('city', 'inv', '2022', 1e-6, NULL);
INSERT INTO project_plan VALUES ('p1', '2023', 1e-300);
INSERT INTO project_investment VALUES ('p1', '2022-08', 1e308);
INSERT INTO project_investment VALUES ('p1', '2022-08', 1e15), ('p1', '2022-09', 1e15);
SELECT region, planned_investment, completed_investment, investment_attainment
FROM project_progress('2022-Q3', '2022-08-01');
SELECT count(*) AS checked FROM consistency('2022');
DELETE FROM project_investment; DELETE FROM target; DELETE FROM observation; DELETE FROM indicator;

-- Regions form a tree: no region is its own ancestor, checked at commit
-- (rows may arrive in any order within a transaction, as in a restore).
UPDATE region SET parent = 'b' WHERE code = 'a';
UPDATE region SET parent = 'a1' WHERE code = 'city';
INSERT INTO region VALUES ('r1', 'R1', 'r2', NULL), ('r2', 'R2', 'r1', NULL);
INSERT INTO region VALUES ('r3', 'R3', 'r3', NULL);
BEGIN;
INSERT INTO region VALUES ('r4', 'R4', 'r5', NULL);
UPDATE region SET parent = 'r4' WHERE code = 'a1';
INSERT INTO region VALUES ('r5', 'R5', 'a1', NULL);
COMMIT;
-- A cycle made and undone within one transaction is no cycle at commit.
BEGIN;
UPDATE region SET parent = 'a1' WHERE code = 'a';
UPDATE region SET parent = 'city' WHERE code = 'a';
COMMIT;
SELECT code, parent FROM region ORDER BY code;
-- A chain of parents is at most 100 regions long, so a check costs at
-- most 100 look-ups: city and 99 levels under it are accepted, in one
-- statement; a region under the 99th level is not.
INSERT INTO region SELECT 'l' || k, 'Level ' || k, CASE WHEN k = 1 THEN 'city' ELSE 'l' || (k - 1) END, NULL
FROM generate_series(1, 99) k;
SELECT count(*) AS levels_under_city FROM region WHERE code LIKE 'l%';
INSERT INTO region VALUES ('l100', 'Level 100', 'l99', NULL);
-- Nor may a move lengthen the chains under a region: a new top above the
-- chain, or one chain hung under another.
INSERT INTO region VALUES ('l0', 'Level 0', NULL, NULL);
UPDATE region SET parent = 'l0' WHERE code = 'city';
INSERT INTO region SELECT 'm' || k, 'M ' || k, CASE WHEN k > 1 THEN 'm' || (k - 1) END, NULL
FROM generate_series(1, 60) k;
UPDATE region SET parent = 'l40' WHERE code = 'm1';
UPDATE region SET parent = 'l39' WHERE code = 'm1';
SELECT count(*) AS chain_regions FROM region WHERE code LIKE 'm%' OR code LIKE 'l%' OR code = 'city';
DELETE FROM region WHERE code LIKE 'l%' OR code LIKE 'm%';

-- The checks lock the rows they read: writing a region with a parent
-- takes UPDATE on region, an actual milestone date UPDATE on project;
-- without it the error says so.
SET client_min_messages = warning;
CREATE ROLE regress_tracker_clerk;
RESET client_min_messages;
GRANT SELECT, INSERT ON region TO regress_tracker_clerk;
GRANT SELECT, INSERT ON project_milestone TO regress_tracker_clerk;
GRANT SELECT ON project TO regress_tracker_clerk;
SET ROLE regress_tracker_clerk;
INSERT INTO tracker.region VALUES ('top2', 'Top 2', NULL, NULL);
INSERT INTO tracker.region VALUES ('sub2', 'Sub 2', 'top2', NULL);
INSERT INTO tracker.project_milestone VALUES ('p1', 'completed', '2022-12-01', NULL);
INSERT INTO tracker.project_milestone VALUES ('p1', 'producing', NULL, '2023-01-01');
RESET ROLE;
DELETE FROM project_milestone WHERE stage = 'completed';
DELETE FROM region WHERE code = 'top2';
REVOKE ALL ON region, project_milestone, project FROM regress_tracker_clerk;
DROP ROLE regress_tracker_clerk;

DELETE FROM project;
DELETE FROM region WHERE parent IS NOT NULL AND code NOT IN (SELECT parent FROM region WHERE parent IS NOT NULL);
DELETE FROM region WHERE parent IS NOT NULL;
DELETE FROM region;
