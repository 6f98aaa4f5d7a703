-- Benchmark harness: bench_time(label, query, runs) runs a query `runs`
-- times after one warm-up and records the median wall time; bench_report
-- prints each result with its ratio to a baseline label. Everything is
-- measured in the same session, one after the other.
CREATE SCHEMA IF NOT EXISTS bench;
CREATE TABLE IF NOT EXISTS bench.result (topic text, label text, ms float8,
                                         PRIMARY KEY (topic, label));

CREATE OR REPLACE FUNCTION bench.time(topic text, label text, query text, runs int DEFAULT 5)
RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    times float8[] := '{}';
    median float8;
BEGIN
    EXECUTE query;
    FOR i IN 1..runs LOOP
        t0 := clock_timestamp();
        EXECUTE query;
        times := times || extract(epoch FROM clock_timestamp() - t0) * 1000;
    END LOOP;
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) INTO median FROM unnest(times) t;
    INSERT INTO bench.result AS r VALUES (time.topic, time.label, median)
        ON CONFLICT ON CONSTRAINT result_pkey DO UPDATE SET ms = excluded.ms;
    RETURN median;
END $$;

-- bench.pair(topic, label_a, query_a, label_b, query_b, runs): the two
-- queries run alternately, runs times each after a warm-up of each, and
-- each median is recorded; returns the ratio of b's to a's. On a machine
-- that other work shares, load that comes and goes then falls on both,
-- where one block of runs after the other can catch it on one side only.
CREATE OR REPLACE FUNCTION bench.pair(topic text, label_a text, query_a text,
                                      label_b text, query_b text, runs int DEFAULT 9)
RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz;
    a float8[] := '{}';
    b float8[] := '{}';
BEGIN
    EXECUTE query_a;
    EXECUTE query_b;
    FOR i IN 1..runs LOOP
        t0 := clock_timestamp();
        EXECUTE query_a;
        a := a || extract(epoch FROM clock_timestamp() - t0) * 1000;
        t0 := clock_timestamp();
        EXECUTE query_b;
        b := b || extract(epoch FROM clock_timestamp() - t0) * 1000;
    END LOOP;
    INSERT INTO bench.result AS r
    SELECT pair.topic, pair.label_a, percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(a) t
    UNION ALL
    SELECT pair.topic, pair.label_b, percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(b) t
        ON CONFLICT ON CONSTRAINT result_pkey DO UPDATE SET ms = excluded.ms;
    RETURN (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(b) t)
         / (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY t) FROM unnest(a) t);
END $$;

-- bench.once(topic, label, statement): run a statement that cannot be
-- repeated (a bulk load) once and record its wall time.
CREATE OR REPLACE FUNCTION bench.once(topic text, label text, query text)
RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    t0 timestamptz := clock_timestamp();
    ms float8;
BEGIN
    EXECUTE query;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    INSERT INTO bench.result AS r VALUES (once.topic, once.label, ms)
        ON CONFLICT ON CONSTRAINT result_pkey DO UPDATE SET ms = excluded.ms;
    RETURN ms;
END $$;

CREATE OR REPLACE FUNCTION bench.report(topic text, baseline text)
RETURNS TABLE (label text, ms numeric, ratio numeric) LANGUAGE sql AS $$
    SELECT r.label, round(r.ms::numeric, 1), round((r.ms / b.ms)::numeric, 2)
    FROM bench.result r JOIN bench.result b ON b.topic = r.topic AND b.label = baseline
    WHERE r.topic = report.topic ORDER BY r.ms
$$;
