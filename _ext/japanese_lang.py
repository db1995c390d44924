"""Mark Japanese text as Japanese: every run of Japanese characters gets ``lang="ja"``.

The book quotes its source article in Japanese. Without a language mark a screen reader reads
those words with English rules and the browser may pick a font without the right glyphs. After
the build, every HTML page is rewritten: each run of Japanese characters (kana, kanji, the
CJK and full-width punctuation) in text whose nearest ``lang`` is not Japanese is wrapped in
``<span lang="ja">``. Text already inside an element with ``lang="ja"`` is left alone, so a
page whose ``<html lang="ja">`` (a Japanese edition) is not changed at all, and running the
transformation twice changes nothing. Scripts, styles and the ``<title>`` are not touched
(a ``<title>`` cannot hold elements); nor are attribute values.
"""

from __future__ import annotations

import re
from pathlib import Path

# Kana (with the phonetic extensions and half-width katakana), CJK ideographs (with extension
# A and the compatibility block), CJK symbols and punctuation, full-width forms.
JAPANESE_CHARS = (
    "\u3000-\u303f"  # CJK symbols and punctuation: 、。「」々〜
    "\u3040-\u309f"  # hiragana
    "\u30a0-\u30ff"  # katakana (ー, ・)
    "\u31f0-\u31ff"  # katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK unified ideographs, extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\uff00-\uffef"  # half-width and full-width forms
)
_JA = f"[{JAPANESE_CHARS}]"
# A run: Japanese characters, with digits, spaces and a few ASCII signs allowed between them
# (「通常、最長で 30 秒間」 is one run), never at its ends.
JAPANESE_RUN = re.compile(f"{_JA}(?:[{JAPANESE_CHARS}0-9 .,:%/-]*{_JA})?")

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    r"|<![^>]*>"
    r"|<(?P<raw>script|style|title|textarea)\b[^>]*>.*?</(?P=raw)\s*>"
    r"|</?[A-Za-z][^\s/>]*(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s*/?>",
    re.DOTALL | re.IGNORECASE,
)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Elements whose text may not hold a <span>.
NO_SPAN = {"option", "select", "optgroup"}


def is_japanese(lang: str | None) -> bool:
    return bool(lang) and lang.lower().split("-")[0] == "ja"


def _wrap(text: str) -> str:
    return JAPANESE_RUN.sub(lambda m: f'<span lang="ja">{m.group(0)}</span>', text)


def mark_japanese(html: str) -> str:
    """Return ``html`` with every unmarked run of Japanese text wrapped in ``<span lang="ja">``."""
    out: list[str] = []
    stack: list[tuple[str, str | None]] = []  # (tag name, its lang attribute or None)
    position = 0

    def text(segment: str) -> str:
        if not re.search(_JA, segment):
            return segment
        lang = next((lang for _, lang in reversed(stack) if lang is not None), None)
        if is_japanese(lang) or (stack and stack[-1][0] in NO_SPAN):
            return segment
        return _wrap(segment)

    for match in _TOKEN.finditer(html):
        out.append(text(html[position:match.start()]))
        token = match.group(0)
        out.append(token)
        position = match.end()
        if token.startswith("<!") or match.group("raw"):
            continue
        name = _TAG_NAME.match(token).group(1).lower()
        if token.startswith("</"):
            if any(open_name == name for open_name, _ in stack):
                while stack and stack.pop()[0] != name:
                    pass
        elif name not in VOID and not token.endswith("/>"):
            lang = _LANG.search(token)
            stack.append((name, next((g for g in lang.groups() if g is not None), "")
                           if lang else None))
    out.append(text(html[position:]))
    return "".join(out)


def _pages(outdir: Path):
    """The pages of this build: not those of another edition built into a folder of it
    (``ja/``, see ``tools/editions.py``), which are that build's to mark."""
    other = {p.parent for p in outdir.glob("*/.buildinfo")}
    for page in outdir.rglob("*.html"):
        if not any(parent in other for parent in page.parents):
            yield page


def _mark_pages(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for page in _pages(Path(app.outdir)):
        html = page.read_text(encoding="utf-8")
        marked = mark_japanese(html)
        if marked != html:
            page.write_text(marked, encoding="utf-8")


def setup(app):
    app.connect("build-finished", _mark_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
