#!/usr/bin/env bash
# Installs what is missing: npm packages and the backend's virtualenv. Does nothing when both are current.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "Node.js 20 or newer is required (found $(node -v))."

# npm writes node_modules/.package-lock.json on every install; an older one means the lock file moved on.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi

python=""
for candidate in python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$candidate"
    break
  fi
done
[ -n "$python" ] || die "Python 3.11 or newer is required (python3.11, python3.12 or python3.13 on PATH)."

venv=backend/.venv
if [ ! -x "$venv/bin/python" ]; then
  step "Creating $venv with $($python --version)"
  "$python" -m venv "$venv" || die "could not create a virtualenv; on Debian/Ubuntu install the python3-venv package."
fi
# The verifier package is installed from its path: a change to its sources reinstalls it too.
package_sources=$(find packages/better-auth-jwt/src packages/better-auth-jwt/pyproject.toml -type f -not -name '*.pyc' | sort)
wanted=$(cat backend/requirements.txt backend/requirements-dev.txt $package_sources | sha256sum | cut -d' ' -f1)
if [ "$(cat "$venv/.requirements.sha256" 2>/dev/null)" != "$wanted" ]; then
  step "Installing pinned Python packages"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r backend/requirements-dev.txt
  echo "$wanted" > "$venv/.requirements.sha256"
fi
