#!/usr/bin/env bash
# Private PostgreSQL cluster for development, tests and CI.
#
# Usage: scripts/postgres.sh start|stop|status|url|psql [psql args...]
#
#   start   Create the cluster on first use, start it if needed, and print the
#           Npgsql connection string as the ONLY line on stdout, so callers can
#           do:  cs=$(scripts/postgres.sh start)
#   stop    Stop the cluster (fast shutdown). Harmless if it is not running.
#   status  Print "running" (exit 0) or "stopped" (exit 3).
#   url     Print the connection string (exit 1 if the cluster does not exist).
#   psql    Run psql against the pipeline database; extra args are passed on.
#
# Environment:
#   PIPELINE_PG_PORT  TCP port on 127.0.0.1 (default 55432). A fixed port keeps
#                     connection strings stable across runs; 55432 stays clear of
#                     a system cluster on 5432.
#   PIPELINE_PG_DIR   Directory of the cluster (default <repo>/.local/postgres). A
#                     second, private cluster (another directory and port) lets a
#                     test restart its server without touching the shared one.
#
# Layout (all under the git-ignored <repo>/.local/):
#   .local/postgres.lock        flock target serialising concurrent callers
#   .local/postgres/data/       PGDATA
#   .local/postgres/password    generated superuser password (mode 600)
#   .local/postgres/server.log  server output
# If the server user cannot reach the checkout (e.g. it lives under /root with
# mode 700), .local/postgres is a symlink to /var/lib/pipeline-postgres/<hash>.
#
# Everything except the final connection string goes to stderr.

set -euo pipefail

readonly DEFAULT_PORT=55432
readonly DB_NAME=pipeline
readonly DB_USER=pipeline
readonly RELOCATE_ROOT=/var/lib/pipeline-postgres

# Resolve physical paths so the relocation hash and the /proc cwd comparisons
# below are stable no matter how the script was invoked (relative path, symlink).
SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd -P)
LOCAL_DIR=$REPO_ROOT/.local
PG_BASE=${PIPELINE_PG_DIR:-$LOCAL_DIR/postgres}
PG_BASE=${PG_BASE%/}
# One lock per cluster: callers of another cluster never wait for this one.
if [[ -n ${PIPELINE_PG_DIR:-} ]]; then LOCK_FILE=$PG_BASE.lock; else LOCK_FILE=$LOCAL_DIR/postgres.lock; fi
PORT=${PIPELINE_PG_PORT:-$DEFAULT_PORT}

# Everything handed to the server user goes through the PHYSICAL directory
# (PG_HOME): when .local/postgres is a symlink out of an untraversable checkout,
# the path through the repo is exactly what 'postgres' cannot follow.
set_paths() {
  PG_HOME=$(readlink -f -- "$PG_BASE" 2>/dev/null) || PG_HOME=$PG_BASE
  DATA_DIR=$PG_HOME/data
  PW_FILE=$PG_HOME/password
  LOG_FILE=$PG_HOME/server.log
}
set_paths
PG_BIN=""   # set by find_pg_bin / ensure_pg_bin

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  cat >&2 <<'EOF'
Usage: scripts/postgres.sh start|stop|status|url|psql [psql args...]
  env PIPELINE_PG_PORT overrides the port (default 55432)
EOF
}

