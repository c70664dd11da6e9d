#!/usr/bin/env python3
"""How many fields `casebook draft` gets right, compared with hand-written cases.

Each notice NAME.txt in --notices is drafted with `casebook draft -` and the
draft is compared with the case NAME.yaml found under one of the --cases
directories (the case its editors wrote from the same notice). A notice file
may start with metadata lines (`URL: ...`, `READ: ...`); they are removed
before drafting, and the URL is passed as `--url` when the binary knows it.

This file holds no notice text; the notices are kept outside the repository.

Fields (8 per notice):

A value the notice's text does not state (a date, a figure or a name that
appears nowhere in it; the editors took it from the web page or another
source) is right as TODO: the draft must not invent it.

  organization  the draft's organization equals the case's
  published     equal dates
  occurred      equal dates (both absent: right)
  count         affected.people and affected.records both equal
  measures      as many drafted measures as the case has measures announced or
                required (origin not `editorial`) that the notice states (a
                notice sentence is `same_text` as one); or as many notice
                lines the drafted measures come from (their `# ← L12` comments):
                a sentence of two acts (…を徹底するとともに、…を行う) is two
                measures to one editor and one to another, and either count is
                right
  phrase        every drafted measure is one of the case's measures (`same_text`:
                40% of the shorter text's character bigrams shared, or a third
                of its kanji and katakana words but the commonest; on 21
                hand-labelled pairs from the seed and development notices this
                put one rewording and one unrelated sentence on the wrong side,
                bigrams alone eight), and
                the draft has one when the notice states one; none for none
  causes        every drafted cause is one of the case's causes (as above); no
                cause drafted is right only when no case cause is stated in the
                notice (no notice sentence is `same_text` as one)
  provenance    the draft's source (publisher, title, date, url) equals the
                case's source for this notice (`--url` given from the notice's
                URL line when the binary has it), and every quoted provenance
                comment (`← L12「…」`) quotes the lines it names

Held-out split (decided before tuning, written down in the drafting notes):
the unit is the case NAME (its notice NAME.txt; NAME.2.txt ... are further
sources of the same case and are not drafted); it is held out when int(sha256(b"NAME.txt").hexdigest()[:8], 16)
% 3 == 0. `--set dev` and `--set held-out` select one part; per-notice details
(`--details`) are refused for the held-out part unless `--final` is given.

Usage:
  tools/draft_score.py --bin target/release/casebook --notices /work/notices \\
      --cases ../content-mis/casebook/cases --cases casebook/cases --set dev --details
  tools/draft_score.py --bin ... --fixtures tests/fixtures/notices   # synthetic set
"""

import argparse
import datetime
import hashlib
import os
import re
import subprocess
import sys
import unicodedata

import yaml

FIELDS = [
    "organization",
    "published",
    "occurred",
    "count",
    "measures",
    "phrase",
    "causes",
    "provenance",
]


def held_out(name):
    return int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % 3 == 0


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    return re.sub(r"\s+", "", s)


def todo(v):
    return v is None or (isinstance(v, str) and v.strip() in ("TODO", ""))


def date(v):
    if todo(v):
        return None
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.strftime("%Y-%m-%d")
    return str(v)


def grams(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    chars = [c for c in s if c.isalnum()]
    return {(a, b) for a, b in zip(chars, chars[1:])}


# Kanji so common in notices that sharing them says nothing.
COMMON = set("個人情報保護者事案今後再発防止策対応等的性化本当弊同様")


def words(s):
    """Kanji one by one, katakana and Latin runs whole, without the common kanji."""
    s = unicodedata.normalize("NFKC", s or "").lower()
    found = re.findall(r"[\u4e00-\u9fff々]|[\u30a0-\u30ffー]+|[a-z0-9]+", s)
    return {w for w in found if w not in COMMON}


def contained(a, b):
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def same_text(a, b):
    """The same measure or cause, however reworded: 40% of the shorter text's
    bigrams shared, or a third of its kanji and katakana words."""
    return contained(grams(a), grams(b)) >= 0.4 or contained(words(a), words(b)) >= 0.33


def split_meta(text):
    """The notice without its leading metadata lines (`URL: ...`, and a reader's
    note in brackets such as `(first part of the page as stored)`), and its URL."""
    lines = text.split("\n")
    url = None
    i = 0
    while i < len(lines):
        m = re.match(r"^# (https?://\S+)", lines[i])
        if m:
            # `# https://... (read ...)`: the same, on one line.
            url = m[1]
        elif re.match(r"^[A-Z][A-Z_-]*:", lines[i]):
            key, _, value = lines[i].partition(":")
            if key == "URL":
                url = value.strip()
        else:
            break
        i += 1
    while i < len(lines) and re.match(r"^\(.*[a-z]{3}.*\)$", lines[i].strip()):
        i += 1
    return "\n".join(lines[i:]), url


ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}


