#!/usr/bin/env bash
# Makes sure the local PostgreSQL and Redis servers the scale-out setup needs are running; starts them if not.
# It installs nothing: a missing nginx is named with the command that installs it (CI runs that in .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  step "Starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  step "Starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
fi
command -v nginx >/dev/null || { printf 'error: nginx is not installed; on Debian or Ubuntu: apt-get install nginx\n' >&2; exit 1; }
