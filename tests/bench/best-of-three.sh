# SPDX-License-Identifier: BSD-3-Clause
# Sourced by the whole-program benchmarks in tests/bench.
# best_of_three CMD...: prints "wall user+sys" in seconds, of the run with the least wall time.
best_of_three() {
    local best="" TIMEFORMAT='%R %U %S'
    for _ in 1 2 3; do
        local t
        t=$({ time "$@" >/dev/null 2>&1; } 2>&1 | tail -1)
        t=$(awk '{printf "%.4f %.4f", $1, $2 + $3}' <<<"$t")
        if [[ -z "$best" ]] || awk -v a="${t%% *}" -v b="${best%% *}" 'BEGIN{exit !(a < b)}'; then best=$t; fi
    done
    echo "$best"
}
