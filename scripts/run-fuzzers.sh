#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Builds the `fuzz` preset (clang, ASan + UBSan) and runs every libFuzzer target
# for SECONDS each (default 900), JOBS at a time (default 2), each on a scratch
# copy of its corpus so new inputs stay out of the tree. Prints one line a target:
# executions, corpus growth and what was found. Findings (crash-*, leak-*,
# timeout-*, oom-*) are left in the work folder for a developer to reduce and add
# to tests/fuzz/corpus/NAME (docs/development.md#fuzzing).
#   scripts/run-fuzzers.sh [SECONDS] [JOBS]        work folder: $FUZZ_WORK or /tmp/coppscope-fuzz
#   FUZZ_TARGETS="statusreply agentprotocol" scripts/run-fuzzers.sh   only these
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-900}
jobs=${2:-2}
work=${FUZZ_WORK:-/tmp/coppscope-fuzz}
targets=(chainvalidator xmlreader_vs_qt x509bundle hwagentline statusreply agentprotocol)
[[ -n "${FUZZ_TARGETS:-}" ]] && read -r -a targets <<<"$FUZZ_TARGETS" # e.g. FUZZ_TARGETS="agentprotocol"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]/#/fuzz_}" coppscope-cli
rm -rf "$work" && mkdir -p "$work"
# The targets with an emulator need the test PKI; -fork runs every job in a new
# process, which would make its RSA keys again (seconds each) unless it loads them.
build/fuzz/app/cli/coppscope-cli testpki --out "$work/pki" --keys "$work/keys" >/dev/null
build/fuzz/app/cli/coppscope-cli testpki --x509 --out "$work/pki-x509" --keys "$work/keys" >/dev/null
export COPP_TEST_KEYS="$work/keys"

run_one() {
    local name=$1 dir="$work/$1"
    mkdir -p "$dir/findings"
    cp -r "tests/fuzz/corpus/$name" "$dir/corpus"
    local dict=()
    [[ -f "tests/fuzz/$name.dict" ]] && dict=(-dict="$PWD/tests/fuzz/$name.dict")
    # -fork keeps going after a finding, so one crash does not end the run.
    (cd "$dir/findings" && nice -n 10 "$OLDPWD/build/fuzz/tests/fuzz/fuzz_$name" -max_total_time="$seconds" \
        -rss_limit_mb=2048 -timeout=30 -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        "${dict[@]}" "$dir/corpus" >"$dir/log" 2>&1) || true
}

for ((i = 0; i < ${#targets[@]}; i += jobs)); do
    for name in "${targets[@]:i:jobs}"; do run_one "$name" & done
    wait
done

printf '%-16s %12s %9s %9s %s\n' target executions corpus seeds findings
for name in "${targets[@]}"; do
    dir="$work/$name"
    execs=$(grep -Eo '^#[0-9]+' "$dir/log" | tail -1 | tr -d '#')
    found=$(find "$dir/findings" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
    printf '%-16s %12s %9s %9s %s\n' "$name" "${execs:-?}" "$(ls "$dir/corpus" | wc -l)" \
        "$(ls "tests/fuzz/corpus/$name" | wc -l)" "$found"
done
