-- tracker 0.1.0 → 0.2.0. Run by ALTER EXTENSION tracker UPDATE; the
-- result must equal a fresh install of 0.2.0 (test/upgrade compares the
-- catalogs and the stored values).

\echo Use "ALTER EXTENSION tracker UPDATE TO '0.2.0'" to load this file. \quit

-- PostgreSQL runs an update with the extension's schema on search_path:
-- under 0.1.0 that is tracker, whose owner may have put operators and
-- functions into it; below it is renamed tracker_0_1_0 and the name
-- tracker stands for the new schema. Nothing here is to be found by an
-- unqualified name. (Restored when the script ends.)
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

-- ---- 1. A schema of the superuser's own (00_schema.sql) ----
--
-- Under 0.1.0 PostgreSQL made schema tracker for the install, owned by
-- the installing role, who could rename it, put look-alikes under its
-- name, put objects into it, and hang triggers on its tables. Taking that
-- schema over is not safe: until this transaction commits its owner can
-- still create objects in it from another session. So the tables and
-- the code over them move instead, by OID, into a new schema tracker
-- that this script makes as the superuser, invisible to other sessions
-- until it commits. The old schema, renamed tracker_0_1_0, stays the
-- extension's schema and keeps its types, operators, functions and
-- aggregates, as a fresh install keeps them in the schema it is given,
-- which may be a user's too: no code that runs with more rights than
-- its caller finds anything in it by name (00_schema.sql).
--
-- Refused first, what would come along into the superuser's schema or
-- keep running code of the installer's as a superuser:
--  - members of the extension that a superuser does not own: its owner
--    may add objects of their own (ALTER EXTENSION ADD), and they would
--    move with it; every object the extension makes is the superuser's;
--  - triggers on its tables that it did not make (0.1.0 granted TRIGGER):
--    a trigger, its function or its WHEN clause, runs as whoever writes;
--  - foreign keys from tables of other roles to its tables (0.1.0 granted
--    REFERENCES): a foreign key's check runs as the referenced table's
--    owner, and casts the referencing column, with its owner's casts.
-- The extension's tables are locked first, so that nobody adds a
-- trigger or a foreign key between these checks and the commit: one in
-- an open transaction is waited for, and seen.
DO $guard$
DECLARE
    ext      pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e
                                WHERE e.extname OPERATOR(pg_catalog.=) 'tracker');
    tab      pg_catalog.regclass;
    members  pg_catalog.text;
    triggers pg_catalog.text;
    fkeys    pg_catalog.text;
