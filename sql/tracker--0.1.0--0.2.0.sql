-- tracker 0.1.0 → 0.2.0. Run by ALTER EXTENSION tracker UPDATE; the
-- result must equal a fresh install of 0.2.0 (test/upgrade compares the
-- catalogs and the stored values).

\echo Use "ALTER EXTENSION tracker UPDATE TO '0.2.0'" to load this file. \quit

-- ---- 1. Schema tracker passes to the superuser (00_schema_guard.sql) ----
--
-- Under 0.1.0 the installing role owned schema tracker, and could have
-- renamed it and put look-alikes under its name, or put objects into it.
-- This script runs as a superuser, so before it resolves any name in
-- tracker it makes sure that tracker is the extension's schema and takes
-- it over; a concurrent rename then fails on the changed row.
DO $guard$
DECLARE
    nsp  pg_catalog.oid;
    name pg_catalog.name;
BEGIN
    SELECT e.extnamespace, n.nspname INTO nsp, name
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n
      ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
    WHERE e.extname OPERATOR(pg_catalog.=) 'tracker';
    IF name OPERATOR(pg_catalog.<>) 'tracker' THEN
        RAISE EXCEPTION 'the schema of extension tracker has been renamed to "%"', name
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Rename it back to tracker (moving away what now has that name), then update.';
    END IF;
    EXECUTE pg_catalog.format('ALTER SCHEMA %I OWNER TO CURRENT_USER', name);
    IF (SELECT n.nspowner OPERATOR(pg_catalog.<>) (SELECT r.oid FROM pg_catalog.pg_roles r
                                                  WHERE r.rolname OPERATOR(pg_catalog.=) CURRENT_USER)
        FROM pg_catalog.pg_namespace n WHERE n.oid OPERATOR(pg_catalog.=) nsp) THEN
        RAISE EXCEPTION 'the schema of extension tracker changed while it was updated'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
END
$guard$;

CREATE FUNCTION tracker.schema_foreign_objects(nsp pg_catalog.oid) RETURNS pg_catalog.text
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (owned by %s)',
                                     pg_catalog.pg_describe_object(o.classid, o.objid, 0),
                                     pg_catalog.pg_get_userbyid(o.owner)),
                                 ', ' ORDER BY o.classid, o.objid)
    FROM (SELECT 'pg_catalog.pg_class'::pg_catalog.regclass, c.oid, c.relowner
          FROM pg_catalog.pg_class c WHERE c.relnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, p.proowner
          FROM pg_catalog.pg_proc p WHERE p.pronamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.typowner
          FROM pg_catalog.pg_type t WHERE t.typnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, o.oprowner
          FROM pg_catalog.pg_operator o WHERE o.oprnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass, c.oid, c.opcowner
          FROM pg_catalog.pg_opclass c WHERE c.opcnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, f.oid, f.opfowner
          FROM pg_catalog.pg_opfamily f WHERE f.opfnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, c.oid, c.collowner
          FROM pg_catalog.pg_collation c WHERE c.collnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_conversion'::pg_catalog.regclass, c.oid, c.conowner
          FROM pg_catalog.pg_conversion c WHERE c.connamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_ts_config'::pg_catalog.regclass, c.oid, c.cfgowner
          FROM pg_catalog.pg_ts_config c WHERE c.cfgnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_ts_dict'::pg_catalog.regclass, d.oid, d.dictowner
          FROM pg_catalog.pg_ts_dict d WHERE d.dictnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass, s.oid, s.stxowner
          FROM pg_catalog.pg_statistic_ext s WHERE s.stxnamespace OPERATOR(pg_catalog.=) nsp
          UNION ALL
          SELECT 'pg_catalog.pg_extension'::pg_catalog.regclass, e.oid, e.extowner
          FROM pg_catalog.pg_extension e
          WHERE e.extnamespace OPERATOR(pg_catalog.=) nsp
            AND e.extname OPERATOR(pg_catalog.<>) 'tracker') o(classid, objid, owner)
    WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_roles r
                      WHERE r.oid OPERATOR(pg_catalog.=) o.owner AND r.rolsuper);
