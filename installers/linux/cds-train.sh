#!/bin/sh
# Makes the class-data-sharing archive of SubmitLab's own classes where the package installed them, and tells
# the launchers to use it (docs/benchmarks.md, "Start-up of the installed launcher"). A JDK 17 archive records
# the absolute class path it was made with, so it cannot be made when the package is built; the .deb's postinst
# runs this after every install and upgrade, and its prerm removes the archive. It never fails the install:
# without an archive the app starts normally, only slower.
#   /opt/submitlab/lib/app/cds-train.sh
app=$(dirname "$(readlink -f "$0")")
launcher=$(readlink -f "$app/../../bin/SubmitLab")
archive=$app/submitlab.jsa
option='java-options=-XX:SharedArchiveFile=$APPDIR/submitlab.jsa'

forget() {
  rm -f "$archive"
  for cfg in "$app"/*.cfg; do
    sed -i '/^java-options=-XX:SharedArchiveFile=\$APPDIR\/submitlab.jsa$/d' "$cfg"
  done
}

forget
[ "${1:-}" = --remove ] && exit 0
[ -x "$launcher" ] || { echo "SubmitLab: no launcher at $launcher, no start-up archive made"; exit 0; }
work=$(mktemp -d) || exit 0
trap 'rm -rf "$work"' EXIT
# the training: a short simulation with its embedded server, TLS and store, at 3,600x (about 2 s)
if ! HOME=$work XDG_DATA_HOME=$work JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive" \
    timeout 300 "$launcher" simulate --preset printers-sharing-mailbox --speed 3600 --duration 2m \
    --data "$work/data" --report "$work/report.json" >"$work/log" 2>&1 || [ ! -s "$archive" ]; then
  forget
  echo "SubmitLab: no start-up archive made (the app starts normally, only slower)"
  exit 0
fi
# used, and quietly: an archive that does not fit the runtime would log [cds] lines on every start
if JAVA_TOOL_OPTIONS="-Xshare:on -XX:SharedArchiveFile=$archive" "$launcher" --version >"$work/check" 2>&1 \
    && ! grep -q '\[cds' "$work/check"; then
  for cfg in "$app"/*.cfg; do
    sed -i "/^\[JavaOptions\]/a\\
$option" "$cfg"
  done
  chmod 644 "$archive"
  echo "SubmitLab: start-up archive made ($archive)"
else
  forget
  echo "SubmitLab: the start-up archive does not load here; none kept"
fi
exit 0
