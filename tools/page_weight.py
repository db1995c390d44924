"""How heavy a page's first view is: every file Chromium loads, and their gzip sizes.

Used by ``benchmarks/bench_page_weight.py`` (which prints the table in
``benchmarks/README.md``) and by the browser tests (which hold every page to the budget).
A page's first view is everything the browser fetches from opening the page until it has
loaded, every plotly figure has drawn, MathJax (where a page has mathematics) has typeset
and the web fonts are in, with an empty cache.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

BUDGET_GZIP_BYTES = 1_500_000
"""At most 1.5 MB, gzip-compressed, for a page's first view (issue 10)."""

GZIP_LEVEL = 6
"""The compression level of a typical web server's gzip (nginx, Apache and GitHub Pages use
6 or thereabouts); the sizes below are what a reader's browser would download."""

SETTLED_JS = """async () => {
  const drawn = () => [...document.querySelectorAll('div.plotly-graph-div')]
      .every(d => d.querySelector('svg.main-svg'));
  for (let i = 0; i < 300 && !drawn(); i++) await new Promise(r => setTimeout(r, 100));
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await document.fonts.ready;
  return drawn();
}"""


@dataclass(frozen=True)
class Loaded:
    url: str
    bytes: int
    gzip_bytes: int


def record(page) -> list:
    """Start recording the responses of ``page``; returns the list that fills up."""
    responses: list = []
    page.on("response", lambda response: responses.append(response))
    return responses


def weigh(responses) -> list[Loaded]:
    """The size of every response's body, as sent and as gzip would send it."""
    loaded = []
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            continue
        loaded.append(Loaded(response.url, len(body),
                             len(gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0))))
    return loaded


def settle(page) -> bool:
    """Wait until figures, MathJax and fonts are done; True when every figure drew."""
    return page.evaluate(SETTLED_JS)


def total_gzip(loaded: list[Loaded]) -> int:
    return sum(item.gzip_bytes for item in loaded)
