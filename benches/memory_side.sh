#!/usr/bin/env bash
# Time and peak memory (max RSS, GNU time) of an older build and this one,
# side by side, alternating run by run: `search` with a warm cache, the same
# search as the first run (which fills the cache) and `list` as the first
# run, each first run with a new, empty cache directory. Prints min–max and
# median of each.
#
#   cargo run --release --example gen_casebook -- 100000 /tmp/mem100k
#   BEFORE=/path/to/older/casebook RUNS=7 benches/memory_side.sh /tmp/mem100k
#
# Needs GNU time (`apt-get install time`) and python3.
set -euo pipefail
dir=$1
query=${QUERY:-廃棄 確認}
runs=${RUNS:-7}
before=${BEFORE:?BEFORE=path to the older build}
after=${CASEBOOK_BIN:-./target/release/casebook}
caches=$(mktemp -d)
trap 'rm -rf "$caches"' EXIT
raw=$caches/raw
one() { # name cache args...
    local name=$1 cache=$2
    shift 2
    echo "$name $(CASEBOOK_CACHE=$cache /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1)" >> "$raw"
}
for b in before after; do
    CASEBOOK_CACHE=$caches/$b "${!b}" --no-bundled --casebook "$dir" search "$query" > /dev/null || true
done
for _ in $(seq "$runs"); do
    for b in before after; do
        cb=("${!b}" --no-bundled --casebook "$dir")
        one "$b warm-search" "$caches/$b" "${cb[@]}" search "$query"
        one "$b first-search" "$caches/fresh" "${cb[@]}" search "$query"
        rm -rf "$caches/fresh"
        one "$b first-list" "$caches/fresh" "${cb[@]}" list
        rm -rf "$caches/fresh"
    done
done
python3 - "$raw" <<'PY'
import collections, statistics, sys
d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    build, what, secs, kb = line.split()
    d[(what, build)].append((float(secs), int(kb) / 1024))
print("| what | build | time min–max (median) | max RSS min–max (median) |")
print("|---|---|---|---|")
for (what, build), v in sorted(d.items(), key=lambda kv: (kv[0][0], kv[0][1] != "before")):
    t = [x[0] for x in v]
    m = [x[1] for x in v]
    print(f"| {what} | {build} | {min(t):.2f}–{max(t):.2f} s ({statistics.median(t):.2f}) "
          f"| {min(m):.0f}–{max(m):.0f} MB ({statistics.median(m):.0f}) |")
PY
