#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Installs the packages, builds, and opens the CoppScope window straight into a
# session against the built-in driver emulator (scenario hdcp-link-loss, HDCP
# on). Also writes a test-PKI chain with one broken rule and opens it in the
# inspector page, trusting the test root.
# COPP_DEMO_SCENARIO=NAME picks another scenario; COPP_DEMO_BREAK=RULE@N another broken rule.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev --target coppscope coppscope-cli
cli=build/dev/app/cli/coppscope-cli
demo=build/demo
scenario="${COPP_DEMO_SCENARIO:-hdcp-link-loss}"
"$cli" testpki --out "$demo" --break "${COPP_DEMO_BREAK:-cert.signature@1}" >/dev/null
echo "Test material in $demo (chain.xml breaks ${COPP_DEMO_BREAK:-cert.signature@1})."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found (DISPLAY/WAYLAND_DISPLAY unset). Built build/dev/app/gui/coppscope; the command-line twin runs the same session:"
  "$cli" session --device emulator --scenario "$scenario" --protect hdcp=1 --duration 4 --poll-ms 250 || true
  echo "Start the window on a desktop, or headless with: xvfb-run -a build/dev/app/gui/coppscope --device emulator --scenario $scenario --protect hdcp=1"
  exit 0
fi
exec build/dev/app/gui/coppscope --device emulator --scenario "$scenario" --protect hdcp=1 \
  --trust-root "$demo/test-root.xml" --crl "$demo/revocation.crl" "$demo/chain.xml"
