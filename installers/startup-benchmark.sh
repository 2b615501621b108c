#!/usr/bin/env bash
# Start-up of an installed launcher, with hyperfine (Debian: apt-get install hyperfine):
#   --version                      the command line's start and exit
#   serve (until 'listening on')   start, open the data folder, TLS, listen; then SIGTERM and exit
# each as installed, and with the class-data-sharing variants given by JAVA_TOOL_OPTIONS:
#   no CDS at all (-Xshare:off: a trimmed runtime made without --generate-cds-archive),
#   and, with --appcds FILE.jsa, an AppCDS archive of the app's classes made for this install.
#
#   installers/startup-benchmark.sh [--runs N] [--appcds FILE.jsa] LAUNCHER
#   installers/startup-benchmark.sh /usr/bin/submitlab
# Prints hyperfine's summary; --export-markdown goes to startup-*.md in the current folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

runs=20 appcds=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2;;
    --appcds) appcds=$2; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -*) echo "startup-benchmark.sh: unknown option $1" >&2; exit 1;;
    *) break;;
  esac
done
[ $# -eq 1 ] || { echo "startup-benchmark.sh: give the launcher (see --help)" >&2; exit 1; }
launcher=$1
command -v hyperfine >/dev/null || { echo "startup-benchmark.sh: hyperfine not found (apt-get install hyperfine)" >&2; exit 1; }
"$launcher" --version >/dev/null || { echo "startup-benchmark.sh: $launcher --version fails" >&2; exit 1; }

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
# A data folder made once (schema, certificate), so that every measured start is a normal one, not
# the first (which also generates an RSA key).
"$here/serve-until-listening.sh" "$launcher" "$data" >/dev/null

variants=("as installed::" "no CDS (-Xshare:off)::-Xshare:off")
[ -n "$appcds" ] && variants+=("AppCDS archive::-XX:SharedArchiveFile=$appcds")

version_cmds=() serve_cmds=()
for v in "${variants[@]}"; do
  name=${v%%::*} opts=${v#*::}
  version_cmds+=(-n "submitlab --version, $name" "JAVA_TOOL_OPTIONS='$opts' '$launcher' --version")
  serve_cmds+=(-n "submitlab serve, $name" "JAVA_TOOL_OPTIONS='$opts' '$here/serve-until-listening.sh' '$launcher' '$data'")
done
hyperfine -N --warmup 2 --runs "$runs" --export-markdown startup-version.md "${version_cmds[@]}" 2>/dev/null \
  || hyperfine --warmup 2 --runs "$runs" --export-markdown startup-version.md "${version_cmds[@]}"
hyperfine --warmup 1 --runs "$runs" --export-markdown startup-serve.md "${serve_cmds[@]}"
