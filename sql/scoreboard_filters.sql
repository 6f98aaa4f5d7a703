-- scoreboard, bulletin and bulletin_paragraph with filters (indicators,
-- under, peer_group) and a source schema. The specification of a filtered
-- board is the whole board restricted to the selected rows: the same
-- figures and the same ranks, which are always among all peers. So every
-- filtered result is compared with the whole board filtered here in SQL
-- (an independent selection: a recursive CTE for the subtree), both ways,
-- and the row counts are derived by hand below. The test removes its rows.
SET search_path = tracker, public;
SET extra_float_digits = 0;

-- Three provinces; p1 has cities p1c1 (counties a, b, and z of peer group
-- district) and p1c2 (counties a, b); p2 has city p2c1 (counties a, b);
-- p3 has nothing below it. 13 regions.
INSERT INTO region VALUES
  ('p1', 'Province 1', NULL, NULL), ('p2', 'Province 2', NULL, NULL), ('p3', 'Province 3', NULL, NULL),
  ('p1c1', 'City 1-1', 'p1', NULL), ('p1c2', 'City 1-2', 'p1', NULL), ('p2c1', 'City 2-1', 'p2', NULL),
  ('p1c1a', 'County 1-1-a', 'p1c1', NULL), ('p1c1b', 'County 1-1-b', 'p1c1', NULL),
  ('p1c1z', 'District 1-1-z', 'p1c1', 'district'),
  ('p1c2a', 'County 1-2-a', 'p1c2', NULL), ('p1c2b', 'County 1-2-b', 'p1c2', NULL),
  ('p2c1a', 'County 2-1-a', 'p2c1', NULL), ('p2c1b', 'County 2-1-b', 'p2c1', 'district');
INSERT INTO indicator (code, name, unit_label, higher_is_better, decimals, kind) VALUES
  ('inv', 'Investment', '亿元', true, 1, 'amount'),
  ('energy', 'Energy per unit of output', 't/万元', false, 2, 'amount'),
  ('rate', 'Capacity utilisation', '%', true, 1, 'ratio');
-- Every region has every indicator in June and July of 2021 and 2022, with
-- values that differ from region to region (so ranks are not all tied).
INSERT INTO observation
SELECT r.code, i.code, m.p::period,
       10 + (pg_catalog.length(r.code) * 7 + ascii(right(r.code, 1)) * 3 + m.k * 5 + ascii(i.code) * 2) % 23,
       NULL
FROM region r, indicator i,
     (VALUES ('2021-06', 1), ('2021-07', 2), ('2022-06', 3), ('2022-07', 4)) m(p, k);
INSERT INTO target SELECT code, 'inv', '2022', 200, 8 FROM region;

-- The subtree of each region, itself included, by a recursive CTE (a
-- view: the wide selection below reads it over other regions).
CREATE TEMP VIEW subtree AS
WITH RECURSIVE t(root, code) AS (
    SELECT code, code FROM region
    UNION ALL
    SELECT t.root, r.code FROM t JOIN region r ON r.parent = t.code)
SELECT * FROM t;
CREATE TEMP TABLE whole AS SELECT * FROM scoreboard('2022-07');
-- 13 regions x 3 indicators.
SELECT count(*) AS whole_rows FROM whole;

-- under: every region. Rows: the subtree's regions times 3 indicators:
-- p1 8 regions (24), p1c1 4 (12), p1c2 3 (9), p2 4 (12), p2c1 3 (9),
-- p3 and each county 1 (3).
SELECT u.code AS under, count(s.*) AS rows,
       (SELECT count(*) FROM (
          (SELECT * FROM scoreboard('2022-07', under => u.code)
           EXCEPT ALL
           SELECT w.* FROM whole w JOIN subtree t ON t.code = w.region AND t.root = u.code)
          UNION ALL
          (SELECT w.* FROM whole w JOIN subtree t ON t.code = w.region AND t.root = u.code
           EXCEPT ALL
           SELECT * FROM scoreboard('2022-07', under => u.code))) d) AS differences
