#!/usr/bin/env python3
# Copy the 0.2.0 definitions that the update from 0.1.0 carries from the
# install fragments (sql/install/) into the upgrade script, so that the two
# never drift: a released upgrade script is frozen and must stand alone, so
# it repeats them. In the update the fragments' user-facing schema
# @extschema@ is tracker_0_1_0 (0.1.0's schema, renamed). Run after
# changing a fragment the update carries; test/upgrade fails when running
# it would change the script.
#   sql/sync_upgrade.py [OUTPUT]   (default: rewrite the script in place)
import os, re, sys
root=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
up=os.path.join(root, 'sql/tracker--0.1.0--0.2.0.sql')
target=sys.argv[1] if len(sys.argv) > 1 else up
cur=[open(up).read()]
s=cur[0]
def frag(name): return open(os.path.join(root, 'sql/install', name)).read().replace('@extschema@','tracker_0_1_0')
def span(text, a, b):
    i=text.index(a); j=text.index(b, i)+len(b); return i,j
def sync(fragname, a, b, replace_create=False):
    global s
    f=frag(fragname)
    fi,fj=span(f,a,b)
    i,j=span(s,a.replace('CREATE FUNCTION','CREATE OR REPLACE FUNCTION') if replace_create else a,b)
    body=f[fi:fj]
    if replace_create: body=body.replace('CREATE FUNCTION','CREATE OR REPLACE FUNCTION',1)
    s=s[:i]+body+s[j:]
sync('50_schema.sql','-- A region may not be its own ancestor','FOR EACH ROW EXECUTE FUNCTION tracker.region_parent_check();')
sync('50_schema.sql',"CREATE FUNCTION tracker.project_milestone_check() RETURNS trigger","END $$;", replace_create=True)
# section 10, from 55_observation_series.sql
f=frag('55_observation_series.sql')
hi,hj=span(f,"-- The store's SQL, bound to the extension's functions by OID.","for scoreboard''s check that the series store is current';\n")
si,sj=span(f,"CREATE FUNCTION tracker.observation_series_sync() RETURNS trigger","END $$;")
ri,rj=span(f,"-- rebuild_series: the store from scratch","TO @extowner@ WITH GRANT OPTION;")
sec10=("-- ---- 10. The store's upkeep, bound by OID (55_observation_series.sql) ----\n"
       + f[hi:hj] + "\n" + f[si:sj].replace('CREATE FUNCTION','CREATE OR REPLACE FUNCTION',1) + "\n\n" + f[ri:rj] + "\n")
m='-- ---- 10.'
if m in s: s=s[:s.index(m)]
s=s.rstrip('\n')+'\n\n'+sec10
cur[0]=s

# section 11: comments whose text a fresh install words otherwise (they
# named the user-facing objects under schema tracker)
import glob
pat=re.compile(r"COMMENT ON ((?:FUNCTION|AGGREGATE|TYPE|OPERATOR|TABLE|SCHEMA|COLUMN)[^\n]*?) IS\s*\n?\s*('(?:[^']|'')*');", re.S)
def comments(text):
    return {m.group(1).strip(): m.group(2) for m in pat.finditer(text)}
fresh={}
for f in sorted(glob.glob(os.path.join(root, 'sql/install/*.sql'))):
    fresh.update(comments(open(f).read().replace('@extschema@','tracker_0_1_0')))
old=comments(open(os.path.join(root, 'sql/tracker--0.1.0.sql')).read())
old={re.sub(r'\btracker\.', 'X.', k): v for k,v in old.items()}
s=cur[0]
m11='-- ---- 11.'
if m11 in s: s=s[:s.index(m11)]
body=s
done=comments(body)
out=[]
for k,v in fresh.items():
    if 'tracker.scoreboard(' in k or 'tracker.local_addition' in k or k.startswith('COLUMN') or k.startswith('TRIGGER'):
        continue   # sections 13-15
    # the object as 0.1.0 named it
    k0=re.sub(r'\btracker_0_1_0\.', 'X.', k); k0=re.sub(r'\btracker\.', 'X.', k0)
    if k in done or k.replace('tracker_0_1_0.','tracker.') in done:
        if done.get(k, done.get(k.replace('tracker_0_1_0.','tracker.'))) == v: continue
    if k0 in old and old[k0]==v: continue
    if k0 not in old and k not in done: continue   # new in 0.2.0: made above with its comment
    out.append(f"COMMENT ON {k} IS\n    {v};")
s=body.rstrip('\n')+'\n\n'+m11+" Comments that named the types under schema tracker ----\n"+'\n'.join(out)+'\n'
cur[0]=s