validate_port() {
  [[ $PORT =~ ^[0-9]+$ ]] && (( PORT >= 1 && PORT <= 65535 )) \
    || die "PIPELINE_PG_PORT must be a TCP port number (1-65535), got '$PORT'"
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# PostgreSQL refuses to run as root, so as root the server runs as the
# conventional 'postgres' system user; otherwise as whoever calls us.
if is_root; then SERVER_USER=postgres; else SERVER_USER=$(id -un); fi

# Any PG* variable in the caller's environment (PGSSLMODE=require, PGOPTIONS,
# PGSERVICE, PGDATA, ...) could break our internal commands, which always
# say explicitly what they want. Build "env -u ..." arguments to scrub them.
pg_env_scrub() {
  local v
  SCRUB=()
  for v in $(compgen -e); do
    [[ $v == PG* ]] && SCRUB+=(-u "$v")
  done
  return 0
}
pg_env_scrub

# Run a command as the server user. Three details matter:
#  * 9>&- : fd 9 holds our flock; if pg_ctl's postmaster inherited it, the lock
#    would stay held for the server's whole lifetime and every later caller
#    would block.
#  * cd / : the caller's cwd may be untraversable by 'postgres' (e.g. /root/...),
#    which makes some PostgreSQL tools complain.
#  * env -u : see pg_env_scrub.
as_server() {
  if is_root; then
    (cd / && exec env "${SCRUB[@]}" runuser -u "$SERVER_USER" -- "$@") 9>&-
  else
    (cd / && exec env "${SCRUB[@]}" "$@") 9>&-
  fi
}

# Internal client call (psql/createdb) over TCP with the generated password.
# -X in callers skips ~/.psqlrc so user customisations cannot change output.
as_client() {
  local pw
  pw=$(read_password)
  (exec env "${SCRUB[@]}" PGPASSWORD="$pw" PGCONNECT_TIMEOUT=10 "$@") 9>&-
}

# ---------------------------------------------------------------- binaries --

# Highest installed major version under /usr/lib/postgresql/*/bin (Debian layout).
find_pg_bin() {
  local d best="" ver
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb && -x $d/pg_ctl && -x $d/psql ]] || continue
    ver=$(basename "$(dirname "$d")")
    if [[ -z $best ]] || [[ $(printf '%s\n%s\n' "$best" "$ver" | sort -V | tail -n1) == "$ver" ]]; then
      best=$ver
    fi
  done
  [[ -n $best ]] || return 1
  PG_BIN=/usr/lib/postgresql/$best/bin
}

ensure_pg_bin() {
  find_pg_bin && return 0
  is_root || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin and we are not root.
  Install them first:  sudo apt-get install -y --no-install-recommends postgresql"

  log "PostgreSQL not found; installing Debian's 'postgresql' package"
  # The package creates and starts Debian's own 'main' cluster on port 5432.
  # We never use it; it only matters if PIPELINE_PG_PORT is also 5432, which
  # the port check in cmd_start reports clearly.
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql)
  # 9>&- : the package's postinst may start Debian's cluster, which must not
  # inherit (and so hold forever) our lock.
  # A failing postinst (e.g. Debian's own cluster cannot start because 5432 is
  # busy, or there is no init system in a container) must not stop us: we only
  # need the binaries, so success is judged by whether they are there.
  if ! "${apt[@]}" >&2 9>&-; then
    if find_pg_bin; then
      log "warning: apt-get install reported an error, but the binaries are installed; continuing"
      return 0
    fi
    # Fresh images often have no package lists yet; only then pay for an update.
    log "install failed; running apt-get update and retrying"
    env DEBIAN_FRONTEND=noninteractive apt-get update >&2 9>&- || true
    "${apt[@]}" >&2 9>&- || log "warning: apt-get install reported an error; checking for binaries anyway"
  fi
  find_pg_bin || die "PostgreSQL binaries still not found under /usr/lib/postgresql/*/bin after installing 'postgresql'"
}

ensure_server_user() {
  is_root || return 0
  getent passwd "$SERVER_USER" >/dev/null && return 0
  log "creating system user '$SERVER_USER'"
  useradd --system --user-group --no-create-home \
    --home-dir /var/lib/postgresql --shell /usr/sbin/nologin "$SERVER_USER"
}

# --------------------------------------------------------------- locations --

