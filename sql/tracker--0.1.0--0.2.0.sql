-- tracker 0.1.0 → 0.2.0. Run by ALTER EXTENSION tracker UPDATE; the
-- result must equal a fresh install of 0.2.0 (test/upgrade compares the
-- catalogs and the stored values).

\echo Use "ALTER EXTENSION tracker UPDATE TO '0.2.0'" to load this file. \quit
