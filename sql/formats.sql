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
