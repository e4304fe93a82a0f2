#!/usr/bin/env bash
# `npm run bench`: starts the product in production mode, measures it, writes bench/RESULTS.md.
# `npm run bench -- --quick` is the CI smoke run: small sizes, short runs, bench/RESULTS-quick.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
bash scripts/install.sh

wanted=$(sha256sum bench/requirements.txt | cut -d' ' -f1)
if [ "$(cat bench/.bridge/.requirements.sha256 2>/dev/null)" != "$wanted" ]; then
  step "Installing the comparison verifier into bench/.bridge (bench/requirements.txt)"
  rm -rf bench/.bridge
  backend/.venv/bin/pip install --quiet --disable-pip-version-check --no-deps --target bench/.bridge -r bench/requirements.txt
  echo "$wanted" > bench/.bridge/.requirements.sha256
fi

# The benchmark's own build folder, so it never collides with a dev server's or a test run's.
export E2E_DIST_DIR=.next-bench NEXT_TELEMETRY_DISABLED=1
# `npm run bench:revocation`: the revocation latency case, which also needs the scale-out's servers.
script=bench/run.ts
if [ "${1:-}" = "--revocation" ]; then
  shift
  script=bench/revocation.ts
  bash scripts/services.sh
# `npm run bench:ab -- --base <rev>`: this checkout against another commit, alternated in one run.
elif [ "${1:-}" = "--ab" ]; then
  shift
  script=bench/ab.ts
# `npm run bench:peer -- --peer <snapshot>`: our list against antosubash/nextjs-better-auth-fastapi's, alternated.
elif [ "${1:-}" = "--peer" ]; then
  shift
  script=bench/peer.ts
# `npm run bench:first-task`: time to the first task on a throttled phone, and the page's JS.
elif [ "${1:-}" = "--first-task" ]; then
  shift
  script=bench/first-task.ts
fi
step "Benchmark ($script${*:+ $*})"
npx tsx "$script" "$@"
