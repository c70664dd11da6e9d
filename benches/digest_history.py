#!/usr/bin/env python3
"""A team casebook with a year of git history, for benchmarking `casebook digest`.

    cargo run --release --example gen_casebook -- 10000 /tmp/cb10k
    benches/digest_history.py /tmp/cb10k /tmp/cb10k-git

Takes the case files of a synthetic casebook (gen_casebook) and commits them
into a new git repository as a team would over a year: 52 weekly commits from
2025-12-01 to 2026-11-23, each adding the next slice of cases (every case's
first measure followed through: status, owner, due), moving on the status of
about forty earlier measures (planned -> in-progress -> done -> verified),
moving a few files to cases/archive/ (renames) and deleting one. About one case
in ten is classified under a threat. The commit of week 40 (2026-08-31) is
tagged `review`. Deterministic: the same input gives the same repository.
Built with `git fast-import`, then checked out.
"""

import datetime
import random
import subprocess
import sys
from pathlib import Path

THREATS = ["ransomware", "supply-chain", "vulnerability-exploit", "insider", "targeted-attack"]
OWNERS = ["総務課", "情報システム部", "人事部", "業務管理課", "営業部"]
NEXT = {"planned": "in-progress", "in-progress": "done", "done": "verified"}
WEEKS = 52
START = 1764547200  # 2025-12-01 00:00 UTC
WEEK = 7 * 24 * 3600


def follow(text: str, rng: random.Random, week: int) -> str:
    """The case with its first measure followed through (and maybe a threat)."""
    at = text.index("measures:\n")
    line = text.index("\n    controls: ", at)
    end = text.index("\n", line + 1) + 1
    due = datetime.date(2025, 12, 1) + datetime.timedelta(weeks=week, days=rng.randrange(30, 300))
    tracked = (
        "    status: planned\n"
        f"    owner: {rng.choice(OWNERS)}\n"
        f"    due: {due.isoformat()}\n"
    )
    text = text[:end] + tracked + text[end:]
    if rng.random() < 0.1:
        text += f"threats: [{rng.choice(THREATS)}]\n"
    return text


def data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(p for p in (source / "cases").rglob("*.yaml"))
    rng = random.Random(27)
    subprocess.run(["git", "init", "-q", "-b", "main", str(target)], check=True)
    stream = bytearray()
    current: dict[str, str] = {}  # path -> text
    per_week = -(-len(files) // WEEKS)
    for week in range(WEEKS):
        when = START + week * WEEK + 9 * 3600
        stream += b"commit refs/heads/main\nmark :%d\n" % (week + 1)
        for who in (b"author", b"committer"):
            stream += who + b" office <office@example.jp> %d +0900\n" % when
        stream += data(f"week {week + 1}".encode())
        if week:
            stream += b"from :%d\n" % week
        changes: list[bytes] = []
        earlier = sorted(current)
        # Statuses move on.
        for path in rng.sample(earlier, min(40, len(earlier))):
            text = current[path]
            for old, new in NEXT.items():
                if f"    status: {old}\n" in text:
                    current[path] = text.replace(f"    status: {old}\n", f"    status: {new}\n", 1)
                    changes.append(b"M 100644 inline " + path.encode() + b"\n" + data(current[path].encode()))
                    break
        # A few files move to the archive; one is deleted.
        movable = [p for p in earlier if not p.startswith("cases/archive/")]
        for path in rng.sample(movable, min(4, len(movable))):
            to = "cases/archive/" + path.rsplit("/", 1)[1]
            if to in current:
                continue
            current[to] = current.pop(path)
            changes.append(b"R " + path.encode() + b" " + to.encode() + b"\n")
        if len(movable) > 10:
            gone = rng.choice(movable)
            if gone in current:
                del current[gone]
                changes.append(b"D " + gone.encode() + b"\n")
        # The week's new cases.
        for f in files[week * per_week:(week + 1) * per_week]:
            path = "cases/" + str(f.relative_to(source / "cases"))
            current[path] = follow(f.read_text(encoding="utf-8"), rng, week)
            changes.append(b"M 100644 inline " + path.encode() + b"\n" + data(current[path].encode()))
        stream += b"".join(changes)
        stream += b"\n"
        if week + 1 == 40:
            stream += b"reset refs/tags/review\nfrom :40\n\n"
    subprocess.run(["git", "-C", str(target), "fast-import", "--quiet"], input=bytes(stream), check=True)
    subprocess.run(["git", "-C", str(target), "checkout", "-q", "-f", "main"], check=True)
    count = len(current)
    print(f"{target}: {count} cases in {WEEKS} commits; tag `review` at week 40 (2026-08-31)")


if __name__ == "__main__":
    main()