def dates_in(text):
    """Every date the text writes (YYYY-MM-DD, YYYY-MM, YYYY), in any usual form,
    at the precision it is written."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"(?<=\d)\s+(?=[年月日])|(?<=[年月])\s+(?=\d)", "", t)
    found = set()

    def add(y, m=None, d=None):
        # At the precision written: 2025年 is "2025", 2025年8月 "2025-08".
        if m and d:
            found.add(f"{y:04d}-{m:02d}-{d:02d}")
        elif m:
            found.add(f"{y:04d}-{m:02d}")
        else:
            found.add(f"{y:04d}")

    for m in re.finditer(r"((?:19|20)\d\d)年(?:(\d{1,2})月(?:(\d{1,2})日)?)?", t):
        add(int(m[1]), m[2] and int(m[2]), m[3] and int(m[3]))
    for m in re.finditer(r"(令和|平成|昭和)(元|\d{1,2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?", t):
        y = ERAS[m[1]] + (1 if m[2] == "元" else int(m[2]))
        add(y, m[3] and int(m[3]), m[4] and int(m[4]))
    for m in re.finditer(r"((?:19|20)\d\d)[/.-](\d{1,2})(?:[/.-](\d{1,2}))?", t):
        add(int(m[1]), int(m[2]), m[3] and int(m[3]))
    for m in re.finditer(r"\b([RH])(\d{1,2})\.(\d{1,2})\.(\d{1,2})", t):
        add((2018 if m[1] == "R" else 1988) + int(m[2]), int(m[3]), int(m[4]))
    return found


def number_in(n, text):
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)
    forms = {str(n)}
    if n >= 10000:
        forms.add(f"{n // 10000}万{n % 10000}" if n % 10000 else f"{n // 10000}万")
    return any(re.search(rf"(?<!\d){re.escape(f)}(?!\d)", t) for f in forms)


def in_text(value, text):
    return value is not None and norm(value) in norm(text)


def sentences(text):
    out = []
    for line in text.split("\n"):
        for s in re.split(r"(?<=。)", line):
            if s.strip():
                out.append(s.strip())
    return out


def draft(binary, text, url, knows_url):
    args = [binary, "--lang", "ja", "draft", "-"]
    if url and knows_url:
        args += ["--url", url]
    p = subprocess.run(args, input=text.encode(), capture_output=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr.decode(errors="replace"))
    return p.stdout.decode()


def cites_hold(draft_text, notice_text):
    lines = notice_text.split("\n")
    bad = []
    for m in re.finditer(r"← (L\d+(?:-\d+)?(?:, L\d+(?:-\d+)?)*)「(.*)」", draft_text):
        quote = m.group(2).rstrip("…")
        quote = quote.split(" (", 1)[0]
        got = ""
        for c in m.group(1).split(", "):
            a, _, b = c[1:].partition("-")
            a = int(a)
            b = int(b) if b else a
            got += "".join(lines[a - 1 : b])
        # A value read from several lines quotes them joined by " / ".
        if not all(norm(part) in norm(got) for part in quote.split(" / ")):
            bad.append(m.group(0))
    return bad


def measure_sources(draft_text):
    """The provenance comment (`# ← L9`) of each drafted measure, in order."""
    out = []
    inside = False
    cite = None
    for line in draft_text.split("\n"):
        if re.match(r"^measures:", line):
            inside = True
            continue
        if inside and re.match(r"^[a-z_]+:", line):
            break
        if not inside:
            continue
        m = re.match(r"^\s+# (← L[\d, L-]+)", line)
        if m:
            cite = m[1]
        elif re.match(r"^\s+- text:", line):
            out.append(cite)
            cite = None
    return out


def announced(case):
    """The case's measures that someone announced or required (not the editors' own lessons)."""
    return [m["text"] for m in case.get("measures") or [] if m.get("origin") != "editorial"]


def score(d, case, notice_text, url):
    """{field: (right, why)}. A value the text does not state is right as TODO."""
    out = {}
    dates = dates_in(notice_text)

    def same_date(got, want):
        got, want = date(got), date(want)
        return got == want or (got is None and want not in dates)

    def same_name(got, want):
        if todo(got):
            return not in_text(want, notice_text)
        return norm(got) == norm(want)

    org = d.get("organization")
    out["organization"] = (
        same_name(org, case.get("organization")),
        f"{org!r} vs {case.get('organization')!r}",
    )
    out["published"] = (
        same_date(d.get("published"), case.get("published")),
        f"{date(d.get('published'))} vs {date(case.get('published'))}",
    )
    out["occurred"] = (
        same_date(d.get("occurred"), case.get("occurred")),
        f"{date(d.get('occurred'))} vs {date(case.get('occurred'))}",
    )
    da = d.get("affected") or {}
    ca = case.get("affected") or {}
    got = tuple(None if todo(da.get(k)) else int(da[k]) for k in ("people", "records"))
    want = tuple(ca.get(k) for k in ("people", "records"))
    out["count"] = (
        all(g == w or (g is None and not number_in(w, notice_text)) for g, w in zip(got, want)),
        f"{got} vs {want}",
    )
    dm = [m["text"] for m in d.get("measures") or [] if not todo(m.get("text"))]
    cm = announced(case)
    notice_sentences = sentences(notice_text)
    stated = [c for c in cm if any(same_text(c, s) for s in notice_sentences)]
    sources = [c for c in measure_sources(d["_text"]) if c]
    by_line = len(set(sources)) if len(sources) == len(dm) else len(dm)
    out["measures"] = (
        len(stated) in (len(dm), by_line),
        f"{len(dm)} ({by_line} lines) vs {len(stated)} stated ({len(cm)} in case)",
    )
    unmatched = [m for m in dm if not any(same_text(m, c) for c in cm)]
    out["phrase"] = (
        (not unmatched) and (bool(dm) == bool(stated)),
        f"unmatched: {unmatched[:3]}" if unmatched else f"{len(dm)} drafted, {len(cm)} in case",
    )
    dc = [c["text"] for c in d.get("root_causes") or [] if not todo(c.get("text"))]
    cc = [c["text"] for c in case.get("root_causes") or []]
    if dc:
        unmatched = [c for c in dc if not any(same_text(c, x) for x in cc)]
        out["causes"] = (not unmatched, f"unmatched: {unmatched[:3]}")
    else:
        said = [c for c in cc if any(same_text(c, s) for s in sentences(notice_text))]
        out["causes"] = (not said, f"none drafted; stated: {said[:2]}")
    ds = (d.get("sources") or [{}])[0]
    sources = case.get("sources") or [{}]
    cs = next((s for s in sources if url and s.get("url") == url), sources[0])
    keys = ("publisher", "title", "date", "url")
    dv = [None if todo(ds.get(k)) else norm(date(ds.get(k)) if k == "date" else ds.get(k)) for k in keys]
    cv = [norm(date(cs.get(k)) if k == "date" else cs.get(k)) for k in keys]
    stated = [
        in_text(cs.get("publisher"), notice_text),
        in_text(cs.get("title"), notice_text),
        date(cs.get("date")) in dates,
        True,
    ]
    bad = cites_hold(d["_text"], notice_text)
    diff = [
        f"{k}: {a!r} vs {b!r}"
        for k, a, b, said in zip(keys, dv, cv, stated)
        if a != b and not (a is None and not said)
    ]
    out["provenance"] = (not diff and not bad, "; ".join(diff + bad))
    return out


def find_case(dirs, name):
    """The case file NAME.yaml under the directories; the newest when several have it."""
    found = []
    for d in dirs:
        for root, _, files in os.walk(d):
            if name + ".yaml" in files:
                found.append(os.path.join(root, name + ".yaml"))
    return max(found, key=os.path.getmtime) if found else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/casebook")
    ap.add_argument("--notices", help="a directory of NAME.txt notices")
    ap.add_argument("--cases", action="append", default=[], help="where NAME.yaml cases are (the newest file wins)")
    ap.add_argument("--fixtures", help="a directory of NAME.txt notices with expected/NAME.yaml beside them")
    ap.add_argument("--set", choices=["dev", "held-out", "all"], default="dev")
    ap.add_argument("--only", action="append", default=[], help="score only these names")
    ap.add_argument(
        "--seen",
        help="a file naming notices (one NAME.txt a line) read while tuning: they and any "
        "notice with the same URL are left out of the held-out part",
    )
    ap.add_argument("--details", action="store_true", help="a row per notice, with the reasons of each miss")
    ap.add_argument("--final", action="store_true", help="allow --details on the held-out part")
    a = ap.parse_args()

    if a.details and a.set != "dev" and not a.final and not a.fixtures:
        sys.exit("--details on held-out notices needs --final (they are not looked at while tuning)")
    knows_url = b"--url" in subprocess.run([a.bin, "draft", "--help"], capture_output=True).stdout

    if a.fixtures:
        src = a.fixtures
        dirs = [os.path.join(a.fixtures, "expected")]
    else:
        src = a.notices
        dirs = a.cases
    # NAME.2.txt, NAME.3.txt: further sources of the same case (news items, later
    # pages); the organization's own notice NAME.txt is the one drafted.
    names = sorted(f[:-4] for f in os.listdir(src) if f.endswith(".txt") and "." not in f[:-4])
    if not a.fixtures and a.set != "all":
        names = [n for n in names if held_out(n + ".txt") == (a.set == "held-out")]
    if a.seen and a.set == "held-out":
        seen = {l.strip()[:-4] for l in open(a.seen) if l.strip().endswith(".txt")}
        urls = set()
        for n in seen:
            p = os.path.join(src, n + ".txt")
            if os.path.exists(p):
                urls.add(split_meta(open(p, encoding="utf-8", errors="replace").read())[1])
        def unseen(n):
            url = split_meta(open(os.path.join(src, n + ".txt"), encoding="utf-8", errors="replace").read())[1]
            return n not in seen and (url is None or url not in urls)
        names = [n for n in names if unseen(n)]
    if a.only:
        names = [n for n in names if n in a.only]

    totals = {f: 0 for f in FIELDS}
    scored = 0
    missing = []
    rows = []
    for n in names:
        case_path = find_case(dirs, n)
        if not case_path:
            missing.append(n)
            continue
        raw = open(os.path.join(src, n + ".txt"), "rb").read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp932")
        body, url = split_meta(text)
        case = yaml.safe_load(open(case_path, encoding="utf-8"))
        out = draft(a.bin, body, url, knows_url)
        d = yaml.safe_load(out)
        d["_text"] = out
        s = score(d, case, body, url)
        scored += 1
        for f in FIELDS:
            totals[f] += int(s[f][0])
        rows.append((n, s))

    if a.details:
        for n, s in rows:
            right = sum(int(v[0]) for v in s.values())
            print(f"## {n}: {right}/{len(FIELDS)}")
            for f in FIELDS:
                ok, why = s[f]
                print(f"  {'ok ' if ok else 'MISS'} {f}: {why if not ok else ''}")
    print(f"| field | right / {scored} |")
    print("|---|---|")
    for f in FIELDS:
        print(f"| {f} | {totals[f]} |")
    total = sum(totals.values())
    print(f"| all fields | {total} / {scored * len(FIELDS)} ({100 * total / max(1, scored * len(FIELDS)):.0f}%) |")
    if missing:
        print(f"no case yet for {len(missing)} notice(s): {', '.join(missing) if a.set == 'dev' or a.final else '(held out)'}")


if __name__ == "__main__":
    main()