# sections 12-15: whole fragments and statements of 0.2.0 that the update
# carries as they are
s=cur[0]
m12='-- ---- 12.'
if m12 in s: s=s[:s.index(m12)]
f70=frag('70_scoreboard.sql')
i,j=span(f70,"CREATE FUNCTION tracker.scoreboard(","'scoreboard';")
newsig="tracker.scoreboard_0_2_0(tracker_0_1_0.period, pg_catalog.date, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace)"
sb=("-- 0.1.0's scoreboard(p, as_of) takes its new arguments in place: a\n"
    "-- materialized view over it (the usual way to publish a board) refers\n"
    "-- to this function, which DROP would refuse and CREATE OR REPLACE cannot\n"
    "-- give more arguments. Its catalog row takes the signature of a function\n"
    "-- made with the new one, so that it is what CREATE FUNCTION writes; a\n"
    "-- view's stored call keeps its two arguments, and the C function reads\n"
    "-- the filters only when they are passed.\n"
    + f70[i:j].replace("CREATE FUNCTION tracker.scoreboard(","CREATE FUNCTION tracker.scoreboard_0_2_0(",1) + "\n"
    "UPDATE pg_catalog.pg_proc o\n"
    "SET proisstrict = n.proisstrict, provolatile = n.provolatile, proparallel = n.proparallel,\n"
    "    pronargs = n.pronargs, pronargdefaults = n.pronargdefaults, proargtypes = n.proargtypes,\n"
    "    proallargtypes = n.proallargtypes, proargmodes = n.proargmodes, proargnames = n.proargnames,\n"
    "    proargdefaults = n.proargdefaults, prosrc = n.prosrc, probin = n.probin, procost = n.procost,\n"
    "    prorows = n.prorows\n"
    "FROM pg_catalog.pg_proc n\n"
    "WHERE o.oid OPERATOR(pg_catalog.=) 'tracker.scoreboard(tracker_0_1_0.period, pg_catalog.date)'::pg_catalog.regprocedure\n"
    "  AND n.oid OPERATOR(pg_catalog.=) '" + newsig + "'::pg_catalog.regprocedure;\n"
    "DROP FUNCTION " + newsig + ";")
ci,cj=span(f70,"COMMENT ON FUNCTION tracker.scoreboard(","';")
oc=f70[f70.index("-- The facts of two periods among some regions"):f70.index("for a filtered scoreboard''s check that the series store is current';")+len("for a filtered scoreboard''s check that the series store is current';")]
g=frag('90_grants.sql')
gi,gj=span(g,"-- An office's own columns and indexes","WITH GRANT OPTION;")
s=s.rstrip('\n')+'\n\n'+ \
"-- ---- 12. Facts: a growth of -100% or less is its own rule (50_schema.sql) ----\n" + \
"""ALTER TABLE tracker.observation
    DROP CONSTRAINT observation_finite,
    ADD CONSTRAINT observation_finite CHECK (
        value > '-Infinity' AND value < 'Infinity'
        AND growth > '-Infinity' AND growth < 'Infinity'),
    ADD CONSTRAINT observation_growth_valid CHECK (growth > -100);
""" + \
"\n-- ---- 13. scoreboard(p) as of the end of p, NULL as_of too; filters (70_scoreboard.sql) ----\n" + sb + "\n" + f70[ci:cj] + "\n\n" + oc + "\n" + \
"\n-- ---- 14. An office's own columns and indexes (57_local_addition.sql, 90_grants.sql) ----\n" + frag('57_local_addition.sql').strip('\n') + "\n" + g[gi:gj] + "\n" + \
"\n-- ---- 15. What each column and trigger means (59_comments.sql) ----\n" + frag('59_comments.sql').strip('\n') + "\n"
cur[0]=s

s=cur[0]
m16='-- ---- 16.'
if m16 in s: s=s[:s.index(m16)]
f20_=frag('20_rates.sql')
li,lj=span(f20_,"-- What a 通报 calls a light","'rate_light_label' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;")
ci,cj=span(f20_,"COMMENT ON FUNCTION tracker_0_1_0.label(tracker_0_1_0.light, pg_catalog.text, pg_catalog.text) IS","';\n")
lights_block=f20_[li:cj].rstrip('\n')
s=s.rstrip('\n')+'\n\n'+"-- ---- 16. Loading a bureau's table (80_load.sql) ----\n" + \
  "-- As in 80_load.sql, word for word but for the schema of figure(): the\n" + \
  "-- user-facing schema, which at this point of the update is tracker_0_1_0.\n" + \
  open(os.path.join(root, 'sql/install/80_load.sql')).read().replace('@extschema@.','tracker_0_1_0.').rstrip('\n') + '\n\n' + \
  "-- ---- 17. Lights in words (20_rates.sql) ----\n" + \
  lights_block + '\n' + \
  "-- ---- 18. The 通报 (72_bulletin.sql) ----" + frag('72_bulletin.sql').rstrip('\n') + '\n\n' + \
  "-- ---- 19. Bound to nothing a non-superuser owns (95_bound.sql) ----"+frag('95_bound.sql').rstrip('\n')+'\n'
cur[0]=s
open(target, "w").write(cur[0])
