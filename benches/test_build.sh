#!/usr/bin/env bash
# The test build and the test suite of two commits side by side (default: main
# and HEAD). Each commit is extracted with `git archive` into a scratch
# directory with a target directory of its own, whose dependencies are copied
# from ./target when it has them (else built by the warm-up). Then, alternating
# between the two commits:
#
#   cold    `cargo test --no-run` after `cargo clean -p casebook` in the scratch
#           target: this package's library, binary and tests from nothing, the
#           dependencies already built
#   edit-N  a one-line change to src/lib.rs (a function added, then its body
#           changed), then `cargo test --no-run`
#   suite-N `cargo test`, everything built
#
# Each line gives the wall time and the CPU time (user + sys of cargo and of
# every process it waited for) with the load average before and after: on a
# shared machine the wall time moves with the others' work, the CPU time less.
#
#   benches/test_build.sh                  # main against HEAD
#   benches/test_build.sh c1939e5 HEAD     # any two commits
#   ROUNDS=3 SCRATCH=/tmp/tb benches/test_build.sh
set -uo pipefail
cd "$(dirname "$0")/.."
before=${1:-main}
after=${2:-HEAD}
rounds=${ROUNDS:-2}
scratch=${SCRATCH:-$(mktemp -d)}
log=$scratch/log.txt

for tree in before after; do
    rev=${!tree}
    rm -rf "${scratch:?}/$tree"
    mkdir -p "$scratch/$tree/target/debug"
    git archive "$rev" | tar -x -C "$scratch/$tree"
    # The dependencies' artifacts, never this package's.
    if [ -d target/debug/deps ]; then
        (
            cd target/debug
            dest=$scratch/$tree/target/debug
            mkdir -p "$dest/deps" "$dest/.fingerprint" "$dest/build"
            find deps -maxdepth 1 -name 'lib*' ! -name 'libcasebook*' \
                \( -name '*.rlib' -o -name '*.rmeta' -o -name '*.so' \) -exec cp -a {} "$dest/deps/" \;
            find .fingerprint build -mindepth 1 -maxdepth 1 ! -name 'casebook-*' \
                -exec sh -c 'cp -a "$1" "$2/$(dirname "$1")/"' _ {} "$dest" \;
        )
    fi
done

step() { # tree label command...
    local tree=$1 label=$2
    shift 2
    local l0 l1 e u s rc
    l0=$(cut -d' ' -f1-3 /proc/loadavg)
    (cd "$scratch/$tree" && /usr/bin/time -o "$scratch/$tree-$label.time" -f "%e %U %S" \
        "$@" >"$scratch/$tree-$label.out" 2>&1)
    rc=$?
    l1=$(cut -d' ' -f1-3 /proc/loadavg)
    read -r e u s <"$scratch/$tree-$label.time"
    printf "%-7s %-8s %8.1f s wall %8.1f s cpu  exit %s  load %s -> %s\n" \
        "$tree" "$label" "$e" "$(echo "$u + $s" | bc)" "$rc" "$l0" "$l1" | tee -a "$log"
}

echo "before: $before ($(git rev-parse --short "$before")), after: $after ($(git rev-parse --short "$after")), $(nproc) cores, $(date -u)" | tee "$log"
for tree in before after; do step $tree warmup cargo test --no-run --lib; done
for tree in before after; do
    (cd "$scratch/$tree" && cargo clean -p casebook -q)
    step $tree cold cargo test --no-run
done
echo "#[doc(hidden)] pub fn test_build_probe() -> u32 { 0 }" | tee -a "$scratch/before/src/lib.rs" >>"$scratch/after/src/lib.rs"
for round in $(seq 1 "$rounds"); do
    # Alternate which goes first, so a change in the machine's load falls on both.
    if [ $((round % 2)) = 1 ]; then order="before after"; else order="after before"; fi
    for tree in $order; do
        sed -i "s/test_build_probe() -> u32 { [0-9]* }/test_build_probe() -> u32 { $round }/" \
            "$scratch/$tree/src/lib.rs"
        step "$tree" "edit-$round" cargo test --no-run
    done
    for tree in $order; do step "$tree" "suite-$round" cargo test; done
done
echo "log: $log (outputs beside it); remove $scratch when done"
