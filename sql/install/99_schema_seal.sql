-- The end of the install: nothing but the superuser's objects in schema
-- tracker. An object someone created there while this script ran (they
-- owned the schema until 00_schema_guard.sql passed it on) fails the
-- install here.
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
