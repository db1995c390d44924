"""How long the PDF edition takes to print and join, and how big it is (tools/build_pdf.py).

Prints the built site (run `make book` first) into a temporary folder, leaving the site's own
PDF alone, and reports the pages, the size, the time to print (Chromium, page by page) and to
join (pypdf: bookmarks, links, metadata, identical objects merged), and each page's share.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build_pdf import SITE_ROOT, build, built_editions  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE_ROOT)
    args = parser.parse_args(argv)
    langs = built_editions(args.site)
    if not langs:
        print(f"{args.site} is not built: run `make book` first")
        return 1
    for lang in langs:
        with tempfile.TemporaryDirectory() as out:
            s = build(lang, args.site, Path(out), log=lambda *a: None, copy_to_site=False)
        print(f"edition {lang}: {s['pages']} pages, {s['bytes'] / 1e6:.2f} MB, "
              f"{s['seconds']:.1f} s (print {s['print_seconds']:.1f} s, "
              f"join and write {s['join_seconds']:.1f} s)")
        print(f"{'page':<40} {'pages':>5} {'seconds':>8}")
        for c in s["chapters"]:
            print(f"{c['path']:<40} {c['pages']:>5} {c['seconds']:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
