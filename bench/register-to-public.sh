#!/usr/bin/env bash
# Benchmark (not a test): time from sending a registration through the gateway until the public list shows it.
# Needs a running suite (./suite up). Usage: bench/register-to-public.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20}
gateway="http://localhost:${GATEWAY_PORT:-8080}"
token=$(./suite token admin)
for i in $(seq 1 "$count"); do
  code="BENCH-$(date +%s%N | tail -c 9)"
  start=$(date +%s%N)
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\",\"name\":\"基准测试党支部\",\"type\":\"village-branch\"}" "$gateway/api/v1/internal/organizations")
  until curl -s "$gateway/api/v1/public/organizations?q=$code" | grep -q "\"total\":1"; do sleep 0.01; done
  echo "$status $(( ($(date +%s%N) - start) / 1000000 ))"
done | awk '{ n++; s+=$2; if ($2>max) max=$2; print "status " $1 "  visible after " $2 " ms" } END { printf "n=%d mean=%.0f ms max=%d ms\n", n, s/n, max }'
