
-- The 通报 (issue 13): the scoreboard's rows in the bulletins' words. In C
-- (src/bulletin.c over src/core/bulletin*.c): the board is scoreboard's
-- own pipeline (board_run: the same reading, target choice, ranking and
-- lights, src/core/board.c); only the output differs. See README "通报".

CREATE FUNCTION tracker.bulletin(p @extschema@.period, as_of pg_catalog.date DEFAULT NULL,
                                 lang pg_catalog.text DEFAULT 'zh',
                                 area pg_catalog.text DEFAULT NULL,
                                 first pg_catalog.text DEFAULT '首位',
                                 rank_by pg_catalog.text DEFAULT 'growth',
                                 verb_object pg_catalog.text DEFAULT NULL,
                                 pace_words pg_catalog.bool DEFAULT false,
                                 indicators pg_catalog.text[] DEFAULT NULL,
                                 under pg_catalog.text DEFAULT NULL,
                                 peer_group pg_catalog.text DEFAULT NULL,
                                 source pg_catalog.regnamespace DEFAULT NULL)
RETURNS TABLE (
    region pg_catalog.text, region_name pg_catalog.text,
    indicator pg_catalog.text, indicator_name pg_catalog.text,
    sentence pg_catalog.text)
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'bulletin_sentences';
COMMENT ON FUNCTION tracker.bulletin(@extschema@.period, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.bool, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace) IS
    'the 通报 sentence of each region and indicator of scoreboard(p, as_of), in the published style: value, growth in words, rank among peers and its change, target attainment and 序时进度; lang zh or en; area the word for the peers (全市; NULL: from the parent''s name); first 首位, 第一 or 第1位; rank_by growth, amount or both; verb_object a suffix of the indicator''s name the verb goes before (投资: 制造业完成投资540亿元); pace_words 超序时进度 / 未达序时进度 without the points; indicators, under, peer_group and source select and read as in scoreboard; clauses whose number is missing are left out; NULL p: 22004; another lang, first or rank_by: 22023';

CREATE FUNCTION tracker.bulletin_paragraph(p @extschema@.period, as_of pg_catalog.date DEFAULT NULL,
                                           lang pg_catalog.text DEFAULT 'zh',
                                           area pg_catalog.text DEFAULT NULL,
                                           first pg_catalog.text DEFAULT '首位',
                                           rank_by pg_catalog.text DEFAULT 'growth',
                                           list_length pg_catalog.int4 DEFAULT 3,
                                           verb_object pg_catalog.text DEFAULT NULL,
                                           pace_words pg_catalog.bool DEFAULT false,
                                           indicators pg_catalog.text[] DEFAULT NULL,
                                           under pg_catalog.text DEFAULT NULL,
                                           peer_group pg_catalog.text DEFAULT NULL,
                                           source pg_catalog.regnamespace DEFAULT NULL)
RETURNS TABLE (
    parent pg_catalog.text, parent_name pg_catalog.text,
    indicator pg_catalog.text, indicator_name pg_catalog.text,
    peer_group pg_catalog.text, paragraph pg_catalog.text)
LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE
AS 'MODULE_PATHNAME', 'bulletin_paragraphs';
COMMENT ON FUNCTION tracker.bulletin_paragraph(@extschema@.period, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.int4, pg_catalog.text, pg_catalog.bool, pg_catalog.text[], pg_catalog.text, pg_catalog.text, pg_catalog.regnamespace) IS
    'the 通报 paragraph of each indicator for each parent region and peer group of scoreboard(p, as_of): the parent''s own figure (and its ranks among its own peers), how many peers grew, are ahead of 序时进度 and met their target, the 红旗 and 蜗牛 (first and last list_length by growth, ties kept together) and the spread; options and filters as bulletin (a paragraph for each peer group wholly selected); NULL p: 22004; another lang, first or rank_by, or a negative list_length: 22023';