BEGIN
    FOR tab IN
        SELECT d.objid::pg_catalog.regclass FROM pg_catalog.pg_depend d
        JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) d.objid
        WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
          AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
          AND c.relkind OPERATOR(pg_catalog.=) 'r'
        ORDER BY d.objid
    LOOP
        EXECUTE pg_catalog.format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', tab);
    END LOOP;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (owned by %s)',
                                     pg_catalog.pg_describe_object(m.classid, m.objid, 0),
                                     COALESCE(pg_catalog.pg_get_userbyid(m.owner), 'nobody')),
                                 ', ' ORDER BY m.classid, m.objid)
    INTO members
    FROM (SELECT d.classid, d.objid,
                 CASE d.classid
                 WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
                     (SELECT x.proowner FROM pg_catalog.pg_proc x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
                 WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
                     (SELECT x.typowner FROM pg_catalog.pg_type x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
                 WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN
                     (SELECT x.relowner FROM pg_catalog.pg_class x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
                 WHEN 'pg_catalog.pg_operator'::pg_catalog.regclass THEN
                     (SELECT x.oprowner FROM pg_catalog.pg_operator x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
                 WHEN 'pg_catalog.pg_opclass'::pg_catalog.regclass THEN
                     (SELECT x.opcowner FROM pg_catalog.pg_opclass x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
                 WHEN 'pg_catalog.pg_opfamily'::pg_catalog.regclass THEN
                     (SELECT x.opfowner FROM pg_catalog.pg_opfamily x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
                 WHEN 'pg_catalog.pg_cast'::pg_catalog.regclass THEN
                     (SELECT f.proowner FROM pg_catalog.pg_cast x JOIN pg_catalog.pg_proc f
                        ON f.oid OPERATOR(pg_catalog.=) x.castfunc
                      WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
                 END AS owner
          FROM pg_catalog.pg_depend d
          WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
            AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e') m
    WHERE NOT COALESCE((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                        WHERE r.oid OPERATOR(pg_catalog.=) m.owner), false);
    IF members IS NOT NULL THEN
        RAISE EXCEPTION 'extension tracker has members that it did not make'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('They are: %s.', members),
                  HINT = 'Their owner takes them out (ALTER EXTENSION tracker DROP ...), then update.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%I on %s references %s',
                                     k.conname, k.conrelid::pg_catalog.regclass,
                                     k.confrelid::pg_catalog.regclass),
                                 ', ' ORDER BY k.conrelid, k.conname)
    INTO fkeys
    FROM pg_catalog.pg_constraint k
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) k.conrelid
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) c.relowner
    JOIN pg_catalog.pg_depend d
      ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
     AND d.objid OPERATOR(pg_catalog.=) k.confrelid
     AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
     AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
    WHERE k.contype OPERATOR(pg_catalog.=) 'f' AND NOT r.rolsuper;
    IF fkeys IS NOT NULL THEN
        RAISE EXCEPTION 'tables of other roles have foreign keys to the tables of extension tracker'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('They are: %s.', fkeys),
                  HINT = 'Their owners drop them (ALTER TABLE ... DROP CONSTRAINT ...), then update; a foreign key''s checks run as the owner of the table it references.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%I on %s', t.tgname, t.tgrelid::pg_catalog.regclass),
                                 ', ' ORDER BY t.tgrelid, t.tgname)
    INTO triggers
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.tgrelid
    JOIN pg_catalog.pg_depend d
      ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
     AND d.objid OPERATOR(pg_catalog.=) t.tgrelid
     AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
     AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
    WHERE NOT t.tgisinternal
      AND (c.relname::pg_catalog.text, t.tgname::pg_catalog.text) NOT IN (
          ('observation', 'observation_series_insert'),
          ('observation', 'observation_series_update'),
          ('observation', 'observation_series_delete'),
          ('observation', 'observation_series_truncate'),
          ('project_milestone', 'project_milestone_order'));
    IF triggers IS NOT NULL THEN
        RAISE EXCEPTION 'the tables of extension tracker carry triggers it did not make'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('They are: %s.', triggers),
                  HINT = 'A superuser drops them (DROP TRIGGER name ON table), then update; a trigger runs as whoever writes the table.';
    END IF;
END
$guard$;

DO $move$
DECLARE
    ext    pg_catalog.oid;
    old    pg_catalog.oid;
    stmts  pg_catalog.text[];
    stmt   pg_catalog.text;
BEGIN
    SELECT e.oid, e.extnamespace INTO ext, old
    FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'tracker';
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace n
               WHERE n.nspname OPERATOR(pg_catalog.=) 'tracker'
                 AND n.oid OPERATOR(pg_catalog.<>) old) THEN
        RAISE EXCEPTION 'a schema named tracker exists that is not the extension''s'
            USING ERRCODE = 'duplicate_schema',
                  DETAIL = pg_catalog.format('The extension''s objects are in schema %s.',
                                             old::pg_catalog.regnamespace),
                  HINT = 'Drop or rename the other schema tracker, then update.';
    END IF;
    -- The rest of this script names the old schema tracker_0_1_0.
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace n
               WHERE n.nspname OPERATOR(pg_catalog.=) 'tracker_0_1_0') THEN
        RAISE EXCEPTION 'schema "tracker_0_1_0" already exists'
            USING ERRCODE = 'duplicate_schema',
                  DETAIL = 'The update renames schema tracker, where tracker 0.1.0 keeps its types and functions, to tracker_0_1_0.',
                  HINT = 'Drop or rename schema tracker_0_1_0, then update.';
    END IF;
    EXECUTE pg_catalog.format('ALTER SCHEMA %s RENAME TO tracker_0_1_0', old::pg_catalog.regnamespace);
    -- Its privileges stay as they are (0.1.0 granted USAGE to PUBLIC), but
    -- as the owner's own, as for any schema a fresh install is given:
    -- pg_dump then keeps them with the schema.
    DELETE FROM pg_catalog.pg_init_privs
    WHERE classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_namespace'::pg_catalog.regclass
      AND objoid OPERATOR(pg_catalog.=) old;
    CREATE SCHEMA tracker;
    -- The reference tables and the code over them, by OID; types last,
    -- as the others' names spell their types. The types, operators,
    -- functions and aggregates stay where they are, in the extension's
    -- schema, as a fresh install puts them in the schema it is given.
    SELECT pg_catalog.array_agg(pg_catalog.format('ALTER %s %s SET SCHEMA tracker',
                                                  pg_catalog.upper(i.type), i.identity)
                                ORDER BY i.type OPERATOR(pg_catalog.=) 'type', i.type, i.identity)
    INTO stmts
    FROM pg_catalog.pg_depend d,
         LATERAL pg_catalog.pg_identify_object(d.classid, d.objid, 0) i
    WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
      AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
      AND i.schema OPERATOR(pg_catalog.=) 'tracker_0_1_0'
      AND CASE d.classid
          WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN
              (SELECT x.relname FROM pg_catalog.pg_class x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
          WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
              (SELECT x.proname FROM pg_catalog.pg_proc x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
          WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
              (SELECT x.typname FROM pg_catalog.pg_type x WHERE x.oid OPERATOR(pg_catalog.=) d.objid)
          END OPERATOR(pg_catalog.=) ANY (ARRAY[
              'region', 'indicator', 'observation', 'target', 'project',
              'project_milestone', 'project_investment', 'project_plan', 'stage',
              'observation_series', 'observation_series_sync', 'project_milestone_check',
              'scoreboard', 'consistency', 'lagging_projects', 'project_progress']::pg_catalog.name[]);
    FOREACH stmt IN ARRAY stmts LOOP
        EXECUTE stmt;
    END LOOP;
    RAISE WARNING 'the types, operators, functions and aggregates of tracker are now in schema tracker_0_1_0, its tables and scoreboard in schema tracker'
        USING DETAIL = 'Schema tracker_0_1_0 is the one tracker 0.1.0 was installed in, renamed; it is yours to rename again (ALTER SCHEMA tracker_0_1_0 RENAME TO ...). A fresh install puts them in the schema named at CREATE EXTENSION.',
              HINT = 'Put that schema on search_path (ALTER DATABASE ... SET search_path = "$user", public, tracker_0_1_0), or rename it to a schema name that is.';
END
$move$;
COMMENT ON SCHEMA tracker IS
    'tracker: reporting periods, series and leagues, rates, and the reference tables and scoreboards of campaign offices; owned by the superuser, made and dropped with the extension';

-- ---- 2. Privileges (90_grants.sql): no TRIGGER nor REFERENCES on the reference tables ----
-- Revoked from the installing role, and from whom it granted them on;
-- not when that role owns the tables (a superuser installed 0.1.0), whose
-- privileges as owner a fresh install leaves whole, but for the grant
-- option it gave.
DO $grants$
BEGIN
    IF (SELECT e.extowner FROM pg_catalog.pg_extension e
        WHERE e.extname OPERATOR(pg_catalog.=) 'tracker')
       OPERATOR(pg_catalog.<>)
       (SELECT c.relowner FROM pg_catalog.pg_class c
        WHERE c.oid OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass) THEN
        REVOKE TRIGGER, REFERENCES
            ON tracker.region, tracker.indicator, tracker.observation, tracker.target,
               tracker.project, tracker.project_milestone, tracker.project_investment,
               tracker.project_plan
            FROM @extowner@ CASCADE;
    ELSE
        REVOKE GRANT OPTION FOR TRIGGER, REFERENCES
            ON tracker.region, tracker.indicator, tracker.observation, tracker.target,
               tracker.project, tracker.project_milestone, tracker.project_investment,
               tracker.project_plan
            FROM @extowner@ CASCADE;
    END IF;
END
$grants$;
-- The schema's privileges as a fresh install records them (pg_init_privs
-- keeps what the install script granted, by the owner of the time).
GRANT USAGE ON SCHEMA tracker TO PUBLIC;

-- ---- 3. Reference data that breaks every report is refused (50_schema.sql) ----
--
-- NaN passed "x >= 0"; an infinite date, or a finite amount so large
-- that a sum overflows or so small that a quotient does, made
-- project_progress, lagging_projects or consistency fail for every
-- region; a parent cycle has no top. Existing rows that the new rules
-- refuse stop the update, listed, rather than the constraints' bare
-- errors. The tables are locked (section 1), so no row slips in after.
DO $check$
DECLARE
    bad pg_catalog.text;
BEGIN
    SELECT pg_catalog.string_agg(x, ', ') INTO bad FROM (
        SELECT pg_catalog.format('observation %s, %s, %s: value %s', o.region, o.indicator, o.period, o.value)
        FROM tracker.observation o
        WHERE NOT (abs(o.value) <= '1e15')
        UNION ALL
        SELECT pg_catalog.format('target %s, %s, %s: amount %s', t.region, t.indicator, t.period, t.amount)
        FROM tracker.target t
        WHERE NOT (t.amount = 0 OR abs(t.amount) BETWEEN '1e-6' AND '1e15')
        UNION ALL
        SELECT pg_catalog.format('target %s, %s, %s: growth %s', t.region, t.indicator, t.period, t.growth)
        FROM tracker.target t
        WHERE NOT (t.growth > -100)
        UNION ALL
        SELECT pg_catalog.format('project %s: total_investment %s', p.id, p.total_investment)
        FROM tracker.project p
        WHERE NOT (p.total_investment >= 0 AND p.total_investment <= '1e15')
        UNION ALL
        SELECT pg_catalog.format('project %s, period %s: planned_investment %s',
                                 p.project, p.period, p.planned_investment)
        FROM tracker.project_plan p
        WHERE NOT (p.planned_investment = 0 OR p.planned_investment BETWEEN '1e-6' AND '1e15')
        UNION ALL
        SELECT pg_catalog.format('project %s, period %s: amount %s', i.project, i.period, i.amount)
        FROM tracker.project_investment i
        WHERE NOT (i.amount >= 0 AND i.amount <= '1e15')
        UNION ALL
        SELECT pg_catalog.format('project %s, stage %s: dates %s, %s',
                                 m.project, m.stage, m.planned_date, m.actual_date)
        FROM tracker.project_milestone m
        WHERE NOT (pg_catalog.isfinite(m.planned_date) AND pg_catalog.isfinite(m.actual_date))
        UNION ALL
        SELECT pg_catalog.format('region %s: its parent chain returns to it or runs over 100 regions', r.code)
        FROM tracker.region r
        WHERE r.code NOT IN (
            -- the regions under a top within 100 levels, one pass down
            WITH RECURSIVE down (code, depth) AS (
                SELECT t.code, 1 FROM tracker.region t WHERE t.parent IS NULL
                UNION ALL
                SELECT c.code, down.depth + 1
                FROM down JOIN tracker.region c ON c.parent = down.code
                WHERE down.depth < 100)
            SELECT down.code FROM down)
        ORDER BY 1) rows(x);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'tracker 0.2.0 refuses rows that tracker 0.1.0 accepted'
            USING ERRCODE = 'check_violation',
                  DETAIL = pg_catalog.format('They are: %s.', bad),
                  HINT = 'Correct or delete them (amounts finite, at most 1e15, divisors 0 or at least 1e-6; target rates above -100; dates finite; regions in a tree of at most 100 levels), then update.';
    END IF;
END
$check$;

ALTER TABLE tracker.observation ADD CONSTRAINT observation_magnitude CHECK (abs(value) <= '1e15');
ALTER TABLE tracker.target ADD CONSTRAINT target_magnitude CHECK (
    amount = 0 OR abs(amount) BETWEEN '1e-6' AND '1e15');
ALTER TABLE tracker.target ADD CONSTRAINT target_growth_valid CHECK (growth > -100);
ALTER TABLE tracker.project DROP CONSTRAINT project_total_investment_check;
ALTER TABLE tracker.project ADD CONSTRAINT project_total_investment_valid
    CHECK (total_investment >= 0 AND total_investment <= '1e15');
ALTER TABLE tracker.project_milestone ADD CONSTRAINT milestone_dates_finite
    CHECK (pg_catalog.isfinite(planned_date) AND pg_catalog.isfinite(actual_date));
ALTER TABLE tracker.project_investment DROP CONSTRAINT project_investment_amount_check;
ALTER TABLE tracker.project_investment ADD CONSTRAINT project_investment_amount_valid
    CHECK (amount >= 0 AND amount <= '1e15');
ALTER TABLE tracker.project_plan DROP CONSTRAINT project_plan_planned_investment_check;
ALTER TABLE tracker.project_plan ADD CONSTRAINT project_plan_planned_investment_valid
    CHECK (planned_investment = 0 OR planned_investment BETWEEN '1e-6' AND '1e15');

-- A region may not be its own ancestor: a cycle (r1 → r2 → r1) has no
-- top, so no subtree or peer group is well defined; and a chain of
-- parents is at most 100 regions long (an administrative hierarchy has
-- fewer than ten levels), which bounds what a check reads. Checked at
-- commit (the parent key is deferred too, so a restore may load regions
-- in any order), from the region's row as it is then: its parents are
-- climbed one index look-up at a time, which ends at the top unless it
-- comes back to this region (a cycle) or passes 100 (a cycle above, left
-- by rows restored with triggers off, or too long a chain); then the
-- levels under it are counted, as a move can lengthen the chains below.
-- Each parent read is locked (FOR SHARE), so that two transactions cannot
-- each close half of a cycle or each lengthen a chain: the second waits
-- for the first and reads its row (READ COMMITTED), fails with 40001
-- (REPEATABLE READ), or one of them is chosen by the deadlock detector
-- (40P01) when both wait. Writing a region with a parent therefore takes
-- UPDATE privilege on tracker.region, besides SELECT. Rejected with
-- check_violation (23514), naming the chain.
CREATE FUNCTION tracker.region_parent_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    node  pg_catalog.text;
    chain pg_catalog.text[] := ARRAY[NEW.code];
    below pg_catalog.int4;
BEGIN
    -- its own row, as this write left it; gone when deleted since
    SELECT r.parent INTO node FROM tracker.region r WHERE r.code = NEW.code;
    IF node IS NOT NULL AND NOT pg_catalog.has_table_privilege('tracker.region', 'UPDATE') THEN
        RAISE EXCEPTION 'writing region % with a parent takes UPDATE privilege on tracker.region', NEW.code
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The check that regions form a tree locks the parents it reads, so that concurrent writers cannot make a cycle.',
                  HINT = 'GRANT SELECT, UPDATE ON tracker.region to the role that writes regions.';
    END IF;
    WHILE node IS NOT NULL LOOP
        chain := chain || node;
        IF node = NEW.code THEN
            RAISE EXCEPTION 'region % is its own ancestor', NEW.code
                USING ERRCODE = 'check_violation',
                      DETAIL = pg_catalog.format('Following parent: %s.',
                                                 pg_catalog.array_to_string(chain, ' → ')),
                      HINT = 'Regions form a tree: give one region of the cycle another parent, or none.';
        END IF;
        IF pg_catalog.cardinality(chain) > 100 THEN
            RAISE EXCEPTION 'the parent chain of region % is more than 100 regions long', NEW.code
                USING ERRCODE = 'check_violation',
                      DETAIL = pg_catalog.format('It runs %s → …', pg_catalog.array_to_string(chain[1:5], ' → ')),
                      HINT = 'Regions form a tree of at most 100 levels; a longer chain holds a cycle or is not a hierarchy.';
        END IF;
        SELECT r.parent INTO node FROM tracker.region r WHERE r.code = node FOR SHARE;
    END LOOP;
    WITH RECURSIVE down (code, depth) AS (
        SELECT c.code, 1 FROM tracker.region c WHERE c.parent = NEW.code
        UNION ALL
        SELECT c.code, down.depth + 1
        FROM down JOIN tracker.region c ON c.parent = down.code
        WHERE down.depth + pg_catalog.cardinality(chain) <= 100)
    SELECT COALESCE(pg_catalog.max(down.depth), 0) INTO below FROM down;
    IF pg_catalog.cardinality(chain) + below > 100 THEN
        RAISE EXCEPTION 'a parent chain through region % is more than 100 regions long', NEW.code
            USING ERRCODE = 'check_violation',
                  DETAIL = pg_catalog.format('%s regions lie above it, itself included, and more than %s levels under it.',
                                             pg_catalog.cardinality(chain), 100 - pg_catalog.cardinality(chain)),
                  HINT = 'Regions form a tree of at most 100 levels; a longer chain holds a cycle or is not a hierarchy.';
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.region_parent_check() IS
    'constraint trigger function: rejects a region whose parent chain leads back to itself or runs over 100 regions (23514)';
CREATE CONSTRAINT TRIGGER region_parent_acyclic
    AFTER INSERT OR UPDATE OF parent ON tracker.region
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION tracker.region_parent_check();

-- A stage's actual date may not precede the actual date of an earlier
-- stage, nor follow that of a later one: a milestone out of order is
-- rejected with check_violation (23514). Writers of one project's
-- milestones take turns on the project's row, so that two transactions
-- cannot each add a milestone the other's contradicts: under READ
-- COMMITTED the second waits for the first and then reads its dates;
-- under REPEATABLE READ or SERIALIZABLE, whose snapshot could not show
-- them, it updates the row, which fails with 40001 (retry) when another
-- transaction has taken its turn since. Writing milestones therefore
-- takes UPDATE privilege on tracker.project.
CREATE OR REPLACE FUNCTION tracker.project_milestone_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    clash record;
BEGIN
    IF NEW.actual_date IS NULL THEN
        RETURN NEW;
    END IF;
    IF NOT pg_catalog.has_table_privilege('tracker.project', 'UPDATE') THEN
        RAISE EXCEPTION 'writing the actual date of a milestone takes UPDATE privilege on tracker.project'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = 'The check of the lifecycle order takes a turn on the project''s row, so that concurrent writers cannot contradict each other.',
                  HINT = 'GRANT SELECT, UPDATE ON tracker.project to the role that writes milestones.';
    END IF;
    IF pg_catalog.current_setting('transaction_isolation') = 'read committed' THEN
        PERFORM FROM tracker.project p WHERE p.id = NEW.project FOR NO KEY UPDATE;
    ELSE
        UPDATE tracker.project p SET name = p.name WHERE p.id = NEW.project;
    END IF;
    SELECT m.stage, m.actual_date INTO clash
    FROM tracker.project_milestone m
    WHERE m.project = NEW.project AND m.stage OPERATOR(pg_catalog.<>) NEW.stage
      AND m.actual_date IS NOT NULL
      AND ((m.stage OPERATOR(pg_catalog.<) NEW.stage AND m.actual_date > NEW.actual_date)
        OR (m.stage OPERATOR(pg_catalog.>) NEW.stage AND m.actual_date < NEW.actual_date))
    ORDER BY m.stage LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'milestone % of project % on % is out of order', NEW.stage, NEW.project, NEW.actual_date
            USING ERRCODE = 'check_violation',
                  DETAIL = format('Stage %s was reached on %s.', clash.stage, clash.actual_date),
                  HINT = 'Stages follow the lifecycle: conceived, signed, registered, land_granted, approved, started, in_statistics, completed, producing, at_capacity.';
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION tracker.project_milestone_check() IS
    'trigger function: rejects a milestone whose actual date runs against the lifecycle order';

-- ---- 4. observation_series_sync runs for its own triggers only (55_observation_series.sql) ----
-- SECURITY DEFINER: roles that may write observations need no privilege
-- on the derived table, and cannot write it directly. So it must run for
-- tracker.observation's own triggers and nothing else: on a table of
-- someone else's its transition tables, their column types' casts, or a
-- pg_temp relation named like them would be theirs, read as a superuser.
-- Nobody may attach it to a trigger (EXECUTE is revoked below; a trigger
-- fires without that check), and it refuses any table but its own.
-- (Its body, bound by OID to the functions it calls: section 10.)
REVOKE EXECUTE ON FUNCTION tracker.observation_series_sync() FROM PUBLIC;

-- ---- 5. rebuild_series (55_observation_series.sql) ----

-- (Made in section 10, with the functions it calls.)

-- ---- 6. Input faults (40_league.sql): NULL decimals mean no rounding ----
COMMENT ON AGGREGATE tracker_0_1_0.league(pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
    'a ranking of entities by value rounded half-even to the published decimals, so 24.14 and 24.06 tie at 24.1; NULL decimals: no rounding';

-- ---- 7. Rates as printed (20_rates.sql) ----
COMMENT ON FUNCTION tracker_0_1_0.round_half_even(pg_catalog.float8, pg_catalog.int4) IS
    'GB/T 8170 rounding (修约) as bulletins print: ties to even, and a value within 2^-50 * (100 + |x|) of a decimal tie rounds as the tie: 24.05 -> 24.0, 24.15 -> 24.2, growth(100.35, 100) -> 0.4';
COMMENT ON FUNCTION tracker_0_1_0.pace(pg_catalog.float8, pg_catalog.float8, tracker_0_1_0.period, tracker_0_1_0.period) IS
    'how far actual is ahead of the target pro rata to time progress through the reporting period, in points of |target| (超/落后序时进度): attainment minus time progress; for a loss limit (target < 0) time progress minus actual / target * 100';
COMMENT ON FUNCTION tracker_0_1_0.pace(pg_catalog.float8, pg_catalog.float8, tracker_0_1_0.period, pg_catalog.date) IS
    'how far actual is ahead of the target pro rata to the days elapsed through as_of, in points of |target|: attainment minus time progress; for a loss limit (target < 0) time progress minus actual / target * 100';
COMMENT ON FUNCTION tracker_0_1_0.required_per_month(pg_catalog.float8, pg_catalog.float8, tracker_0_1_0.period, tracker_0_1_0.period) IS
    'what is still needed per remaining month to meet the target (0 once met; NULL when no time is left); for a loss limit (target < 0) (target - actual) / months left, not clamped: the loss a month may still bring, or the profit it must bring';
COMMENT ON FUNCTION tracker_0_1_0.required_per_month(pg_catalog.float8, pg_catalog.float8, tracker_0_1_0.period, pg_catalog.date) IS
    'what is still needed per remaining month after as_of to meet the target; for a loss limit (target < 0) (target - actual) / months left, not clamped';

CREATE FUNCTION tracker_0_1_0.contribution_from_share(share pg_catalog.float8, part_growth pg_catalog.float8,
                                                total_growth pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution_from_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.contribution_from_share(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'percentage points a part pulls the total (拉动) from what bulletins print: the part''s share of the current total in percent and the growth of the part and of the total, share * part_growth / (100 + part_growth) * (100 + total_growth) / 100; NULL when part_growth = -100 or total_growth <= -100';

CREATE FUNCTION tracker_0_1_0.contribution_share_from_share(share pg_catalog.float8, part_growth pg_catalog.float8,
                                                      total_growth pg_catalog.float8) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'rate_contribution_share_from_share' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.contribution_share_from_share(pg_catalog.float8, pg_catalog.float8, pg_catalog.float8) IS
    'a part''s share of the total''s growth in percent (贡献率) from its share of the current total and the two growth rates: contribution_from_share / total_growth * 100; NULL when total_growth = 0, part_growth = -100 or total_growth <= -100';

CREATE FUNCTION tracker_0_1_0.describe_change(cur pg_catalog.float8, base pg_catalog.float8,
                                        lang pg_catalog.text DEFAULT 'zh') RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_describe_change' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.describe_change(pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'the published wording of the change of a ratio indicator (开工率, 利润率, 失业率) in percentage points, cur - base rounded half-even to one decimal: 提高0.3个百分点, 下降0.3个百分点, 持平 (zh) or up 0.3 points, down 0.3 points, flat (en)';

-- ---- 8. Facts as published (30_series.sql) ----
-- Facts with a level, a published rate, or both; amount and ratio series.
-- The library reads and writes the stored and binary forms of 0.1.0
-- unchanged (version 1) and only values that need it in version 2, so no
-- stored value is rewritten here.
COMMENT ON TYPE tracker_0_1_0.series IS
    'one group''s facts as published: unit and year-to-date facts of one grain, each a level, a published rate, or both; amounts (rates in percent) or ratios (changes in points)';
CREATE FUNCTION tracker_0_1_0.series_kind_sfunc(pg_catalog.internal, tracker_0_1_0.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'series_kind_sfunc' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.series_kind_sfunc(pg_catalog.internal, tracker_0_1_0.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'transition function of series(period, value, growth, kind)';
COMMENT ON AGGREGATE tracker_0_1_0.series(tracker_0_1_0.period, pg_catalog.float8, pg_catalog.float8) IS
    'the facts of a group as published, with published growth rates (NULL: none); a NULL value with a rate is a rate-only fact; implied bases add up';
CREATE AGGREGATE tracker_0_1_0.series(p tracker_0_1_0.period, value pg_catalog.float8, growth pg_catalog.float8, kind pg_catalog.text) (
    SFUNC = tracker_0_1_0.series_kind_sfunc, STYPE = pg_catalog.internal,
    FINALFUNC = tracker_0_1_0.series_final, COMBINEFUNC = tracker_0_1_0.series_combine,
    SERIALFUNC = tracker_0_1_0.series_serialize, DESERIALFUNC = tracker_0_1_0.series_deserialize,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE tracker_0_1_0.series(tracker_0_1_0.period, pg_catalog.float8, pg_catalog.float8, pg_catalog.text) IS
    'the facts of a group as published, of kind amount (NULL: amount; as the three-argument form) or ratio (one row per period, growth the change in points)';
COMMENT ON AGGREGATE tracker_0_1_0.rollup(tracker_0_1_0.series) IS
    'the sum of amount series of one grain, period by period (districts to city); a period where an input has no level has neither level nor rate';
COMMENT ON FUNCTION tracker_0_1_0.yoy(tracker_0_1_0.series, tracker_0_1_0.period) IS
    'growth against the same period a year earlier in percent (同比), in points for a ratio series; the published rate where the period is a fact with one';
COMMENT ON FUNCTION tracker_0_1_0.mom(tracker_0_1_0.series, tracker_0_1_0.period) IS
    'growth against the preceding period of the same length in percent (环比), in points for a ratio series';
COMMENT ON FUNCTION tracker_0_1_0.avg_growth(tracker_0_1_0.series, tracker_0_1_0.period, pg_catalog.int4) IS
    'geometric mean of the yearly comparable rates of p over years years, in percent (两年平均增长); the level ratio where a rate is missing; NULL for a ratio series';
CREATE FUNCTION tracker_0_1_0.kind(s tracker_0_1_0.series) RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'series_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.kind(tracker_0_1_0.series) IS
    'amount (levels add up, rates in percent) or ratio (never added, changes in points)';
COMMENT ON FUNCTION tracker_0_1_0.resample(tracker_0_1_0.series, pg_catalog.text) IS
    'the series at a coarser grain: each derivable unit and year-to-date value, with rates where published; for a ratio series only the facts that are exactly such a period';
COMMENT ON FUNCTION tracker_0_1_0.unnest(tracker_0_1_0.series) IS
    'the facts of the series: period, value (NULL if no level was published), published growth (NULL if none; points for a ratio series), and whether it is year-to-date';
-- Merging: s || newer, the facts of both, newer's where both have one of
-- a period (as jsonb || keeps the right operand's keys). What the series
-- store's append writes: the series of a statement's new facts merged
-- into the stored one (55_observation_series.sql).

CREATE FUNCTION tracker_0_1_0.series_merge(s tracker_0_1_0.series, newer tracker_0_1_0.series)
    RETURNS tracker_0_1_0.series
    AS 'MODULE_PATHNAME', 'series_merge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.series_merge(tracker_0_1_0.series, tracker_0_1_0.series) IS
    'implementation of || for series: every fact of both, the newer series'' where both have a fact of one period; both of one grain and kind (22023 otherwise)';
CREATE OPERATOR tracker_0_1_0.|| (LEFTARG = tracker_0_1_0.series, RIGHTARG = tracker_0_1_0.series,
    FUNCTION = tracker_0_1_0.series_merge);
COMMENT ON OPERATOR tracker_0_1_0.|| (tracker_0_1_0.series, tracker_0_1_0.series) IS
    'the facts of both series, the right one''s where both have a fact of one period (a later publication replaces the earlier); of one grain and kind (22023 otherwise)';

-- ---- 8b. Facts partitioned by period (50_schema.sql, 56_observation_partitions.sql) ----
-- A plain table cannot become a partitioned one. So the table of 0.1.0,
-- renamed, becomes the DEFAULT partition of a new tracker.observation
-- made like it: no row is copied, and it stays registered with
-- pg_extension_config_dump (by OID). Its triggers give way to the
-- partition's (section 20), and the table's own are made on the new one.
-- Done before sections 9 and 10 bind function bodies to
-- tracker.observation, so that they bind to the new table; what
-- sections 9 and 12 change in its checks they change on both at once.
--
-- What a user bound to the old table stays bound to it, now the default
-- partition: views, function bodies, foreign keys. They read or check
-- every fact as long as it holds every fact; tracker.local_partition
-- refuses to add a partition (2BP01) until they are defined again on
-- tracker.observation, and they are named here.
DO $dependents$
DECLARE
    bound pg_catalog.text;
BEGIN
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, 0), ', ')
    INTO bound
    FROM pg_catalog.pg_depend d
    WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.refobjid OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass
      AND d.deptype OPERATOR(pg_catalog.=) 'n'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint c
                      WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
                        AND c.oid OPERATOR(pg_catalog.=) d.objid
                        AND c.conrelid OPERATOR(pg_catalog.=) d.refobjid)
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend x
                      WHERE x.classid OPERATOR(pg_catalog.=) d.classid AND x.objid OPERATOR(pg_catalog.=) d.objid
                        AND x.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
                        AND x.deptype OPERATOR(pg_catalog.=) 'e');
    IF bound IS NOT NULL THEN
        RAISE WARNING 'objects bound to tracker.observation stay with the table 0.1.0 made, now its default partition tracker.observation_default'
            USING DETAIL = pg_catalog.format('They are: %s. They see every fact until a partition is added, which tracker.local_partition refuses until they are defined again.', bound),
                  HINT = 'Define them again on tracker.observation: CREATE OR REPLACE VIEW with the same query binds a view to it.';
    END IF;
END
$dependents$;
ALTER TABLE tracker.observation RENAME TO observation_default;
ALTER INDEX tracker.observation_pkey RENAME TO observation_default_pkey;
ALTER INDEX tracker.observation_indicator_idx RENAME TO observation_default_indicator_region_idx;
ALTER INDEX tracker.observation_period_idx RENAME TO observation_default_period_idx;
DROP TRIGGER observation_series_insert ON tracker.observation_default;
DROP TRIGGER observation_series_update ON tracker.observation_default;
DROP TRIGGER observation_series_delete ON tracker.observation_default;
DROP TRIGGER observation_series_truncate ON tracker.observation_default;
-- Its columns, checks and indexes (named by the table), as 0.1.0 has
-- them here; its foreign keys by hand, which attaching the partition
-- then matches with the old table's.
CREATE TABLE tracker.observation (LIKE tracker.observation_default INCLUDING ALL) PARTITION BY RANGE (period);
ALTER INDEX tracker.observation_indicator_region_idx RENAME TO observation_indicator_idx;
ALTER TABLE tracker.observation
    ADD CONSTRAINT observation_region_fkey FOREIGN KEY (region) REFERENCES tracker.region (code),
    ADD CONSTRAINT observation_indicator_fkey FOREIGN KEY (indicator) REFERENCES tracker.indicator (code);
ALTER TABLE tracker.observation ATTACH PARTITION tracker.observation_default DEFAULT;
-- A plain table's key and foreign keys are marked not inheritable, and
-- attaching it leaves them so; a partition made as one has them
-- inherited from its table, as they now are.
UPDATE pg_catalog.pg_constraint c SET connoinherit = false
WHERE c.conrelid OPERATOR(pg_catalog.=) 'tracker.observation_default'::pg_catalog.regclass
  AND c.conparentid OPERATOR(pg_catalog.<>) 0;
CREATE TRIGGER observation_series_insert AFTER INSERT ON tracker.observation
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE TRIGGER observation_series_update AFTER UPDATE ON tracker.observation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE TRIGGER observation_series_delete AFTER DELETE ON tracker.observation
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE TRIGGER observation_series_truncate AFTER TRUNCATE ON tracker.observation
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
-- Privileges: the install's grant (90_grants.sql), which pg_init_privs
-- records as a fresh install does; then every privilege on the old table
-- as it stands, grantors included, so that the roles the office granted
-- to keep what they had, and can be revoked by whom granted them (the
-- catalogs copied, as no GRANT can name another grantor; with the shared
-- dependencies that DROP ROLE checks). The default partition keeps them
-- too; a fresh install grants it as the table, and records the same
-- initial privileges for both (which section 2, revoking on the old table
-- within this script, has recorded as they then were: others' grants too).
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON tracker.observation TO @extowner@ WITH GRANT OPTION;
UPDATE pg_catalog.pg_init_privs d SET initprivs = r.initprivs
FROM pg_catalog.pg_init_privs r
WHERE d.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objoid OPERATOR(pg_catalog.=) 'tracker.observation_default'::pg_catalog.regclass
  AND d.objsubid OPERATOR(pg_catalog.=) 0
  AND r.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
  AND r.objoid OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass
  AND r.objsubid OPERATOR(pg_catalog.=) 0;
DELETE FROM pg_catalog.pg_init_privs d
WHERE d.classoid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.objoid OPERATOR(pg_catalog.=) 'tracker.observation_default'::pg_catalog.regclass
  AND d.objsubid OPERATOR(pg_catalog.<>) 0;
DO $privileges$
DECLARE
    old pg_catalog.oid := 'tracker.observation_default'::pg_catalog.regclass;
    new pg_catalog.oid := 'tracker.observation'::pg_catalog.regclass;
BEGIN
    UPDATE pg_catalog.pg_class c
    SET relacl = (SELECT o.relacl FROM pg_catalog.pg_class o WHERE o.oid OPERATOR(pg_catalog.=) old)
    WHERE c.oid OPERATOR(pg_catalog.=) new;
    UPDATE pg_catalog.pg_attribute a
    SET attacl = o.attacl
    FROM pg_catalog.pg_attribute o
    WHERE a.attrelid OPERATOR(pg_catalog.=) new AND o.attrelid OPERATOR(pg_catalog.=) old
      AND o.attname OPERATOR(pg_catalog.=) a.attname AND a.attnum OPERATOR(pg_catalog.>) 0
      AND NOT o.attisdropped AND o.attacl IS NOT NULL;
    DELETE FROM pg_catalog.pg_shdepend s
    WHERE s.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
      AND s.objid OPERATOR(pg_catalog.=) new AND s.deptype OPERATOR(pg_catalog.=) 'a';
    INSERT INTO pg_catalog.pg_shdepend (dbid, classid, objid, objsubid, refclassid, refobjid, deptype)
    SELECT s.dbid, s.classid, new, COALESCE(a.attnum, 0), s.refclassid, s.refobjid, s.deptype
    FROM pg_catalog.pg_shdepend s
    LEFT JOIN pg_catalog.pg_attribute o
      ON s.objsubid OPERATOR(pg_catalog.<>) 0 AND o.attrelid OPERATOR(pg_catalog.=) old
     AND o.attnum OPERATOR(pg_catalog.=) s.objsubid
    LEFT JOIN pg_catalog.pg_attribute a
      ON a.attrelid OPERATOR(pg_catalog.=) new AND a.attname OPERATOR(pg_catalog.=) o.attname
    WHERE s.dbid OPERATOR(pg_catalog.=) (SELECT d.oid FROM pg_catalog.pg_database d
                                         WHERE d.datname OPERATOR(pg_catalog.=) pg_catalog.current_database())
      AND s.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
      AND s.objid OPERATOR(pg_catalog.=) old
      AND s.deptype OPERATOR(pg_catalog.=) 'a'
      AND (s.objsubid OPERATOR(pg_catalog.=) 0 OR a.attnum IS NOT NULL);
END
$privileges$;

-- ---- 9. Rate-only facts and ratio indicators (50_schema.sql, 55_observation_series.sql, 60_projects.sql) ----
-- Added last in the table, where a fresh install declares it too.
ALTER TABLE tracker.indicator
    ADD COLUMN kind pg_catalog.text NOT NULL DEFAULT 'amount',
    ADD CONSTRAINT indicator_kind CHECK (kind IN ('amount', 'ratio'));
COMMENT ON TABLE tracker.indicator IS
    'economic indicators: how they are named, their unit, whether lower is better, the decimals bulletins print, and their kind (amount or ratio)';
ALTER TABLE tracker.observation ALTER COLUMN value DROP NOT NULL;
ALTER TABLE tracker.observation
    ADD CONSTRAINT observation_value_or_growth CHECK (value IS NOT NULL OR growth IS NOT NULL);
COMMENT ON TABLE tracker.observation IS
    'facts as published: for one unit (a month) or a year-to-date span (1-7月), a value, the published growth rate (percent; points for a ratio indicator), or both';
COMMENT ON FUNCTION tracker.observation_series_sync() IS
    'trigger function: keeps tracker.observation_series for the regions, indicators and grains a statement on tracker.observation touched (an insert merges its facts in, an update or delete rebuilds), and rebuilds it for indicators whose kind changed';
CREATE TRIGGER indicator_series_kind AFTER UPDATE ON tracker.indicator
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_series_sync();
CREATE OR REPLACE FUNCTION tracker.consistency(p tracker_0_1_0.period)
RETURNS TABLE (kind pg_catalog.text, parent pg_catalog.text, indicator pg_catalog.text,
               period tracker_0_1_0.period, parent_value pg_catalog.float8, children_sum pg_catalog.float8,
               difference pg_catalog.float8, children pg_catalog.int4)
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    WITH figures AS (
        -- amounts only: a ratio's figures (开工率) do not add up
        SELECT 'target'::pg_catalog.text AS kind, t.region, t.indicator, t.amount AS value
        FROM tracker.target t
        JOIN tracker.indicator i ON i.code OPERATOR(pg_catalog.=) t.indicator
        WHERE t.period OPERATOR(tracker_0_1_0.=) p AND t.amount IS NOT NULL
          AND i.kind OPERATOR(pg_catalog.=) 'amount'
        UNION ALL
        -- each region's facts of the years p touches, read at p
        SELECT 'observation'::pg_catalog.text, o.region, o.indicator,
               tracker_0_1_0.value(tracker_0_1_0.series(o.period, o.value, o.growth), p)
        FROM tracker.observation o
        JOIN tracker.indicator i ON i.code OPERATOR(pg_catalog.=) o.indicator
        WHERE o.period OPERATOR(tracker_0_1_0.&&)
              tracker_0_1_0.span(tracker_0_1_0.period(tracker_0_1_0.start_date(p), 'year'),
                           tracker_0_1_0.period(tracker_0_1_0.end_date(p), 'year'))
          AND i.kind OPERATOR(pg_catalog.=) 'amount'
        GROUP BY o.region, o.indicator
    ),
    compared AS (
        SELECT f.kind, f.region AS parent, f.indicator, f.value AS parent_value,
               pg_catalog.sum(c.value) AS children_sum, pg_catalog.count(c.value) AS children
        FROM figures f
        JOIN tracker.region r ON r.parent OPERATOR(pg_catalog.=) f.region
        LEFT JOIN figures c
               ON c.kind OPERATOR(pg_catalog.=) f.kind
              AND c.region OPERATOR(pg_catalog.=) r.code
              AND c.indicator OPERATOR(pg_catalog.=) f.indicator
        WHERE f.value IS NOT NULL
        GROUP BY f.kind, f.region, f.indicator, f.value
    )
    SELECT x.kind, x.parent, x.indicator, p, x.parent_value, x.children_sum,
           (x.parent_value OPERATOR(pg_catalog.-) x.children_sum), x.children::pg_catalog.int4
    FROM compared x
    WHERE x.children OPERATOR(pg_catalog.>) 0
      AND pg_catalog.abs(x.parent_value OPERATOR(pg_catalog.-) x.children_sum)
          OPERATOR(pg_catalog.>)
          (1e-9::pg_catalog.float8 OPERATOR(pg_catalog.*)
           GREATEST(1::pg_catalog.float8, pg_catalog.abs(x.parent_value)))
    ORDER BY x.kind, x.parent, x.indicator;
END;
COMMENT ON FUNCTION tracker.consistency(tracker_0_1_0.period) IS
    'parents whose own target amount or observed value for p differs from the sum of their children''s (children without a figure left out; amount indicators only, as ratios do not add up)';

-- ---- 10. The store's upkeep, bound by OID (55_observation_series.sql) ----
-- The store's SQL, bound to the extension's functions by OID. The
-- functions and aggregates that build a series live in the schema named
-- at CREATE EXTENSION, which its owner may rename and fill with look-
-- alikes; code that runs with more rights than its caller must not find
-- them by name. Bodies in SQL-standard form (BEGIN ATOMIC) are parsed
-- once, here, and keep the OIDs they found; the plpgsql trigger below
-- names nothing but these, schema tracker's tables and pg_catalog.

-- The grain of a stored fact, which keys its series.
CREATE FUNCTION tracker.observation_grain(p tracker_0_1_0.period) RETURNS pg_catalog.text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT tracker_0_1_0.grain(p);
END;
COMMENT ON FUNCTION tracker.observation_grain(tracker_0_1_0.period) IS
    'the grain of a period (year, half, quarter, month, week, day), bound by OID for the series store''s upkeep';

-- Rebuild the given (region, indicator, grain) series, under the locks
-- of their rows, taken in one order (see observation_series_sync). The
-- callers pass the keys in key order, so that the rows inserted and
-- rewritten follow it wherever the plan walks the keys: a scoreboard
-- reads the store in table order and looks each row up by region and
-- indicator, which stays in cache when consecutive rows are neighbours
-- (a store rewritten in hash order cost a 100 ms board about 7 ms).
CREATE FUNCTION tracker.observation_series_write(regions pg_catalog.text[],
                                                 indicators pg_catalog.text[],
                                                 grains pg_catalog.text[])
RETURNS void
LANGUAGE sql VOLATILE
BEGIN ATOMIC
    INSERT INTO tracker.observation_series (region, indicator, grain)
    SELECT k.region, k.indicator, k.grain
    FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
    ON CONFLICT DO NOTHING;
    SELECT FROM tracker.observation_series s
    JOIN ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
      ON s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
     AND s.grain OPERATOR(pg_catalog.=) k.grain
    ORDER BY s.region, s.indicator, s.grain
    FOR UPDATE OF s;
    UPDATE tracker.observation_series s
    SET series = (SELECT tracker_0_1_0.series(o.period, o.value, o.growth, i.kind)
                  FROM tracker.observation o JOIN tracker.indicator i
                    ON i.code OPERATOR(pg_catalog.=) o.indicator
                  WHERE o.region OPERATOR(pg_catalog.=) s.region
                    AND o.indicator OPERATOR(pg_catalog.=) s.indicator
                    AND tracker_0_1_0.grain(o.period) OPERATOR(pg_catalog.=) s.grain)
    FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
    WHERE s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
      AND s.grain OPERATOR(pg_catalog.=) k.grain;
    DELETE FROM tracker.observation_series s
    USING ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(grains)) k(region, indicator, grain)
    WHERE s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
      AND s.grain OPERATOR(pg_catalog.=) k.grain
      AND s.series IS NULL;
END;
COMMENT ON FUNCTION tracker.observation_series_write(pg_catalog.text[], pg_catalog.text[], pg_catalog.text[]) IS
    'rebuilds the stored series of the given regions, indicators and grains (parallel arrays) from tracker.observation; for the store''s triggers';
REVOKE EXECUTE ON FUNCTION tracker.observation_series_write(pg_catalog.text[], pg_catalog.text[], pg_catalog.text[]) FROM PUBLIC;

-- Merge a statement's new facts (parallel arrays: the rows it inserted)
-- into their stored series: the stored series || the series of its new
-- facts, so an append costs what it adds, not what the series holds. The
-- result is the rebuild's: the key of tracker.observation gives each
-- period one row, so a stored fact is the one its row makes, and a new
-- fact of a period the store holds already (a store left behind by
-- writes without triggers) replaces it.
--
-- The rows of the series that exist are locked first, in
-- observation_series_write's order; then, in a fresh snapshot (READ
-- COMMITTED), each series is merged into, or made, in that order too
-- (INSERT ... ON CONFLICT DO UPDATE, which takes the row as the last
-- writer left it). So the new facts' kind is the indicator's as the last
-- writer left it, a series that another writer emptied and deleted
-- meanwhile is made again, and two appenders that make one new series
-- take turns on its key. A stored series of another kind than the
-- indicator's (its kind changed with triggers off) is rebuilt from every
-- fact instead, in the indicator's kind.
CREATE FUNCTION tracker.observation_series_append(regions pg_catalog.text[],
                                                  indicators pg_catalog.text[],
                                                  periods tracker_0_1_0.period[],
                                                  vals pg_catalog.float8[],
                                                  growths pg_catalog.float8[])
RETURNS void
LANGUAGE sql VOLATILE
BEGIN ATOMIC
    SELECT FROM tracker.observation_series s
    JOIN (SELECT DISTINCT f.region, f.indicator, tracker_0_1_0.grain(f.period) AS grain
          FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(periods)) f(region, indicator, period)) k
      ON s.region OPERATOR(pg_catalog.=) k.region AND s.indicator OPERATOR(pg_catalog.=) k.indicator
     AND s.grain OPERATOR(pg_catalog.=) k.grain
    ORDER BY s.region, s.indicator, s.grain
    FOR UPDATE OF s;
    INSERT INTO tracker.observation_series AS s (region, indicator, grain, series)
    SELECT n.region, n.indicator, n.grain, n.series
    FROM (SELECT f.region, f.indicator, tracker_0_1_0.grain(f.period) AS grain,
                 tracker_0_1_0.series(f.period, f.value, f.growth, i.kind) AS series
          FROM ROWS FROM (pg_catalog.unnest(regions), pg_catalog.unnest(indicators), pg_catalog.unnest(periods),
                          pg_catalog.unnest(vals), pg_catalog.unnest(growths)) f(region, indicator, period, value, growth)
          JOIN tracker.indicator i ON i.code OPERATOR(pg_catalog.=) f.indicator
          GROUP BY f.region, f.indicator, tracker_0_1_0.grain(f.period), i.kind) n
    WHERE n.series IS NOT NULL
    ORDER BY n.region, n.indicator, n.grain
    ON CONFLICT (region, indicator, grain) DO UPDATE
    SET series = CASE
        WHEN s.series IS NULL THEN excluded.series
        WHEN tracker_0_1_0.kind(s.series) OPERATOR(pg_catalog.=) tracker_0_1_0.kind(excluded.series)
            THEN s.series OPERATOR(tracker_0_1_0.||) excluded.series
        ELSE (SELECT tracker_0_1_0.series(o.period, o.value, o.growth, i.kind)
              FROM tracker.observation o JOIN tracker.indicator i
                ON i.code OPERATOR(pg_catalog.=) o.indicator
              WHERE o.region OPERATOR(pg_catalog.=) s.region
                AND o.indicator OPERATOR(pg_catalog.=) s.indicator
                AND tracker_0_1_0.grain(o.period) OPERATOR(pg_catalog.=) s.grain)
        END;
END;
COMMENT ON FUNCTION tracker.observation_series_append(pg_catalog.text[], pg_catalog.text[], tracker_0_1_0.period[], pg_catalog.float8[], pg_catalog.float8[]) IS
    'merges new facts (parallel arrays of region, indicator, period, value and growth: the rows a statement inserted) into their stored series in tracker.observation_series, making the series that are new; a new fact replaces a stored one of its period; for the store''s insert trigger';
REVOKE EXECUTE ON FUNCTION tracker.observation_series_append(pg_catalog.text[], pg_catalog.text[], tracker_0_1_0.period[], pg_catalog.float8[], pg_catalog.float8[]) FROM PUBLIC;

-- Every stored series of a region and/or indicator (NULL: any), written
-- anew in key order (see observation_series_write); returns how many. For
-- rebuild_series.
CREATE FUNCTION tracker.observation_series_rebuild(region pg_catalog.text, indicator pg_catalog.text)
RETURNS pg_catalog.int8
LANGUAGE sql VOLATILE
BEGIN ATOMIC
    DELETE FROM tracker.observation_series s
    WHERE (observation_series_rebuild.region IS NULL
           OR s.region OPERATOR(pg_catalog.=) observation_series_rebuild.region)
      AND (observation_series_rebuild.indicator IS NULL
           OR s.indicator OPERATOR(pg_catalog.=) observation_series_rebuild.indicator);
    WITH written AS (
        INSERT INTO tracker.observation_series (region, indicator, grain, series)
        SELECT o.region, o.indicator, tracker_0_1_0.grain(o.period),
               tracker_0_1_0.series(o.period, o.value, o.growth, i.kind)
        FROM tracker.observation o JOIN tracker.indicator i
          ON i.code OPERATOR(pg_catalog.=) o.indicator
        WHERE (observation_series_rebuild.region IS NULL
               OR o.region OPERATOR(pg_catalog.=) observation_series_rebuild.region)
          AND (observation_series_rebuild.indicator IS NULL
               OR o.indicator OPERATOR(pg_catalog.=) observation_series_rebuild.indicator)
        GROUP BY o.region, o.indicator, tracker_0_1_0.grain(o.period)
        ORDER BY o.region, o.indicator, tracker_0_1_0.grain(o.period)
        RETURNING 1)
    SELECT pg_catalog.count(*) FROM written;
END;
COMMENT ON FUNCTION tracker.observation_series_rebuild(pg_catalog.text, pg_catalog.text) IS
    'deletes and writes anew the stored series of a region and/or indicator (NULL: any) from tracker.observation; returns the number written; for rebuild_series';
REVOKE EXECUTE ON FUNCTION tracker.observation_series_rebuild(pg_catalog.text, pg_catalog.text) FROM PUBLIC;

-- The number of facts of two periods (an index-only scan of the period
-- index), for scoreboard's check that the store is current
-- (src/series_store.c), which must not name the period's operators.
CREATE FUNCTION tracker.observation_count(a tracker_0_1_0.period, b tracker_0_1_0.period)
RETURNS pg_catalog.int8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*) FROM tracker.observation o
    WHERE o.period OPERATOR(tracker_0_1_0.=) ANY (ARRAY[a, b]);
END;
COMMENT ON FUNCTION tracker.observation_count(tracker_0_1_0.period, tracker_0_1_0.period) IS
    'the number of rows of tracker.observation for either of two periods; for scoreboard''s check that the series store is current';

CREATE OR REPLACE FUNCTION tracker.observation_series_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    regions     text[];
    indicators  text[];
    grains      text[];
BEGIN
    IF TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR NOT (TG_RELID OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass
               OR (TG_RELID OPERATOR(pg_catalog.=) 'tracker.indicator'::pg_catalog.regclass
                   AND TG_OP = 'UPDATE')) THEN
        RAISE EXCEPTION 'tracker.observation_series_sync() keeps tracker.observation_series and runs only for the triggers of tracker.observation and tracker.indicator'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_RELID OPERATOR(pg_catalog.=) 'tracker.indicator'::pg_catalog.regclass THEN
        -- An indicator that changes kind: its series are read otherwise.
        SELECT array_agg(s.region ORDER BY s.region, s.indicator, s.grain),
               array_agg(s.indicator ORDER BY s.region, s.indicator, s.grain),
               array_agg(s.grain ORDER BY s.region, s.indicator, s.grain)
        INTO regions, indicators, grains
        FROM tracker.observation_series s
        JOIN new_rows n ON n.code = s.indicator
        JOIN old_rows o ON o.code = n.code
        WHERE n.kind <> o.kind;
    ELSIF TG_OP = 'TRUNCATE' THEN
        TRUNCATE tracker.observation_series;
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        -- New facts merge into their series (no variable holds the
        -- periods: its type would be named, in the user-facing schema).
        PERFORM tracker.observation_series_append(a.regions, a.indicators, a.periods, a.vals, a.growths)
        FROM (SELECT array_agg(n.region) AS regions, array_agg(n.indicator) AS indicators,
                     array_agg(n.period) AS periods, array_agg(n.value) AS vals,
                     array_agg(n.growth) AS growths
              FROM new_rows n) a
        WHERE a.regions IS NOT NULL;
        RETURN NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(k.region ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.indicator ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.grain ORDER BY k.region, k.indicator, k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT o.region, o.indicator, tracker.observation_grain(o.period) AS grain
              FROM old_rows o) k;
    ELSE
        SELECT array_agg(k.region ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.indicator ORDER BY k.region, k.indicator, k.grain),
               array_agg(k.grain ORDER BY k.region, k.indicator, k.grain)
        INTO regions, indicators, grains
        FROM (SELECT n.region, n.indicator, tracker.observation_grain(n.period) AS grain FROM new_rows n
              UNION
              SELECT o.region, o.indicator, tracker.observation_grain(o.period) FROM old_rows o) k;
    END IF;
    IF regions IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM tracker.observation_series_write(regions, indicators, grains);
    RETURN NULL;
END $$;

-- rebuild_series: the store from scratch, for all observations or those
-- of one region and/or indicator (NULL: any). The upkeep triggers do not
-- fire when observations are written with triggers disabled —
-- pg_restore --disable-triggers, session_replication_role = replica on a
-- logical replication subscriber — and scoreboard() then refuses to read
-- a store that misses the facts of its period (55000) until this has run.
-- It takes a lock on tracker.observation that lets readers on and makes
-- writers (and another rebuild) wait, and rewrites the store with DELETE,
-- so that boards read the old series until it commits (TRUNCATE would
-- block them). It runs READ COMMITTED only: its statements then read the
-- observations as they are once the lock is held, where a snapshot taken
-- earlier would write back series older than the triggers' (and so could
-- anyone who may call it, from any snapshot they keep open). SECURITY
-- DEFINER like the triggers, and for the same reason: only they write
-- the store; EXECUTE is the installing role's, to grant on.
CREATE FUNCTION tracker.rebuild_series(region pg_catalog.text DEFAULT NULL,
                                       indicator pg_catalog.text DEFAULT NULL)