FROM region u LEFT JOIN LATERAL scoreboard('2022-07', under => u.code) s ON true
GROUP BY u.code ORDER BY u.code;

-- A province's own row keeps its rank among the provinces, read though not
-- shown: p1's inv (July 2022) against p2 and p3 on the whole board.
SELECT region, indicator, peers, rank_growth, rank_amount, rank_change
FROM scoreboard('2022-07', under => 'p1', indicators => ARRAY['inv']) WHERE region = 'p1'
EXCEPT ALL
SELECT region, indicator, peers, rank_growth, rank_amount, rank_change FROM whole
WHERE region = 'p1' AND indicator = 'inv';
SELECT region, peers FROM scoreboard('2022-07', under => 'p1', indicators => ARRAY['inv'])
WHERE region IN ('p1', 'p1c1', 'p1c1z') ORDER BY region;

-- indicators: one, two, none (an empty array selects nothing), and a code
-- given twice. Rows: 13, 26, 0, 13.
SELECT f.codes, (SELECT count(*) FROM scoreboard('2022-07', indicators => f.codes)) AS rows,
       (SELECT count(*) FROM (
          (SELECT * FROM scoreboard('2022-07', indicators => f.codes)
           EXCEPT ALL SELECT * FROM whole WHERE indicator = ANY (f.codes))
          UNION ALL
          (SELECT * FROM whole WHERE indicator = ANY (f.codes)
           EXCEPT ALL SELECT * FROM scoreboard('2022-07', indicators => f.codes))) d) AS differences
FROM (VALUES (ARRAY['inv']), (ARRAY['inv', 'rate']), (ARRAY[]::text[]), (ARRAY['energy', 'energy'])) f(codes);

-- peer_group: district is p1c1z and p2c1b (6 rows); under p1 only p1c1z
-- (3); with one indicator 1. A district ranks among its own peers (itself:
-- peers 1).
SELECT (SELECT count(*) FROM scoreboard('2022-07', peer_group => 'district')) AS district,
       (SELECT count(*) FROM scoreboard('2022-07', under => 'p1', peer_group => 'district')) AS p1_district,
       (SELECT count(*) FROM scoreboard('2022-07', under => 'p1', peer_group => 'district',
                                        indicators => ARRAY['rate'])) AS p1_district_rate;
SELECT count(*) AS differences FROM (
  (SELECT * FROM scoreboard('2022-07', peer_group => 'district')
   EXCEPT ALL SELECT w.* FROM whole w JOIN region r ON r.code = w.region WHERE r.peer_group = 'district')
  UNION ALL
  (SELECT w.* FROM whole w JOIN region r ON r.code = w.region WHERE r.peer_group = 'district'
   EXCEPT ALL SELECT * FROM scoreboard('2022-07', peer_group => 'district'))) d;

-- A year-to-date board and a board as of a day inside the month filter
-- alike: 1-7月 has only July's facts here, so no rows for want of a fact
-- starting in 1-7月's span but July's (the same on both sides).
SELECT count(*) AS differences FROM (
  (SELECT * FROM scoreboard('2022-07', '2022-07-20', ARRAY['inv'], 'p2')
   EXCEPT ALL SELECT w.* FROM scoreboard('2022-07', '2022-07-20') w
   JOIN subtree t ON t.code = w.region AND t.root = 'p2' WHERE w.indicator = 'inv')
  UNION ALL
  (SELECT w.* FROM scoreboard('2022-07', '2022-07-20') w
   JOIN subtree t ON t.code = w.region AND t.root = 'p2' WHERE w.indicator = 'inv'
   EXCEPT ALL SELECT * FROM scoreboard('2022-07', '2022-07-20', ARRAY['inv'], 'p2'))) d;

