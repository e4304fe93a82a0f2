#!/usr/bin/env bash
# `npm run soak`: 50 virtual users for 5 minutes against the scale-out cluster (`npm run soak -- --ci`: 60 s),
# then every user's tasks checked against its model. REUSE_BUILD=1 skips rebuilding the frontend.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
bash scripts/install.sh
bash scripts/services.sh
step "Soak test (e2e/reliability/soak.ts $*)"
cd e2e && exec npx tsx reliability/soak.ts "$@"
