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
REVOKE TRIGGER
    ON tracker.region, tracker.indicator, tracker.observation, tracker.target,
       tracker.project, tracker.project_milestone, tracker.project_investment,
       tracker.project_plan
    FROM @extowner@ CASCADE;

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
