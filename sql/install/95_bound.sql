
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
