#!/usr/bin/env bash
# `npm run dev`: installs what is missing, prepares both databases, then runs frontend and backend together.
# PORT and API_PORT choose the ports (3000, 8000); every URL follows them unless set explicitly.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
bash scripts/prepare.sh

web_port="${PORT:-3000}"
api_port="${API_PORT:-8000}"
# NAME=value lines for the URLs no env file or variable sets; contradictions are reported on stderr.
urls=$(PORT="$web_port" API_PORT="$api_port" npx tsx scripts/dev-urls.ts)
while IFS= read -r line; do
  [ -n "$line" ] && export "${line?}"
done <<< "$urls"

printf '\n\033[1m==> Open http://localhost:%s  (API on http://localhost:%s; Ctrl-C stops both)\033[0m\n\n' "$web_port" "$api_port"
exec npx concurrently --kill-others --names web,api --prefix-colors cyan,magenta \
  "npm --workspace frontend run dev -- --port $web_port" \
  "cd backend && exec .venv/bin/uvicorn --factory app.main:create_app --reload --port $api_port"