# Make .local/postgres exist, be owned by the server user (it writes server.log
# there and initdb writes data/ there) and be reachable by that user. If the
# checkout itself is not traversable by the server user, relocate to
# /var/lib/pipeline-postgres/<hash of repo path> behind a symlink.
prepare_base() {
  if ! is_root; then
    mkdir -p "$PG_BASE"
    chmod 700 "$PG_BASE/."
    set_paths
    return 0
  fi

  if [[ -L $PG_BASE ]]; then
    # Recreate a dangling relocation target (e.g. /var/lib was wiped).
    mkdir -p "$(readlink -- "$PG_BASE")"
  else
    mkdir -p "$PG_BASE"
  fi
  set_paths
  chown "$SERVER_USER:" "$PG_HOME"
  chmod 700 "$PG_HOME"

  if as_server test -x "$PG_HOME" -a -w "$PG_HOME"; then
    return 0
  fi

  [[ -L $PG_BASE ]] && die "'$PG_BASE' -> '$PG_HOME' is not accessible by user '$SERVER_USER'"
  # Only relocate an empty dir: moving an existing cluster around silently
  # would be surprising; the user can delete it if they really want a new one.
  rmdir -- "$PG_BASE" 2>/dev/null \
    || die "'$PG_BASE' is not reachable by user '$SERVER_USER' (a parent directory is not traversable) and is not empty; fix the permissions or remove it"

  local hash target
  # The default cluster keeps the hash it always had; another directory gets its own.
  if [[ -n ${PIPELINE_PG_DIR:-} ]]; then
    hash=$(printf '%s' "$PG_BASE" | sha256sum | cut -c1-12)
  else
    hash=$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)
  fi
  target=$RELOCATE_ROOT/$hash
  mkdir -p "$RELOCATE_ROOT" "$target"
  chmod 755 "$RELOCATE_ROOT"
  chown "$SERVER_USER:" "$target"
  chmod 700 "$target"
  ln -s "$target" "$PG_BASE"
  set_paths
  log "note: '$REPO_ROOT' is not traversable by user '$SERVER_USER';"
  log "      the cluster lives in '$target' ('.local/postgres' is a symlink to it)"
  as_server test -x "$PG_HOME" -a -w "$PG_HOME" \
    || die "relocated directory '$target' is still not accessible by '$SERVER_USER'"
}

cluster_exists() { [[ -f $DATA_DIR/PG_VERSION && -s $PW_FILE ]]; }

read_password() {
  [[ -s $PW_FILE ]] || die "password file '$PW_FILE' missing; run 'scripts/postgres.sh start'"
  local pw
  IFS= read -r pw < "$PW_FILE" || true
  [[ -n $pw ]] || die "password file '$PW_FILE' is empty"
  printf '%s' "$pw"
}

# ---------------------------------------------------------- process state --

# Physical path of PGDATA; the postmaster and its backends chdir() there, which
# is how we recognise "our" processes in /proc.
data_real() { readlink -f -- "$DATA_DIR"; }

pid_from_file() {
  local pid=""
  [[ -f $DATA_DIR/postmaster.pid ]] || return 1
  { IFS= read -r pid || true; } < "$DATA_DIR/postmaster.pid"
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  printf '%s' "$pid"
}

# Classify postmaster.pid: none | ours | stale | unknown.
#  stale   = the PID is dead, or alive but demonstrably not our postmaster
#            (PID reuse after a crash/reboot is common in containers).
#  unknown = alive but we cannot inspect it; never delete the file then, since
#            two postmasters on one data dir would corrupt it.
pid_state() {
  local pid cwd
  if [[ ! -e $DATA_DIR/postmaster.pid ]]; then echo none; return; fi
  if ! pid=$(pid_from_file); then echo stale; return; fi
  if [[ ! -d /proc/$pid ]] || is_zombie "$pid"; then echo stale; return; fi
  if cwd=$(readlink -- "/proc/$pid/cwd" 2>/dev/null); then
    if [[ $cwd == "$(data_real)" ]] && is_postgres_exe "$pid"; then echo ours; else echo stale; fi
  else
    echo unknown
  fi
}

# A postmaster killed with -9 in a container whose PID 1 does not reap children
# lingers as a zombie: /proc/<pid> exists and kill -0 succeeds, but it is dead.
is_zombie() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }            # field 3 follows the ")" closing the command name
  [[ ${stat%% *} == Z ]]
}