RETURNS pg_catalog.int8
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    written pg_catalog.int8;
BEGIN
    IF pg_catalog.current_setting('transaction_isolation') OPERATOR(pg_catalog.<>) 'read committed' THEN
        RAISE EXCEPTION 'tracker.rebuild_series() runs only in a READ COMMITTED transaction'
            USING ERRCODE = 'invalid_transaction_state',
                  DETAIL = pg_catalog.format('This transaction is %s: it would rebuild the store from observations as they were when it began, not as they are.',
                                             pg_catalog.current_setting('transaction_isolation')),
                  HINT = 'Call it in its own READ COMMITTED transaction.';
    END IF;
    LOCK TABLE tracker.observation IN SHARE ROW EXCLUSIVE MODE;
    written := tracker.observation_series_rebuild(rebuild_series.region, rebuild_series.indicator);
    RETURN written;
END $$;
COMMENT ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) IS
    'rebuilds tracker.observation_series from tracker.observation, for all or one region and/or indicator (NULL: any); returns the number of series written; after writes that skipped its triggers (pg_restore --disable-triggers, a replication subscriber)';
REVOKE EXECUTE ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) TO @extowner@ WITH GRANT OPTION;

-- ---- 11. Comments that named the types under schema tracker ----
COMMENT ON SCHEMA tracker IS
    'tracker: the reference tables of campaign offices (regions, indicators, facts as published, targets, projects), the stored series, and the scoreboard over them; owned by the superuser, made and dropped with the extension (its types and functions are in the schema named at CREATE EXTENSION); an office adds its own columns and indexes to the tables through tracker.local_addition';
