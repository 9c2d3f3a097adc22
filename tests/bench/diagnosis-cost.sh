#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# What the diagnoses of docs/cli.md#diagnoses cost where users feel it: CPU per
# chain of whole `coppscope-cli verify --jobs 1` runs over N files of one kind,
# valid chains side by side with failing ones, in one run
# (docs/performance.md#diagnoses):
#
#   valid          nothing fails: no diagnosis is tried
#   edited         one byte of the leaf's Data changed after signing: cert.digest
#                  and cert.signature fail and nothing explains it (every
#                  re-serialisation tried: hashes only)
#   line_endings   the file converted to CRLF: six steps fail, each proven
#   bad signature  the leaf's SignatureValue overwritten: it decodes under no
#                  scheme, so every other scheme and key is tried (RSA)
#   other key      the IHV certificate signed with its own key: found after the
#                  other schemes (RSA)
#
# Usage: tests/bench/diagnosis-cost.sh [CLI] [N] [BEFORE]
#   CLI     default build/release/app/cli/coppscope-cli (build the release preset first)
#   N       files of each kind, default 500. Each figure is the best of three runs.
#   BEFORE  optional: a coppscope-cli built without diagnoses (e.g. a release
#           build of the commit before them), run on the same files alternately;
#           the difference is what the diagnoses cost.
set -euo pipefail
bench=$(realpath "$(dirname "$0")")
cd "$(dirname "$0")/../.."
cli=$(realpath "${1:-build/release/app/cli/coppscope-cli}")
count=${2:-500}
before=${3:+$(realpath "$3")}
[[ -x "$cli" ]] || { echo "diagnosis-cost: no $cli; cmake --preset release && cmake --build --preset release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$cli" testpki --out valid --keys keys --pretty >/dev/null
"$cli" testpki --out line_endings --keys keys --damage line_endings >/dev/null
"$cli" testpki --out other --keys keys --damage other_chain_key@1 >/dev/null
sed '0,/TEST PKI/s//TEST PKJ/' valid/chain.xml > edited.xml
sed '0,/<SignatureValue>..../s//<SignatureValue>AAAA/' valid/chain.xml > badsig.xml
kinds=(valid edited line_endings badsig other)
sources=(valid/chain.xml edited.xml line_endings/chain.xml badsig.xml other/chain.xml)
for k in "${!kinds[@]}"; do
    mkdir -p "files/${kinds[$k]}"
    for i in $(seq -w 1 "$count"); do cp "${sources[$k]}" "files/${kinds[$k]}/c$i.xml"; done
done

source "$bench/best-of-three.sh"
cpu_of() { best_of_three "$@" | cut -d' ' -f2; }

echo "diagnosis cost, verify --jobs 1, $count files of each kind, $(date -u +%Y-%m-%d)"
per_chain() { awk -v s="$1" -v n="$count" 'BEGIN{printf "%.3f", s * 1000 / n}'; }
if [[ -n "$before" ]]; then
    printf '  %-14s %12s %12s %14s\n' "chains" "cpu/chain" "before" "diagnoses"
else
    printf '  %-14s %12s %16s\n' "chains" "cpu/chain" "more than valid"
fi
valid_ms=""
for k in "${kinds[@]}"; do
    ms=$(per_chain "$(cpu_of "$cli" verify --jobs 1 --trust-root valid/test-root.xml files/"$k"/*.xml)")
    if [[ -n "$before" ]]; then
        old=$(per_chain "$(cpu_of "$before" verify --jobs 1 --trust-root valid/test-root.xml files/"$k"/*.xml)")
        printf '  %-14s %9s ms %9s ms %+11.3f ms\n' "$k" "$ms" "$old" "$(awk -v a="$ms" -v b="$old" 'BEGIN{print a - b}')"
    else
        [[ -z "$valid_ms" ]] && valid_ms=$ms
        printf '  %-14s %9s ms %13s ms\n' "$k" "$ms" "$(awk -v a="$ms" -v b="$valid_ms" 'BEGIN{printf "%+.3f", a - b}')"
    fi
done
