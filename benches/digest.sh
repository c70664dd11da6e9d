#!/usr/bin/env bash
# `casebook digest` over a team casebook with a year of git history, side by
# side in one hyperfine run with git's own listing of the same changes.
#
#   cargo build --release
#   cargo run --release --example gen_casebook -- 10000 /tmp/cb10k
#   benches/digest_history.py /tmp/cb10k /tmp/cb10k-git
#   benches/digest.sh /tmp/cb10k-git
#
# The digests: since the tag `review` (week 40 of 52: about 2,300 new cases,
# a few hundred changed), since a date (2026-06-01: about half the cases new)
# and since before the first commit (every case new); warm cache, as a team
# runs it. The peers: `git log --name-status review..HEAD` (the commits'
# changed files, which a person would read instead) and the `git diff
# --name-status` the digest itself asks git for. Prints hyperfine's table and
# each median as a ratio to `git log`'s. Needs hyperfine and python3.
set -euo pipefail
dir=${1:-/tmp/cb10k-git}
runs=${RUNS:-20}
bin=${CASEBOOK_BIN:-./target/release/casebook}
export CASEBOOK_CACHE=${CASEBOOK_CACHE:-/tmp/casebook-bench-cache}
cb="$bin --no-bundled --casebook $dir"
out=$(mktemp -d)

# Fill the cache.
$cb digest --since review --today 2026-12-01 > /dev/null

uptime
hyperfine -w 3 -r "$runs" -N --export-json "$out/times.json" \
    -n "git log --name-status" "git -C $dir log --name-status review..HEAD" \
    -n "git diff --name-status" "git -C $dir diff --no-renames --name-status review -- ." \
    -n "digest --since review" "$cb digest --since review --today 2026-12-01" \
    -n "digest --since 2026-06-01" "$cb digest --since 2026-06-01 --today 2026-12-01" \
    -n "digest --since 2025-01-01" "$cb digest --since 2025-01-01 --today 2026-12-01" \
    -n "digest --since review (docx)" "$cb digest --since review --today 2026-12-01 --format docx --out $out/d.docx --force"

python3 - "$out/times.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
peer = next(r["median"] for r in results if r["command"] == "git log --name-status")
print(f"\n{'command':<30} {'median':>10} {'× git log':>10}")
for r in results:
    print(f"{r['command']:<30} {r['median'] * 1e3:>8.1f} ms {r['median'] / peer:>10.2f}")
PY
rm -rf "$out"