COMMENT ON FUNCTION tracker_0_1_0.period_in(pg_catalog.cstring) IS
    'text input of period';
COMMENT ON FUNCTION tracker_0_1_0.period_out(tracker_0_1_0.period) IS
    'canonical text output of period';
COMMENT ON FUNCTION tracker_0_1_0.period_recv(pg_catalog.internal) IS
    'binary input of period';
COMMENT ON FUNCTION tracker_0_1_0.period_send(tracker_0_1_0.period) IS
    'binary output of period';
COMMENT ON FUNCTION tracker_0_1_0.is_period(pg_catalog.text) IS
    'true when the text is a valid period, without raising an error';
COMMENT ON FUNCTION tracker_0_1_0.series_in(pg_catalog.cstring) IS
    'text input of series';
COMMENT ON FUNCTION tracker_0_1_0.series_out(tracker_0_1_0.series) IS
    'text output of series';
COMMENT ON FUNCTION tracker_0_1_0.series_recv(pg_catalog.internal) IS
    'binary input of series';
COMMENT ON FUNCTION tracker_0_1_0.series_send(tracker_0_1_0.series) IS
    'binary output of series';
COMMENT ON FUNCTION tracker_0_1_0.league_in(pg_catalog.cstring) IS
    'text input of league';
COMMENT ON FUNCTION tracker_0_1_0.league_out(tracker_0_1_0.league) IS
    'text output of league';
