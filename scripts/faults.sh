#!/usr/bin/env bash
# `npm run faults`: the fault tests (e2e/reliability/*.spec.ts), each on a cluster with private PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
bash scripts/install.sh
bash scripts/services.sh
step "Fault tests: kill -9, SIGTERM, Redis stopped, PostgreSQL restarted, jwks with frontends down"
cd e2e && exec npx playwright test -c reliability/playwright.config.ts "$@"
