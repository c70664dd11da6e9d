#!/usr/bin/env bash
# Time and peak memory (max RSS, GNU time) of whole processes with a warm
# cache, for each casebook given: how they grow from 1k to 10k to 100k cases;
# and of the first run, which fills the cache (`list`, each of the three runs
# with a new, empty cache directory).
#
#   for n in 1000 10000 100000; do
#       cargo run --release --example gen_casebook -- $n /tmp/cb$((n / 1000))k
#   done
#   benches/memory.sh /tmp/cb1k /tmp/cb10k /tmp/cb100k
#
# Needs GNU time (`apt-get install time`), not needed by the test suite.
set -euo pipefail
query=${QUERY:-廃棄 確認}
bin=${CASEBOOK_BIN:-./target/release/casebook}
export CASEBOOK_CACHE=${CASEBOOK_CACHE:-/tmp/casebook-bench-cache}
measure() {
    # Median of three runs: seconds and max RSS in MB.
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1
    done | sort -n | sed -n 2p | awk '{printf "%.2f s, %d MB", $1, $2 / 1024}'
}
first_run() {
    # Each run with a cache directory of its own, new and empty.
    for _ in 1 2 3; do
        fresh=$(mktemp -d)
        CASEBOOK_CACHE="$fresh/cache" /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1
        rm -rf "$fresh"
    done | sort -n | sed -n 2p | awk '{printf "%.2f s, %d MB", $1, $2 / 1024}'
}
echo "| cases | search | show | list | first frame | cold search (no cache) | first run (fills the cache) |"
echo "|---|---|---|---|---|---|---|"
for dir in "$@"; do
    cb=("$bin" --no-bundled --casebook "$dir")
    "${cb[@]}" search "$query" > /dev/null || true
    id=$("${cb[@]}" list | awk -F"\t" "NR == 1 { print \$2 }")
    n=$("${cb[@]}" list | wc -l)
    printf "| %s | %s | %s | %s | %s | %s | %s |\n" "$n" \
        "$(measure "${cb[@]}" search "$query")" \
        "$(measure "${cb[@]}" show "$id")" \
        "$(measure "${cb[@]}" list)" \
        "$(CASEBOOK_FIRST_FRAME=200x60 measure "${cb[@]}")" \
        "$(measure "${cb[@]}" --no-cache search "$query")" \
        "$(first_run "${cb[@]}" list)"
done
