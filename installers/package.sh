#!/usr/bin/env bash
# Builds a native installer of SubmitLab for the OS this runs on, with the JDK's jpackage (17+).
#   installers/package.sh            # .deb on Linux, .dmg on macOS, .msi on Windows (Git Bash)
#   installers/package.sh app-image  # a folder with the app and its own runtime, any OS
# The installer lands in target/installer/.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v jpackage >/dev/null || { echo "jpackage not found: use a JDK 17 or newer (not a JRE)" >&2; exit 1; }

# The project's own <version>, the first in the pom (jpackage wants digits and dots only).
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1 | sed 's/-SNAPSHOT//')
mvn -B -q -ntp package -DskipTests

input=target/installer-input
rm -rf "$input" target/installer
mkdir -p "$input"
cp target/submitlab.jar "$input/"
cp -r target/lib "$input/lib"

common=(--name SubmitLab --app-version "$version" --vendor "SubmitLab"
        --description "Exchange Online SMTP AUTH submission simulator"
        --input "$input" --main-jar submitlab.jar --main-class org.submitlab.Main
        --dest target/installer --java-options "-Xmx1g")

case "$(uname -s)" in
  Linux)
    type=${1:-deb}
    extra=(--icon assets/icons/submitlab.png)
    # JavaFX needs GTK 3 at run time; the packaged runtime has no keytool (certificates come from BouncyCastle).
    [ "$type" = deb ] && extra+=(--linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Network)
    ;;
  Darwin)
    type=${1:-dmg}
    extra=()
    ;;
  MINGW*|MSYS*|CYGWIN*)
    type=${1:-msi}
    extra=(--win-menu --win-shortcut --win-dir-chooser)
    ;;
  *)
    echo "unsupported OS: $(uname -s)" >&2; exit 1;;
esac

jpackage --type "$type" "${common[@]}" "${extra[@]}"
echo "installer written to target/installer/"
ls -l target/installer