# Only ever treat actual postgres processes as ours (a user's shell may well
# have its cwd inside PGDATA).
is_postgres_exe() {
  local exe
  exe=$(readlink -- "/proc/$1/exe" 2>/dev/null) || return 1
  exe=${exe% (deleted)}        # binary replaced by a package upgrade
  [[ ${exe##*/} == postgres ]]
}

is_running() { [[ $(pid_state) == ours ]]; }

# Line 4 of postmaster.pid is the port the running server actually uses, which
# may differ from PIPELINE_PG_PORT if that was changed while it was running.
running_port() { sed -n '4p' "$DATA_DIR/postmaster.pid" 2>/dev/null; }
# Line 8 is the server status: starting / ready / stopping / standby.
running_status() { sed -n '8p' "$DATA_DIR/postmaster.pid" 2>/dev/null | tr -d ' '; }

# PIDs of leftover backends whose postmaster died (they still sit in PGDATA).
orphan_pids() {
  local p dr
  dr=$(data_real)
  for p in /proc/[0-9]*; do
    [[ $(readlink -- "$p/cwd" 2>/dev/null) == "$dr" ]] && is_postgres_exe "${p#/proc/}" \
      && printf '%s\n' "${p#/proc/}"
  done
  return 0
}

# After a crash: clear a stale postmaster.pid and make sure no orphaned
# backends still hold the old shared memory (the new postmaster would refuse
# to start while they do).
recover_stale() {
  local state
  state=$(pid_state)
  case $state in
    none|ours) return 0 ;;
    unknown) die "'$DATA_DIR/postmaster.pid' names a live process we cannot inspect; is the cluster run by another user?" ;;
  esac
  log "removing stale postmaster.pid (previous server did not shut down cleanly)"
  local i pids
  for (( i = 0; i < 20; i++ )); do
    pids=$(orphan_pids)
    [[ -z $pids ]] && break
    sleep 0.5
  done
  if [[ -n $pids ]]; then
    log "killing orphaned backends of the crashed server: $(echo $pids)"
    # shellcheck disable=SC2086
    kill -9 $pids 2>/dev/null || true
    sleep 1
  fi
  rm -f -- "$DATA_DIR/postmaster.pid"
}

port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]
  else
    # Minimal images may lack iproute2: read the kernel tables directly
    # (state 0A = LISTEN, port is hex after the colon).
    local hex
    hex=$(printf '%04X' "$1")
    awk -v h=":$hex" 'NR > 1 && $4 == "0A" && substr($2, length($2) - 4) == h { found = 1 } END { exit !found }' \
      /proc/net/tcp /proc/net/tcp6 2>/dev/null
  fi
}

conn_string() {
  local port=$1 pw
  pw=$(read_password)
  printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s\n' \
    "$port" "$DB_NAME" "$DB_USER" "$pw"
}

# ------------------------------------------------------------- cluster setup --

# Settings live in data/pipeline.conf, included from postgresql.conf. Why not
# postgresql.auto.conf: that file belongs to ALTER SYSTEM (which rewrites it),
# so a developer's ALTER SYSTEM keeps working and still wins over ours. Why not
# pg_ctl -o: settings would be invisible in the data dir and easy to forget.
# The file is rewritten on every start so edits to this script (and a changed
# PIPELINE_PG_PORT) apply to existing clusters.
write_settings() {
  local tmp=$DATA_DIR/pipeline.conf.tmp
  cat > "$tmp" <<EOF
# Generated by scripts/postgres.sh on every start; do not edit (use ALTER SYSTEM).
port = $PORT
# Loopback TCP only; no unix socket (socket paths have a ~107 byte limit and
# we want nothing in /tmp or /var/run).
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
# Dev/test box: 2 cores, plenty of RAM; parallel test runs open many connections.
max_connections = 200
shared_buffers = 256MB
work_mem = 16MB
maintenance_work_mem = 256MB
effective_cache_size = 4GB
# Fewer forced checkpoints during bulk test loads.
max_wal_size = 2GB
# A load COPies a period's facts (about 30 MB of WAL) in one go: with the default (1/32 of shared_buffers, 8 MB) the
# loading backend found the WAL buffers full 37,508 times for 1 M facts and wrote the WAL itself, between rows.
# Measured with \`./pipeline bench --only load\`: 8 periods on one connection in 2.94 s instead of 3.25 s.
wal_buffers = 64MB
# Durability settings (fsync, synchronous_commit, full_page_writes) are
# deliberately left at their defaults: we test crash safety.
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'UTC'
EOF
  chmod 600 "$tmp"
  mv -f -- "$tmp" "$DATA_DIR/pipeline.conf"
  # Files inside PGDATA must belong to the server user (root may have written it).
  is_root && chown "$SERVER_USER:" "$DATA_DIR/pipeline.conf"
  return 0
}