COMMENT ON FUNCTION tracker_0_1_0.league_recv(pg_catalog.internal) IS
    'binary input of league';
COMMENT ON FUNCTION tracker_0_1_0.league_send(tracker_0_1_0.league) IS
    'binary output of league';
COMMENT ON TABLE tracker.observation_series IS
    'derived: series(period, value, growth) of each region, indicator and grain of tracker.observation, maintained by triggers';

-- ---- 12. Facts: a growth of -100% or less is its own rule (50_schema.sql) ----
ALTER TABLE tracker.observation
    DROP CONSTRAINT observation_finite,
    ADD CONSTRAINT observation_finite CHECK (
        value > '-Infinity' AND value < 'Infinity'
        AND growth > '-Infinity' AND growth < 'Infinity'),
    ADD CONSTRAINT observation_growth_valid CHECK (growth > -100);

-- ---- 13. scoreboard(p) as of the end of p, NULL as_of too; filters (70_scoreboard.sql) ----
-- 0.1.0's scoreboard(p, as_of) takes its new arguments in place: a
-- materialized view over it (the usual way to publish a board) refers
-- to this function, which DROP would refuse and CREATE OR REPLACE cannot
-- give more arguments. Its catalog row takes the signature of a function
-- made with the new one, so that it is what CREATE FUNCTION writes; a
-- view's stored call keeps its two arguments, and the C function reads
-- the filters only when they are passed.
CREATE FUNCTION tracker.scoreboard_0_2_0(p tracker_0_1_0.period, as_of pg_catalog.date DEFAULT NULL,
                                   indicators pg_catalog.text[] DEFAULT NULL,
                                   under pg_catalog.text DEFAULT NULL,
                                   peer_group pg_catalog.text DEFAULT NULL,
                                   source pg_catalog.regnamespace DEFAULT NULL)
RETURNS TABLE (
    region pg_catalog.text, region_name pg_catalog.text,
    indicator pg_catalog.text, indicator_name pg_catalog.text, unit_label pg_catalog.text,
    period pg_catalog.text, value pg_catalog.float8, base pg_catalog.float8,
    growth pg_catalog.float8,
    target_period pg_catalog.text, target_amount pg_catalog.float8,
    actual pg_catalog.float8, attainment pg_catalog.float8,
    target_growth pg_catalog.float8, growth_gap pg_catalog.float8,
    time_progress pg_catalog.float8, pace pg_catalog.float8, light pg_catalog.text,
    peers pg_catalog.int4, rank_growth pg_catalog.int4, rank_amount pg_catalog.int4,
    rank_change pg_catalog.int4, gap_to_leader pg_catalog.float8)
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'scoreboard';
UPDATE pg_catalog.pg_proc o
SET proisstrict = n.proisstrict, provolatile = n.provolatile, proparallel = n.proparallel,
    pronargs = n.pronargs, pronargdefaults = n.pronargdefaults, proargtypes = n.proargtypes,
    proallargtypes = n.proallargtypes, proargmodes = n.proargmodes, proargnames = n.proargnames,
    proargdefaults = n.proargdefaults, prosrc = n.prosrc, probin = n.probin, procost = n.procost,
    prorows = n.prorows
FROM pg_catalog.pg_proc n
WHERE o.oid OPERATOR(pg_catalog.=) 'tracker.scoreboard(tracker_0_1_0.period, pg_catalog.date)'::pg_catalog.regprocedure
  AND n.oid OPERATOR(pg_catalog.=) 'tracker.scoreboard_0_2_0(tracker_0_1_0.period, pg_catalog.date, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace)'::pg_catalog.regprocedure;
DROP FUNCTION tracker.scoreboard_0_2_0(tracker_0_1_0.period, pg_catalog.date, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace);
COMMENT ON FUNCTION tracker.scoreboard(tracker_0_1_0.period, pg_catalog.date, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace) IS
    'the 晾晒表 for period p as of a date (NULL or omitted: the last day of p): per region and indicator the value, base, growth, target attainment, pace, light, and ranks among peers with their change; filters (NULL: all): indicators (codes), under (a region: it and its subtree), peer_group (regions of that peer group), read through the primary keys, ranks always among all peers; source: a schema whose observation and observation_series (tracker''s columns) are read instead of tracker''s, such as a sharded deployment''s foreign tables; NULL p or a NULL in indicators: 22004; indicators of more than one dimension: 2202E; an unknown indicator, region or peer group: 42704; a source without those tables or columns: 42P01, 42703, 42804';

-- The facts of two periods among some regions and indicators: the store
-- check of a filtered board (src/series_store.c), one probe of the
-- primary key per region, indicator and period. A SQL function's plan is
-- generic, made before the arrays are seen: written as
-- "o.region = ANY (regions) AND … o.period = ANY (ARRAY[a, b])" it
-- scanned the period index and searched each row's region in the array
-- (0.8 s for 3,000 regions and one indicator over 3.6M facts); as
-- lateral probes with every key column equal, 26 ms.
CREATE FUNCTION tracker.observation_count(a tracker_0_1_0.period, b tracker_0_1_0.period,
                                          regions pg_catalog.text[], indicators pg_catalog.text[])
RETURNS pg_catalog.int8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT pg_catalog.count(*)
    FROM (SELECT DISTINCT pg_catalog.unnest(regions) AS code) r
    CROSS JOIN (SELECT DISTINCT pg_catalog.unnest(indicators) AS code) i
    CROSS JOIN LATERAL (
        SELECT FROM tracker.observation o
        WHERE o.region OPERATOR(pg_catalog.=) r.code AND o.indicator OPERATOR(pg_catalog.=) i.code
          AND o.period OPERATOR(tracker_0_1_0.=) a
        UNION ALL
        SELECT FROM tracker.observation o
        WHERE o.region OPERATOR(pg_catalog.=) r.code AND o.indicator OPERATOR(pg_catalog.=) i.code
          AND o.period OPERATOR(tracker_0_1_0.=) b AND b OPERATOR(tracker_0_1_0.<>) a) x;
END;
COMMENT ON FUNCTION tracker.observation_count(tracker_0_1_0.period, tracker_0_1_0.period, pg_catalog.text[], pg_catalog.text[]) IS
    'the number of rows of tracker.observation for either of two periods among the given regions and indicators; for a filtered scoreboard''s check that the series store is current';

-- ---- 14. An office's own columns and indexes (57_local_addition.sql, 90_grants.sql) ----
-- local_addition: an office's own columns and indexes on the reference
-- tables. The tables belong to the superuser, so that nothing of the
-- installing role's runs when a superuser writes them (no triggers,
-- defaults, checks or index expressions of theirs); a row here is a
-- column or an index that the trigger below adds for them, limited to
-- what runs no code of anyone's: a column of a built-in base type (or
-- one of the extension's own types), without default or constraint; an
-- index on plain columns with the default operator class. Deleting the
-- row drops it. Registered with pg_extension_config_dump and named to
-- sort first, so that pg_dump writes these rows before the tables' rows
-- and a restore (with triggers, as by default) adds the columns before
-- their data arrives and the indexes with it.
CREATE TABLE tracker.local_addition (
    relation   pg_catalog.text NOT NULL,
    name       pg_catalog.text NOT NULL,
    kind       pg_catalog.text NOT NULL,
    type       pg_catalog.text,
    columns    pg_catalog.text[],
    method     pg_catalog.text NOT NULL DEFAULT 'btree',
    is_unique  pg_catalog.bool NOT NULL DEFAULT false,
    comment    pg_catalog.text,
    PRIMARY KEY (relation, name),
    -- A longer name would be cut to 63 bytes by CREATE and then not found
    -- by the DROP of its row.
    CONSTRAINT local_addition_name CHECK (pg_catalog.octet_length(name) BETWEEN 1 AND 63),
    CONSTRAINT local_addition_kind CHECK (
        (kind = 'column' AND type IS NOT NULL AND columns IS NULL)
        OR (kind = 'index' AND type IS NULL AND columns IS NOT NULL))
);
COMMENT ON TABLE tracker.local_addition IS
    'an office''s own columns and indexes on the reference tables: inserting a row adds one, deleting it drops it; pg_dump keeps the rows and a restore adds them again';
COMMENT ON COLUMN tracker.local_addition.relation IS
    'the reference table, by name in schema tracker: region, indicator, observation, target, project, project_milestone, project_investment or project_plan';
COMMENT ON COLUMN tracker.local_addition.name IS
    'the name of the new column, or of the new index (in schema tracker)';
COMMENT ON COLUMN tracker.local_addition.kind IS 'column or index';
COMMENT ON COLUMN tracker.local_addition.type IS
    'for a column: its type, a built-in base type (text, numeric, date, int4, jsonb, ...) or one of the extension''s types; NULL for an index';
COMMENT ON COLUMN tracker.local_addition.columns IS
    'for an index: the columns it covers, in order; NULL for a column';
COMMENT ON COLUMN tracker.local_addition.method IS
    'for an index: btree (the default), hash or brin';
COMMENT ON COLUMN tracker.local_addition.is_unique IS
    'for a btree index: whether it is unique';
COMMENT ON COLUMN tracker.local_addition.comment IS
    'the comment the column or index gets (COMMENT ON), or NULL';

-- Runs as the superuser who owns the tables. Everything it writes into
-- DDL is either checked against the catalogs or quoted (%I); the type is
-- one of the extension's by its bare name, or found with only pg_catalog
-- on the search_path, and must then be a base type (or enum) of
-- pg_catalog or a member of the extension, whose input and output run
-- no code of the installing role's.
CREATE FUNCTION tracker.local_addition_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    rel       pg_catalog.regclass;
    typ       pg_catalog.oid;
    col       pg_catalog.text;
    cols      pg_catalog.text[] := '{}';
    own       pg_catalog.text[] := ARRAY['region', 'indicator', 'observation', 'target', 'project',
                                         'project_milestone', 'project_investment', 'project_plan'];
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'tracker.local_addition'::pg_catalog.regclass
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
        RAISE EXCEPTION 'tracker.local_addition_apply() runs only for tracker.local_addition'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a local addition cannot be changed in place'
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Delete the row (which drops the column or index) and insert a new one.';
    END IF;
    IF TG_OP = 'DELETE' THEN
        IF OLD.kind = 'column' THEN
            EXECUTE pg_catalog.format('ALTER TABLE tracker.%I DROP COLUMN IF EXISTS %I', OLD.relation, OLD.name);
        ELSE
            EXECUTE pg_catalog.format('DROP INDEX IF EXISTS tracker.%I', OLD.name);
        END IF;
        RETURN OLD;
    END IF;
    IF NOT (NEW.relation OPERATOR(pg_catalog.=) ANY (own)) THEN
        RAISE EXCEPTION 'tracker.local_addition: "%" is not a reference table', NEW.relation
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = pg_catalog.format('Add columns and indexes to %s.', pg_catalog.array_to_string(own, ', '));
    END IF;
    rel := pg_catalog.format('tracker.%I', NEW.relation)::pg_catalog.regclass;
    IF NEW.kind = 'column' THEN
        -- One of the extension's types by its bare name (period, series,
        -- league, light, stage), wherever the extension put it.
        SELECT t.oid INTO typ FROM pg_catalog.pg_type t
        JOIN pg_catalog.pg_depend d
          ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
         AND d.objid OPERATOR(pg_catalog.=) t.oid
         AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
         AND d.deptype OPERATOR(pg_catalog.=) 'e'
        JOIN pg_catalog.pg_extension e
          ON e.oid OPERATOR(pg_catalog.=) d.refobjid AND e.extname OPERATOR(pg_catalog.=) 'tracker'
        WHERE t.typname OPERATOR(pg_catalog.=) NEW.type;
        IF typ IS NULL THEN
            typ := pg_catalog.to_regtype(NEW.type);
        END IF;
        IF typ IS NULL OR NOT EXISTS (
               SELECT FROM pg_catalog.pg_type t
               WHERE t.oid OPERATOR(pg_catalog.=) typ
                 AND t.typtype OPERATOR(pg_catalog.=) ANY (ARRAY['b', 'e']::pg_catalog."char"[])
                 AND t.typisdefined
                 AND (t.typnamespace OPERATOR(pg_catalog.=) 'pg_catalog'::pg_catalog.regnamespace
                      OR EXISTS (SELECT FROM pg_catalog.pg_depend d
                                 WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
                                   AND d.objid OPERATOR(pg_catalog.=) COALESCE(NULLIF(t.typelem, 0), t.oid)
                                   AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
                                   AND d.deptype OPERATOR(pg_catalog.=) 'e'
                                   AND d.refobjid OPERATOR(pg_catalog.=)
                                       (SELECT e.oid FROM pg_catalog.pg_extension e
                                        WHERE e.extname OPERATOR(pg_catalog.=) 'tracker')))) THEN
            RAISE EXCEPTION 'tracker.local_addition: type "%" is not a built-in base type nor one of tracker''s', NEW.type
                USING ERRCODE = 'invalid_parameter_value',
                      DETAIL = 'A column added to a table a superuser writes may not be of a type whose input, output or checks run code a non-superuser wrote (a domain, a composite, another extension''s type).',
                      HINT = 'Use text, numeric, float8, int4, int8, bool, date, timestamptz, jsonb or one of tracker''s types such as period.';
        END IF;
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN %I %s', rel, NEW.name, pg_catalog.format_type(typ, NULL));
        IF NEW.comment IS NOT NULL THEN
            EXECUTE pg_catalog.format('COMMENT ON COLUMN %s.%I IS %L', rel, NEW.name, NEW.comment);
        END IF;
        RETURN NEW;
    END IF;
    IF NOT (NEW.method OPERATOR(pg_catalog.=) ANY (ARRAY['btree', 'hash', 'brin'])) THEN
        RAISE EXCEPTION 'tracker.local_addition: index method "%" is not btree, hash or brin', NEW.method
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NEW.is_unique AND NEW.method OPERATOR(pg_catalog.<>) 'btree' THEN
        RAISE EXCEPTION 'tracker.local_addition: only a btree index can be unique'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF pg_catalog.cardinality(NEW.columns) NOT BETWEEN 1 AND 8 THEN
        RAISE EXCEPTION 'tracker.local_addition: an index covers 1 to 8 columns'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOREACH col IN ARRAY NEW.columns LOOP
        IF col IS NULL OR NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                                      WHERE a.attrelid OPERATOR(pg_catalog.=) rel
                                        AND a.attname OPERATOR(pg_catalog.=) col
                                        AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'tracker.local_addition: table tracker.% has no column "%"', NEW.relation, col
                USING ERRCODE = 'undefined_column';
        END IF;
        cols := cols OPERATOR(pg_catalog.||) pg_catalog.quote_ident(col);
    END LOOP;
    EXECUTE pg_catalog.format('CREATE %s INDEX %I ON %s USING %s (%s)',
                              CASE WHEN NEW.is_unique THEN 'UNIQUE' ELSE '' END,
                              NEW.name, rel, NEW.method, pg_catalog.array_to_string(cols, ', '));
    IF NEW.comment IS NOT NULL THEN
        EXECUTE pg_catalog.format('COMMENT ON INDEX tracker.%I IS %L', NEW.name, NEW.comment);
    END IF;
    RETURN NEW;
