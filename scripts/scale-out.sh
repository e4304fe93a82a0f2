#!/usr/bin/env bash
# `npm run scale-out`: two FastAPI and two Next.js instances behind nginx, on PostgreSQL and Redis, on one origin.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
bash scripts/install.sh
bash scripts/services.sh
step "Starting the cluster (e2e/reliability/scale-out.ts)"
cd e2e && exec npx tsx reliability/scale-out.ts
