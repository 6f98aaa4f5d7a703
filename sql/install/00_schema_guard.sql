-- tracker — install script, assembled from sql/install/*.sql.

\echo Use "CREATE EXTENSION tracker" to load this file. \quit

-- Schema tracker passes to the superuser running this script.
--
-- The control file names the schema, so PostgreSQL creates it before
-- this script runs, owned by the role running CREATE EXTENSION: in a
-- trusted install a database owner, not a superuser. A schema's owner can
-- rename it and create look-alikes under its old name, and then code
-- that runs with more rights than its caller (the SECURITY DEFINER
-- trigger function that keeps observation_series, a superuser calling
-- scoreboard) would resolve tracker.* to theirs. So the schema must
-- belong to a superuser, who alone can then create, rename or shadow
-- anything in it.
--
-- A schema that existed before (made by hand, left behind by DROP
-- EXTENSION, or made by pg_restore ahead of CREATE EXTENSION) is taken
-- over only when a superuser or the installing role owns it, when it
-- lets no other role create in it, and when it holds nothing of anyone
-- but a superuser: anything already in it could shadow the extension's
-- objects.
-- The last fragment (99_schema_seal.sql) checks again at the end.
DO $guard$
DECLARE
    owner     pg_catalog.oid;
    installer pg_catalog.oid;
    acl       pg_catalog.aclitem[];
BEGIN
    SELECT e.extowner, n.nspowner, n.nspacl INTO installer, owner, acl
    FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n
      ON n.oid OPERATOR(pg_catalog.=) e.extnamespace
    WHERE e.extname OPERATOR(pg_catalog.=) 'tracker';
    IF owner OPERATOR(pg_catalog.<>) installer
       AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) owner) THEN
        RAISE EXCEPTION 'schema "tracker" is owned by role "%", neither a superuser nor the role installing the extension',
                pg_catalog.pg_get_userbyid(owner)
            USING ERRCODE = 'insufficient_privilege',
                  HINT = 'Drop or rename that schema, then create the extension again.';
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.aclexplode(acl) a
               WHERE a.grantee OPERATOR(pg_catalog.<>) owner
                 AND a.privilege_type OPERATOR(pg_catalog.=) 'CREATE') THEN
        RAISE EXCEPTION 'schema "tracker" lets other roles create objects in it'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('Its privileges are %s.', acl),
                  HINT = 'Revoke them, or drop the schema, then create the extension again.';
    END IF;
END
$guard$;

-- The objects in a schema that a role other than a superuser owns, as
-- text for a message; NULL when there are none. Every object the
-- extension creates belongs to the superuser running its script, so in
-- schema tracker this lists what someone else put there. Used here and by
-- 99_schema_seal.sql, which drops it again.
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

DO $guard$
DECLARE
    held pg_catalog.text := tracker.schema_foreign_objects(
        (SELECT e.extnamespace FROM pg_catalog.pg_extension e
         WHERE e.extname OPERATOR(pg_catalog.=) 'tracker'));
BEGIN
    IF held IS NOT NULL THEN
        RAISE EXCEPTION 'schema "tracker" already holds objects of other roles'
            USING ERRCODE = 'insufficient_privilege',
                  DETAIL = pg_catalog.format('It holds %s.', held),
                  HINT = 'The extension needs a schema of its own: drop those objects or the schema, then create the extension again.';
    END IF;
END
$guard$;

ALTER SCHEMA tracker OWNER TO CURRENT_USER;
