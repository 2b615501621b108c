#!/usr/bin/env bash
# Builds SubmitLab's installer for the OS this runs on, with the JDK's jlink and jpackage (JDK 17+).
#
#   installers/package.sh              # Linux: .deb + app-image; Windows (Git Bash): .msi; macOS: .dmg
#   installers/package.sh app-image    # only the app-image: a folder with the app and its own runtime
#
# Options (before the type):
#   --skip-build   use target/submitlab.jar and target/lib/ as they are (no Maven build)
#   --offline      build with Maven offline (-o)
#   --no-cds       no class-data-sharing archive of the app's classes (see docs/benchmarks.md)
#
# The JDK is $JAVA_HOME if set, else the one of `java` on the PATH. Everything lands in target/installer/:
#   Linux    SubmitLab/ (app-image)      submitlab_<version>-1_amd64.deb (needs dpkg-deb and fakeroot)
#   Windows  SubmitLab/ (app-image)      SubmitLab-<version>.msi (needs WiX 3: candle.exe, light.exe)
#   macOS    SubmitLab.app (app-image)   SubmitLab-<version>.dmg
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "package.sh: $*" >&2; exit 1; }

build=yes offline=() cds=yes install_cds=no
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) build=no; shift;;
    --offline) offline=(-o); shift;;
    --no-cds) cds=no; shift;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;;
    -*) die "unknown option $1 (see --help)";;
    *) break;;
  esac
done
[ $# -le 1 ] || die "one type at most (see --help)"

case "$(uname -s)" in
  Linux) os=linux default_type=deb exe= ;;
  Darwin) os=macos default_type=dmg exe= ;;
  MINGW*|MSYS*|CYGWIN*) os=windows default_type=msi exe=.exe ;;
  *) die "unsupported OS: $(uname -s)";;
esac
type=${1:-$default_type}
case "$os:$type" in
  linux:deb|linux:app-image|windows:msi|windows:app-image|macos:dmg|macos:app-image) ;;
  *) die "cannot build '$type' on $os (here: $default_type or app-image)";;
esac

# The JDK's tools: jar, jdeps, jlink, jpackage (a JRE has none of them).
if [ -n "${JAVA_HOME:-}" ]; then
  jdk_bin=$JAVA_HOME/bin
else
  java_on_path=$(command -v java) || die "no java on the PATH and JAVA_HOME is not set: install a JDK 17 or newer"
  jdk_bin=$(dirname "$(readlink -f "$java_on_path" 2>/dev/null || echo "$java_on_path")")
fi
for tool in java jar jdeps jlink jpackage; do
  [ -x "$jdk_bin/$tool$exe" ] || die "$jdk_bin/$tool$exe not found: set JAVA_HOME to a JDK 17 or newer (not a JRE)"