END $$;
COMMENT ON FUNCTION tracker.local_addition_apply() IS
    'trigger function: adds (on INSERT) or drops (on DELETE) the column or index a row of tracker.local_addition describes, after checking that it runs no code of anyone''s';
REVOKE EXECUTE ON FUNCTION tracker.local_addition_apply() FROM PUBLIC;
CREATE TRIGGER local_addition_apply BEFORE INSERT OR UPDATE OR DELETE ON tracker.local_addition
    FOR EACH ROW EXECUTE FUNCTION tracker.local_addition_apply();
COMMENT ON TRIGGER local_addition_apply ON tracker.local_addition IS
    'adds or drops the column or index of each row inserted or deleted';
SELECT pg_catalog.pg_extension_config_dump('tracker.local_addition', '');
-- An office's own columns and indexes: added and dropped by rows here,
-- one at a time (no UPDATE, no TRUNCATE, which would bypass the trigger).
GRANT SELECT, INSERT, DELETE ON tracker.local_addition TO @extowner@ WITH GRANT OPTION;

-- ---- 15. What each column and trigger means (59_comments.sql) ----
-- What each column of the reference tables means and in which unit, and
-- what each trigger does: `\d+ tracker.observation` tells an analyst.

COMMENT ON COLUMN tracker.region.code IS
    'the region''s code, as observations and targets name it (an administrative code such as 330203, or a short name)';
COMMENT ON COLUMN tracker.region.name IS 'the region''s name as bulletins print it (海曙区)';
COMMENT ON COLUMN tracker.region.parent IS
    'the code of the region it belongs to (a district''s city); NULL at the top; no cycles, at most 100 levels';
COMMENT ON COLUMN tracker.region.peer_group IS
    'regions with the same parent and peer group are ranked together (区 and 县市 of one city apart, for example); NULL is a group of its own';

COMMENT ON COLUMN tracker.indicator.code IS 'the indicator''s code, as observations and targets name it';
COMMENT ON COLUMN tracker.indicator.name IS 'the indicator''s name as bulletins print it (制造业投资)';
COMMENT ON COLUMN tracker.indicator.unit_label IS
    'the unit of its values and target amounts as printed (亿元, 万元, %); a label only, nothing is converted';
COMMENT ON COLUMN tracker.indicator.higher_is_better IS
    'false where less is better (能耗, 失业率): ranks and lights then run the other way';
COMMENT ON COLUMN tracker.indicator.decimals IS
    'the decimals bulletins print its values with (0 to 15); ranks tie on values equal at these decimals';
COMMENT ON COLUMN tracker.indicator.kind IS
    'amount (levels that add up and change in percent: 投资, 增加值) or ratio (a rate itself, never added, changing in percentage points: 开工率, 失业率)';

COMMENT ON COLUMN tracker.observation.region IS 'the region''s code (tracker.region)';
COMMENT ON COLUMN tracker.observation.indicator IS 'the indicator''s code (tracker.indicator)';
COMMENT ON COLUMN tracker.observation.period IS
    'the period the figure is for: one unit (2022-07, 2022年7月) or a year-to-date span (2022-01..07, 2022年1-7月累计)';
COMMENT ON COLUMN tracker.observation.value IS
    'the published level, in the indicator''s unit (unit_label); NULL where only a rate is published';
COMMENT ON COLUMN tracker.observation.growth IS
    'the published 同比 growth against the same period a year before: percent for an amount indicator (8.3 means 8.3%), percentage points for a ratio; NULL where none is published';

COMMENT ON COLUMN tracker.target.region IS 'the region''s code (tracker.region)';
COMMENT ON COLUMN tracker.target.indicator IS 'the indicator''s code (tracker.indicator)';
COMMENT ON COLUMN tracker.target.period IS
    'the target period (2022, 2022-Q3, 2022-H1); a report period inside it is measured against it, pro rata by calendar (序时进度)';
COMMENT ON COLUMN tracker.target.amount IS
    'the amount to reach over the target period, in the indicator''s unit; negative for a loss limit; NULL for a growth target only';
COMMENT ON COLUMN tracker.target.growth IS
    'the growth to reach, in percent (percentage points for a ratio indicator); NULL for an amount target only';

COMMENT ON COLUMN tracker.project.id IS 'the project''s identifier';
COMMENT ON COLUMN tracker.project.name IS 'the project''s name';
COMMENT ON COLUMN tracker.project.region IS 'the code of the region it counts for (tracker.region)';
COMMENT ON COLUMN tracker.project.industry IS 'its industry, as the office classifies it (制造业); free text';
COMMENT ON COLUMN tracker.project.total_investment IS
    'planned total investment, in the office''s unit of money (亿元 as a rule), 0 to 1e15';

COMMENT ON COLUMN tracker.project_milestone.project IS 'the project (tracker.project)';
COMMENT ON COLUMN tracker.project_milestone.stage IS
    'the lifecycle stage (谋划 签约 备案 供地 审批 开工 纳统 竣工 投产 达产)';
COMMENT ON COLUMN tracker.project_milestone.planned_date IS 'the date the stage is planned for';
COMMENT ON COLUMN tracker.project_milestone.actual_date IS
    'the date it was reached; NULL until then; never before an earlier stage''s, nor after a later one''s';

COMMENT ON COLUMN tracker.project_investment.project IS 'the project (tracker.project)';
COMMENT ON COLUMN tracker.project_investment.period IS 'the period the investment was completed in (a month, as a rule)';
COMMENT ON COLUMN tracker.project_investment.amount IS
    'investment completed in the period, in the unit of project.total_investment, 0 to 1e15';

COMMENT ON COLUMN tracker.project_plan.project IS 'the project (tracker.project)';
COMMENT ON COLUMN tracker.project_plan.period IS 'the period the plan is for (a year, as a rule)';
COMMENT ON COLUMN tracker.project_plan.planned_investment IS
    'investment planned for the period, in the unit of project.total_investment: 0, or 1e-6 to 1e15';

COMMENT ON COLUMN tracker.observation_series.region IS 'the region''s code';
COMMENT ON COLUMN tracker.observation_series.indicator IS 'the indicator''s code';
COMMENT ON COLUMN tracker.observation_series.grain IS
    'the grain of the series'' periods (year, half, quarter, month, week, day)';
COMMENT ON COLUMN tracker.observation_series.series IS
    'every observation of the region, indicator and grain as one series (value and growth per period), built by series(period, value, growth, kind)';

COMMENT ON TRIGGER region_parent_acyclic ON tracker.region IS
    'at commit: refuses a parent that makes a cycle or a chain of more than 100 regions (23514)';
COMMENT ON TRIGGER project_milestone_order ON tracker.project_milestone IS
    'refuses an actual date out of lifecycle order (23514)';
COMMENT ON TRIGGER observation_series_insert ON tracker.observation IS
    'merges the inserted facts into the stored series they belong to (a fact replaces a stored one of its period)';
COMMENT ON TRIGGER observation_series_update ON tracker.observation IS
    'rebuilds the stored series the updated facts belonged and belong to';
COMMENT ON TRIGGER observation_series_delete ON tracker.observation IS
    'rebuilds the stored series the deleted facts belonged to';
COMMENT ON TRIGGER observation_series_truncate ON tracker.observation IS
    'empties the stored series';
COMMENT ON TRIGGER indicator_series_kind ON tracker.indicator IS
    'rebuilds the stored series of indicators whose kind changed';

-- ---- 16. Loading a bureau's table (80_load.sql) ----
-- As in 80_load.sql, word for word but for the schema of figure(): the
-- user-facing schema, which at this point of the update is tracker_0_1_0.

-- Loading a bureau's table (README "Loading a bureau's table"): the
-- cells of a staged CSV, all text, become the reference tables' values
-- through figure() (numbers as printed) and region_code() /
-- indicator_code() (names as printed). One \copy into a staging table of
-- text columns, then one INSERT … SELECT.

-- figure(t): general purpose, in the schema the extension is created in.
-- The grammar is the core's (src/core/figure_text.h): thousands
-- separators only between groups of three, a percent sign that leaves the
-- number in percent, U+2212 and full-width forms, spaces and U+3000
-- around; a blank cell or a dash is "not published" (NULL), as the
-- bureaus' tables print it; no exponents, units, NaN or infinities.
CREATE FUNCTION tracker_0_1_0.figure(t pg_catalog.text) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'figure_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.figure(pg_catalog.text) IS
    'a number as a bureau''s table prints it, as float8: 1,088.1 (thousands separators between groups of three), 4.0% (read as 4.0, a rate in percent as tracker''s growth columns hold it), −2.1 (U+2212), full-width １，０８８．１ －２．１ ４．０％, spaces and U+3000 around; NULL for NULL, a blank cell or a dash (— - － − – ―, or two of the same: not published); anything else 22P02 (no exponents, units such as 万 or 亿, NaN or infinities), a number beyond float8 22003';

-- Names as bureaus print them, looked up by exact name (or code) with
-- an index each, so that a load of many rows costs one index look-up a
-- name.
CREATE INDEX region_name_idx ON tracker.region (name);
CREATE INDEX indicator_name_idx ON tracker.indicator (name);

-- region_code(name [, parent]) and indicator_code(name): the code of the
-- one row whose name, or code, is the given text with the spaces around
-- it trimmed (ASCII whitespace, U+00A0, U+3000). Not SECURITY DEFINER:
-- they read the tables with the caller's rights (SELECT on the table).
-- search_path is pinned and every name qualified, so nothing a
-- non-superuser can create or shadow is resolved.
--  - No row: 42704 undefined_object, as regclass input raises for an
--    unknown relation, naming the name; the detail lists regions whose
--    names contain it or are contained in it.
--  - Several rows (the same district name under two cities, or a name
--    that is another region's code): 21000 cardinality_violation, the
--    SQLSTATE PostgreSQL gives a scalar subquery that returns more than
--    one row, which is what the lookup is; an ambiguous name is a fact of
--    the data, not of the statement, so not class 42 (42702, 42725 are
--    about names in the SQL text). The detail lists the candidates.
CREATE FUNCTION tracker.region_code(name pg_catalog.text, parent pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n     pg_catalog.text := pg_catalog.btrim(region_code.name, E' \t\n\r\f\u000B\u00A0\u3000');
    pn    pg_catalog.text := pg_catalog.btrim(region_code.parent, E' \t\n\r\f\u000B\u00A0\u3000');
    codes pg_catalog.text[];
    found_parent pg_catalog.bool;
    others pg_catalog.text;
BEGIN
    SELECT pg_catalog.array_agg(r.code ORDER BY r.code) INTO codes
    FROM tracker.region r
    WHERE (r.name = n OR r.code = n)
      AND r.parent IN (SELECT p.code FROM tracker.region p WHERE p.name = pn OR p.code = pn);
    IF pg_catalog.cardinality(codes) = 1 THEN
        RETURN codes[1];
    END IF;
    IF codes IS NOT NULL THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s, under %s)', r.code, r.name, r.parent),
                                     ', ' ORDER BY r.code)
        INTO others FROM tracker.region r WHERE r.code = ANY (codes);
        RAISE EXCEPTION 'region "%" under "%" is ambiguous', n, pn
            USING ERRCODE = 'cardinality_violation',
                  DETAIL = pg_catalog.format('It matches %s.', others),
                  HINT = 'Give the region''s code instead of its name.';
    END IF;
    SELECT EXISTS (SELECT FROM tracker.region p WHERE p.name = pn OR p.code = pn) INTO found_parent;
    IF NOT found_parent THEN
        RAISE EXCEPTION 'region "%" does not exist', pn
            USING ERRCODE = 'undefined_object',
                  DETAIL = pg_catalog.format('It was given as the parent of "%s".', n),
                  HINT = 'A parent is the name or the code of a row of tracker.region.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (under %s)', r.code, COALESCE(r.parent, 'none')),
                                 ', ' ORDER BY r.code)
    INTO others FROM tracker.region r WHERE r.name = n OR r.code = n;
    RAISE EXCEPTION 'region "%" under "%" does not exist', n, pn
        USING ERRCODE = 'undefined_object',
              DETAIL = CASE WHEN others IS NULL THEN 'No region has that name or code.'
                            ELSE pg_catalog.format('Regions of that name or code: %s.', others) END,
              HINT = 'region_code matches the name or the code of a row of tracker.region exactly, spaces around it trimmed; add the region there, or correct the name.';
END $$;
COMMENT ON FUNCTION tracker.region_code(pg_catalog.text, pg_catalog.text) IS
    'the code of the region named name (its exact name or its code, spaces around trimmed) whose parent is named or coded parent, for loading a bureau''s table; NULL for NULL; 42704 when none, 21000 listing the codes when several';

CREATE FUNCTION tracker.region_code(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n      pg_catalog.text := pg_catalog.btrim(region_code.name, E' \t\n\r\f\u000B\u00A0\u3000');
    codes  pg_catalog.text[];
    others pg_catalog.text;
BEGIN
    SELECT pg_catalog.array_agg(r.code ORDER BY r.code) INTO codes
    FROM tracker.region r WHERE r.name = n OR r.code = n;
    IF pg_catalog.cardinality(codes) = 1 THEN
        RETURN codes[1];
    END IF;
    IF codes IS NOT NULL THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s, under %s)', r.code, r.name,
                                                       COALESCE(r.parent, 'none')),
                                     ', ' ORDER BY r.code)
        INTO others FROM tracker.region r WHERE r.code = ANY (codes);
        RAISE EXCEPTION 'region "%" is ambiguous', n
            USING ERRCODE = 'cardinality_violation',
                  DETAIL = pg_catalog.format('It matches %s.', others),
                  HINT = 'Give the region''s code, or its parent: tracker.region_code(name, parent).';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', s.name, s.code), ', ')
    INTO others
    FROM (SELECT r.name, r.code FROM tracker.region r
          WHERE n <> '' AND r.name <> ''
            AND (pg_catalog.strpos(r.name, n) > 0 OR pg_catalog.strpos(n, r.name) > 0)
          ORDER BY r.code LIMIT 5) s;
    RAISE EXCEPTION 'region "%" does not exist', n
        USING ERRCODE = 'undefined_object',
              DETAIL = CASE WHEN others IS NULL THEN 'No region has that name or code.'
                            ELSE pg_catalog.format('Regions of similar names: %s.', others) END,
              HINT = 'region_code matches the name or the code of a row of tracker.region exactly, spaces around it trimmed; add the region there, or correct the name.';
END $$;
COMMENT ON FUNCTION tracker.region_code(pg_catalog.text) IS
    'the code of the region named name (its exact name in tracker.region, or its code; spaces, U+00A0 and U+3000 around trimmed), for loading a bureau''s table; NULL for NULL; 42704 (undefined_object) naming it when no region matches, 21000 (cardinality_violation) listing the codes when several do (then give the parent: region_code(name, parent))';