init_cluster() {
  local staging=$PG_HOME/data.initdb
  log "initialising new cluster in $DATA_DIR (PostgreSQL $(basename "$(dirname "$PG_BIN")"))"

  # Fresh password per new cluster. Hex: safe inside connection strings and
  # URLs with no quoting. Written via a temp file so readers never see half.
  local pw tmp=$PG_HOME/password.tmp
  pw=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077 && printf '%s\n' "$pw" > "$tmp")
  is_root && chown "$SERVER_USER:" "$tmp"   # initdb --pwfile runs as that user
  chmod 600 "$tmp"
  mv -f -- "$tmp" "$PW_FILE"

  # Use C.UTF-8 when available: UTF-8 text with byte-order collation, which is
  # fast and identical on every machine (no dependency on installed locales).
  local locale_args=(--locale=C.UTF-8) locales
  locales=$(locale -a 2>/dev/null || true)
  if ! grep -qiE '^c\.utf-?8$' <<<"$locales"; then
    log "locale C.UTF-8 not available; using --no-locale"
    locale_args=(--no-locale)
  fi

  # initdb into a staging dir and rename on success, so an interrupted initdb
  # never leaves a half-made data/ that later runs would mistake for a cluster.
  # Its chatter (including a "pg_ctl -D <staging dir>" hint) is only shown if
  # it fails.
  rm -rf -- "$staging"
  local out
  if ! out=$(as_server "$PG_BIN/initdb" -D "$staging" \
        --auth=scram-sha-256 --username="$DB_USER" --pwfile="$PW_FILE" \
        --encoding=UTF8 "${locale_args[@]}" 2>&1); then
    printf '%s\n' "$out" >&2
    rm -rf -- "$staging"
    die "initdb failed"
  fi
  printf "\n# Added by scripts/postgres.sh\ninclude_if_exists = 'pipeline.conf'\n" \
    | as_server tee -a "$staging/postgresql.conf" >/dev/null
  mv -- "$staging" "$DATA_DIR"
}

# Idempotent: also repairs a cluster where initdb finished but the database was
# never created (e.g. the first start was interrupted).
ensure_database() {
  local port=$1 exists
  exists=$(as_client "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$port" -U "$DB_USER" -d postgres \
    -c "select 1 from pg_database where datname = '$DB_NAME'") \
    || die "cannot connect to the cluster on 127.0.0.1:$port"
  if [[ $exists != 1 ]]; then
    log "creating database '$DB_NAME'"
    as_client "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U "$DB_USER" -O "$DB_USER" "$DB_NAME" >&2
  fi
}

# Wait for a server that another caller (or a crash recovery) is still bringing up.
wait_ready() {
  local i
  for (( i = 0; i < 120; i++ )); do
    [[ $(running_status) == ready ]] && return 0
    is_running || return 1
    sleep 0.5
  done
  return 1
}

lock() {
  mkdir -p "$LOCAL_DIR" "$(dirname -- "$LOCK_FILE")"
  # Belt and braces: keep .local out of git even without the top-level rule.
  [[ -e $LOCAL_DIR/.gitignore ]] || printf '*\n' > "$LOCAL_DIR/.gitignore"
  exec 9>>"$LOCK_FILE"
  # Generous timeout: the lock holder may be installing packages or running initdb.
  flock -w 600 9 || die "timed out waiting for lock $LOCK_FILE"
}

# ---------------------------------------------------------------- commands --

