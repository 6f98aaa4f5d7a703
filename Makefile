# tracker — PGXS build. `make && make install && make installcheck` works
# against any PostgreSQL 15 whose pg_config is on PATH (or PG_CONFIG=...).

EXTENSION = tracker
MODULE_big = tracker

CORE_OBJS = src/core/calendar.o src/core/period.o src/core/period_text.o \
	src/core/rates.o src/core/round.o src/core/series_build.o \
	src/core/series_codec.o src/core/series_text.o src/core/series_read.o \
	src/core/league_build.o src/core/league_read.o src/core/league_codec.o \
	src/core/decimal_text.o src/core/figure_text.o src/core/board.o \
	src/core/bulletin_words.o src/core/bulletin_sentence.o src/core/bulletin_paragraph.o
GLUE_OBJS = src/tracker.o src/summary_type.o src/period.o src/period_io.o src/period_ops.o \
	src/period_srf.o src/rates.o src/series.o src/series_access.o src/league.o \
	src/scoreboard.o src/series_store.o src/figure.o src/bulletin.o
OBJS = $(CORE_OBJS) $(GLUE_OBJS)

# The current version's install script is assembled from one fragment per
# SQL concept. Released versions are frozen: their install scripts and the
# upgrade scripts between them are committed as they shipped, and
# ALTER EXTENSION tracker UPDATE walks the chain (test/upgrade checks it).
TRACKER_VERSION = 0.2.0
INSTALL_PARTS = $(sort $(wildcard sql/install/*.sql))
DATA_built = sql/tracker--$(TRACKER_VERSION).sql
DATA = sql/tracker--0.1.0.sql sql/tracker--0.1.0--0.2.0.sql tracker--0.1.0.control

REGRESS = security security_escalation period rates series series_facts series_parallel league formats reference_data observation_series projects scoreboard scoreboard_kinds scoreboard_oracle scoreboard_filters bulletin load
REGRESS_OPTS = --inputdir=. --outputdir=. --encoding=UTF8
ISOLATION = observation_series_concurrency install_race reference_race
ISOLATION_OPTS = --encoding=UTF8

PG_CPPFLAGS = -I$(srcdir)/src/core
PG_CFLAGS = -Wall -Wextra -Werror -Wno-unused-parameter \
	-Wno-missing-field-initializers -Wno-sign-compare

EXTRA_CLEAN = results regression.diffs regression.out test/build

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

sql/tracker--$(TRACKER_VERSION).sql: $(INSTALL_PARTS) sql/install
	cat $(INSTALL_PARTS) > $@

$(OBJS): $(wildcard src/core/*.h src/*.h)
