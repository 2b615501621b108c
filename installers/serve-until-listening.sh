#!/usr/bin/env bash
# Starts `LAUNCHER serve --port 0 --data DATA`, waits until it prints 'listening on', stops it with
# SIGTERM and waits for it to exit 0. For timing start-up (installers/startup-benchmark.sh).
#   installers/serve-until-listening.sh LAUNCHER DATA
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: serve-until-listening.sh LAUNCHER DATA" >&2; exit 1; }
exec 3< <(exec "$1" serve --port 0 --data "$2" 2>/dev/null)
pid=$!
line=
while IFS= read -r line <&3; do
  case "$line" in "listening on "*) break;; esac
done
case "$line" in
  "listening on "*) echo "$line";;
  *) echo "serve-until-listening.sh: serve printed no 'listening on'" >&2; exit 1;;
esac
kill -TERM "$pid"
wait "$pid"
