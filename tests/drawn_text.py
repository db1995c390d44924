"""The text a figure or a table draws, and whether it still reads as English.

Shared by the library's Japanese tests (``tests/test_language.py``) and the checks of the built
Japanese pages (``tests/test_translations.py``).
"""

from __future__ import annotations

import re

from book_pages import JAPANESE_CHARS

JAPANESE = re.compile(f"[{JAPANESE_CHARS}]")
# plotly placeholders (%{x:g}), HTML tags and entities: not words a reader reads
_NOT_WORDS = re.compile(r"%\{[^}]*\}|<[^>]*>|&[a-z]+;")
# a lowercase word of three letters or more that is not part of an identifier (tcp_retries2),
# a file name or a number: names and acronyms ("Linux TCP", "WSFC", "P99") are not prose
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9_./=-])[a-z]{3,}(?![A-Za-z0-9_./=(-])")
# the keys of plotly's JSON whose strings a reader sees
DRAWN_KEYS = {"text", "name", "hovertemplate", "hovertext", "prefix", "suffix", "label",
              "ticktext", "customdata"}
SKIPPED_KEYS = {"template", "font", "meta"}  # the theme's defaults, fonts: nothing drawn as words


def english_left(text: str) -> bool:
    """Whether ``text`` still reads as English: no Japanese character and an English word."""
    words = _NOT_WORDS.sub(" ", text)
    return not JAPANESE.search(words) and bool(_ENGLISH_WORD.search(words))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def drawn_strings(figure_json) -> list[str]:
    """Every string that a plotly figure (its ``to_plotly_json()``, or the JSON of a page) draws:
    titles, axis titles, legend names, annotations, hover templates and hover data, bar texts,
    slider labels and prefixes, also inside the slider steps' updates."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in SKIPPED_KEYS:
                    continue
                if key in DRAWN_KEYS or key.endswith(".text"):
                    found.extend(_strings(item))
                elif key == "title" and isinstance(item, str):
                    found.append(item)
                else:
                    walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(figure_json)
    return found
