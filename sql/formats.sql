-- The stored and binary forms of released versions still read (issue 10):
-- every format carries a version byte, and what tracker 0.1.0 wrote must
-- read the same in every later release. A release that changes a format
-- bumps its version, keeps decoding the old one, and adds the new bytes
-- here beside these.
SET search_path = tracker, public;

-- 1. Binary forms (send/recv, COPY … (FORMAT binary), drivers): the
-- bytes 0.1.0's series_send and league_send gave (layouts in
-- src/core/series.h and league.h; test/unit/test_formats.c takes them
-- apart) come back through recv as the values that were sent.
--  series: version 1, grain 2 (month), 2 facts: unit 24265 (2022-02 =
--  12 * 2022 + 1), flags 3 (year to date, with a rate), 240 and +20;
--  unit 24266 (2022-03), flags 0, 150.
--  league: version 1, decimals 1, 2 entities: 海曙 (6 bytes) 24.1 and
--  b -5.
SELECT current_setting('data_directory') || '/tracker_regress_formats.bin' AS binfile \gset
CREATE TEMP TABLE raw (b bytea);
CREATE TEMP TABLE got (s series);
INSERT INTO raw VALUES ('\x010200000002'
                        '00005ec903406e00000000000040340000000000000000'
                        '5eca004062c00000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
SELECT s, value(s, '2022-Q1') AS q1, yoy(s, '2022-01..02') AS rate FROM got;
SELECT series_send(s) = (SELECT b FROM raw) AS sends_the_same_bytes FROM got;
CREATE TEMP TABLE got_league (l league);
TRUNCATE raw;
INSERT INTO raw VALUES ('\x010100000002'
                        '00000006e6b5b7e69b99403819999999999a'
                        '0000000162c014000000000000');
COPY raw TO :'binfile' (FORMAT binary);
COPY got_league FROM :'binfile' (FORMAT binary);
SELECT l, rank(l, '海曙') AS first, rank(l, 'b') AS second FROM got_league;
SELECT league_send(l) = (SELECT b FROM raw) AS sends_the_same_bytes FROM got_league;

-- 2. Stored forms: the bytes a value occupies in a table (read off the
-- page with pageinspect) are 0.1.0's. Little-endian (x86_64), as 0.1.0
-- was released for; a short (1-byte) varlena header as PostgreSQL packs
-- small values.
--  series: header 0x7b (61 bytes), version 1, grain 2, flags 0, n 2,
--  padding; each fact: unit (int4), year-to-date flag, rate flag, two
--  padding bytes, value and rate (float8): 24265 (0x5ec9) 1 1 240 20;
--  24266 (0x5eca) 0 0 150 0.
--  league: header 0x9b (77 bytes), version 1, three padding bytes, then
--  the core's flat block (n 2, decimals 1, values in rank order, names).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pageinspect;
RESET client_min_messages;
CREATE TABLE stored_series (s series);
INSERT INTO stored_series VALUES ('{2022-01..02: 240 (+20%), 2022-03: 150}');
SELECT t_data = '\x7b010200000200000000000000c95e0000010100000000000000006e40'
                '0000000000003440ca5e0000000000000000000000c06240'
                '0000000000000000'::bytea AS series_stored_as_in_0_1_0
FROM heap_page_items(get_raw_page('stored_series', 0));
CREATE TABLE stored_league (l league);
INSERT INTO stored_league VALUES ('{"海曙": 24.1, "b": -5}/1');
SELECT t_data = '\x9b01000000020000000100000002000000070000009a99999999193840'
                '00000000000014c00000000001000000010000000000000000000000'
                '0600000007000000e6b5b7e69b99620000000000'::bytea AS league_stored_as_in_0_1_0
FROM heap_page_items(get_raw_page('stored_league', 0));
DROP TABLE stored_series, stored_league;
DROP EXTENSION pageinspect;

-- 3. Version 2 (0.2.0): only what version 1 cannot hold, a fact without
-- a level or a ratio series, is written in it (layouts in
-- src/core/series.h; test/unit/test_formats.c takes the same bytes
-- apart).
--  amount: version 2, grain 2 (month), kind 0, 3 facts: unit 24269
--  (2022-06 = 12 * 2022 + 5) flags 0, 120; unit 24270 flags 6 (a rate, no
--  level), +8.3; unit 24271 flags 4 (no level, no rate).
--  ratio: version 2, grain 2, kind 1, 2 facts: 2022-06 flags 0, 98.4;
--  2022-07 flags 2, 98.1 and +0.3 points.
CREATE TEMP TABLE raw2 (name text, b bytea);
INSERT INTO raw2 VALUES
  ('amount', '\x02020000000003'
             '00005ecd00405e000000000000'
             '00005ece06402099999999999a'
             '00005ecf04'),
  ('ratio', '\x02020100000002'
            '00005ecd00405899999999999a'
            '00005ece0240588666666666663fd3333333333333');
CREATE TEMP TABLE got2 (name text, s series);
COPY raw2 TO :'binfile' (FORMAT binary);
COPY got2 FROM :'binfile' (FORMAT binary);
SELECT name, s, kind(s), yoy(s, '2022-07') AS jul_growth FROM got2 ORDER BY name;
SELECT name, series_send(s) = (SELECT b FROM raw2 r WHERE r.name = g.name) AS sends_the_same_bytes
FROM got2 g ORDER BY name;
-- 0.1.0's series of section 1, sent in version 2 (as a client may), is
-- stored and sent in version 1: 0.1.0's bytes.
TRUNCATE raw;
INSERT INTO raw VALUES ('\x02020000000002'
                        '00005ec903406e00000000000040340000000000000000'
                        '5eca004062c00000000000');
TRUNCATE got;
COPY raw TO :'binfile' (FORMAT binary);
COPY got FROM :'binfile' (FORMAT binary);
SELECT s, series_send(s) = '\x010200000002'
                           '00005ec903406e00000000000040340000000000000000'
                           '5eca004062c00000000000'::bytea AS sent_in_version_1 FROM got;
-- Stored: header, version 2, grain 2, flags (0 amount, 1 ratio), n,
-- padding; each fact: unit, year-to-date flag, rate flag, no-level flag
-- (a padding byte in version 1), padding, value (0 without a level) and
-- rate. A short varlena header: 0xab (85 bytes), 0x7b (61 bytes).
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pageinspect;
RESET client_min_messages;
CREATE TABLE stored_v2 (s series);
INSERT INTO stored_v2 VALUES ('{2022-06: 120, 2022-07: NULL (+8.3%), 2022-08: NULL}');
INSERT INTO stored_v2 VALUES ('{2022-06: 98.4, 2022-07: 98.1 (+0.3pp)}/ratio');
INSERT INTO stored_v2 SELECT s FROM got;
SELECT lp, t_data = CASE lp
  WHEN 1 THEN '\xab020200000300000000000000cd5e0000000000000000000000005e'
              '400000000000000000ce5e00000001010000000000000000009a9999'
              '9999992040cf5e000000000100000000000000000000000000000000'
              '00'::bytea
  WHEN 2 THEN '\x7b020201000200000000000000cd5e0000000000009a999999999958'
              '400000000000000000ce5e0000000100006666666666865840333333'
              '333333d33f'::bytea
  WHEN 3 THEN '\x7b010200000200000000000000c95e0000010100000000000000006e40'
              '0000000000003440ca5e0000000000000000000000c06240'
              '0000000000000000'::bytea END AS stored_as_expected
FROM heap_page_items(get_raw_page('stored_v2', 0)) ORDER BY lp;
DROP TABLE stored_v2;
DROP EXTENSION pageinspect;
