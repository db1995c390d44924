"""The book's editions: the English original and its Japanese translation, one site.

Both are built from the same notebooks (``tools/build_book.py``): English at the site's root,
each translation under a folder named after its language, with the same page paths
(``chapters/05_percentiles.html`` and ``ja/chapters/05_percentiles.html``). The language switcher
(``_ext/editions.py``), the link previews (``_ext/book_meta.py``), the tests and a later PDF
build read this list rather than repeat it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EDITIONS", "SOURCE", "Edition", "counterpart_href", "edition"]


@dataclass(frozen=True)
class Edition:
    """One edition of the book.

    Attributes
    ----------
    lang : str
        Its language: Sphinx's ``language`` and ``maintsim``'s (``MAINTBOOK_LANG``).
    prefix : str
        Where its pages live, relative to the site's root: ``""`` or ``"ja/"``.
    name : str
        Its name in its own language, as the language switcher shows it.
    short : str
        The same, short enough for a phone's header (``EN``).
    locale : str
        Its Open Graph locale (``og:locale``).
    """

    lang: str
    prefix: str
    name: str
    short: str
    locale: str


EDITIONS = (
    Edition("en", "", "English", "EN", "en_GB"),
    Edition("ja", "ja/", "日本語", "日本語", "ja_JP"),
)
SOURCE = "en"
"""The language the book is written in; every other edition is translated from it."""


def edition(lang: str | None) -> Edition:
    """The edition of ``lang`` (``None``, Sphinx's default, is the source language)."""
    lang = lang or SOURCE
    for candidate in EDITIONS:
        if candidate.lang == lang:
            return candidate
    raise ValueError(f"lang must be one of {[e.lang for e in EDITIONS]}, got {lang!r}")


def counterpart_href(pagename: str, from_lang: str | None, to_lang: str | None) -> str:
    """The relative link from page ``pagename`` of one edition to the same page of another.

    >>> counterpart_href("chapters/05_percentiles", "en", "ja")
    '../ja/chapters/05_percentiles.html'
    >>> counterpart_href("chapters/05_percentiles", "ja", "en")
    '../../chapters/05_percentiles.html'
    """
    here, there = edition(from_lang), edition(to_lang)
    depth = pagename.count("/") + here.prefix.count("/")
    return "../" * depth + there.prefix + pagename + ".html"
