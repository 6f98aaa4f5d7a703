-- tracker — install script, assembled from sql/install/*.sql.

\echo Use "CREATE EXTENSION tracker" to load this file. \quit

-- Schema tracker, made here by the superuser running this script (in a
-- trusted install, the bootstrap superuser), so that only a superuser can
-- ever create, rename or shadow anything in it. Code that runs with more
-- rights than its caller (the SECURITY DEFINER functions that keep
-- observation_series, a superuser calling scoreboard) resolves the
-- extension's objects by names in this schema.
--
-- The control file does not name it: PostgreSQL would then make it before
-- this script runs, owned by the installing role, who could rename it and
-- put look-alikes under its name; or it would use a schema of that name
-- that someone else made, and its owner could create objects in it until
-- this transaction commits. So a schema named tracker that exists already
-- is refused, whoever owns it. The schema is made inside the install's
-- transaction, invisible to other sessions until it belongs to the
-- superuser, and is a member of the extension: DROP EXTENSION drops it.
DO $guard$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_namespace n
               WHERE n.nspname OPERATOR(pg_catalog.=) 'tracker') THEN
        RAISE EXCEPTION 'schema "tracker" already exists'
            USING ERRCODE = 'duplicate_schema',
                  DETAIL = 'The extension makes schema tracker itself, so that nobody but a superuser ever owns it or anything in it.',
                  HINT = 'Drop or rename that schema, then create the extension again.';
    END IF;
END
$guard$;

CREATE SCHEMA tracker;
COMMENT ON SCHEMA tracker IS
    'tracker: reporting periods, series and leagues, rates, and the reference tables and scoreboards of campaign offices; owned by the superuser, made and dropped with the extension';