END;

-- Nothing of anyone but a superuser may stay in the schema, nor hang on
-- its tables: 0.1.0 let the installing role create triggers on the
-- reference tables, and a trigger runs its function as whoever writes.
-- Only roles with CREATE on the schema could put objects there, and only
-- its owner (a superuser now) may keep that right.
DO $guard$
DECLARE
    nsp      pg_catalog.oid := (SELECT e.extnamespace FROM pg_catalog.pg_extension e
                                WHERE e.extname OPERATOR(pg_catalog.=) 'tracker');
    held     pg_catalog.text := tracker.schema_foreign_objects(nsp);
    triggers pg_catalog.text;
    grantee  pg_catalog.oid;
BEGIN
    IF held IS NOT NULL THEN
        RAISE EXCEPTION 'schema "tracker" holds objects of roles that are not superusers'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('It holds %s.', held),
                  HINT = 'Their owners drop them (or a superuser does), then update.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('trigger %I on %s (function %s of %s)',
                                     t.tgname, t.tgrelid::pg_catalog.regclass,
                                     t.tgfoid::pg_catalog.regprocedure,
                                     pg_catalog.pg_get_userbyid(p.proowner)),
                                 ', ' ORDER BY t.tgrelid, t.tgname)
    INTO triggers
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) t.tgrelid
    JOIN pg_catalog.pg_proc p ON p.oid OPERATOR(pg_catalog.=) t.tgfoid
    JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) p.proowner
    WHERE c.relnamespace OPERATOR(pg_catalog.=) nsp AND NOT t.tgisinternal AND NOT r.rolsuper;
    IF triggers IS NOT NULL THEN
        RAISE EXCEPTION 'the tables of schema "tracker" carry triggers of roles that are not superusers'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('They are: %s.', triggers),
                  HINT = 'A superuser drops them (DROP TRIGGER name ON table), then update.';
    END IF;
    FOR grantee IN
        SELECT DISTINCT a.grantee
        FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
        WHERE n.oid OPERATOR(pg_catalog.=) nsp AND a.grantee OPERATOR(pg_catalog.<>) n.nspowner
          AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE'
    LOOP
        EXECUTE pg_catalog.format('REVOKE CREATE ON SCHEMA tracker FROM %s CASCADE',
            CASE WHEN grantee OPERATOR(pg_catalog.=) 0 THEN 'PUBLIC'
                 ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(grantee)) END);
    END LOOP;
END
$guard$;

-- ---- 2. Privileges (90_grants.sql): no TRIGGER on the reference tables ----
-- Revoked from the installing role, and from whom it granted it on; not
-- when that role owns the tables (a superuser installed 0.1.0), whose
-- privileges as owner a fresh install leaves whole.
DO $grants$
BEGIN
    IF (SELECT e.extowner FROM pg_catalog.pg_extension e
        WHERE e.extname OPERATOR(pg_catalog.=) 'tracker')
       OPERATOR(pg_catalog.<>)
       (SELECT c.relowner FROM pg_catalog.pg_class c
        WHERE c.oid OPERATOR(pg_catalog.=) 'tracker.observation'::pg_catalog.regclass) THEN
        REVOKE TRIGGER
            ON tracker.region, tracker.indicator, tracker.observation, tracker.target,
               tracker.project, tracker.project_milestone, tracker.project_investment,
               tracker.project_plan
            FROM @extowner@ CASCADE;
    ELSE
        REVOKE GRANT OPTION FOR TRIGGER
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
-- NaN passed "x >= 0", and an infinite date made project_progress and
-- lagging_projects fail for every region; a parent cycle has no top.
-- Existing rows that the new rules refuse stop the update, listed, rather
-- than the constraint's bare error.
DO $check$
DECLARE
    bad pg_catalog.text;
