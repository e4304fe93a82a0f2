#!/usr/bin/env bash
# Prepares the local development setup: the shared secret and both databases. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

step "Checking the shared secret (frontend/.env.local and backend/.env)"
npx tsx scripts/ensure-secret.ts

step "Migrating the task database (alembic upgrade head)"
(cd backend && .venv/bin/alembic upgrade head)

step "Migrating the auth database (Better Auth)"
npm --workspace frontend run --silent migrate
