#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# The whole default test suite under AddressSanitizer + UBSan (the `asan`
# preset): installs the packages, builds, runs every test but the benchmarks.
# Any sanitizer report fails the test that caused it (UBSan does not recover;
# ASan's leak check is on). docs/development.md#sanitizers
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cmake --preset asan
cmake --build --preset asan
ctest --preset asan
