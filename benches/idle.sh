#!/usr/bin/env bash
# What an idle browser costs: CPU ticks (utime + stime from /proc/PID/stat,
# 100 a second) and resident memory over a quiet interval, for a browser
# started in a tmux pane on each casebook given, after it has loaded and
# settled. An idle browser should use no CPU: a few ticks at most.
#
#   cargo run --release --example gen_casebook -- 10000 /tmp/cb10k
#   benches/idle.sh /tmp/cb10k
#
# CASEBOOK_BIN names another binary (to compare two builds side by side);
# SETTLE (seconds before measuring, default 20) and SPAN (default 10) tune it.
# Needs tmux.
set -euo pipefail
bin=$(realpath "${CASEBOOK_BIN:-./target/release/casebook}")
settle=${SETTLE:-20}
span=${SPAN:-10}
home=$(mktemp -d)
trap 'tmux -L casebook-idle kill-server 2>/dev/null || true; rm -rf "$home"' EXIT
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
echo "| casebook | CPU ticks in ${span} s | RSS before | RSS after |"
echo "|---|---|---|---|"
for dir in "$@"; do
    tmux -L casebook-idle new-session -d -x 160 -y 50 \
        "env XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config CASEBOOK_CACHE=$home/cache $bin --no-bundled --casebook $dir"
    sleep 1
    pid=$(pgrep -n -f "^$bin --no-bundled --casebook $dir")
    sleep "$settle"
    t0=$(ticks "$pid"); r0=$(rss "$pid")
    sleep "$span"
    t1=$(ticks "$pid"); r1=$(rss "$pid")
    printf "| %s | %d | %s MB | %s MB |\n" "$dir" $((t1 - t0)) "$r0" "$r1"
    tmux -L casebook-idle kill-server
    sleep 1
done
