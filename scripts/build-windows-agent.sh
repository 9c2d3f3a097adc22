#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Cross-compiles coppscope-agent.exe with mingw-w64 (the windows-agent preset):
#   build/windows-agent/app/agent/coppscope-agent.exe
# Fails loudly when the cross compiler is missing (scripts/install-deps.sh
# installs g++-mingw-w64-x86-64). The wine test of the dev build (label
# `windows`) runs this .exe when it exists.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v x86_64-w64-mingw32-g++ >/dev/null 2>&1 && ! command -v x86_64-w64-mingw32-g++-posix >/dev/null 2>&1; then
  echo "build-windows-agent: x86_64-w64-mingw32-g++ not found; install g++-mingw-w64-x86-64 (scripts/install-deps.sh)" >&2
  exit 1
fi

cmake --preset windows-agent
cmake --build --preset windows-agent
exe=build/windows-agent/app/agent/coppscope-agent.exe
test -f "$exe" || { echo "build-windows-agent: $exe was not produced" >&2; exit 1; }
echo "build-windows-agent: $exe ($(stat -c %s "$exe") bytes)"

# The in-process adapter the Windows GUI and CLI use (core/device/hardwaredevice.cpp)
# has a Windows-only branch; its Qt/Crypto++-free part is compile-checked here too
# (syntax only: the full Windows GUI build needs Qt and Crypto++ for Windows).
compiler=$(command -v x86_64-w64-mingw32-g++-posix || command -v x86_64-w64-mingw32-g++)
"$compiler" -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I. core/device/hardwaredevice.cpp
echo "build-windows-agent: core/device/hardwaredevice.cpp compiles for Windows"
