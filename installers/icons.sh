#!/usr/bin/env bash
# Regenerates the installers' icons from assets/icons/submitlab.png (256x256):
#   installers/windows/submitlab.ico   16 to 256 px, for the .msi and its launchers
#   installers/macos/submitlab.icns    16 to 512 px, for the .dmg
# The Linux packages use the PNG itself. The generated files are committed; run this after changing the PNG.
# Needs ImageMagick and png2icns (Debian: apt-get install imagemagick icnsutils).
set -euo pipefail
cd "$(dirname "$0")/.."

src=assets/icons/submitlab.png
[ -f "$src" ] || { echo "icons.sh: $src not found" >&2; exit 1; }

# ImageMagick's own binary: 'magick' (7) or 'convert-im6.q16' (Debian's 6); a 'convert' elsewhere on the
# PATH may be something else of the same name.
im=
for candidate in magick convert-im6.q16 convert-im6 /usr/bin/convert; do
  if command -v "$candidate" >/dev/null && "$candidate" -version 2>/dev/null | grep -q ImageMagick; then
    im=$candidate; break
  fi
done
[ -n "$im" ] || { echo "icons.sh: ImageMagick not found (apt-get install imagemagick)" >&2; exit 1; }
command -v png2icns >/dev/null || { echo "icons.sh: png2icns not found (apt-get install icnsutils)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Windows: one .ico holding every size Explorer and the taskbar ask for (8-bit RGBA each).
"$im" "$src" -background none -depth 8 -define icon:auto-resize=256,128,64,48,32,24,16 installers/windows/submitlab.ico

# macOS: png2icns takes one PNG per size it knows (16, 32, 48, 128, 256, 512, 1024), 8 bits per channel.
sizes=()
for s in 16 32 48 128 256 512; do
  "$im" "$src" -background none -resize "${s}x${s}" -depth 8 "PNG32:$tmp/icon_$s.png"
  sizes+=("$tmp/icon_$s.png")
done
png2icns installers/macos/submitlab.icns "${sizes[@]}" >/dev/null

ls -l installers/windows/submitlab.ico installers/macos/submitlab.icns
