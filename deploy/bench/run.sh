#!/usr/bin/env bash
# Benchmark: the Lodestone gateway, Apollo Gateway and Hive Gateway over the same subgraphs (see README.md).
# Builds what it needs with the project's own files, installs the locked npm packages, then runs bench.mjs.
# Needs JDK 17+, Node.js 20+ with npm, and wrk (installed with apt-get when missing). Usage: deploy/bench/run.sh   (settings: see README.md)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [[ "${BENCH_SKIP_BUILD:-0}" != "1" ]]; then
  (cd "$root" && ./mvnw -B -ntp -DskipTests -Dlodestone.compose.skip=true package \
    -pl country-service,mineral-service,agreement-service,gateway,deploy/local-stack -am)
fi

# npm ci only when the lock file changed since the last install
stamp="$here/node_modules/.package-lock.json"
if [[ ! -f "$stamp" || "$here/package-lock.json" -nt "$stamp" ]]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

# wrk, the default load generator (BENCH_LOAD=autocannon needs none): Debian's package when it is missing
if [[ "${BENCH_LOAD:-wrk}" == "wrk" ]] && ! command -v wrk >/dev/null; then
  echo "installing wrk (apt-get)" >&2
  sudo=""
  [[ "$(id -u)" != "0" ]] && sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk
fi

mkdir -p "$here/target/bench"
exec node "$here/bench.mjs" "$@"
