#!/usr/bin/env python3
"""Cold runs interleaved: an older build, `--no-cache`, and the run that writes
the cache (from an empty cache), one after the other N times, so a burst of load
on a shared machine hits all three alike. Prints median and minimum wall times.

    python3 benches/interleave.py /tmp/cb10k 15 /path/to/older/casebook
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

casebook_dir, runs = sys.argv[1], int(sys.argv[2])
before = sys.argv[3] if len(sys.argv) > 3 else None
binary = os.environ.get("CASEBOOK_BIN", "./target/release/casebook")
query = "廃棄 確認"
cache = tempfile.mkdtemp()
args = ["--no-bundled", "--casebook", casebook_dir, "search", query]
commands = {"--no-cache": [binary, "--no-cache"] + args, "writes the cache": [binary] + args}
if before:
    commands = {"older build": [before] + args, **commands}
times = {name: [] for name in commands}
for _ in range(runs):
    for name, command in commands.items():
        env = dict(os.environ, CASEBOOK_CACHE=cache)
        shutil.rmtree(cache, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times[name].append(time.perf_counter() - start)
shutil.rmtree(cache, ignore_errors=True)
for name, t in times.items():
    print(f"{name:18} median {statistics.median(t) * 1e3:7.1f} ms   min {min(t) * 1e3:7.1f} ms")
