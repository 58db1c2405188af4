#!/usr/bin/env bash
# Makes sure the services the tests need answer on loopback: PostgreSQL on 127.0.0.1:5432 (Debian's cluster, started
# with pg_ctlcluster) and Redis on 127.0.0.1:6379 (no persistence: test data only). A service that already answers
# is left alone, so it is safe to run any number of times. Prints one line per service; exits 1 when one is not
# reachable. Needs the Debian packages postgresql and redis-server, and the rights to start them (root in CI).
set -u
status=0
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
wait_for() { for _ in $(seq 1 30); do "$1" && return 0; sleep 1; done; return 1; }

if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null
  done
  wait_for pg_up
fi
if pg_up; then echo "postgres: up on 127.0.0.1:5432"; else echo "postgres: NOT reachable on 127.0.0.1:5432"; status=1; fi

if ! redis_up && command -v redis-server >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  wait_for redis_up
fi
if redis_up; then echo "redis: up on 127.0.0.1:6379"; else echo "redis: NOT reachable on 127.0.0.1:6379"; status=1; fi
exit $status