done
jdk_feature=$("$jdk_bin/java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
[ "${jdk_feature:-0}" -ge 17 ] || die "the JDK in $jdk_bin is older than 17"

# The project's own <version>, the first in the pom; jpackage wants digits and dots only.
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1 | sed 's/-SNAPSHOT//')
[[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || die "cannot read a version like 1.2.3 from pom.xml (read '$version')"

if [ "$build" = yes ]; then
  echo "== building target/submitlab.jar (mvn package -DskipTests)"
  JAVA_HOME=$(dirname "$jdk_bin") mvn -B -ntp -q ${offline[@]+"${offline[@]}"} package -DskipTests
fi
[ -f target/submitlab.jar ] && [ -d target/lib ] || die "target/submitlab.jar or target/lib/ missing: build without --skip-build"

out=target/installer
work=target/installer-work
rm -rf "$out" "$work"
mkdir -p "$out" "$work/input"
cp target/submitlab.jar "$work/input/"
# Only the libraries the jar's manifest names: target/lib keeps the jars of earlier builds too (another
# BouncyCastle version, say), and two versions of one library must never ship side by side.
mkdir -p "$work/input/lib" "$work/manifest"
(cd "$work/manifest" && "$jdk_bin/jar$exe" xf ../../submitlab.jar META-INF/MANIFEST.MF)
classpath=$(tr -d '\r' <"$work/manifest/META-INF/MANIFEST.MF" | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g' \
  | sed -n 's/^Class-Path: //p')
[ -n "$classpath" ] || die "target/submitlab.jar has no Class-Path in its manifest"
for entry in $classpath; do
  [ -f "target/$entry" ] || die "target/$entry (in the jar's Class-Path) is missing: build without --skip-build"
  cp -p "target/$entry" "$work/input/lib/"
done

# The trimmed runtime: the modules the jar and its libraries use (jdeps), plus the ones that are found
# only at run time and that jdeps cannot see:
#   jdk.crypto.ec  the EC provider: TLS's ECDHE key exchange (x25519, P-256) and EC certificates (JDK 17-21)
#   jdk.charsets   the legacy charsets of messages that devices send (Shift_JIS, ISO-2022-JP, KOI8-R, ...)
echo "== modules (jdeps)"
modules=$("$jdk_bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release "$jdk_feature" \
  target/submitlab.jar "$work"/input/lib/*.jar | tail -n 1)
[[ $modules == java.base* ]] || die "jdeps printed no module list: '$modules'"
available=$("$jdk_bin/java" --list-modules | sed 's/@.*//')
for m in jdk.crypto.ec jdk.charsets; do
  if grep -qx "$m" <<<"$available"; then modules+=,$m; fi
done
echo "$modules"

echo "== runtime (jlink)"
compress=--compress=2
[ "$jdk_feature" -ge 21 ] && compress=--compress=zip-6
# --generate-cds-archive: the runtime's own class-data-sharing archive (a trimmed runtime has none
# otherwise, and every start would load the JDK's classes from scratch). It runs the new image's
# bin/java, so the native commands are dropped afterwards rather than with --strip-native-commands.
"$jdk_bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages "$compress" \
  --generate-cds-archive --output "$work/runtime" >/dev/null
rm -rf "$work/runtime/bin"
# Used only with heaps over 32 GB (no compressed pointers); the launcher caps the heap at 1 GB.
rm -f "$work/runtime/lib/server/classes_nocoops.jsa"

jpackage() { "$jdk_bin/jpackage" "$@"; }

echo "== app-image (jpackage)"
newer_jdk=()
if [ "$jdk_feature" -ge 24 ]; then
  # JDK 24+ warns on every start when SQLite's and JavaFX's native libraries are loaded (JEP 472) and
  # when JavaFX 21 uses sun.misc.Unsafe (JEP 498); JDK 17 does not know these options.
  newer_jdk=(--java-options --enable-native-access=ALL-UNNAMED --java-options --sun-misc-unsafe-memory-access=allow)
fi
jpackage --type app-image @installers/common.options @installers/app.options "@installers/$os/app.options" \
  ${newer_jdk[@]+"${newer_jdk[@]}"} --app-version "$version" --input "$work/input" --runtime-image "$work/runtime" --dest "$out"

case "$os" in
  macos) image=$out/SubmitLab.app launcher=$image/Contents/MacOS/SubmitLab app_dir=$image/Contents/app ;;
  windows) image=$out/SubmitLab launcher=$image/submitlab-cli.exe app_dir=$image/app ;;
  *) image=$out/SubmitLab launcher=$image/bin/SubmitLab app_dir=$image/lib/app ;;
esac
[ -x "$launcher" ] || die "jpackage made no launcher at $launcher"

if [ "$cds" = yes ]; then
  # AppCDS: the app's classes archived on top of the runtime's, so that start-up maps them instead of
  # loading and verifying them. A training run writes the archive (-XX:ArchiveClassesAtExit, JDK 13+),
  # then every launcher of the image is told to use it. A launcher whose archive is missing or does not
  # fit its runtime starts normally, only slower.
  echo "== class-data-sharing archive (training run: simulate with its embedded server, TLS)"
  train=$(mktemp -d)
  trap 'rm -rf "$train"' EXIT
  JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app_dir/submitlab.jsa" \
    "$launcher" simulate --preset printers-sharing-mailbox --speed 3600 --duration 2m \
    --data "$train/data" --report "$train/report.json" >"$train/log" 2>&1 \
    || { cat "$train/log" >&2; die "the training run failed"; }
  [ -s "$app_dir/submitlab.jsa" ] || { cat "$train/log" >&2; die "the training run wrote no archive"; }
  # The installer puts the app elsewhere (/opt/submitlab, C:\Program Files\SubmitLab, /Applications).
  # An archive records the class path it was made with: JDK 17's refuses to start from another folder
  # ("shared class paths mismatch"), newer JDKs check the jars relative to the app. So the archive is
  # tried from a copy of the app-image in another folder, with -Xshare:on (fail rather than fall back).
  moved=$train/moved/$(basename "$image")
  # (cp -p: an archive also records each jar's size and time, which installers keep.)
  mkdir -p "$train/moved" && cp -Rp "$image" "$moved"
  case "$os" in
    macos) moved_launcher=$moved/Contents/MacOS/SubmitLab ;;
    windows) moved_launcher=$moved/submitlab-cli.exe ;;
    *) moved_launcher=$moved/bin/SubmitLab ;;
  esac
  # It must also start quietly: an archive whose base (the runtime's) was made with other options
  # logs [cds] errors on every start (JDK 25 with --enable-native-access).
  if JAVA_TOOL_OPTIONS="-Xshare:on -XX:SharedArchiveFile=$moved/${app_dir#"$image"/}/submitlab.jsa" \
      "$moved_launcher" --version >"$train/moved.log" 2>&1 && ! grep -q '\[cds' "$train/moved.log"; then
    for cfg in "$app_dir"/*.cfg; do
      grep -q '^\[JavaOptions\]' "$cfg" || die "$cfg has no [JavaOptions] section"
      sed -i.bak '/^\[JavaOptions\]/a\
java-options=-XX:SharedArchiveFile=$APPDIR/submitlab.jsa
' "$cfg" && rm -f "$cfg.bak"
    done
    echo "archive: $app_dir/submitlab.jsa ($(du -k "$app_dir/submitlab.jsa" | cut -f1) KB), works from another folder"
  else
    rm -f "$app_dir/submitlab.jsa"
    echo "archive: none shipped: with JDK $jdk_feature it does not work, or not quietly, once the app is moved:" \
         "$(grep -i -m3 'mismatch\|error' "$train/moved.log" | tr '\n' ' ' || echo 'see -Xlog:cds')"
    if [ "$type" = deb ]; then
      # made where it is installed instead: the .deb's postinst runs the training (see below)
      cp installers/linux/cds-train.sh "$app_dir/cds-train.sh"
      chmod 755 "$app_dir/cds-train.sh"
      install_cds=yes
      echo "archive: the .deb makes it when it is installed (lib/app/cds-train.sh)"
    fi
  fi
  rm -rf "$train/moved"
fi

echo "== checking the app-image: $launcher --version"
"$launcher" --version

if [ "$type" != app-image ]; then
  echo "== $type (jpackage)"
  jpackage --type "$type" @installers/common.options "@installers/$os/package.options" \
    --app-version "$version" --app-image "$image" --dest "$out"
fi

if [ "$type" = deb ]; then
  # The command `submitlab`: /usr/bin/submitlab, a link that the package owns (dpkg removes it with the
  # package), to the launcher; and the menu folder. jpackage has no option for them, so the .deb is
  # unpacked and packed again.
  deb=$(ls "$out"/submitlab_*.deb)
  command -v fakeroot >/dev/null || die "fakeroot not found (apt-get install fakeroot)"
  fakeroot sh -euc '
    deb=$1 tree=$2
    dpkg-deb -R "$deb" "$tree"
    mkdir -p "$tree/usr/bin"
    ln -s /opt/submitlab/bin/SubmitLab "$tree/usr/bin/submitlab"
    # jpackage'"'"'s postinst runs xdg-desktop-menu, which fails the install where these menu folders do
    # not exist (a server without a desktop: "No writable system menu directory found").
    mkdir -p "$tree/usr/share/applications" "$tree/usr/share/desktop-directories"
    if [ "$3" = yes ]; then
      # the class-data-sharing archive, made in place after every install or upgrade, removed with the package
      for script in postinst prerm; do
        [ -f "$tree/DEBIAN/$script" ] || { printf "#!/bin/sh\nexit 0\n" >"$tree/DEBIAN/$script"; chmod 755 "$tree/DEBIAN/$script"; }
      done
      sed -i "1a\\
if [ \"\$1\" = configure ]; then /opt/submitlab/lib/app/cds-train.sh || true; fi" "$tree/DEBIAN/postinst"
      sed -i "1a\\
/opt/submitlab/lib/app/cds-train.sh --remove || true" "$tree/DEBIAN/prerm"
    fi
    dpkg-deb -Zxz -b "$tree" "$deb" >/dev/null
  ' sh "$deb" "$work/deb" "$install_cds"
fi

rm -rf "$work"
echo "== done: $out"
ls -l "$out"
