# test/lib.sh — shared by the test and demo scripts: root/sudo, package
# installation and a throwaway PostgreSQL server. Source it; don't run it.

export LANG=C.UTF-8 LC_ALL=C.UTF-8

TRACKER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# PG_BIN may point at another PostgreSQL 15 installation (a relocated copy).
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
TRACKER_PACKAGES="postgresql-15 postgresql-server-dev-15 postgresql-15-cron postgresql-15-partman clang-14 libclang-rt-14-dev make gcc python3"
# What test/clients connects through: javac and pgjdbc, psqlODBC under
# unixODBC with pyodbc, and psycopg2.
TRACKER_PACKAGES+=" openjdk-17-jdk-headless libpostgresql-jdbc-java unixodbc odbc-postgresql python3-pyodbc python3-psycopg2"
# What test/package builds the Debian package with: debhelper, and the
# dh sequence pgxs_loop and the Build-Depends postgresql-server-dev-all.
TRACKER_PACKAGES+=" debhelper postgresql-server-dev-all"
# Random SQL for test/smith.
TRACKER_PACKAGES+=" sqlsmith"

# Run a command as root: directly when we are root, else through sudo.
as_root() {
	if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Install what is missing, in one apt-get call: postgresql-server-dev-15
# alone would upgrade the server under a running cluster.
install_packages() {
	local missing=() p
	for p in $TRACKER_PACKAGES; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "installing: ${missing[*]}"
	as_root apt-get update -q
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# Build and install the extension into the PostgreSQL 15 installation.
build_and_install() {
	make -s -C "$TRACKER_ROOT" PG_CONFIG=$PG_BIN/pg_config
	as_root make -s -C "$TRACKER_ROOT" PG_CONFIG=$PG_BIN/pg_config install
}

# Start a throwaway server on a private socket directory and a free port;
# sets PGHOST, PGPORT, PGUSER, PGDATABASE. pg_tmp_stop removes it again.
# PostgreSQL refuses to run as root, so root runs it as user postgres.
# Socket only, unless PG_TMP_TCP=1: then it listens on 127.0.0.1 too, on
# a port that was free a moment before (asked of the kernel), host
# connections authenticate with PG_TMP_HOST_AUTH (scram-sha-256 by
# default; trust for the socket as always), and PG_TMP_TCP_HOST is set.
# PG_TMP_OPTS adds server options, PG_TMP_INITDB_OPTS initdb options
# (--no-sync: most of initdb's time is the sync of a directory that is
# thrown away). PG_TMP_TEMPLATE names a directory of the caller's (who
# removes it): the first server started with it is initdb'd there, and
# every server with it starts from a copy (with the first one's
# authentication settings), several servers for one initdb.
pg_tmp_start() {
	local run_as=() owner
	PG_TMP_DIR=$(mktemp -d /tmp/tracker-pg.XXXXXX)
	if [ "$(id -u)" = 0 ]; then
		owner=postgres
		run_as=(runuser -u postgres --)
		chown postgres "$PG_TMP_DIR" ${PG_TMP_TEMPLATE:+"$PG_TMP_TEMPLATE"}
	else
		owner=$(id -un)
	fi
	PG_TMP_RUN_AS=("${run_as[@]}")
	local listen="''" auth=(--auth=trust)
	if [ "${PG_TMP_TCP:-}" = 1 ]; then
		# A port on loopback can collide with anything else running here:
		# let the kernel pick one that is free now.
		PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') ||
			return 1
		listen="'127.0.0.1'"
		auth=(--auth-local=trust --auth-host="${PG_TMP_HOST_AUTH:-scram-sha-256}")
	else
		# The socket lives in our own directory, so the port cannot collide.
		PGPORT=$((20000 + RANDOM % 20000))
	fi
	local template=${PG_TMP_TEMPLATE:+$PG_TMP_TEMPLATE/data}
	if [ -z "$template" ] || [ ! -f "$template/PG_VERSION" ]; then
		"${run_as[@]}" "$PG_BIN/initdb" -D "${template:-$PG_TMP_DIR/data}" -U "$owner" "${auth[@]}" \
			--encoding=UTF8 --locale=C.UTF-8 ${PG_TMP_INITDB_OPTS:-} >"$PG_TMP_DIR/initdb.log" 2>&1 ||
			{ cat "$PG_TMP_DIR/initdb.log"; return 1; }
	fi
	if [ -n "$template" ]; then
		"${run_as[@]}" cp -a "$template" "$PG_TMP_DIR/data" || return 1
	fi
	"${run_as[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP_DIR/data" -l "$PG_TMP_DIR/server.log" -w \
		-o "-p $PGPORT -k $PG_TMP_DIR -c listen_addresses=$listen -c max_parallel_workers_per_gather=2 ${PG_TMP_OPTS:-}" \
		start >/dev/null || { cat "$PG_TMP_DIR/server.log"; return 1; }
	[ "${PG_TMP_TCP:-}" = 1 ] && export PG_TMP_TCP_HOST=127.0.0.1
	export PGHOST=$PG_TMP_DIR PGPORT PGUSER=$owner PGDATABASE=postgres
}

pg_tmp_stop() {
	[ -n "${PG_TMP_DIR:-}" ] && [ -d "$PG_TMP_DIR/data" ] || return 0
	"${PG_TMP_RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP_DIR/data" -m fast -w stop >/dev/null 2>&1
	rm -rf "$PG_TMP_DIR"
	PG_TMP_DIR=
}
