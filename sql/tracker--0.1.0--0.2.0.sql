-- tracker 0.1.0 → 0.2.0. Run by ALTER EXTENSION tracker UPDATE; the
-- result must equal a fresh install of 0.2.0 (test/upgrade compares the
-- catalogs and the stored values).

\echo Use "ALTER EXTENSION tracker UPDATE TO '0.2.0'" to load this file. \quit

-- input faults (series, league)
COMMENT ON AGGREGATE tracker.league(pg_catalog.text, pg_catalog.float8, pg_catalog.int4) IS
    'a ranking of entities by value rounded half-even to the published decimals, so 24.14 and 24.06 tie at 24.1; NULL decimals: no rounding';
