"""The book on paper: a print stylesheet on every page, and the PDF in the download menu.

* ``static/print.css`` (``@media print``) is what a browser prints, whether a reader prints one
  page or ``make pdf`` (``tools/build_pdf.py``) prints the whole book: no navigation, sidebars or
  buttons, code wrapped, exercise solutions expanded under their heading, figures kept whole, the
  freeze-time explorer as its answer, its figure and its settings.
* ``static/print.js``, on the pages that hold an explorer, writes each explorer's current
  settings as text before the page prints (its sliders and menus do not print).
* The theme's download menu gets the whole book as a PDF: a relative link to the file that
  ``make pdf`` puts at the root of the edition's site (``maintbook.pdf``, ``maintbook-ja.pdf``
  for a Japanese edition), so it works offline and on any host.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.build_pdf import pdf_name  # noqa: E402

STYLESHEET = "print.css"
SCRIPT = "print.js"
EXPLORER_MARK = "data-maintbook-explorer"  # _ext/explorer_assets.py
LABEL = "download-book-pdf-button"
TEXT = {"en": "Book (PDF)", "ja": "本 (PDF)"}
TOOLTIP = {"en": "Download the whole book as a PDF", "ja": "本全体を PDF でダウンロード"}
# The theme's own ".pdf" entry prints the page in view (window.print()): said so, beside the book.
PRINT_LABEL = "download-pdf-button"
PRINT_TEXT = {"en": "Print this page", "ja": "このページを印刷"}


def _language(app) -> str:
    return (app.config.language or "en").split("_")[0].split("-")[0]


def _add_script(app, pagename, templatename, context, doctree) -> None:
    if EXPLORER_MARK in context.get("body", ""):
        app.add_js_file(SCRIPT, loading_method="defer")


def _add_book_pdf(app, pagename, templatename, context, doctree) -> None:
    """Put the whole book's PDF first in the theme's download menu (on every page with one)."""
    lang = _language(app)
    for button in context.get("header_buttons", []):
        if button.get("label") == "download-buttons":
            for entry in button["buttons"]:
                if entry.get("label") == PRINT_LABEL:
                    entry["text"] = PRINT_TEXT.get(lang, PRINT_TEXT["en"])
            button["buttons"].insert(0, {
                "type": "link",
                "url": context["pathto"](pdf_name(lang), 1),
                "text": TEXT.get(lang, TEXT["en"]),
                "tooltip": TOOLTIP.get(lang, TOOLTIP["en"]),
                "icon": "fas fa-book",
                "label": LABEL,
            })


def setup(app):
    app.setup_extension("static_files")  # serves _ext/static/
    app.add_css_file(STYLESHEET)
    app.connect("html-page-context", _add_script)
    # After sphinx-book-theme fills the header buttons (its handlers run at priority 501).
    app.connect("html-page-context", _add_book_pdf, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
