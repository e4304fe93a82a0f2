#!/usr/bin/env bash
# `npm run faults`: the fault tests (e2e/reliability/*.spec.ts), each on a cluster with private PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
bash scripts/install.sh
bash scripts/services.sh
step "Fault tests: kill -9, SIGTERM, Redis stopped, PostgreSQL restarted, jwks with frontends down"
cd e2e && exec npx playwright test -c reliability/playwright.config.ts "$@"
