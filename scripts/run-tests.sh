#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Installs the packages, builds with the `dev` preset and runs the whole default
# test suite (everything but the `bench` label). This is what .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build-windows-agent.sh
cmake --preset dev
cmake --build --preset dev
ctest --preset dev
