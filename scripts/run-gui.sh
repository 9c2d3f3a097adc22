#!/usr/bin/env bash
# Installs the packages, builds, writes a test-PKI chain with one broken rule
# and opens it in the CoppScope window (trusting the test root).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev --target coppscope coppscope-cli
cli=build/dev/app/cli/coppscope-cli
demo=build/demo
"$cli" testpki --out "$demo" --break "${COPP_DEMO_BREAK:-cert.signature@1}" >/dev/null
echo "Test material in $demo (chain.xml breaks ${COPP_DEMO_BREAK:-cert.signature@1})."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found (DISPLAY/WAYLAND_DISPLAY unset). Built build/dev/app/gui/coppscope; the command-line twin says:"
  "$cli" verify "$demo/chain.xml" --trust-root "$demo/test-root.xml" --crl "$demo/revocation.crl" || true
  echo "Start the window on a desktop, or headless with: xvfb-run -a build/dev/app/gui/coppscope ..."
  exit 0
fi
exec build/dev/app/gui/coppscope --trust-root "$demo/test-root.xml" --crl "$demo/revocation.crl" "$demo/chain.xml"
