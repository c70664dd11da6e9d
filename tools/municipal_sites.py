#!/usr/bin/env python3
"""Writes src/authoring/draft/municipal_sites.tsv from localgovjp's list.

localgovjp (https://github.com/code4fukui/localgovjp, CC0 1.0) lists every
Japanese municipality with its web site. The drafter uses the host of a
notice's address to name the municipality whose page it is.

Usage: tools/municipal_sites.py localgovjp-utf8.csv COMMIT DATE > src/authoring/draft/municipal_sites.tsv
"""

import csv
import sys
import urllib.parse


def main():
    path, commit, date = sys.argv[1:4]
    print("# The web sites of Japan's municipalities: host (without www.), name, prefecture.")
    print(f"# From localgovjp (https://github.com/code4fukui/localgovjp, commit {commit}, {date},")
    print("# CC0 1.0), itself compiled from the Geospatial Information Authority of Japan and J-LIS's")
    print("# national municipality map search. The wards of designated cities are left out: their")
    print("# pages are their city's. Regenerate with tools/municipal_sites.py.")
    seen = set()
    with open(path, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if " " in row["city"]:
                continue  # 札幌市 中央区: a designated city's ward
            host = (urllib.parse.urlparse(row["url"]).hostname or "").lower()
            host = host.removeprefix("www.")
            if not host or host in seen:
                sys.exit(f"no host or a second entry for {host!r}: {row['city']}")
            seen.add(host)
            print(f"{host}\t{row['city']}\t{row['pref']}")


if __name__ == "__main__":
    main()
