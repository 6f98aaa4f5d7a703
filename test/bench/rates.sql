-- Scalar rate functions against the same logic written inline, as an
-- (inlinable) LANGUAGE sql function and as PL/pgSQL, over 5 million rows,
-- one backend (no parallel workers), median of 5 runs each.
\set rows 5000000
SET max_parallel_workers_per_gather = 0;
SET jit = off;
CREATE TABLE bench.pairs AS
    SELECT (random() * 1000)::float8 AS a, (random() * 1000 - 50)::float8 AS b
    FROM generate_series(1, :rows);
VACUUM ANALYZE bench.pairs;

CREATE OR REPLACE FUNCTION bench.growth_sql(a float8, b float8) RETURNS float8
    LANGUAGE sql IMMUTABLE AS 'SELECT CASE WHEN b > 0 THEN (a - b) / b * 100 END';
CREATE OR REPLACE FUNCTION bench.growth_plpgsql(a float8, b float8) RETURNS float8
    LANGUAGE plpgsql IMMUTABLE AS 'BEGIN IF b > 0 THEN RETURN (a - b) / b * 100; END IF; RETURN NULL; END';
CREATE OR REPLACE FUNCTION bench.attainment_sql(a float8, t float8) RETURNS float8
    LANGUAGE sql IMMUTABLE AS
    'SELECT CASE WHEN t > 0 THEN a / t * 100 WHEN t < 0 THEN (2 - a / t) * 100 END';
CREATE OR REPLACE FUNCTION bench.attainment_plpgsql(a float8, t float8) RETURNS float8
    LANGUAGE plpgsql IMMUTABLE AS
    'BEGIN IF t > 0 THEN RETURN a / t * 100; ELSIF t < 0 THEN RETURN (2 - a / t) * 100; END IF; RETURN NULL; END';

SELECT bench.time('growth', 'inline CASE', 'SELECT sum(CASE WHEN b > 0 THEN (a - b) / b * 100 END) FROM bench.pairs');
SELECT bench.time('growth', 'growth', 'SELECT sum(growth(a, b)) FROM bench.pairs');
SELECT bench.time('growth', 'LANGUAGE sql', 'SELECT sum(bench.growth_sql(a, b)) FROM bench.pairs');
SELECT bench.time('growth', 'PL/pgSQL', 'SELECT sum(bench.growth_plpgsql(a, b)) FROM bench.pairs', 3);
SELECT bench.time('attainment', 'inline CASE',
    'SELECT sum(CASE WHEN b > 0 THEN a / b * 100 WHEN b < 0 THEN (2 - a / b) * 100 END) FROM bench.pairs');
SELECT bench.time('attainment', 'attainment', 'SELECT sum(attainment(a, b)) FROM bench.pairs');
SELECT bench.time('attainment', 'LANGUAGE sql', 'SELECT sum(bench.attainment_sql(a, b)) FROM bench.pairs');
SELECT bench.time('attainment', 'PL/pgSQL', 'SELECT sum(bench.attainment_plpgsql(a, b)) FROM bench.pairs', 3);

\echo growth(a, b) over :rows rows; ratio to the inline expression (bar: growth <= 1.2)
SELECT * FROM bench.report('growth', 'inline CASE');
\echo attainment(a, b) over :rows rows; ratio to the inline expression (bar: attainment <= 1.2)
SELECT * FROM bench.report('attainment', 'inline CASE');
DROP TABLE bench.pairs;
