#!/usr/bin/env bash
# Cold start side by side: no cache at all (`--no-cache`), an empty cache
# (the run that writes it), a warm cache, every file touched (keys changed,
# contents not), and optionally an earlier build ($BEFORE, e.g. one built from
# an older commit) for "no slower than before".
#
#   benches/cold.sh /tmp/cb10k
#   BEFORE=/tmp/casebook-before benches/cold.sh /tmp/cb10k
set -euo pipefail
dir=${1:-/tmp/cb10k}
query=${2:-廃棄 確認}
runs=${RUNS:-10}
bin=${CASEBOOK_BIN:-./target/release/casebook}
cache=$(mktemp -d)
cb="$bin --no-bundled --casebook $dir"
# hyperfine takes one --prepare per command, in order.
args=()
if [ -n "${BEFORE:-}" ]; then
    args+=(-n "before (no cache)" --prepare true "$BEFORE --no-bundled --casebook $dir search '$query'")
fi
args+=(-n "no cache (--no-cache)" --prepare true "$cb --no-cache search '$query'")
args+=(-n "empty cache (writes it)" --prepare "rm -rf $cache"
    "CASEBOOK_CACHE=$cache $cb search '$query'")
args+=(-n "warm" --prepare true "CASEBOOK_CACHE=$cache $cb search '$query'")
# Last: a touched file is read and hashed; for two seconds after a change
# its key is too fresh to be trusted alone, so runs right after stay slower.
args+=(-n "every file touched" --prepare "find $dir -name '*.yaml' -exec touch {} +"
    "CASEBOOK_CACHE=$cache $cb search '$query'")
uptime
hyperfine -w 1 -r "$runs" -i "${args[@]}"
rm -rf "$cache"