BEGIN
    SELECT pg_catalog.string_agg(x, ', ') INTO bad FROM (
        SELECT pg_catalog.format('project %s: total_investment %s', p.id, p.total_investment)
        FROM tracker.project p
        WHERE NOT (p.total_investment >= 0 AND p.total_investment < 'Infinity')
        UNION ALL
        SELECT pg_catalog.format('project %s, period %s: planned_investment %s',
                                 p.project, p.period, p.planned_investment)
        FROM tracker.project_plan p
        WHERE NOT (p.planned_investment >= 0 AND p.planned_investment < 'Infinity')
        UNION ALL
        SELECT pg_catalog.format('project %s, period %s: amount %s', i.project, i.period, i.amount)
        FROM tracker.project_investment i
        WHERE NOT (i.amount >= 0 AND i.amount < 'Infinity')
        UNION ALL
        SELECT pg_catalog.format('project %s, stage %s: dates %s, %s',
                                 m.project, m.stage, m.planned_date, m.actual_date)
        FROM tracker.project_milestone m
        WHERE NOT (pg_catalog.isfinite(m.planned_date) AND pg_catalog.isfinite(m.actual_date))
        UNION ALL
        SELECT pg_catalog.format('region %s: its parent chain returns to it', c.code)
        FROM (WITH RECURSIVE up (start, code, path, is_cycle) AS (
                  SELECT r.code, r.parent, ARRAY[r.code], false
                  FROM tracker.region r WHERE r.parent IS NOT NULL
                  UNION ALL
                  SELECT up.start, r.parent, up.path || up.code, up.code = ANY (up.path)
                  FROM up JOIN tracker.region r ON r.code = up.code
                  WHERE NOT up.is_cycle AND r.parent IS NOT NULL)
              SELECT DISTINCT u.start AS code FROM up u
              WHERE u.is_cycle AND u.code = u.start) c
        ORDER BY 1) rows(x);
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'tracker 0.2.0 refuses rows that tracker 0.1.0 accepted'
            USING ERRCODE = 'check_violation',
                  DETAIL = pg_catalog.format('They are: %s.', bad),
                  HINT = 'Correct or delete them (amounts finite and >= 0, dates finite, regions in a tree), then update.';
    END IF;
END
$check$;

ALTER TABLE tracker.project DROP CONSTRAINT project_total_investment_check;
ALTER TABLE tracker.project ADD CONSTRAINT project_total_investment_valid
    CHECK (total_investment >= 0 AND total_investment < 'Infinity');
ALTER TABLE tracker.project_milestone ADD CONSTRAINT milestone_dates_finite
    CHECK (pg_catalog.isfinite(planned_date) AND pg_catalog.isfinite(actual_date));
ALTER TABLE tracker.project_investment DROP CONSTRAINT project_investment_amount_check;
ALTER TABLE tracker.project_investment ADD CONSTRAINT project_investment_amount_valid
    CHECK (amount >= 0 AND amount < 'Infinity');
ALTER TABLE tracker.project_plan DROP CONSTRAINT project_plan_planned_investment_check;
ALTER TABLE tracker.project_plan ADD CONSTRAINT project_plan_planned_investment_valid
    CHECK (planned_investment >= 0 AND planned_investment < 'Infinity');

CREATE FUNCTION tracker.region_parent_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    cycle pg_catalog.text[];
BEGIN
    WITH RECURSIVE up (code, parent, path, is_cycle) AS (
        SELECT r.code, r.parent, ARRAY[r.code], false
        FROM tracker.region r WHERE r.code = NEW.code
        UNION ALL
        SELECT r.code, r.parent, up.path || r.code, r.code = ANY (up.path)
        FROM up JOIN tracker.region r ON r.code = up.parent
        WHERE NOT up.is_cycle
    )
    SELECT u.path INTO cycle FROM up u WHERE u.is_cycle LIMIT 1;
    IF cycle IS NOT NULL THEN
        RAISE EXCEPTION 'region % is its own ancestor', cycle[pg_catalog.array_length(cycle, 1)]
            USING ERRCODE = 'check_violation',
                  DETAIL = pg_catalog.format('Following parent from %s: %s.', NEW.code,
                                             pg_catalog.array_to_string(cycle, ' → ')),
                  HINT = 'Regions form a tree: give one region of the cycle another parent, or none.';
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION tracker.region_parent_check() IS
    'constraint trigger function: rejects a region whose parent chain leads back to itself (23514)';
