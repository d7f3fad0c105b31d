# shellcheck shell=bash
# Keycloak helpers for ./suite and the end-to-end tests. Source this file: it only defines
# functions. Callers set SUITE_ROOT (the repo root).
#
#   keycloak_home                       -> prints the cached distribution folder
#   keycloak_fetch                      -> downloads + unpacks + pre-builds it once
#   keycloak_start PORT RUNDIR          -> starts one instance in the background
#   keycloak_wait  PORT TIMEOUT [RUNDIR]-> waits for realm `county` (RUNDIR: last started)
#   keycloak_stop  RUNDIR               -> stops that instance
#   keycloak_token PORT USER PASSWORD   -> prints an access token (client suite-cli)
#
# Several instances may share one cached distribution (./suite up on 8180, tests elsewhere):
# each keeps all mutable state (in-memory DB, realm import dir, transaction log, pid, log)
# in its own RUNDIR, and nothing under keycloak_home is written after keycloak_fetch.

KEYCLOAK_VERSION=26.7.3
# Build-time options: start-dev re-augments (rewrites lib/quarkus in the shared folder)
# whenever these differ from the ones keycloak_fetch baked in, so both must use this list.
KEYCLOAK_BUILD_OPTS=(--db=dev-mem --health-enabled=true)

keycloak_home() {
  echo "${SUITE_CACHE:-$HOME/.cache/party-affairs-suite}/keycloak-$KEYCLOAK_VERSION"
}

_keycloak_java_home() {
  echo "${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
}

# Maven Central is the only registry we can reach, hence the Maven wrapper. Everything,
# including the first (dev-mode) augmentation, happens in a temp folder that is renamed into
# place at the end: an interrupted fetch never leaves a half-built cache, and concurrent first
# starts never race to rewrite lib/quarkus.
keycloak_fetch() {
  local home parent tmp dist rc
  home="$(keycloak_home)"
  [ -x "$home/bin/kc.sh" ] && return 0
  parent="$(dirname "$home")"
  mkdir -p "$parent" || return 1
  # Leftovers of interrupted fetches (old enough not to be a concurrent one in progress).
  find "$parent" -maxdepth 1 -name '.keycloak-fetch.*' -mmin +60 -exec rm -rf {} + 2>/dev/null || true
  tmp="$(mktemp -d "$parent/.keycloak-fetch.XXXXXX")" || return 1
  dist="$tmp/keycloak-$KEYCLOAK_VERSION"
  echo "keycloak_fetch: downloading and pre-building Keycloak $KEYCLOAK_VERSION (once)..." >&2
  # Run from the temp dir so the suite's reactor pom is never read.
  if (cd "$tmp" && "${SUITE_ROOT:?SUITE_ROOT must point at the repo root}/mvnw" -q -B dependency:copy \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
        -DoutputDirectory="$tmp") \
     && tar --no-same-owner -xzf "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$tmp" \
     && rm -f "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" \
     && _keycloak_prebuild "$dist" "$tmp"; then
    # A concurrent fetch may have won the rename; its result is as good as ours.
    mv -T "$dist" "$home" 2>/dev/null || [ -x "$home/bin/kc.sh" ]
    rc=$?
  else
    echo "keycloak_fetch: download, unpack or pre-build failed" >&2
    rc=1
  fi
  rm -rf "$tmp"
  return $rc
}

# `kc.sh build` refuses the dev profile, so run start-dev once with Keycloak's own
# "exit as soon as Quarkus is up" launch mode; random ports so it never clashes.
_keycloak_prebuild() {
  local dist="$1" tmp="$2"
  JAVA_HOME="$(_keycloak_java_home)" "$dist/bin/kc.sh" start-dev "${KEYCLOAK_BUILD_OPTS[@]}" \
      --http-port=0 --http-management-port=0 \
      -Dkc.launch.mode=exit_before_bootstrap \
      -Dquarkus.transaction-manager.object-store.directory="$tmp/tx" \
      >"$tmp/prebuild.log" 2>&1 </dev/null || { tail -n 30 "$tmp/prebuild.log" >&2; return 1; }
  rm -rf "$dist/data"
}

_keycloak_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

