#!/usr/bin/env bash
# `npm test`: installs what is missing, then runs every suite: lint, pytest, vitest, Playwright in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
bash scripts/install.sh

step "Backend lint (ruff check, ruff format --check)"
(cd backend && .venv/bin/ruff check . && .venv/bin/ruff format --check .)

step "Backend tests (pytest)"
(cd backend && .venv/bin/pytest -q)

# Against the copy installed in the backend's virtualenv; CI also tests the built wheel on its own.
step "Verifier package (packages/better-auth-jwt): ruff, pytest"
(cd packages/better-auth-jwt && ../../backend/.venv/bin/ruff check . && ../../backend/.venv/bin/ruff format --check . \
  && ../../backend/.venv/bin/pytest -q -p no:cacheprovider tests)

step "Frontend lint (eslint) and unit tests (vitest)"
npm --workspace frontend run --silent lint
npm --workspace frontend run --silent test

step "Harness type check (e2e/, bench/) and unit tests (scripts/, e2e/, bench/: the dev URLs, browser provisioning, RESULTS.md sections)"
npx tsc -p e2e
npx tsc -p bench
npx tsx --test scripts/*.test.ts e2e/*.test.ts bench/*.test.ts

step "CLI type check and unit tests (cli/: token cache, RFC 8628 polling, credentials file permissions)"
npm --workspace cli run --silent typecheck
npm --workspace cli run --silent test

# The e2e script first finds or installs a Chromium (e2e/browser.ts), and stops before any test without one.
step "End-to-end tests (Playwright, Chromium; own servers on free ports, throwaway databases)"
npm --workspace e2e run --silent test