CREATE FUNCTION tracker.indicator_code(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n      pg_catalog.text := pg_catalog.btrim(indicator_code.name, E' \t\n\r\f\u000B\u00A0\u3000');
    codes  pg_catalog.text[];
    others pg_catalog.text;
BEGIN
    SELECT pg_catalog.array_agg(i.code ORDER BY i.code) INTO codes
    FROM tracker.indicator i WHERE i.name = n OR i.code = n;
    IF pg_catalog.cardinality(codes) = 1 THEN
        RETURN codes[1];
    END IF;
    IF codes IS NOT NULL THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', i.code, i.name), ', ' ORDER BY i.code)
        INTO others FROM tracker.indicator i WHERE i.code = ANY (codes);
        RAISE EXCEPTION 'indicator "%" is ambiguous', n
            USING ERRCODE = 'cardinality_violation',
                  DETAIL = pg_catalog.format('It matches %s.', others),
                  HINT = 'Give the indicator''s code instead of its name.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', s.name, s.code), ', ')
    INTO others
    FROM (SELECT i.name, i.code FROM tracker.indicator i
          WHERE n <> '' AND i.name <> ''
            AND (pg_catalog.strpos(i.name, n) > 0 OR pg_catalog.strpos(n, i.name) > 0)
          ORDER BY i.code LIMIT 5) s;
    RAISE EXCEPTION 'indicator "%" does not exist', n
        USING ERRCODE = 'undefined_object',
              DETAIL = CASE WHEN others IS NULL THEN 'No indicator has that name or code.'
                            ELSE pg_catalog.format('Indicators of similar names: %s.', others) END,
              HINT = 'indicator_code matches the name or the code of a row of tracker.indicator exactly, spaces around it trimmed; add the indicator there, or correct the name.';
END $$;
COMMENT ON FUNCTION tracker.indicator_code(pg_catalog.text) IS
    'the code of the indicator named name (its exact name in tracker.indicator, or its code; spaces, U+00A0 and U+3000 around trimmed), for loading a bureau''s table; NULL for NULL; 42704 (undefined_object) naming it when no indicator matches, 21000 (cardinality_violation) listing the codes when several do';

-- ---- 17. Lights in words (20_rates.sql) ----
-- What a 通报 calls a light (issue 13): 绿灯 / 黄灯 / 红灯, or, where an
-- office hangs flags, 红旗 for green and 蜗牛 for red (a yellow light has
-- no flag: NULL).
CREATE FUNCTION tracker_0_1_0.label(l tracker_0_1_0.light, lang pg_catalog.text)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_light_label_lights' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.label(tracker_0_1_0.light, pg_catalog.text) IS
    'the words of a light: 绿灯, 黄灯, 红灯 (zh) or green light, yellow light, red light (en); another lang: 22023';
CREATE FUNCTION tracker_0_1_0.label(l tracker_0_1_0.light, lang pg_catalog.text, words pg_catalog.text)
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'rate_light_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION tracker_0_1_0.label(tracker_0_1_0.light, pg_catalog.text, pg_catalog.text) IS
    'the words of a light: words ''lights'' as label(light, lang); ''flags'' 红旗 for green, 蜗牛 for red, NULL for yellow (red flag, snail in en); another lang or words: 22023';
-- ---- 18. The 通报 (72_bulletin.sql) ----
-- The 通报 (issue 13): the scoreboard's rows in the bulletins' words. In C
-- (src/bulletin.c over src/core/bulletin*.c): the board is scoreboard's
-- own pipeline (board_run: the same reading, target choice, ranking and
-- lights, src/core/board.c); only the output differs. See README "通报".

CREATE FUNCTION tracker.bulletin(p tracker_0_1_0.period, as_of pg_catalog.date DEFAULT NULL,
                                 lang pg_catalog.text DEFAULT 'zh',
                                 area pg_catalog.text DEFAULT NULL,
                                 first pg_catalog.text DEFAULT '首位',
                                 rank_by pg_catalog.text DEFAULT 'growth',
                                 verb_object pg_catalog.text DEFAULT NULL,
                                 pace_words pg_catalog.bool DEFAULT false,
                                 indicators pg_catalog.text[] DEFAULT NULL,
                                 under pg_catalog.text DEFAULT NULL,
                                 peer_group pg_catalog.text DEFAULT NULL,
                                 source pg_catalog.regnamespace DEFAULT NULL)
RETURNS TABLE (
    region pg_catalog.text, region_name pg_catalog.text,
    indicator pg_catalog.text, indicator_name pg_catalog.text,
    sentence pg_catalog.text)
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'bulletin_sentences';
COMMENT ON FUNCTION tracker.bulletin(tracker_0_1_0.period, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace) IS
    'the 通报 sentence of each region and indicator of scoreboard(p, as_of), in the published style: value, growth in words, rank among peers and its change, target attainment and 序时进度; lang zh or en; area the word for the peers (全市; NULL: from the parent''s name); first 首位, 第一 or 第1位; rank_by growth, amount or both; verb_object a suffix of the indicator''s name the verb goes before (投资: 制造业完成投资540亿元); pace_words 超序时进度 / 未达序时进度 without the points; indicators, under, peer_group and source select and read as in scoreboard; clauses whose number is missing are left out; NULL p: 22004; another lang, first or rank_by: 22023';

CREATE FUNCTION tracker.bulletin_paragraph(p tracker_0_1_0.period, as_of pg_catalog.date DEFAULT NULL,
                                           lang pg_catalog.text DEFAULT 'zh',
                                           area pg_catalog.text DEFAULT NULL,
                                           first pg_catalog.text DEFAULT '首位',
                                           rank_by pg_catalog.text DEFAULT 'growth',
                                           list_length pg_catalog.int4 DEFAULT 3,
                                           verb_object pg_catalog.text DEFAULT NULL,
                                           pace_words pg_catalog.bool DEFAULT false,
                                           indicators pg_catalog.text[] DEFAULT NULL,
                                           under pg_catalog.text DEFAULT NULL,
                                           peer_group pg_catalog.text DEFAULT NULL,
                                           source pg_catalog.regnamespace DEFAULT NULL)
RETURNS TABLE (
    parent pg_catalog.text, parent_name pg_catalog.text,
    indicator pg_catalog.text, indicator_name pg_catalog.text,
    peer_group pg_catalog.text, paragraph pg_catalog.text)
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'bulletin_paragraphs';
COMMENT ON FUNCTION tracker.bulletin_paragraph(tracker_0_1_0.period, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.bool, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace) IS
    'the 通报 paragraph of each indicator for each parent region and peer group of scoreboard(p, as_of): the parent''s own figure (and its ranks among its own peers), how many peers grew, are ahead of 序时进度 and met their target, the 红旗 and 蜗牛 (first and last list_length by growth, ties kept together) and the spread; options and filters as bulletin (a paragraph for each peer group wholly selected); NULL p: 22004; another lang, first or rank_by, or a negative list_length: 22023';

-- ---- 19. Partitions of the facts (56_observation_partitions.sql; the table: section 8b) ----
-- observation_partitions: tracker.observation is partitioned by range of
-- period (50_schema.sql). A fresh install has one partition, the DEFAULT
-- one, which holds every fact; an office adds partitions (a year each,
-- as a rule) by inserting rows into tracker.local_partition, and drops
-- one, with its facts, by deleting its row. See README "Partitioning".
--
-- Range bounds are periods, ordered by first day, then last day, then
-- grain (period_ops). A bound that is a day, 2023-01-01, sorts before
-- every other period that begins that day (2023-01, 2023-Q1, 2023-01..07,
-- 2023): so a partition FROM ('2023-01-01') TO ('2024-01-01') holds
-- exactly the periods whose first day falls in 2023. That is why bounds
-- are given here as dates. An ISO week belongs where its Monday falls:
-- 2025-W01 begins on 2024-12-30.
--
-- Why partitions are rows here and members of the extension, not tables a
-- DBA attaches by hand: pg_dump writes a partition that is not a member
-- as CREATE TABLE with every column, then ATTACH PARTITION, before any
-- data; a column an office added through tracker.local_addition exists
-- on the restored tracker.observation only once local_addition's rows
-- are restored, with the data, so that ATTACH would fail. A member is
-- not dumped; its row here is (pg_dump writes local_partition's rows
-- before the facts, as local_addition's), and restoring it makes the
-- partition again, with the columns tracker.observation has by then.

COMMENT ON TABLE tracker.observation_default IS
    'the DEFAULT partition of tracker.observation: the facts whose period begins on no day a partition of tracker.local_partition covers (all facts, until one is added); its rows are dumped by pg_dump';

-- The first day of a period, bound by OID, for code that runs with more
-- rights than its caller.
CREATE FUNCTION tracker.observation_first_day(p tracker_0_1_0.period) RETURNS pg_catalog.date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
    SELECT tracker_0_1_0.start_date(p);
END;
COMMENT ON FUNCTION tracker.observation_first_day(tracker_0_1_0.period) IS
    'the first day of a period, which decides the partition of tracker.observation that holds it; bound by OID for the partitions'' upkeep';

-- The store's upkeep for statements that name a partition rather than
-- tracker.observation, which fire only the partition's own statement
-- triggers: a restore (pg_dump writes each partition's rows into it), or
-- a superuser's direct write. Each rebuilds the series the statement
-- touched from all of tracker.observation, as the table's own triggers
-- do. A TRUNCATE leaves no rows to say which series held its facts, so
-- it rebuilds every series: in READ COMMITTED only, under a lock that
-- makes writers wait (as rebuild_series); TRUNCATE tracker.observation
-- fires it too, for each partition, once the table's own trigger has
-- emptied the store, and it then finds nothing left to do. SECURITY
-- DEFINER and refusing every table but a partition of
-- tracker.observation, for the reasons given at observation_series_sync.
CREATE FUNCTION tracker.observation_partition_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    regions     text[];
    indicators  text[];
    grains      text[];
BEGIN
    IF TG_LEVEL OPERATOR(pg_catalog.<>) 'STATEMENT' OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER'
       OR NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i
                      WHERE i.inhrelid OPERATOR(pg_catalog.=) TG_RELID
                        AND i.inhparent OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass) THEN
        RAISE EXCEPTION 'tracker.observation_partition_sync() keeps tracker.observation_series and runs only for the triggers of the partitions of tracker.observation'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'TRUNCATE' THEN
        IF NOT EXISTS (SELECT FROM tracker.observation_series) AND NOT EXISTS (SELECT FROM tracker.observation) THEN
            RETURN NULL;
        END IF;
        IF pg_catalog.current_setting('transaction_isolation') OPERATOR(pg_catalog.<>) 'read committed' THEN
            RAISE EXCEPTION 'TRUNCATE of partition % of tracker.observation runs only in a READ COMMITTED transaction', TG_RELID::pg_catalog.regclass
                USING ERRCODE = 'invalid_transaction_state',
                      DETAIL = 'It rebuilds every stored series, which must read the facts as they are once writers wait, not as they were when the transaction began.',
                      HINT = 'Truncate it in a READ COMMITTED transaction, or drop the partition by deleting its row from tracker.local_partition.';
        END IF;
        LOCK TABLE tracker.observation IN SHARE ROW EXCLUSIVE MODE;
        PERFORM tracker.observation_series_rebuild(NULL, NULL);
        RETURN NULL;
    ELSIF TG_OP = 'INSERT' THEN
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT n.region, n.indicator, tracker.observation_grain(n.period) AS grain
              FROM new_rows n) k;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT DISTINCT o.region, o.indicator, tracker.observation_grain(o.period) AS grain
              FROM old_rows o) k;
    ELSE
        SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
        INTO regions, indicators, grains
        FROM (SELECT n.region, n.indicator, tracker.observation_grain(n.period) AS grain FROM new_rows n
              UNION
              SELECT o.region, o.indicator, tracker.observation_grain(o.period) FROM old_rows o) k;
    END IF;
    IF regions IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM tracker.observation_series_write(regions, indicators, grains);
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.observation_partition_sync() IS
    'trigger function: rebuilds tracker.observation_series for the series a statement on a partition of tracker.observation touched (a restore writes partitions directly); after a TRUNCATE of a partition, every series (READ COMMITTED only, 25000)';
REVOKE EXECUTE ON FUNCTION tracker.observation_partition_sync() FROM PUBLIC;

CREATE TRIGGER observation_series_insert AFTER INSERT ON tracker.observation_default
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
CREATE TRIGGER observation_series_update AFTER UPDATE ON tracker.observation_default
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
CREATE TRIGGER observation_series_delete AFTER DELETE ON tracker.observation_default
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
CREATE TRIGGER observation_series_truncate AFTER TRUNCATE ON tracker.observation_default
    FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync();
COMMENT ON TRIGGER observation_series_insert ON tracker.observation_default IS
    'rebuilds the stored series of facts inserted into this partition directly (a restore)';
COMMENT ON TRIGGER observation_series_update ON tracker.observation_default IS
    'rebuilds the stored series of facts updated in this partition directly';
COMMENT ON TRIGGER observation_series_delete ON tracker.observation_default IS
    'rebuilds the stored series of facts deleted from this partition directly';
COMMENT ON TRIGGER observation_series_truncate ON tracker.observation_default IS
    'rebuilds every stored series after this partition alone was truncated';

-- local_partition: the office's partitions of tracker.observation, one
-- row each. Inserting a row makes the partition, with the rows of its
-- range moved out of the default partition; deleting the row drops the
-- partition and its facts, and rebuilds the series they belonged to.
-- Registered with pg_extension_config_dump and named to sort before
-- observation, as local_addition, so that a restore makes the partitions
-- before their rows arrive.
CREATE TABLE tracker.local_partition (
    name       pg_catalog.text PRIMARY KEY,
    from_date  pg_catalog.date NOT NULL,
    to_date    pg_catalog.date NOT NULL,
    comment    pg_catalog.text,
    CONSTRAINT local_partition_name CHECK (pg_catalog.octet_length(name) BETWEEN 1 AND 63),
    -- the days a period can begin on (0001-01-01 to 9999-12-31)
    CONSTRAINT local_partition_range CHECK (
        from_date >= '0001-01-01' AND to_date <= '9999-12-31' AND from_date < to_date)
);
COMMENT ON TABLE tracker.local_partition IS
    'the office''s partitions of tracker.observation: inserting a row makes one (moving its facts out of the default partition), deleting it drops it with its facts; pg_dump keeps the rows and a restore makes the partitions again';
COMMENT ON COLUMN tracker.local_partition.name IS
    'the partition''s name in schema tracker (observation_2023), 1 to 63 bytes';
COMMENT ON COLUMN tracker.local_partition.from_date IS
    'it holds the facts whose period begins on this day or later (the first day of a year, as a rule)';
COMMENT ON COLUMN tracker.local_partition.to_date IS
    'and before this day (exclusive; the first day of the next year, as a rule); ranges may not overlap (42P17)';
COMMENT ON COLUMN tracker.local_partition.comment IS
    'the partition''s comment (COMMENT ON TABLE), or NULL for one that names its range';

-- Runs as the superuser who owns tracker.observation: it makes and drops
-- tables under it. What it writes into DDL is an identifier (%I) or a
-- date it formats itself. It takes tracker.observation whole for the
-- rest of the transaction (ACCESS EXCLUSIVE: readers wait too), because
-- attaching a partition checks and locks the default partition anyway,
-- and taking that lock later, after others' locks, could deadlock.
CREATE FUNCTION tracker.local_partition_apply() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    part        pg_catalog.regclass;
    cols        pg_catalog.text;
    readers     pg_catalog.text;
    installer   pg_catalog.text;
    replication pg_catalog.text;
    op          pg_catalog.text;
    regions     pg_catalog.text[];
    indicators  pg_catalog.text[];
    grains      pg_catalog.text[];
