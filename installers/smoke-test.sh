#!/usr/bin/env bash
# Smoke test of the Linux .deb: builds it, unpacks it with dpkg -x (no install, no root needed beyond
# what building needs) and runs the packaged launcher:
#   --version, --help; serve --port 0 until it prints 'listening on', a message through STARTTLS and
#   AUTH LOGIN (Python's smtplib), sent-items, SIGTERM (exit 0, 'stopped'); a short simulate.
#
#   installers/smoke-test.sh                 # builds with installers/package.sh, then tests
#   installers/smoke-test.sh --offline       # options are passed to package.sh (--skip-build, --no-cds, ...)
#   installers/smoke-test.sh --deb FILE.deb  # tests a .deb that is already built
#
# Prints 'smoke test passed' and exits 0, or says what failed and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

deb=
package_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --deb) [ $# -ge 2 ] || fail "--deb needs a file"; deb=$2; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    *) package_args+=("$1"); shift;;
  esac
done
[ "$(uname -s)" = Linux ] || fail "the .deb smoke test runs on Linux"
command -v dpkg-deb >/dev/null || fail "dpkg-deb not found (a Debian or Ubuntu system is needed)"

if [ -z "$deb" ]; then
  installers/package.sh ${package_args[@]+"${package_args[@]}"} deb
  deb=$(ls target/installer/submitlab_*.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || fail "package.sh wrote no target/installer/submitlab_*.deb"
fi
[ -f "$deb" ] || fail "no such .deb: $deb"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1 | sed 's/-SNAPSHOT//')

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
show() { echo "--- $1:" >&2; cat "$1" >&2 || true; }

echo "== $deb"
control=$(dpkg-deb -f "$deb" Package Version Depends)
echo "$control" | sed -n '1,2p'
grep -q '^Depends:.*libgtk-3-0' <<<"$control" || fail "the package does not depend on libgtk-3-0"
dpkg-deb -x "$deb" "$tmp/root"
launcher=$tmp/root/opt/submitlab/bin/SubmitLab
[ -x "$launcher" ] || fail "no launcher at /opt/submitlab/bin/SubmitLab in the package"
[ "$(readlink "$tmp/root/usr/bin/submitlab")" = /opt/submitlab/bin/SubmitLab ] \
  || fail "/usr/bin/submitlab is not a link to /opt/submitlab/bin/SubmitLab"
for d in usr/share/applications usr/share/desktop-directories; do
  [ -d "$tmp/root/$d" ] || fail "no /$d in the package (its install fails on a machine without a desktop)"
done
desktop=$(ls "$tmp"/root/opt/submitlab/lib/*.desktop 2>/dev/null | head -n 1)
[ -n "$desktop" ] || fail "no menu entry (.desktop file) in the package"
grep -qx 'Exec=/opt/submitlab/bin/SubmitLab' "$desktop" || fail "the menu entry does not start the launcher without arguments"

echo "== --version"
"$launcher" --version >"$tmp/version" 2>&1 || { show "$tmp/version"; fail "--version exited non-zero"; }
cat "$tmp/version"
grep -qx "SubmitLab $version" "$tmp/version" || fail "--version did not print 'SubmitLab $version'"

echo "== --help"
"$launcher" --help >"$tmp/help" 2>&1 || { show "$tmp/help"; fail "--help exited non-zero"; }
for command in serve simulate runs sent-items token; do
  grep -q "^ *$command " "$tmp/help" || { show "$tmp/help"; fail "--help does not list '$command'"; }
done
echo "lists serve, simulate, runs, sent-items, token"

echo "== serve --port 0 --data <temp>"
mailbox=printer@contoso.test password='Smoke#Test-2026'
"$launcher" serve --port 0 --data "$tmp/data" --mailbox "$mailbox:$password" >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
for _ in $(seq 1 240); do
  grep -q '^listening on ' "$tmp/serve.out" && break
  kill -0 "$server_pid" 2>/dev/null || { show "$tmp/serve.out"; show "$tmp/serve.err"; fail "serve exited before it listened"; }
  sleep 0.25
done
grep -q '^listening on ' "$tmp/serve.out" || { show "$tmp/serve.err"; fail "serve printed no 'listening on' within 60 s"; }
address=$(sed -n 's/^listening on //p' "$tmp/serve.out")
port=${address##*:}
echo "listening on $address"

if command -v python3 >/dev/null; then
  echo "== a message through STARTTLS (the generated certificate) and AUTH LOGIN"
  python3 - "$port" "$mailbox" "$password" "$tmp/data/tls/submitlab.p12" <<'EOF' || fail "sending a message failed"
import smtplib, ssl, sys
port, mailbox, password, keystore = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE  # the self-signed certificate; the README shows how to trust it
with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
    smtp.ehlo("smoke-test")
    smtp.starttls(context=context)
    print("TLS:", smtp.sock.version(), smtp.sock.cipher()[0])
    smtp.ehlo("smoke-test")
    smtp.login(mailbox, password)  # AUTH LOGIN: the server offers no PLAIN
    refused = smtp.sendmail(mailbox, ["frontdesk@contoso.test"],
                            "From: %s\r\nTo: frontdesk@contoso.test\r\nSubject: smoke test\r\n\r\nscan\r\n" % mailbox)
    assert not refused, refused
    print("accepted")
EOF
  "$launcher" sent-items --data "$tmp/data" >"$tmp/sent" 2>&1 || { show "$tmp/sent"; fail "sent-items exited non-zero"; }
  grep -q 'smoke test' "$tmp/sent" || { show "$tmp/sent"; fail "the message is not in Sent Items"; }
  echo "sent-items lists it"
else
  echo "== (no python3: sending a message skipped)"
fi

echo "== SIGTERM"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=
[ "$status" -eq 0 ] || { show "$tmp/serve.err"; fail "serve exited $status after SIGTERM, not 0"; }
grep -qx 'stopped' "$tmp/serve.err" || { show "$tmp/serve.err"; fail "serve did not print 'stopped'"; }
echo "exit 0, stopped"

echo "== simulate --preset printers-sharing-mailbox (a run under DATA/runs)"
"$launcher" simulate --preset printers-sharing-mailbox --speed 3600 --duration 10m --data "$tmp/data" \
  >"$tmp/simulate" 2>&1 || { show "$tmp/simulate"; fail "simulate exited non-zero"; }
tail -n 3 "$tmp/simulate"
ls "$tmp/data/runs" | grep -q . || fail "simulate created no run under DATA/runs"

echo "smoke test passed"
