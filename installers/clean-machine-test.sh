#!/usr/bin/env bash
# The README's install and LAN steps on a clean Debian 12, as root on a Linux host:
#   1. a bare Debian 12 (debootstrap --variant=minbase bookworm) in a temporary folder;
#   2. the .deb installed there with apt, its dependencies (GTK 3, ...) resolved from Debian's mirror;
#   3. two network namespaces joined by a veth pair: "server" (SERVER_IP) and "device" (DEVICE_IP);
#   4. as a normal user inside the Debian: `submitlab serve --bind SERVER_IP` and the certificate
#      exported with openssl as the README shows;
#   5. from the device namespace: swaks (if installed on the host) and installers/lan-device.py send
#      a message with STARTTLS and AUTH LOGIN, trusting the exported certificate; then the same with
#      a certificate of your own for the LAN address (`--tls-keystore`, SUBMITLAB_TLS_PASSWORD),
#      checked against the address as well;
#   6. sent-items lists the messages, SIGTERM stops the server; uninstalling keeps the data folder.
#
#   installers/clean-machine-test.sh target/installer/submitlab_<version>-1_amd64.deb
#   installers/clean-machine-test.sh --base DIR FILE.deb   # copy DIR (a debootstrapped bookworm) instead
#                                                          # of bootstrapping again; DIR is not changed
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), SERVER_IP/DEVICE_IP (default
# 10.213.77.1/10.213.77.2: addresses that exist only inside the two namespaces).
# Needs root, debootstrap, iproute2 (ip netns) and python3 on the host.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "CLEAN-MACHINE TEST FAILED: $*" >&2; exit 1; }
step() { echo; echo "== $*"; }

base=
while [ $# -gt 0 ]; do
  case "$1" in
    --base) [ $# -ge 2 ] || fail "--base needs a folder"; base=$2; shift 2;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -*) fail "unknown option $1";;
    *) break;;
  esac
done
[ $# -eq 1 ] || fail "give the .deb to install (see --help)"
deb=$(readlink -f "$1")
[ -f "$deb" ] || fail "no such file: $1"
[ "$(id -u)" -eq 0 ] || fail "run as root (debootstrap, chroot and ip netns need it)"
for tool in debootstrap ip chroot python3 mount; do
  command -v "$tool" >/dev/null || fail "$tool not found (apt-get install debootstrap iproute2 python3)"
done
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
server_ip=${SERVER_IP:-10.213.77.1} device_ip=${DEVICE_IP:-10.213.77.2}
mailbox=printer@contoso.test password='Printer#2026'
ns_server=submitlab-server-$$ ns_device=submitlab-device-$$

work=$(mktemp -d)
root=$work/debian
server_pid=
cleanup() {
  set +e
  if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  ip netns del "$ns_server" 2>/dev/null
  ip netns del "$ns_device" 2>/dev/null
  for m in dev/pts dev sys proc; do mountpoint -q "$root/$m" && umount -l "$root/$m"; done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT

# Runs a command in the Debian, as root or (as_admin) as the user "admin", in a given namespace or not.
in_debian() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
admin_env() {
  admin_cmd=(chroot --userspec=admin:admin "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/admin USER=admin
             LANG=C.UTF-8 ${SUBMITLAB_TLS_PASSWORD:+SUBMITLAB_TLS_PASSWORD=$SUBMITLAB_TLS_PASSWORD})
}
as_admin() {
  local ns=$1; shift
  admin_env
  ip netns exec "$ns" "${admin_cmd[@]}" "$@"
}

step "1. a clean Debian 12 in $root"
if [ -n "$base" ]; then
  [ -f "$base/etc/debian_version" ] || fail "$base is not a Debian root folder"
  cp -a "$base" "$root"
else
  debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 20 "$work/debootstrap.log" >&2; fail "debootstrap failed (mirror $mirror)"; }
fi
echo "Debian $(cat "$root/etc/debian_version")"
in_debian dpkg -s submitlab >/dev/null 2>&1 && fail "submitlab is already installed in the base folder"
in_debian dpkg -s libgtk-3-0 >/dev/null 2>&1 && fail "libgtk-3-0 is already installed: not a clean machine"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp /etc/resolv.conf "$root/etc/resolv.conf"
in_debian useradd --create-home --shell /bin/bash admin

step "2. install (README: sudo apt install ./$(basename "$deb"))"
cp "$deb" "$root/tmp/"
in_debian apt-get update -q >"$work/apt.log" 2>&1 || { tail -n 20 "$work/apt.log" >&2; fail "apt-get update failed"; }
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root DEBIAN_FRONTEND=noninteractive \
  sh -c "cd /tmp && apt-get install -y -q ./$(basename "$deb")" >>"$work/apt.log" 2>&1 \
  || { tail -n 30 "$work/apt.log" >&2; fail "apt could not install the package"; }
grep -E '^(Setting up|Unpacking) (submitlab|libgtk-3-0)' "$work/apt.log" | sort -u
in_debian dpkg -s libgtk-3-0 | grep -q '^Status: install ok installed' || fail "libgtk-3-0 was not installed with it"
[ "$(in_debian sh -c 'command -v submitlab')" = /usr/bin/submitlab ] || fail "no command submitlab on the PATH"
ls "$root"/usr/share/applications/*ubmit*.desktop >/dev/null 2>&1 || fail "no menu entry in /usr/share/applications"
echo "menu entry: $(cd "$root" && ls usr/share/applications/*ubmit*.desktop)"
# openssl, for exporting the certificate (README); not a dependency of SubmitLab.
in_debian apt-get install -y -q openssl >>"$work/apt.log" 2>&1 || fail "apt could not install openssl"

step "3. network: $ns_server ($server_ip) <-> $ns_device ($device_ip)"
ip netns add "$ns_server"
ip netns add "$ns_device"
ip link add "sl$$s" type veth peer name "sl$$d"
ip link set "sl$$s" netns "$ns_server"
ip link set "sl$$d" netns "$ns_device"
ip -n "$ns_server" addr add "$server_ip/24" dev "sl$$s"
ip -n "$ns_device" addr add "$device_ip/24" dev "sl$$d"
for ns in "$ns_server" "$ns_device"; do
  ip -n "$ns" link set lo up
done
ip -n "$ns_server" link set "sl$$s" up
ip -n "$ns_device" link set "sl$$d" up

# Starts `submitlab serve ARGS` as admin in the server namespace, waits for 'listening on', sets $port.
serve() {
  # A plain command in the background (not a function, which would run in a subshell of its own), so
  # that $! is the server itself once ip, chroot and env have exec'd it: SIGTERM must reach it.
  admin_env
  ip netns exec "$ns_server" "${admin_cmd[@]}" submitlab serve "$@" >"$work/serve.out" 2>"$work/serve.err" &
  server_pid=$!
  for _ in $(seq 1 240); do
    grep -q '^listening on ' "$work/serve.out" && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; fail "serve exited before it listened"; }
    sleep 0.25
  done
  grep -q '^listening on ' "$work/serve.out" || { cat "$work/serve.err" >&2; fail "serve did not listen within 60 s"; }
  cat "$work/serve.err" "$work/serve.out"
  port=$(sed -n 's/^listening on .*:\([0-9]*\)$/\1/p' "$work/serve.out")
}
stop() {
  kill -TERM "$server_pid"
  local status=0
  wait "$server_pid" || status=$?
  server_pid=
  tail -n 2 "$work/serve.err"
  [ "$status" -eq 0 ] || fail "serve exited $status after SIGTERM"
  grep -qx stopped "$work/serve.err" || fail "serve did not print 'stopped'"
}
device() { ip netns exec "$ns_device" "$@"; }

step "4. first run as the user admin: submitlab --version; serve --bind $server_ip"
as_admin "$ns_server" submitlab --version
as_admin "$ns_server" submitlab --help >"$work/help" && grep -q 'serve' "$work/help" || fail "submitlab --help"
serve --bind "$server_ip" --mailbox "$mailbox:$password"
[ "$port" = 2587 ] || fail "expected port 2587 for a normal user, got $port"
# README, 'Trusting the certificate': export it as PEM (and DER for devices that want .cer/.der).
as_admin "$ns_server" sh -c 'cd && tls=~/.local/share/submitlab/tls &&
  openssl pkcs12 -in $tls/submitlab.p12 -passin file:$tls/submitlab.p12.password -nokeys -clcerts | openssl x509 -out submitlab.pem &&
  openssl x509 -in submitlab.pem -outform der -out submitlab.cer && openssl x509 -in submitlab.pem -noout -subject -enddate'
cp "$root/home/admin/submitlab.pem" "$work/submitlab.pem"

step "5. the device sends from $device_ip"
device ip -brief addr show | grep -v '^lo'
if command -v swaks >/dev/null; then
  device swaks --server "$server_ip:$port" --tls --auth LOGIN --auth-user "$mailbox" --auth-password "$password" \
    --from "$mailbox" --to frontdesk@contoso.test --header 'Subject: swaks from the LAN' >"$work/swaks.log" 2>&1 \
    || { cat "$work/swaks.log" >&2; fail "swaks failed"; }
  grep -E '^ *(<-|->) *(STARTTLS|AUTH LOGIN|235|250 2.0.0)' "$work/swaks.log" | head -n 5
else
  echo "(swaks not installed on the host: skipped)"
fi
device python3 "$here/lan-device.py" "$server_ip" "$port" "$mailbox" "$password" "$work/submitlab.pem" \
  || fail "the device could not send, trusting the exported certificate"
as_admin "$ns_server" submitlab sent-items | tee "$work/sent"
grep -q 'Scan from the LAN' "$work/sent" || fail "the message is not in Sent Items"
stop

step "5b. a certificate of your own for $server_ip (README: --tls-keystore, SUBMITLAB_TLS_PASSWORD)"
export SUBMITLAB_TLS_PASSWORD=lab-secret-$$
as_admin "$ns_server" sh -c "cd && openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj /CN=submitlab.lan \
  -addext 'subjectAltName=IP:$server_ip,DNS:submitlab.lan' -keyout lan-key.pem -out lan-cert.pem 2>/dev/null &&
  openssl pkcs12 -export -inkey lan-key.pem -in lan-cert.pem -out submitlab-lan.p12 -passout env:SUBMITLAB_TLS_PASSWORD"
cp "$root/home/admin/lan-cert.pem" "$work/lan-cert.pem"
serve --bind "$server_ip" --tls-keystore /home/admin/submitlab-lan.p12
device python3 "$here/lan-device.py" "$server_ip" "$port" "$mailbox" "$password" "$work/lan-cert.pem" --check-hostname \
  || fail "the device could not send with the LAN certificate"
stop
unset SUBMITLAB_TLS_PASSWORD

step "6. uninstall (apt remove, then purge): the data folder stays"
in_debian apt-get remove -y -q submitlab >>"$work/apt.log" 2>&1 || fail "apt remove failed"
in_debian apt-get purge -y -q submitlab >>"$work/apt.log" 2>&1 || fail "apt purge failed"
[ ! -e "$root/usr/bin/submitlab" ] && [ ! -e "$root/opt/submitlab" ] || fail "uninstalling left /usr/bin/submitlab or /opt/submitlab"
[ -f "$root/home/admin/.local/share/submitlab/submitlab.db" ] || fail "uninstalling removed the data folder"
echo "removed /opt/submitlab and /usr/bin/submitlab; kept $(cd "$root/home/admin" && du -sh .local/share/submitlab | cut -f1) in ~admin/.local/share/submitlab"

echo
echo "clean-machine test passed"
