/*
 * bulletin_int.h — what the files of the 通报 share (not for the glue):
 * a text builder that never writes past the caller's buffer and counts
 * the length needed, and the words of bulletin_words.c.
 */
#ifndef TRACKER_CORE_BULLETIN_INT_H
#define TRACKER_CORE_BULLETIN_INT_H

#include "bulletin.h"

/* Text written into buf[0..cap); len counts every byte asked for. */
typedef struct tb_text
{
	char	   *buf;
	size_t		cap;
	size_t		len;
} tb_text;

/* Room for any figure: %.15f of a double near DBL_MAX is 325 bytes. */
#define TB_NUM_MAX 400

extern void tb_text_init(tb_text *t, char *buf, size_t cap);
extern void tb_put(tb_text *t, const char *s);
extern void tb_putn(tb_text *t, const char *s, size_t n);
/* NUL-terminate: TR_OK, or TR_EBUF with *len the length needed. */
extern tr_status tb_text_finish(tb_text *t, size_t *len);
/* On a failure: buf empty (when cap > 0), st returned. */
extern tr_status tb_text_fail(char *buf, size_t cap, tr_status st);

/* x rounded half even to `decimals` (-15..15) and printed: "12.5". */
extern void tb_fmt_fixed(double x, int decimals, char out[TB_NUM_MAX]);

/* The figure and the unit as a sentence prints them: 12.5亿元, "12.5 亿元"
 * in English (a % sticks to the number in both). */
extern void tb_put_figure(tb_text *t, const char *num, const char *unit,
						  tp_lang lang);

/* English ordinal: 1st, 2nd, 3rd, 11th, 21st... */
extern void tb_put_ordinal(tb_text *t, int32_t n);
extern void tb_put_int(tb_text *t, int64_t n);

/* The area word the style or the parent gives (zh 全市, en "the city"). */
extern void tb_area_of(const tb_style *style, const char *parent_name,
					   char out[TB_AREA_MAX * 4]);

/*
 * The growth clause of a row without 同比 / "year on year": 增长61.0%,
 * 下降2.1%, 持平, 增长3.6倍, 扭亏为盈...; a ratio's change in points.
 * *dir gets +1 (grew, rose, 扭亏为盈, 减亏, 新增), 0 (持平) or -1.
 * TR_NULL when the row has no growth to word.
 */
extern tr_status tb_growth_words(const tb_row *row, tb_kind kind,
								 tp_lang lang, char out[TR_DESCRIBE_MAX],
								 int *dir);

/* Rank words: 居全市第3位, 并列全市第2位, 居全市首位 / 第一; en "joint
 * 2nd in the city". */
extern void tb_put_rank(tb_text *t, const tb_style *style, const char *area,
						int32_t rank, int32_t tied);

/* The row's growth figure as a list prints it: 61.0%, 0.3个百分点. */
extern void tb_put_growth_figure(tb_text *t, double growth, tb_kind kind,
								 tp_lang lang);

/* Every present figure of the row finite: TR_OK, TR_ENAN or TR_EINF. */
extern tr_status tb_row_check(const tb_row *row);

/* Whether the row is the target period's last report (time progress
 * 100.0 as printed): a sentence then says how the target ended, not how
 * it paces, and a paragraph counts no pace for it. */
extern bool tb_target_complete(const tb_row *row);

/*
 * One sentence into t (bulletin_sentence.c): region names the subject,
 * rank_area the peers' area word (NULL: no rank clauses), label the
 * period's label (no year). TR_NULL, with t as it was, when the row has
 * nothing to say.
 */
extern tr_status tb_write_sentence(tb_text *t, const tb_row *row,
								   const tb_subject *s, const char *region,
								   const char *label, tp_grain grain,
								   bool has_previous, const tb_style *style,
								   const char *rank_area);

/* The subject and style checks both entry points make. */
extern tr_status tb_check_args(const tb_subject *s, const tb_style *style);

#endif							/* TRACKER_CORE_BULLETIN_INT_H */