keycloak_start() {
  local port="$1" rundir="$2" home realm mport pid i
  [[ "$port" =~ ^[0-9]+$ ]] && [ -n "$rundir" ] || { echo "usage: keycloak_start PORT RUNDIR" >&2; return 2; }
  realm="${SUITE_ROOT:?SUITE_ROOT must point at the repo root}/deploy/keycloak/county-realm.json"
  [ -f "$realm" ] || { echo "keycloak_start: $realm not found (is SUITE_ROOT set?)" >&2; return 1; }
  keycloak_fetch || return 1
  home="$(keycloak_home)"
  mkdir -p "$rundir" && rundir="$(cd "$rundir" && pwd)" || return 1
  if pid="$(cat "$rundir/keycloak.pid" 2>/dev/null)" && _keycloak_alive "$pid"; then
    echo "keycloak_start: already running as pid $pid ($rundir)" >&2; return 1
  fi
  # Health lives on a separate management port (default 9000): per instance, or two clash.
  mport="${KEYCLOAK_MANAGEMENT_PORT:-$((port + 1000))}"
  for i in "$port" "$mport"; do
    _keycloak_port_busy "$i" && { echo "keycloak_start: port $i already in use" >&2; return 1; }
  done
  # --import-realm would read <dist>/data/import, shared by every instance (and every
  # checkout using the cache). It only sets keycloak.migration.dir, so set that per run.
  rm -rf "$rundir/import" "$rundir/transaction-logs" "$rundir/keycloak.pid"
  mkdir -p "$rundir/import" && cp "$realm" "$rundir/import/" || return 1
  # The realm's mail (e-mail verification) goes to this suite's GreenMail: its SMTP port moves with the suite's.
  sed -i "s/\"port\": \"3025\"/\"port\": \"${MAIL_SMTP_PORT:-3025}\"/" "$rundir/import/$(basename "$realm")" || return 1
  # setsid -f + "echo \$\$; exec": the pid file holds a session/group leader whatever the
  # caller's job control, so keycloak_stop can signal kc.sh and its java child together.
  # --hostname pins the issuer: without it dev mode derives `iss` from each request's Host
  # header, so tokens fetched via 127.0.0.1 and via localhost would not match.
  JAVA_HOME="$(_keycloak_java_home)" \
  KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN_USER:-admin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${KEYCLOAK_ADMIN_PASSWORD:-admin}" \
  setsid -f sh -c 'echo $$ >"$1/keycloak.pid.tmp" && mv "$1/keycloak.pid.tmp" "$1/keycloak.pid"
                   shift; exec "$@"' sh "$rundir" \
    "$home/bin/kc.sh" start-dev "${KEYCLOAK_BUILD_OPTS[@]}" \
      --http-port="$port" --http-management-port="$mport" \
      --hostname="http://${KEYCLOAK_HOSTNAME:-localhost}:$port" \
      -Dkeycloak.migration.dir="$rundir/import" \
      -Dquarkus.transaction-manager.object-store.directory="$rundir/transaction-logs" \
      >"$rundir/keycloak.log" 2>&1 </dev/null
  for i in $(seq 50); do [ -s "$rundir/keycloak.pid" ] && break; sleep 0.1; done
  [ -s "$rundir/keycloak.pid" ] || { echo "keycloak_start: no pid file" >&2; return 1; }
  KEYCLOAK_LAST_RUNDIR="$rundir"
}

# True if PID is alive and is one of ours (guards against a recycled pid).
_keycloak_alive() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q "keycloak-$KEYCLOAK_VERSION"
}

keycloak_wait() {
  local port="$1" timeout="${2:-120}" rundir="${3:-${KEYCLOAK_LAST_RUNDIR:-}}" deadline pid
  local url="http://127.0.0.1:$port/realms/county/.well-known/openid-configuration"
  deadline=$((SECONDS + timeout))
  while [ "$SECONDS" -lt "$deadline" ]; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url")" = 200 ] && return 0
    if [ -n "$rundir" ]; then
      pid="$(cat "$rundir/keycloak.pid" 2>/dev/null)"
      _keycloak_alive "$pid" || { echo "keycloak_wait: Keycloak on port $port died" >&2; break; }
    fi
    sleep 0.5
  done
  [ "$SECONDS" -ge "$deadline" ] && echo "keycloak_wait: not ready on port $port after ${timeout}s" >&2
  [ -n "$rundir" ] && tail -n 40 "$rundir/keycloak.log" >&2
  return 1
}

# The pid is a process-group leader (see keycloak_start); signalling only that group's
# Keycloak processes also catches a java child orphaned by a killed kc.sh.
keycloak_stop() {
  local rundir="$1" pid i
  [ -n "$rundir" ] || { echo "usage: keycloak_stop RUNDIR" >&2; return 2; }
  pid="$(cat "$rundir/keycloak.pid" 2>/dev/null)" || return 0
  if pgrep -g "$pid" -f "keycloak-$KEYCLOAK_VERSION" >/dev/null; then
    # TERM lets kc.sh forward the signal and Keycloak shut down cleanly.
    pkill -TERM -g "$pid" -f "keycloak-$KEYCLOAK_VERSION"
    for i in $(seq 60); do
      pgrep -g "$pid" -f "keycloak-$KEYCLOAK_VERSION" >/dev/null || break; sleep 0.5
    done
    pkill -KILL -g "$pid" -f "keycloak-$KEYCLOAK_VERSION" && sleep 0.5
  fi
  rm -f "$rundir/keycloak.pid"
}

keycloak_token() {
  local port="$1" user="$2" password="$3"
  [ -n "$password" ] || { echo "usage: keycloak_token PORT USER PASSWORD" >&2; return 2; }
  curl -s --max-time 10 "http://127.0.0.1:$port/realms/county/protocol/openid-connect/token" \
      --data-urlencode grant_type=password --data-urlencode client_id=suite-cli \
      --data-urlencode "username=$user" --data-urlencode "password=$password" \
    | python3 -c 'import json, sys
r = json.load(sys.stdin)
if "access_token" not in r: sys.exit("keycloak_token: %s" % r)
print(r["access_token"])'
}
