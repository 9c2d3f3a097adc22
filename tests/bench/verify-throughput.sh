#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Whole-program throughput of `coppscope-cli verify` on a batch of chain files,
# side by side with its peer or limit in the same run (docs/performance.md#verify):
#
#   COPP    wall time per chain of `verify --trust-root R` over N chain files,
#           against the single-core crypto limit: one chain's two RSA-2048 and
#           one RSA-1024 verifications at `openssl speed`'s rate.
#           Goal: limit / wall >= 1.0 (two cores make 2.0 the ceiling).
#   X.509   CPU time per chain of `verify --trust-anchor A` over N PKCS #7
#           bundles, against `openssl verify -CAfile A -untrusted I` over the
#           same chains' leaves as PEM. Goal: ours / openssl <= 1.0.
#
# Usage: tests/bench/verify-throughput.sh [CLI] [N]
#   CLI  default build/release/app/cli/coppscope-cli (build the release preset first)
#   N    chain files of each kind, default 1000
# Each figure is the best of three runs; the files are copies of one test chain
# of each kind (nothing is cached between files, so copies cost what distinct
# chains cost).
set -euo pipefail
bench=$(realpath "$(dirname "$0")")
cd "$(dirname "$0")/../.."
cli=$(realpath "${1:-build/release/app/cli/coppscope-cli}")
count=${2:-1000}
[[ -x "$cli" ]] || { echo "verify-throughput: no $cli; cmake --preset release && cmake --build --preset release" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$cli" testpki --out copp --keys keys >/dev/null
"$cli" testpki --x509 --out opm --keys keys >/dev/null
openssl pkcs7 -inform DER -in opm/opm-chain.p7b -print_certs -out opm/certs.pem
awk '/BEGIN CERT/{n++} n{print > ("opm/cert" n ".pem")}' opm/certs.pem
leaf="" intermediate=""
for f in opm/cert*.pem; do
    subject=$(openssl x509 -in "$f" -noout -subject)
    case "$subject" in
        *"OPM leaf"*) leaf=$f ;;
        *intermediate*) intermediate=$f ;;
    esac
done
mkdir -p coppfiles x509files leaves
for i in $(seq -w 1 "$count"); do
    cp copp/chain.xml "coppfiles/c$i.xml"
    cp opm/opm-chain.p7b "x509files/x$i.p7b"
    cp "$leaf" "leaves/l$i.pem"
done

source "$bench/best-of-three.sh"
per_chain_ms() { awk -v s="$1" -v n="$count" 'BEGIN{printf "%.3f", s * 1000 / n}'; }

speed=$(openssl speed -seconds 2 rsa1024 rsa2048 2>/dev/null)
v1024=$(awk '/^rsa 1024 bits/{print $(NF)}' <<<"$speed")
v2048=$(awk '/^rsa 2048 bits/{print $(NF)}' <<<"$speed")
limit_ms=$(awk -v a="$v2048" -v b="$v1024" 'BEGIN{printf "%.4f", (2 / a + 1 / b) * 1000}')

read -r copp_wall copp_cpu < <(best_of_three "$cli" verify --trust-root copp/test-root.xml coppfiles/*.xml)
read -r copp1_wall copp1_cpu < <(best_of_three "$cli" verify --jobs 1 --trust-root copp/test-root.xml coppfiles/*.xml)
read -r coppj_wall coppj_cpu < <(best_of_three "$cli" verify --json --trust-root copp/test-root.xml coppfiles/*.xml)
read -r x_wall x_cpu < <(best_of_three "$cli" verify --trust-anchor opm/opm-root.pem x509files/*.p7b)
read -r x1_wall x1_cpu < <(best_of_three "$cli" verify --jobs 1 --trust-anchor opm/opm-root.pem x509files/*.p7b)
read -r o_wall o_cpu < <(best_of_three openssl verify -CAfile opm/opm-root.pem -untrusted "$intermediate" leaves/*.pem)

cores=$(nproc)
echo "verify throughput, $count files of each kind, $cores cores, $(date -u +%Y-%m-%d)"
echo "  crypto limit of one COPP chain (openssl speed: 2 x RSA-2048 + 1 x RSA-1024 verify): $limit_ms ms"
printf '  %-44s %9s %9s\n' "run" "wall/chain" "cpu/chain"
printf '  %-44s %7s ms %7s ms\n' "COPP text, --jobs $cores (default)" "$(per_chain_ms "$copp_wall")" "$(per_chain_ms "$copp_cpu")"
printf '  %-44s %7s ms %7s ms\n' "COPP text, --jobs 1" "$(per_chain_ms "$copp1_wall")" "$(per_chain_ms "$copp1_cpu")"
printf '  %-44s %7s ms %7s ms\n' "COPP --json, --jobs $cores" "$(per_chain_ms "$coppj_wall")" "$(per_chain_ms "$coppj_cpu")"
printf '  %-44s %7s ms %7s ms\n' "X.509 text, --jobs $cores (default)" "$(per_chain_ms "$x_wall")" "$(per_chain_ms "$x_cpu")"
printf '  %-44s %7s ms %7s ms\n' "X.509 text, --jobs 1" "$(per_chain_ms "$x1_wall")" "$(per_chain_ms "$x1_cpu")"
printf '  %-44s %7s ms %7s ms\n' "openssl verify (leaves as PEM, one process)" "$(per_chain_ms "$o_wall")" "$(per_chain_ms "$o_cpu")"
copp_ratio=$(awk -v l="$limit_ms" -v w="$(per_chain_ms "$copp_wall")" 'BEGIN{printf "%.2f", l / w}')
x_ratio=$(awk -v a="$x_cpu" -v b="$o_cpu" 'BEGIN{printf "%.2f", a / b}')
x1_ratio=$(awk -v a="$x1_cpu" -v b="$o_cpu" 'BEGIN{printf "%.2f", a / b}')
verdict() { awk -v r="$1" -v g="$2" -v d="$3" 'BEGIN{ok = d == "ge" ? r >= g : r <= g; print ok ? "met" : "NOT met"}'; }
echo "COPP  limit / wall per chain: $copp_ratio (goal >= 1.0, ceiling $cores.0): $(verdict "$copp_ratio" 1.0 ge)"
echo "X.509 CPU per chain, ours / openssl: $x_ratio with --jobs $cores, $x1_ratio with --jobs 1 (goal <= 1.0): $(verdict "$x_ratio" 1.0 le)"
