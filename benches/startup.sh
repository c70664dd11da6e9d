#!/usr/bin/env bash
# Whole-process times side by side in one hyperfine run: casebook's commands
# with a warm cache, and the browser's first frame, against `fzf --filter`
# over the same measure lines and `rg` over the directory.
#
#   cargo build --release
#   cargo run --release --example gen_casebook -- 10000 /tmp/cb10k
#   benches/startup.sh /tmp/cb10k
#
# Prints hyperfine's table and each command's median as a ratio to fzf's.
# Needs hyperfine, fzf, rg and python3 (not needed by the test suite).
set -euo pipefail
dir=${1:-/tmp/cb10k}
query=${2:-廃棄 確認}
runs=${RUNS:-20}
bin=${CASEBOOK_BIN:-./target/release/casebook}
export CASEBOOK_CACHE=${CASEBOOK_CACHE:-/tmp/casebook-bench-cache}
cb="$bin --no-bundled --casebook $dir"
out=$(mktemp -d)

$cb search "" --in measures --format text | cut -f1 > "$out/measures.txt"
# Fill the cache and the search index, then read the newest case's id.
$cb search "$query" > /dev/null || true
id=$($cb list | awk -F"\t" "NR == 1 { print \$2 }")
first=${query%% *}

uptime
hyperfine -w 3 -r "$runs" -i --export-json "$out/times.json" \
    -n fzf "fzf --filter '$query' < $out/measures.txt" \
    -n rg "rg -c '$first' $dir" \
    -n "search --in measures" "$cb search '$query' --in measures" \
    -n search "$cb search '$query'" \
    -n show "$cb show $id" \
    -n cite "$cb cite $id" \
    -n list "$cb list" \
    -n "first frame" "CASEBOOK_FIRST_FRAME=200x60 $cb"

python3 - "$out/times.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
fzf = next(r["median"] for r in results if r["command"] == "fzf")
print(f"\n{'command':<22} {'median':>10} {'× fzf':>7}")
for r in results:
    print(f"{r['command']:<22} {r['median'] * 1e3:>8.1f} ms {r['median'] / fzf:>7.2f}")
PY
rm -rf "$out"
