-- tracker — install script, assembled from sql/install/*.sql.

\echo Use "CREATE EXTENSION tracker" to load this file. \quit

-- PostgreSQL runs this script with the extension's schema first on
-- search_path, and that schema may be the installing role's, with
-- operators planted in it: growth > -100 compares float8 with int4, for
-- which pg_catalog has no exact operator, so a planted >(float8, int4)
-- would be the better match and be bound into the CHECK constraints of
-- tables a superuser writes. Every name below is qualified (pg_catalog,
-- tracker, @extschema@); only pg_catalog is searched. (Restored when
-- the script ends.)
SELECT pg_catalog.set_config('search_path', 'pg_catalog, pg_temp', true);

-- Two schemas. The types, operators, functions and aggregates go into
-- the schema named at CREATE EXTENSION (@extschema@ below; the current
-- schema by default), so that they are found on the users' search_path:
-- `period = '2022-Q3'`, `max(period)` and `series(...)` then work in psql
-- and in every client without a setting. That schema may belong to a
-- user, who may rename it and create look-alikes in it. So nothing that
-- runs with more rights than its caller finds anything there by name:
-- such code lives in schema tracker and reaches the extension's
-- functions through SQL-standard bodies (BEGIN ATOMIC), bound by OID
-- when this script made them, or from C by the OIDs of its own
-- arguments.
--
-- Schema tracker, made here by the superuser running this script (in a
-- trusted install, the bootstrap superuser), holds the reference tables
-- and the code over them (scoreboard, the series store's upkeep); only a
-- superuser can ever create, rename or shadow anything in it.
--
-- The control file could not name it: PostgreSQL would then make it
-- before this script runs, owned by the installing role, who could rename
-- it and put look-alikes under its name; or it would use a schema of that
-- name that someone else made, and its owner could create objects in it
-- until this transaction commits. So a schema named tracker that exists
-- already is refused, whoever owns it. The schema is made inside the
-- install's transaction, invisible to other sessions until it belongs to
-- the superuser, and is a member of the extension: DROP EXTENSION drops
-- it.
DO $guard$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace n
               WHERE n.nspname OPERATOR(pg_catalog.=) 'tracker') THEN
        RAISE EXCEPTION 'schema "tracker" already exists'
            USING ERRCODE = 'duplicate_schema',
                  DETAIL = 'The extension makes schema tracker itself, so that nobody but a superuser ever owns it or anything in it.',
                  HINT = 'Drop or rename that schema, then create the extension again, in another schema (CREATE EXTENSION tracker SCHEMA public).';
    END IF;
END
$guard$;

CREATE SCHEMA tracker;
COMMENT ON SCHEMA tracker IS
    'tracker: the reference tables of campaign offices (regions, indicators, facts as published, targets, projects), the stored series, and the scoreboard over them; owned by the superuser, made and dropped with the extension (its types and functions are in the schema named at CREATE EXTENSION); an office adds its own columns and indexes to the tables through tracker.local_addition';
