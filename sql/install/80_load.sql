
-- Loading a bureau's table (README "Loading a bureau's table"): the
-- cells of a staged CSV, all text, become the reference tables' values
-- through figure() (numbers as printed) and region_code() /
-- indicator_code() (names as printed). One \copy into a staging table of
-- text columns, then one INSERT … SELECT.

-- figure(t): general purpose, in the schema the extension is created in.
-- The grammar is the core's (src/core/figure_text.h): thousands
-- separators only between groups of three, a percent sign that leaves the
-- number in percent, U+2212 and full-width forms, spaces and U+3000
-- around; a blank cell or a dash is "not published" (NULL), as the
-- bureaus' tables print it; no exponents, units, NaN or infinities.
CREATE FUNCTION @extschema@.figure(t pg_catalog.text) RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'figure_text' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.figure(pg_catalog.text) IS
    'a number as a bureau''s table prints it, as float8: 1,088.1 (thousands separators between groups of three), 4.0% (read as 4.0, a rate in percent as tracker''s growth columns hold it), −2.1 (U+2212), full-width １，０８８．１ －２．１ ４．０％, spaces and U+3000 around; NULL for NULL, a blank cell or a dash (— - － − – ―, or two of the same: not published); anything else 22P02 (no exponents, units such as 万 or 亿, NaN or infinities), a number beyond float8 22003';

-- Names as bureaus print them, looked up by exact name (or code) with
-- an index each, so that a load of many rows costs one index look-up a
-- name.
CREATE INDEX region_name_idx ON tracker.region (name);
CREATE INDEX indicator_name_idx ON tracker.indicator (name);

-- region_code(name [, parent]) and indicator_code(name): the code of the
-- one row whose name, or code, is the given text with the spaces around
-- it trimmed (ASCII whitespace, U+00A0, U+3000). Not SECURITY DEFINER:
-- they read the tables with the caller's rights (SELECT on the table).
-- search_path is pinned and every name qualified, so nothing a
-- non-superuser can create or shadow is resolved.
--  - No row: 42704 undefined_object, as regclass input raises for an
--    unknown relation, naming the name; the detail lists regions whose
--    names contain it or are contained in it.
--  - Several rows (the same district name under two cities, or a name
--    that is another region's code): 21000 cardinality_violation, the
--    SQLSTATE PostgreSQL gives a scalar subquery that returns more than
--    one row, which is what the lookup is; an ambiguous name is a fact of
--    the data, not of the statement, so not class 42 (42702, 42725 are
--    about names in the SQL text). The detail lists the candidates.
CREATE FUNCTION tracker.region_code(name pg_catalog.text, parent pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n     pg_catalog.text := pg_catalog.btrim(region_code.name, E' \t\n\r\f\u000B\u00A0\u3000');
    pn    pg_catalog.text := pg_catalog.btrim(region_code.parent, E' \t\n\r\f\u000B\u00A0\u3000');
    codes pg_catalog.text[];
    found_parent pg_catalog.bool;
    others pg_catalog.text;
BEGIN
    SELECT pg_catalog.array_agg(r.code ORDER BY r.code) INTO codes
    FROM tracker.region r
    WHERE (r.name = n OR r.code = n)
      AND r.parent IN (SELECT p.code FROM tracker.region p WHERE p.name = pn OR p.code = pn);
    IF pg_catalog.cardinality(codes) = 1 THEN
        RETURN codes[1];
    END IF;
    IF codes IS NOT NULL THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s, under %s)', r.code, r.name, r.parent),
                                     ', ' ORDER BY r.code)
        INTO others FROM tracker.region r WHERE r.code = ANY (codes);
        RAISE EXCEPTION 'region "%" under "%" is ambiguous', n, pn
            USING ERRCODE = 'cardinality_violation',
                  DETAIL = pg_catalog.format('It matches %s.', others),
                  HINT = 'Give the region''s code instead of its name.';
    END IF;
    SELECT EXISTS (SELECT FROM tracker.region p WHERE p.name = pn OR p.code = pn) INTO found_parent;
    IF NOT found_parent THEN
        RAISE EXCEPTION 'region "%" does not exist', pn
            USING ERRCODE = 'undefined_object',
                  DETAIL = pg_catalog.format('It was given as the parent of "%s".', n),
                  HINT = 'A parent is the name or the code of a row of tracker.region.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (under %s)', r.code, COALESCE(r.parent, 'none')),
                                 ', ' ORDER BY r.code)
    INTO others FROM tracker.region r WHERE r.name = n OR r.code = n;
    RAISE EXCEPTION 'region "%" under "%" does not exist', n, pn
        USING ERRCODE = 'undefined_object',
              DETAIL = CASE WHEN others IS NULL THEN 'No region has that name or code.'
                            ELSE pg_catalog.format('Regions of that name or code: %s.', others) END,
              HINT = 'region_code matches the name or the code of a row of tracker.region exactly, spaces around it trimmed; add the region there, or correct the name.';
