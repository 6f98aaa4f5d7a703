-- tracker — install script, assembled from sql/install/*.sql.

\echo Use "CREATE EXTENSION tracker" to load this file. \quit

-- The control file fixes the schema to tracker. PostgreSQL installs into
-- an existing schema of that name whoever owns it, and a schema's owner
-- can later drop or shadow what lives there: refuse a schema owned by
-- anyone but the role installing the extension.
DO $guard$
DECLARE
    schema_owner pg_catalog.name;
    installer pg_catalog.name;
BEGIN
    SELECT r.rolname INTO schema_owner
    FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner
    WHERE n.nspname = 'tracker';
    SELECT r.rolname INTO installer
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_roles r ON r.oid = e.extowner
    WHERE e.extname = 'tracker';
    IF schema_owner IS DISTINCT FROM installer THEN
        RAISE EXCEPTION 'schema "tracker" is owned by role "%", not by the role installing the extension', schema_owner
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Drop or rename that schema, or install the extension as its owner.';
    END IF;
END
$guard$;
