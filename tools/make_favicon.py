"""Draw ``images/favicon.ico`` from ``images/favicon.svg`` (the book's own drawing).

Browsers that do not take the SVG icon ask for ``/favicon.ico``; the build copies this file
to the site's root (``html_extra_path``). Debian's Chromium renders the SVG at 16, 32 and 48
pixels and the PNGs are stored in one ICO file (an ICO may hold PNG images). Run it after
changing the SVG::

    python tools/make_favicon.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "images" / "favicon.svg"
ICO = ROOT / "images" / "favicon.ico"
SIZES = (16, 32, 48)
CHROMIUM = "/usr/bin/chromium"


def render_pngs(svg: str, sizes=SIZES) -> list[bytes]:
    from playwright.sync_api import sync_playwright

    pngs = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for size in sizes:
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(
                "<style>html,body{margin:0;background:transparent}svg{display:block;"
                f"width:{size}px;height:{size}px}}</style>{svg}")
            pngs.append(page.screenshot(omit_background=True))
            page.close()
        browser.close()
    return pngs


def ico(pngs: list[bytes], sizes=SIZES) -> bytes:
    """An ICO file holding one PNG per size (ICONDIR, ICONDIRENTRY..., images)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, png in zip(sizes, pngs, strict=True):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png),
                               offset + len(images))
        images += png
    return header + entries + images


def main() -> int:
    ICO.write_bytes(ico(render_pngs(SVG.read_text())))
    print(f"wrote {ICO.relative_to(ROOT)} ({ICO.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