cmd_start() {
  validate_port
  lock
  ensure_pg_bin
  ensure_server_user
  prepare_base

  if [[ -e $DATA_DIR ]]; then
    local owner
    owner=$(stat -c %U -- "$DATA_DIR/.")
    [[ $owner == "$SERVER_USER" ]] \
      || die "'$DATA_DIR' is owned by '$owner' but the server would run as '$SERVER_USER'; delete '$PG_BASE' to start over"
    [[ -f $DATA_DIR/PG_VERSION ]] \
      || die "'$DATA_DIR' exists but is not a PostgreSQL data directory; delete '$PG_BASE' to start over"
  fi

  local fresh=0
  if ! cluster_exists; then
    [[ -e $DATA_DIR ]] && die "'$DATA_DIR' exists but '$PW_FILE' is missing; delete '$PG_BASE' to start over"
    init_cluster
    fresh=1
  fi

  if is_running; then
    local rport
    rport=$(running_port)
    wait_ready || die "server (pid $(pid_from_file)) is running but not ready; see $LOG_FILE"
    [[ $rport == "$PORT" ]] || log "warning: cluster is already running on port $rport, not $PORT; run 'stop' then 'start' to change it"
    ensure_database "$rport"
    log "already running on 127.0.0.1:$rport"
    conn_string "$rport"
    return 0
  fi

  recover_stale

  if port_in_use "$PORT"; then
    die "port $PORT on this machine is already in use by another process (not this cluster).
  Choose another port, e.g.:  PIPELINE_PG_PORT=55433 scripts/postgres.sh start"
  fi

  write_settings

  # Keep server.log from growing without bound on long-lived dev boxes.
  if [[ -f $LOG_FILE ]] && (( $(stat -c %s -- "$LOG_FILE") > 50 * 1024 * 1024 )); then
    mv -f -- "$LOG_FILE" "$LOG_FILE.1"
  fi

  log "starting PostgreSQL on 127.0.0.1:$PORT"
  if ! as_server "$PG_BIN/pg_ctl" start -D "$DATA_DIR" -w -t 60 -l "$LOG_FILE" >&2; then
    log "error: server failed to start; last 30 lines of $LOG_FILE:"
    tail -n 30 -- "$LOG_FILE" >&2 2>/dev/null || true
    exit 1
  fi

  ensure_database "$PORT"
  (( fresh )) && log "new cluster ready"
  conn_string "$PORT"
}

cmd_stop() {
  lock
  if ! is_running; then
    log "not running"
    return 0
  fi
  find_pg_bin || die "pg_ctl not found under /usr/lib/postgresql/*/bin"
  as_server "$PG_BIN/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t 60 >&2
}

cmd_status() {
  # No lock: a read-only snapshot, and it must not wait behind a slow start.
  if is_running; then
    echo running
    return 0
  fi
  echo stopped
  return 3
}

cmd_url() {
  validate_port
  # Lock so a concurrent first 'start' finishes creating the cluster first.
  lock
  cluster_exists || die "no cluster at '$PG_BASE'; run 'scripts/postgres.sh start'"
  if is_running; then conn_string "$(running_port)"; else conn_string "$PORT"; fi
}

cmd_psql() {
  validate_port
  # No lock: an interactive session must not block other callers.
  cluster_exists || die "no cluster at '$PG_BASE'; run 'scripts/postgres.sh start'"
  is_running || die "cluster is not running; run 'scripts/postgres.sh start'"
  find_pg_bin || die "psql not found under /usr/lib/postgresql/*/bin"
  local pw
  pw=$(read_password)
  # The caller's own PG* environment is kept here on purpose (interactive use).
  export PGPASSWORD=$pw
  exec "$PG_BIN/psql" -h 127.0.0.1 -p "$(running_port)" -U "$DB_USER" -d "$DB_NAME" "$@"
}

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  case $cmd in
    start)  cmd_start ;;
    stop)   cmd_stop ;;
    status) cmd_status ;;
    url)    cmd_url ;;
    psql)   cmd_psql "$@" ;;
    -h|--help|help) usage ;;
    *) usage; exit 2 ;;
  esac
}

main "$@"