BEGIN
    IF TG_RELID OPERATOR(pg_catalog.<>) 'tracker.local_partition'::pg_catalog.regclass
       OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
        RAISE EXCEPTION 'tracker.local_partition_apply() runs only for tracker.local_partition'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a partition cannot be changed in place'
            USING ERRCODE = 'feature_not_supported',
                  HINT = 'Insert a row for the new range (its facts move out of the default partition only), or delete the row, which drops the partition with its facts.';
    END IF;
    LOCK TABLE tracker.observation IN ACCESS EXCLUSIVE MODE;
    IF TG_OP = 'DELETE' THEN
        part := pg_catalog.to_regclass(pg_catalog.format('tracker.%I', OLD.name));
        IF part IS NULL OR NOT EXISTS (SELECT FROM pg_catalog.pg_inherits i
                                       WHERE i.inhrelid OPERATOR(pg_catalog.=) part
                                         AND i.inhparent OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass) THEN
            RETURN NULL;
        END IF;
        -- The series its facts belong to, rebuilt without them.
        EXECUTE pg_catalog.format(
            'SELECT array_agg(k.region), array_agg(k.indicator), array_agg(k.grain)
             FROM (SELECT DISTINCT o.region, o.indicator, tracker.observation_grain(o.period) AS grain
                   FROM %s o) k', part)
        INTO regions, indicators, grains;
        EXECUTE pg_catalog.format('ALTER EXTENSION tracker DROP TABLE %s', part);
        EXECUTE pg_catalog.format('ALTER TABLE tracker.observation DETACH PARTITION %s', part);
        EXECUTE pg_catalog.format('DROP TABLE %s', part);
        IF regions IS NOT NULL THEN
            PERFORM tracker.observation_series_write(regions, indicators, grains);
        END IF;
        RETURN NULL;
    END IF;
    -- A view, a function body or a foreign key bound to the default
    -- partition reads or checks only the facts left there: those made on
    -- tracker.observation before 0.2.0, when the update turned that table
    -- into this partition.
    SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(d.classid, d.objid, 0), ', ')
    INTO readers
    FROM pg_catalog.pg_depend d
    WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
      AND d.refobjid OPERATOR(pg_catalog.=) 'tracker.observation_default'::pg_catalog.regclass
      AND d.deptype OPERATOR(pg_catalog.=) 'n'
      AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint c   -- its own checks, on its columns
                      WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_constraint'::pg_catalog.regclass
                        AND c.oid OPERATOR(pg_catalog.=) d.objid
                        AND c.conrelid OPERATOR(pg_catalog.=) d.refobjid);
    IF readers IS NOT NULL THEN
        RAISE EXCEPTION 'objects are bound to tracker.observation_default, which would no longer hold every fact'
            USING ERRCODE = 'dependent_objects_still_exist',
                  DETAIL = pg_catalog.format('They are: %s. Until 0.2.0 tracker.observation was a plain table; the update made it the default partition and they stayed with it.', readers),
                  HINT = 'Define them again on tracker.observation (CREATE OR REPLACE VIEW with the same query, for a view), then add the partition.';
    END IF;
    -- A table like tracker.observation, its columns (the office's too) and
    -- checks; the facts of its range moved in; then attached, which builds
    -- its indexes and foreign keys. The move leaves the facts as they were,
    -- so the partitions' triggers stay out of it (replica).
    EXECUTE pg_catalog.format('CREATE TABLE tracker.%I (LIKE tracker.observation INCLUDING CONSTRAINTS)', NEW.name);
    part := pg_catalog.format('tracker.%I', NEW.name)::pg_catalog.regclass;
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass
      AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped;
    replication := pg_catalog.current_setting('session_replication_role');
    PERFORM pg_catalog.set_config('session_replication_role', 'replica', true);
    EXECUTE pg_catalog.format(
        'WITH moved AS (DELETE FROM tracker.observation_default o
                        WHERE tracker.observation_first_day(o.period) OPERATOR(pg_catalog.>=) $1
                          AND tracker.observation_first_day(o.period) OPERATOR(pg_catalog.<) $2
                        RETURNING %s)
         INSERT INTO %s (%s) SELECT %s FROM moved', cols, part, cols, cols)
    USING NEW.from_date, NEW.to_date;
    PERFORM pg_catalog.set_config('session_replication_role', replication, true);
    EXECUTE pg_catalog.format('ALTER TABLE tracker.observation ATTACH PARTITION %s FOR VALUES FROM (%L) TO (%L)',
                              part, pg_catalog.to_char(NEW.from_date, 'YYYY-MM-DD'),
                              pg_catalog.to_char(NEW.to_date, 'YYYY-MM-DD'));
    FOREACH op IN ARRAY ARRAY['insert', 'update', 'delete', 'truncate'] LOOP
        EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER %s ON %s %s FOR EACH STATEMENT EXECUTE FUNCTION tracker.observation_partition_sync()',
                                  'observation_series_' OPERATOR(pg_catalog.||) op, op, part,
                                  CASE op WHEN 'insert' THEN 'REFERENCING NEW TABLE AS new_rows'
                                          WHEN 'update' THEN 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                                          WHEN 'delete' THEN 'REFERENCING OLD TABLE AS old_rows'
                                          ELSE '' END);
        EXECUTE pg_catalog.format('COMMENT ON TRIGGER %I ON %s IS %L', 'observation_series_' OPERATOR(pg_catalog.||) op, part,
                                  CASE op WHEN 'truncate' THEN 'rebuilds every stored series after this partition alone was truncated'
                                          ELSE pg_catalog.format('rebuilds the stored series of facts %s this partition directly (a restore)',
                                                                 CASE op WHEN 'insert' THEN 'inserted into'
                                                                         WHEN 'update' THEN 'updated in'
                                                                         ELSE 'deleted from' END) END);
    END LOOP;
    EXECUTE pg_catalog.format('COMMENT ON TABLE %s IS %L', part,
        COALESCE(NEW.comment, pg_catalog.format(
            'a partition of tracker.observation (tracker.local_partition): the facts whose period begins on or after %s and before %s',
            pg_catalog.to_char(NEW.from_date, 'YYYY-MM-DD'), pg_catalog.to_char(NEW.to_date, 'YYYY-MM-DD'))));
    SELECT pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(e.extowner)) INTO installer
    FROM pg_catalog.pg_extension e WHERE e.extname OPERATOR(pg_catalog.=) 'tracker';
    EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON %s TO %s WITH GRANT OPTION', part, installer);
    -- A member of the extension whose rows pg_dump keeps, as
    -- pg_extension_config_dump registers a table (which only an install
    -- or update script may call); ALTER EXTENSION DROP undoes both.
    EXECUTE pg_catalog.format('ALTER EXTENSION tracker ADD TABLE %s', part);
    UPDATE pg_catalog.pg_extension e
    SET extconfig = pg_catalog.array_append(e.extconfig, part::pg_catalog.oid),
        extcondition = pg_catalog.array_append(e.extcondition, ''::pg_catalog.text)
    WHERE e.extname OPERATOR(pg_catalog.=) 'tracker';
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.local_partition_apply() IS
    'trigger function: makes (on INSERT) or drops (on DELETE) the partition of tracker.observation a row of tracker.local_partition describes, moving its facts out of the default partition or rebuilding the series they belonged to';
REVOKE EXECUTE ON FUNCTION tracker.local_partition_apply() FROM PUBLIC;
-- After the row's checks and key, so that a row they refuse makes no
-- table first.
CREATE TRIGGER local_partition_apply AFTER INSERT OR UPDATE OR DELETE ON tracker.local_partition
    FOR EACH ROW EXECUTE FUNCTION tracker.local_partition_apply();
COMMENT ON TRIGGER local_partition_apply ON tracker.local_partition IS
    'makes or drops the partition of each row inserted or deleted';
SELECT pg_catalog.pg_extension_config_dump('tracker.local_partition', '');
-- Added and dropped by rows here, one at a time (no UPDATE, no TRUNCATE,
-- which would bypass the trigger).
GRANT SELECT, INSERT, DELETE ON tracker.local_partition TO @extowner@ WITH GRANT OPTION;

-- add_yearly_partitions: one partition a year, observation_YYYY, for each
-- year from first_year to last_year that no partition covers yet, even
-- in part; returns how many it added. For a job (pg_cron) that makes next
-- year's partition ahead of its facts. As its caller, who needs INSERT
-- and DELETE (for the lock) on tracker.local_partition.
CREATE FUNCTION tracker.add_yearly_partitions(first_year pg_catalog.int4, last_year pg_catalog.int4)
RETURNS pg_catalog.int4
LANGUAGE plpgsql VOLATILE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    y      pg_catalog.int4;
    added  pg_catalog.int4 := 0;
BEGIN
    IF first_year < 1 OR last_year > 9998 OR first_year > last_year THEN
        RAISE EXCEPTION 'years % to % are not a range of years from 1 to 9998', first_year, last_year
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'A partition ends before the first day of the next year, and periods end in 9999.';
    END IF;
    -- two jobs at once: the second waits, then finds the first's rows
    LOCK TABLE tracker.local_partition IN SHARE ROW EXCLUSIVE MODE;
    FOR y IN first_year .. last_year LOOP
        IF NOT EXISTS (SELECT FROM tracker.local_partition p
                       WHERE p.from_date < pg_catalog.make_date(y + 1, 1, 1)
                         AND p.to_date > pg_catalog.make_date(y, 1, 1)) THEN
            INSERT INTO tracker.local_partition (name, from_date, to_date)
            VALUES (pg_catalog.format('observation_%s', y), pg_catalog.make_date(y, 1, 1),
                    pg_catalog.make_date(y + 1, 1, 1));
            added := added + 1;
        END IF;
    END LOOP;
    RETURN added;
END $$;
COMMENT ON FUNCTION tracker.add_yearly_partitions(pg_catalog.int4, pg_catalog.int4) IS
    'adds a partition observation_YYYY of tracker.observation (a row of tracker.local_partition) for each year from first_year to last_year that no partition covers, even in part; returns how many; years 1 to 9998 (else 22023)';

-- ---- 20. Bound to nothing a non-superuser owns (95_bound.sql) ----
-- Last, a proof: nothing of the extension, nor any constraint, default,
-- index, trigger, rule or policy on its tables, is bound to a function,
-- operator, type or operator class that a non-superuser owns. Such an
-- object would run as whoever calls the extension's code or writes its
-- tables, a superuser too. Its tables include every partition of them,
-- members (tracker.local_partition makes them so) or not: a row written
-- to tracker.observation lands in one. The names above are all qualified and looked
-- up in pg_catalog only, so this never fires unless that rule was broken
-- somewhere; if it does, nothing is installed or updated.
DO $bound$
DECLARE
    ext    pg_catalog.oid := (SELECT e.oid FROM pg_catalog.pg_extension e
                              WHERE e.extname OPERATOR(pg_catalog.=) 'tracker');
    found  pg_catalog.text;
BEGIN
    WITH tables AS (
        SELECT d.objid AS rel FROM pg_catalog.pg_depend d
        WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
          AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
          AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
        UNION
        SELECT i.inhrelid FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_depend d
          ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::pg_catalog.regclass
         AND d.objid OPERATOR(pg_catalog.=) i.inhparent
         AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
         AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'),
    ours AS (
        SELECT d.classid, d.objid FROM pg_catalog.pg_depend d
        WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
          AND d.refobjid OPERATOR(pg_catalog.=) ext AND d.deptype OPERATOR(pg_catalog.=) 'e'
        UNION ALL
        SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, t.rel FROM tables t
        UNION ALL
        SELECT 'pg_catalog.pg_constraint'::pg_catalog.regclass, c.oid FROM pg_catalog.pg_constraint c
        WHERE c.conrelid IN (SELECT rel FROM tables)
        UNION ALL
        SELECT 'pg_catalog.pg_attrdef'::pg_catalog.regclass, a.oid FROM pg_catalog.pg_attrdef a
        WHERE a.adrelid IN (SELECT rel FROM tables)
        UNION ALL
        SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, i.indexrelid FROM pg_catalog.pg_index i
        WHERE i.indrelid IN (SELECT rel FROM tables)
        UNION ALL
        SELECT 'pg_catalog.pg_trigger'::pg_catalog.regclass, t.oid FROM pg_catalog.pg_trigger t
        WHERE t.tgrelid IN (SELECT rel FROM tables)
        UNION ALL
        SELECT 'pg_catalog.pg_rewrite'::pg_catalog.regclass, r.oid FROM pg_catalog.pg_rewrite r
        WHERE r.ev_class IN (SELECT rel FROM tables)
        UNION ALL
        SELECT 'pg_catalog.pg_policy'::pg_catalog.regclass, p.oid FROM pg_catalog.pg_policy p
        WHERE p.polrelid IN (SELECT rel FROM tables)),
    refs AS (
        SELECT d.classid, d.objid, d.objsubid, d.refclassid, d.refobjid,
               CASE d.refclassid
               WHEN 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
                   (SELECT x.proowner FROM pg_catalog.pg_proc x WHERE x.oid OPERATOR(pg_catalog.=) d.refobjid)
               WHEN 'pg_catalog.pg_operator'::pg_catalog.regclass THEN
                   (SELECT x.oprowner FROM pg_catalog.pg_operator x WHERE x.oid OPERATOR(pg_catalog.=) d.refobjid)
               WHEN 'pg_catalog.pg_type'::pg_catalog.regclass THEN
                   (SELECT x.typowner FROM pg_catalog.pg_type x WHERE x.oid OPERATOR(pg_catalog.=) d.refobjid)
               WHEN 'pg_catalog.pg_opclass'::pg_catalog.regclass THEN
                   (SELECT x.opcowner FROM pg_catalog.pg_opclass x WHERE x.oid OPERATOR(pg_catalog.=) d.refobjid)
               WHEN 'pg_catalog.pg_opfamily'::pg_catalog.regclass THEN
                   (SELECT x.opfowner FROM pg_catalog.pg_opfamily x WHERE x.oid OPERATOR(pg_catalog.=) d.refobjid)
               WHEN 'pg_catalog.pg_collation'::pg_catalog.regclass THEN
                   (SELECT x.collowner FROM pg_catalog.pg_collation x WHERE x.oid OPERATOR(pg_catalog.=) d.refobjid)
               END AS owner
        FROM pg_catalog.pg_depend d JOIN ours o
          ON o.classid OPERATOR(pg_catalog.=) d.classid AND o.objid OPERATOR(pg_catalog.=) d.objid)
    SELECT pg_catalog.string_agg(pg_catalog.format('%s uses %s (owned by %s)',
                                     pg_catalog.pg_describe_object(r.classid, r.objid, r.objsubid),
                                     pg_catalog.pg_describe_object(r.refclassid, r.refobjid, 0),
                                     pg_catalog.pg_get_userbyid(r.owner)), '; ')
    INTO found
    FROM refs r
    WHERE r.owner IS NOT NULL
      AND NOT (SELECT a.rolsuper FROM pg_catalog.pg_authid a WHERE a.oid OPERATOR(pg_catalog.=) r.owner);
    IF found IS NOT NULL THEN
        RAISE EXCEPTION 'extension tracker would be bound to objects a non-superuser owns'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = found,
                  HINT = 'Drop those objects (their owner may), then try again.';
    END IF;
END
$bound$;