CREATE CONSTRAINT TRIGGER region_parent_acyclic
    AFTER INSERT OR UPDATE OF parent ON tracker.region
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION tracker.region_parent_check();

-- ---- 4. rebuild_series (55_observation_series.sql) ----

-- rebuild_series: the store from scratch, for all observations or those
-- of one region and/or indicator (NULL: any). The upkeep triggers do not
-- fire when observations are written with triggers disabled —
-- pg_restore --disable-triggers, session_replication_role = replica on a
-- logical replication subscriber — and scoreboard() then refuses to read
-- a store that misses the facts of its period (55000) until this has run.
-- It takes a lock on tracker.observation that lets readers on and makes
-- writers (and another rebuild) wait. SECURITY DEFINER like the triggers,
-- and for the same reason: only they write the store; EXECUTE is the
-- installing role's, to grant on.
CREATE FUNCTION tracker.rebuild_series(region pg_catalog.text DEFAULT NULL,
                                       indicator pg_catalog.text DEFAULT NULL)
RETURNS pg_catalog.int8
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    written pg_catalog.int8;
BEGIN
    LOCK TABLE tracker.observation IN SHARE ROW EXCLUSIVE MODE;
    IF rebuild_series.region IS NULL AND rebuild_series.indicator IS NULL THEN
        TRUNCATE tracker.observation_series;
    ELSE
        DELETE FROM tracker.observation_series s
        WHERE (rebuild_series.region IS NULL OR s.region = rebuild_series.region)
          AND (rebuild_series.indicator IS NULL OR s.indicator = rebuild_series.indicator);
    END IF;
    INSERT INTO tracker.observation_series (region, indicator, grain, series)
    SELECT o.region, o.indicator, tracker.grain(o.period),
           tracker.series(o.period, o.value, o.growth)
    FROM tracker.observation o
    WHERE (rebuild_series.region IS NULL OR o.region = rebuild_series.region)
      AND (rebuild_series.indicator IS NULL OR o.indicator = rebuild_series.indicator)
    GROUP BY o.region, o.indicator, tracker.grain(o.period);
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END $$;
COMMENT ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) IS
    'rebuilds tracker.observation_series from tracker.observation, for all or one region and/or indicator (NULL: any); returns the number of series written; after writes that skipped its triggers (pg_restore --disable-triggers, a replication subscriber)';
REVOKE EXECUTE ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tracker.rebuild_series(pg_catalog.text, pg_catalog.text) TO @extowner@ WITH GRANT OPTION;

-- ---- 5. Input faults (40_league.sql): NULL decimals mean no rounding ----
COMMENT ON AGGREGATE tracker.league(pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
    'a ranking of entities by value rounded half-even to the published decimals, so 24.14 and 24.06 tie at 24.1; NULL decimals: no rounding';

-- ---- last: the schema is sealed (99_schema_seal.sql) ----
DO $seal$
DECLARE
    nsp  pg_catalog.oid := (SELECT e.extnamespace FROM pg_catalog.pg_extension e
                            WHERE e.extname OPERATOR(pg_catalog.=) 'tracker');
    held pg_catalog.text := tracker.schema_foreign_objects(nsp);
BEGIN
    IF (SELECT n.nspname OPERATOR(pg_catalog.<>) 'tracker' OR NOT r.rolsuper
        FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles r
          ON r.oid OPERATOR(pg_catalog.=) n.nspowner
        WHERE n.oid OPERATOR(pg_catalog.=) nsp) THEN
        RAISE EXCEPTION 'the schema of extension tracker was renamed or changed hands while it was installed'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF held IS NOT NULL THEN
        RAISE EXCEPTION 'schema "tracker" holds objects of other roles'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('It holds %s.', held),
                  HINT = 'Drop those objects, then create the extension again.';
    END IF;
END
$seal$;
DROP FUNCTION tracker.schema_foreign_objects(pg_catalog.oid);