-- The 通报 filter as the board: sentences of the selected rows, and a
-- paragraph for each peer group wholly selected whose parent is in the
-- subtree (with peer_group: of that peer group). Under p1: the paragraphs
-- of parents p1 (cities), p1c1 (counties a, b; district z) and p1c2, 4
-- peer groups x 3 indicators = 12; p1c1: 2 groups (6); a county: none
-- (its own group's parent is outside); p2: p2 and p2c1's two groups (9);
-- p3: none. The whole 通报 filtered here:
CREATE TEMP TABLE whole_sentences AS SELECT * FROM bulletin('2022-07');
CREATE TEMP TABLE whole_paragraphs AS SELECT * FROM bulletin_paragraph('2022-07');
SELECT u.code AS under,
       (SELECT count(*) FROM bulletin('2022-07', under => u.code)) AS sentences,
       (SELECT count(*) FROM (
          (SELECT * FROM bulletin('2022-07', under => u.code)
           EXCEPT ALL SELECT w.* FROM whole_sentences w JOIN subtree t ON t.code = w.region AND t.root = u.code)
          UNION ALL
          (SELECT w.* FROM whole_sentences w JOIN subtree t ON t.code = w.region AND t.root = u.code
           EXCEPT ALL SELECT * FROM bulletin('2022-07', under => u.code))) d) AS sentence_differences,
       (SELECT count(*) FROM bulletin_paragraph('2022-07', under => u.code)) AS paragraphs,
       (SELECT count(*) FROM (
          (SELECT * FROM bulletin_paragraph('2022-07', under => u.code)
           EXCEPT ALL SELECT w.* FROM whole_paragraphs w JOIN subtree t ON t.code = w.parent AND t.root = u.code)
          UNION ALL
          (SELECT w.* FROM whole_paragraphs w JOIN subtree t ON t.code = w.parent AND t.root = u.code
           EXCEPT ALL SELECT * FROM bulletin_paragraph('2022-07', under => u.code))) d) AS paragraph_differences
FROM region u WHERE u.code IN ('p1', 'p1c1', 'p2', 'p3', 'p1c1z') ORDER BY u.code;
SELECT count(*) AS differences FROM (
  (SELECT * FROM bulletin_paragraph('2022-07', lang => 'en', peer_group => 'district', indicators => ARRAY['inv'])
   EXCEPT ALL SELECT * FROM bulletin_paragraph('2022-07', lang => 'en') WHERE peer_group = 'district' AND indicator = 'inv')
  UNION ALL
  (SELECT * FROM bulletin_paragraph('2022-07', lang => 'en') WHERE peer_group = 'district' AND indicator = 'inv'
   EXCEPT ALL SELECT * FROM bulletin_paragraph('2022-07', lang => 'en', peer_group => 'district', indicators => ARRAY['inv']))) d;

-- What a filter may not name.
SELECT count(*) FROM scoreboard('2022-07', indicators => ARRAY['inv', 'nosuch']);
SELECT count(*) FROM scoreboard('2022-07', indicators => ARRAY['inv', NULL]);
SELECT count(*) FROM scoreboard('2022-07', indicators => '{{inv},{energy}}');
SELECT count(*) FROM scoreboard('2022-07', indicators => '[2:2]={inv}');
SELECT count(*) FROM scoreboard('2022-07', under => 'nowhere');
SELECT count(*) FROM scoreboard('2022-07', peer_group => 'nosuch');
SELECT count(*) FROM bulletin('2022-07', under => 'nowhere');

-- The filters reach the queries: with sequential scans off, the store and
-- the targets are read through their primary keys only.
SELECT pg_stat_force_next_flush();
SELECT pg_stat_clear_snapshot();
CREATE TEMP TABLE scans AS
SELECT relid::regclass::text AS rel, seq_scan, idx_scan FROM pg_stat_user_tables
WHERE relid IN ('tracker.observation_series'::regclass, 'tracker.target'::regclass);
SET enable_seqscan = off;
SELECT count(*) FROM scoreboard('2022-07', under => 'p2c1', indicators => ARRAY['inv']);
RESET enable_seqscan;
SELECT pg_stat_force_next_flush();
SELECT pg_stat_clear_snapshot();
SELECT s.rel, u.seq_scan - s.seq_scan AS seq_scans, u.idx_scan > s.idx_scan AS index_read
FROM scans s JOIN pg_stat_user_tables u ON u.relid::regclass::text = s.rel ORDER BY s.rel;

-- source: a schema holding observation and observation_series, read
-- instead of tracker's (a sharded deployment's foreign tables; here views
-- over tracker's own). The board is the same.
CREATE SCHEMA mirror;
CREATE VIEW mirror.observation AS SELECT * FROM tracker.observation;
CREATE VIEW mirror.observation_series AS SELECT * FROM tracker.observation_series;
SELECT count(*) AS differences FROM (
  (SELECT * FROM scoreboard('2022-07', source => 'mirror') EXCEPT ALL SELECT * FROM whole)
  UNION ALL
  (SELECT * FROM whole EXCEPT ALL SELECT * FROM scoreboard('2022-07', source => 'mirror'))) d;
SELECT count(*) AS differences FROM (
  (SELECT * FROM scoreboard('2022-07', under => 'p1', source => 'mirror')
   EXCEPT ALL SELECT * FROM scoreboard('2022-07', under => 'p1'))
  UNION ALL
  (SELECT * FROM scoreboard('2022-07', under => 'p1')
   EXCEPT ALL SELECT * FROM scoreboard('2022-07', under => 'p1', source => 'mirror'))) d;
-- A source whose facts and series disagree is out of date (55000), as
-- tracker's own store would be; one whose tables are missing or of other
-- types is refused.
CREATE OR REPLACE VIEW mirror.observation AS
SELECT * FROM tracker.observation
UNION ALL SELECT 'p3', 'inv', '2022-07', 1, NULL;
SELECT count(*) FROM scoreboard('2022-07', source => 'mirror');
SELECT count(*) FROM scoreboard('2022-07', indicators => ARRAY['inv'], source => 'mirror');
SELECT count(*) FROM scoreboard('2022-07', indicators => ARRAY['energy'], source => 'mirror');
DROP VIEW mirror.observation;
SELECT count(*) FROM scoreboard('2022-07', source => 'mirror');
CREATE VIEW mirror.observation AS SELECT region, indicator, period::text AS period, value, growth FROM tracker.observation;
SELECT count(*) FROM scoreboard('2022-07', source => 'mirror');
DROP SCHEMA mirror CASCADE;
SELECT count(*) FROM scoreboard('2022-07', source => 'nosuchschema');

DROP TABLE whole, whole_sentences, whole_paragraphs, scans;
DELETE FROM target; DELETE FROM observation; DELETE FROM indicator; DELETE FROM region;

-- A wide selection. Where the board has at least 4,096 region and
-- indicator pairs and the filters need more than an eighth of them, the
-- board reads the whole store and drops what it does not need, rather than
-- probing the keys pair by pair (src/scoreboard.c, board_select); the
-- result must not tell. A province w, cities w1 and w2, 40 counties under
-- each (every fourth of peer group district: 10 per city): 83 regions; 50
-- indicators; July 2021 and 2022 for each pair: 4,150 pairs, 8,300 facts.
INSERT INTO region VALUES ('w', 'Province W', NULL, NULL),
  ('w1', 'City W1', 'w', NULL), ('w2', 'City W2', 'w', NULL);
INSERT INTO region
SELECT c || 'c' || lpad(n::text, 2, '0'), 'County ' || c || '-' || n, c,
       CASE WHEN n % 4 = 0 THEN 'district' END
FROM (VALUES ('w1'), ('w2')) cs(c), generate_series(1, 40) n;
INSERT INTO indicator (code, name, unit_label, higher_is_better, decimals, kind)
SELECT 'i' || lpad(n::text, 2, '0'), 'Indicator ' || n, '亿元', n % 3 <> 0, 1, 'amount'
FROM generate_series(1, 50) n;
INSERT INTO observation
SELECT r.code, i.code, m.p::period,
       10 + (ascii(right(r.code, 1)) * 7 + ascii(left(right(r.code, 2), 1)) * 3 + m.k * 5 + ascii(right(i.code, 1)) * 2) % 29,
       NULL
FROM region r, indicator i, (VALUES ('2021-07', 1), ('2022-07', 2)) m(p, k);
INSERT INTO target SELECT code, 'i01', '2022', 100, 8 FROM region;
CREATE TEMP TABLE whole AS SELECT * FROM scoreboard('2022-07');
SELECT count(*) AS whole_rows FROM whole;
-- Each filtered board against the whole one filtered here, both ways.
-- Rows: under w1, w1 and its 40 counties x 50 = 2,050 (wide: 43 regions
-- read, w1's groups, the cities and w, x 50 = 2,150 pairs); with one
-- indicator 41 (43 pairs: probed); 10 indicators, every region, 830
-- (wide); the districts 20 x 50 = 1,000 (wide), those under w2 500.
CREATE TEMP TABLE cases (name text, under text, indicators text[], peer_group text);
INSERT INTO cases VALUES
  ('under w1', 'w1', NULL, NULL),
  ('under w1, one indicator', 'w1', ARRAY['i07'], NULL),
  ('ten indicators', NULL, ARRAY['i01','i02','i03','i04','i05','i06','i07','i08','i09','i10'], NULL),
  ('districts', NULL, NULL, 'district'),
  ('districts under w2', 'w2', NULL, 'district');
SELECT c.name,
       (SELECT count(*) FROM scoreboard('2022-07', indicators => c.indicators, under => c.under,
                                        peer_group => c.peer_group)) AS rows,
       (SELECT count(*) FROM (
          (SELECT * FROM scoreboard('2022-07', indicators => c.indicators, under => c.under,
                                    peer_group => c.peer_group)
           EXCEPT ALL
           SELECT w.* FROM whole w JOIN region r ON r.code = w.region
           WHERE (c.under IS NULL OR w.region IN (SELECT code FROM subtree WHERE root = c.under))
             AND (c.indicators IS NULL OR w.indicator = ANY (c.indicators))
             AND (c.peer_group IS NULL OR r.peer_group = c.peer_group))
          UNION ALL
          (SELECT w.* FROM whole w JOIN region r ON r.code = w.region
           WHERE (c.under IS NULL OR w.region IN (SELECT code FROM subtree WHERE root = c.under))
             AND (c.indicators IS NULL OR w.indicator = ANY (c.indicators))
             AND (c.peer_group IS NULL OR r.peer_group = c.peer_group)
           EXCEPT ALL
           SELECT * FROM scoreboard('2022-07', indicators => c.indicators, under => c.under,
                                    peer_group => c.peer_group))) d) AS differences
FROM cases c ORDER BY c.name;
-- The 通报 likewise: under w1, a sentence per row (2,050) and a paragraph
-- per indicator for each of w1's two groups of counties (100).
CREATE TEMP TABLE whole_sentences AS SELECT * FROM bulletin('2022-07');
CREATE TEMP TABLE whole_paragraphs AS SELECT * FROM bulletin_paragraph('2022-07');
SELECT count(*) AS sentences, count(*) FILTER (WHERE b.region IN (SELECT code FROM subtree WHERE root = 'w1')) AS under_w1
FROM whole_sentences b;
SELECT (SELECT count(*) FROM bulletin('2022-07', under => 'w1')) AS sentences,
       (SELECT count(*) FROM (
          (SELECT * FROM bulletin('2022-07', under => 'w1')
           EXCEPT ALL SELECT * FROM whole_sentences WHERE region IN (SELECT code FROM subtree WHERE root = 'w1'))
          UNION ALL
          (SELECT * FROM whole_sentences WHERE region IN (SELECT code FROM subtree WHERE root = 'w1')
           EXCEPT ALL SELECT * FROM bulletin('2022-07', under => 'w1'))) d) AS differences;
SELECT (SELECT count(*) FROM bulletin_paragraph('2022-07', under => 'w1')) AS paragraphs,
       (SELECT count(*) FROM (
          (SELECT * FROM bulletin_paragraph('2022-07', under => 'w1')
           EXCEPT ALL SELECT * FROM whole_paragraphs WHERE parent = 'w1')
          UNION ALL
          (SELECT * FROM whole_paragraphs WHERE parent = 'w1'
           EXCEPT ALL SELECT * FROM bulletin_paragraph('2022-07', under => 'w1'))) d) AS differences;
-- Which way each read the store: a wide selection scans it, a narrow one
-- probes its primary key.
SELECT pg_stat_force_next_flush();
SELECT pg_stat_clear_snapshot();
CREATE TEMP TABLE scans AS
SELECT seq_scan, idx_scan FROM pg_stat_user_tables WHERE relid = 'tracker.observation_series'::regclass;
SELECT count(*) FROM scoreboard('2022-07', under => 'w1');
SELECT pg_stat_force_next_flush();
SELECT pg_stat_clear_snapshot();
SELECT u.seq_scan - s.seq_scan AS seq_scans, u.idx_scan - s.idx_scan AS index_scans
FROM scans s, pg_stat_user_tables u WHERE u.relid = 'tracker.observation_series'::regclass;
TRUNCATE scans;
INSERT INTO scans SELECT seq_scan, idx_scan FROM pg_stat_user_tables WHERE relid = 'tracker.observation_series'::regclass;
SELECT count(*) FROM scoreboard('2022-07', under => 'w1', indicators => ARRAY['i07']);
SELECT pg_stat_force_next_flush();
SELECT pg_stat_clear_snapshot();
SELECT u.seq_scan - s.seq_scan AS seq_scans, u.idx_scan - s.idx_scan AS index_scans
FROM scans s, pg_stat_user_tables u WHERE u.relid = 'tracker.observation_series'::regclass;
-- A wide selection checks the whole store against the facts of p: a fact
-- written with the triggers off, outside the selection, is seen (55000);
-- a narrow one checks only what it read.
ALTER TABLE observation DISABLE TRIGGER USER;
INSERT INTO observation VALUES ('w2c01', 'i50', '2022-01..07', 1, NULL);
ALTER TABLE observation ENABLE TRIGGER USER;
SELECT count(*) FROM scoreboard('2022-07', under => 'w1');
SELECT count(*) FROM scoreboard('2022-07', under => 'w1', indicators => ARRAY['i07']);
SELECT count(*) FROM scoreboard('2022-07', under => 'w2', indicators => ARRAY['i50']);

-- observation_count, the narrow check's count, against a plain count: a
-- code given twice counts once, a NULL code matches nothing, a = b counts
-- the period once.
SELECT observation_count('2022-07', '2022-01..07', ARRAY['w1c01', 'w1c02', 'w1c01', NULL], ARRAY['i01', 'i02', 'i02']) AS counted,
       (SELECT count(*) FROM observation WHERE region IN ('w1c01', 'w1c02') AND indicator IN ('i01', 'i02')
          AND period IN ('2022-07', '2022-01..07')) AS expected;
SELECT observation_count('2022-07', '2022-07', ARRAY['w2c01'], ARRAY['i50']) AS counted,
       observation_count('2022-01..07', '2022-07', ARRAY['w2c01'], ARRAY['i50']) AS with_ytd,
       observation_count('2022-07', '2022-07', ARRAY[]::text[], ARRAY['i50']) AS no_regions;

DROP TABLE whole, whole_sentences, whole_paragraphs, scans, cases;
DROP VIEW subtree;
DELETE FROM target; DELETE FROM observation; DELETE FROM indicator; DELETE FROM region;