END $$;
COMMENT ON FUNCTION tracker.region_code(pg_catalog.text, pg_catalog.text) IS
    'the code of the region named name (its exact name or its code, spaces around trimmed) whose parent is named or coded parent, for loading a bureau''s table; NULL for NULL; 42704 when none, 21000 listing the codes when several';

CREATE FUNCTION tracker.region_code(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n      pg_catalog.text := pg_catalog.btrim(region_code.name, E' \t\n\r\f\u000B\u00A0\u3000');
    codes  pg_catalog.text[];
    others pg_catalog.text;
BEGIN
    SELECT pg_catalog.array_agg(r.code ORDER BY r.code) INTO codes
    FROM tracker.region r WHERE r.name = n OR r.code = n;
    IF pg_catalog.cardinality(codes) = 1 THEN
        RETURN codes[1];
    END IF;
    IF codes IS NOT NULL THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s, under %s)', r.code, r.name,
                                                       COALESCE(r.parent, 'none')),
                                     ', ' ORDER BY r.code)
        INTO others FROM tracker.region r WHERE r.code = ANY (codes);
        RAISE EXCEPTION 'region "%" is ambiguous', n
            USING ERRCODE = 'cardinality_violation',
                  DETAIL = pg_catalog.format('It matches %s.', others),
                  HINT = 'Give the region''s code, or its parent: tracker.region_code(name, parent).';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', s.name, s.code), ', ')
    INTO others
    FROM (SELECT r.name, r.code FROM tracker.region r
          WHERE n <> '' AND r.name <> ''
            AND (pg_catalog.strpos(r.name, n) > 0 OR pg_catalog.strpos(n, r.name) > 0)
          ORDER BY r.code LIMIT 5) s;
    RAISE EXCEPTION 'region "%" does not exist', n
        USING ERRCODE = 'undefined_object',
              DETAIL = CASE WHEN others IS NULL THEN 'No region has that name or code.'
                            ELSE pg_catalog.format('Regions of similar names: %s.', others) END,
              HINT = 'region_code matches the name or the code of a row of tracker.region exactly, spaces around it trimmed; add the region there, or correct the name.';
END $$;
COMMENT ON FUNCTION tracker.region_code(pg_catalog.text) IS
    'the code of the region named name (its exact name in tracker.region, or its code; spaces, U+00A0 and U+3000 around trimmed), for loading a bureau''s table; NULL for NULL; 42704 (undefined_object) naming it when no region matches, 21000 (cardinality_violation) listing the codes when several do (then give the parent: region_code(name, parent))';

CREATE FUNCTION tracker.indicator_code(name pg_catalog.text)
RETURNS pg_catalog.text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n      pg_catalog.text := pg_catalog.btrim(indicator_code.name, E' \t\n\r\f\u000B\u00A0\u3000');
    codes  pg_catalog.text[];
    others pg_catalog.text;
BEGIN
    SELECT pg_catalog.array_agg(i.code ORDER BY i.code) INTO codes
    FROM tracker.indicator i WHERE i.name = n OR i.code = n;
    IF pg_catalog.cardinality(codes) = 1 THEN
        RETURN codes[1];
    END IF;
    IF codes IS NOT NULL THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', i.code, i.name), ', ' ORDER BY i.code)
        INTO others FROM tracker.indicator i WHERE i.code = ANY (codes);
        RAISE EXCEPTION 'indicator "%" is ambiguous', n
            USING ERRCODE = 'cardinality_violation',
                  DETAIL = pg_catalog.format('It matches %s.', others),
                  HINT = 'Give the indicator''s code instead of its name.';
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s)', s.name, s.code), ', ')
    INTO others
    FROM (SELECT i.name, i.code FROM tracker.indicator i
          WHERE n <> '' AND i.name <> ''
            AND (pg_catalog.strpos(i.name, n) > 0 OR pg_catalog.strpos(n, i.name) > 0)
          ORDER BY i.code LIMIT 5) s;
    RAISE EXCEPTION 'indicator "%" does not exist', n
        USING ERRCODE = 'undefined_object',
              DETAIL = CASE WHEN others IS NULL THEN 'No indicator has that name or code.'
                            ELSE pg_catalog.format('Indicators of similar names: %s.', others) END,
              HINT = 'indicator_code matches the name or the code of a row of tracker.indicator exactly, spaces around it trimmed; add the indicator there, or correct the name.';
END $$;
COMMENT ON FUNCTION tracker.indicator_code(pg_catalog.text) IS
    'the code of the indicator named name (its exact name in tracker.indicator, or its code; spaces, U+00A0 and U+3000 around trimmed), for loading a bureau''s table; NULL for NULL; 42704 (undefined_object) naming it when no indicator matches, 21000 (cardinality_violation) listing the codes when several do';
