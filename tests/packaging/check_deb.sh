#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Builds the .deb with CPack from an existing build folder and checks that it
# holds both programs, the desktop file, the metainfo and the icons.
set -euo pipefail
build="$1"
id="$2"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" --config CPackConfig.cmake >"$out/cpack.log" 2>&1) || { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/*.deb | head -n 1)
contents=$(dpkg-deb -c "$deb")
missing=0
for f in usr/bin/coppscope usr/bin/coppscope-cli \
         "usr/share/applications/$id.desktop" "usr/share/metainfo/$id.metainfo.xml" \
         "usr/share/icons/hicolor/scalable/apps/$id.svg" "usr/share/icons/hicolor/256x256/apps/$id.png" \
         usr/share/doc/coppscope/copyright; do
  if ! grep -q "\./$f\$" <<<"$contents"; then
    echo "missing from $(basename "$deb"): $f"
    missing=1
  fi
done
depends=$(dpkg-deb -f "$deb" Depends)
grep -q "libqt6widgets6" <<<"$depends" || { echo "Depends lacks Qt Widgets: $depends"; missing=1; }
grep -q "libcrypto++" <<<"$depends" || { echo "Depends lacks Crypto++: $depends"; missing=1; }
[ "$missing" -eq 0 ] && echo "$(basename "$deb"): both programs, metadata and icons; Depends: $depends"
exit "$missing"
