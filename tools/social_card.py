"""Render the social card (the picture in a link preview) from a real figure of the book.

The card is chapter 1's figure, one simulated year of maintenance in the cloud and on premises
(``maintsim.figures.timeline.year_figure`` with the chapter's seed), at 1200 x 630 pixels (the
size link previews use), drawn by plotly.js in Debian's Chromium (Playwright)::

    python tools/social_card.py          # rewrite _static/social-card.png

The PNG is committed, so building the book needs no browser. It carries the SHA-256 of the
figure it was drawn from in a ``tEXt`` chunk; a unit test recomputes the figure and fails
when the library has changed it since, so the card never shows a stale figure.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARD = ROOT / "_static" / "social-card.png"
WIDTH_PX, HEIGHT_PX = 1200, 630
DIGEST_KEY = "maintbook-figure-sha256"
CHROMIUM = "/usr/bin/chromium"
ALT = ("One simulated year of maintenance: a few night windows of hours on premises against "
       "dozens of cloud events from milliseconds to seconds, on a log scale")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


SEED = 2022
"""Chapter 1's seed, so the card shows the year the chapter shows."""


def card_figure():
    """The figure on the card: chapter 1's year, cloud against on premises."""
    import numpy as np

    from maintsim import timeline
    from maintsim.figures import plotting
    from maintsim.figures.timeline import year_figure
    from tools.release import config

    plotting.setup()  # the book's template, as in every chapter
    rng = np.random.default_rng(SEED)
    cloud = timeline.cloud_year(rng)
    onprem = timeline.onprem_year(rng)
    fig = year_figure(onprem, cloud)
    fig.update_layout(
        width=WIDTH_PX, height=HEIGHT_PX, margin={"l": 110, "r": 40, "t": 130, "b": 70},
        legend={"font": {"size": 18}, "y": -0.18},
        title={"text": config()["title"], "font": {"size": 30}, "xref": "container",
               "x": 0.03, "yref": "container", "y": 0.95, "yanchor": "top",
               "subtitle": {"text": "One simulated year of maintenance: cloud events against "
                                    "night windows on premises",
                            "font": {"size": 18}}},
        font={"size": 18},
    )
    return fig


def figure_digest(fig) -> str:
    import plotly.io as pio

    return hashlib.sha256(pio.to_json(fig, validate=False).encode()).hexdigest()


def _chunks(png: bytes):
    if not png.startswith(PNG_SIGNATURE):
        raise ValueError("not a PNG file")
    at = len(PNG_SIGNATURE)
    while at < len(png):
        (length,) = struct.unpack(">I", png[at:at + 4])
        kind = png[at + 4:at + 8]
        yield kind, png[at + 8:at + 8 + length], at
        at += 12 + length


def png_size(png: bytes) -> tuple[int, int]:
    kind, data, _ = next(_chunks(png))
    if kind != b"IHDR":
        raise ValueError("a PNG starts with IHDR")
    return struct.unpack(">II", data[:8])


def png_text(png: bytes) -> dict[str, str]:
    """The ``tEXt`` chunks of a PNG as ``{keyword: text}``."""
    texts = {}
    for kind, data, _ in _chunks(png):
        if kind == b"tEXt":
            key, _, value = data.partition(b"\0")
            texts[key.decode("latin-1")] = value.decode("latin-1")
    return texts


def with_text(png: bytes, key: str, value: str) -> bytes:
    """``png`` with a ``tEXt`` chunk ``key: value`` inserted right after IHDR."""
    data = key.encode("latin-1") + b"\0" + value.encode("latin-1")
    chunk = (struct.pack(">I", len(data)) + b"tEXt" + data
             + struct.pack(">I", zlib.crc32(b"tEXt" + data)))
    _, ihdr, _ = next(_chunks(png))
    end_of_ihdr = len(PNG_SIGNATURE) + 12 + len(ihdr)
    return png[:end_of_ihdr] + chunk + png[end_of_ihdr:]


def render(fig) -> bytes:
    """Draw ``fig`` with the plotly.js of the installed plotly package, in Chromium."""
    import plotly
    import plotly.io as pio
    from playwright.sync_api import sync_playwright

    plotly_js = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.set_content(f"<html><body><div id='card'></div><script>{plotly_js}</script>"
                             "</body></html>")
            url = page.evaluate(
                """async ([figure, width, height]) => {
                     const f = JSON.parse(figure), gd = document.getElementById('card');
                     await Plotly.newPlot(gd, f.data, f.layout, {staticPlot: true});
                     return Plotly.toImage(gd, {format: 'png', width, height});
                   }""", [pio.to_json(fig, validate=False), WIDTH_PX, HEIGHT_PX])
        finally:
            browser.close()
    return base64.b64decode(url.split(",", 1)[1])


def main() -> int:
    fig = card_figure()
    png = with_text(render(fig), DIGEST_KEY, figure_digest(fig))
    CARD.parent.mkdir(exist_ok=True)
    CARD.write_bytes(png)
    print(f"wrote {CARD.relative_to(ROOT)} ({len(png) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
