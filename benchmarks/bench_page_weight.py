"""What a reader downloads: each page's first view in Chromium, summed as gzip sizes.

Serves ``_build/html`` (run ``make book`` first) on 127.0.0.1, opens every page of the table
of contents in Debian's Chromium with an empty cache at a desktop size, waits until figures,
MathJax and fonts are done (``tools/page_weight.py``), and prints per page the number of
files, their bytes and their gzip size against the budget, then the largest files of the
heaviest page. A measurement, not a test (the browser tests check the budget).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from tools.page_weight import BUDGET_GZIP_BYTES, record, settle, total_gzip, weigh  # noqa: E402

from book_pages import page_paths  # noqa: E402

SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv=None) -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=SITE,
                        help="a built site to weigh (default: _build/html)")
    site = parser.parse_args(argv).site
    if not (site / "index.html").exists():
        print(f"no site at {site}: build the book first (make book)")
        return 1
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rows, heaviest = [], (0, "", [])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for path in page_paths():
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            responses = record(page)
            page.goto(f"{base}/{path}", wait_until="load")
            settle(page)
            loaded = weigh(responses)
            context.close()
            gz = total_gzip(loaded)
            rows.append((path, len(loaded), sum(x.bytes for x in loaded), gz))
            if gz > heaviest[0]:
                heaviest = (gz, path, loaded)
        browser.close()
    server.shutdown()
    print(f"{'page':<38} {'files':>5} {'bytes':>11} {'gzip':>11}  budget {BUDGET_GZIP_BYTES:,}")
    for path, files, raw, gz in rows:
        flag = "" if gz <= BUDGET_GZIP_BYTES else "  OVER"
        print(f"{path:<38} {files:>5} {raw:>11,} {gz:>11,}{flag}")
    gz, path, loaded = heaviest
    print(f"\nheaviest first view: {path}, {gz:,} bytes gzip; its largest files:")
    for item in sorted(loaded, key=lambda x: -x.gzip_bytes)[:10]:
        print(f"  {item.gzip_bytes:>9,} gzip {item.bytes:>10,} bytes  {urlparse(item.url).path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
