"""The Japanese edition is complete: every string translated, nothing drawn in English.

These checks fail until the translators have finished; each failure names the pages, the
strings or the code cells still to do (CONTRIBUTING.md, "The Japanese edition"). They run as
their own stage of ``make test`` (``translations``), after the book is built.

* every catalogue in ``locales/<lang>/LC_MESSAGES/`` is 100 % translated and 0 % fuzzy, and every
  page of the book has one;
* every translation keeps its English string's roles (glued numbers, citations, glossary
  targets), link addresses and inline code (``python tools/locales.py check``);
* the last Japanese build translated every string of every page (``_build/ja/untranslated.json``,
  ``_ext/translations.py``): this also catches an English edit that ``make locales`` has not
  brought into the catalogues yet;
* no chapter's code draws English in the Japanese build: figures, tables and Markdown outputs
  (``python tools/locales.py drawn`` lists them, and the printed outputs to check by eye).
"""

from __future__ import annotations

import json

import pytest
from tools import build_book, editions, locales

from book_pages import ROOT, toc_files

pytestmark = pytest.mark.translations

TRANSLATED = [e for e in editions.EDITIONS if e.lang != editions.SOURCE]
SHOWN = ("figure", "table", "markdown")  # printed outputs are often code or data: see `drawn`


def _fail(heading: str, lines) -> None:
    """Fail with ``heading`` and one indented line per thing left to do."""
    pytest.fail(heading + ":\n  " + "\n  ".join(lines), pytrace=False)


@pytest.mark.parametrize("edition", TRANSLATED, ids=[e.lang for e in TRANSLATED])
def test_every_page_has_a_complete_catalogue(edition):
    states = locales.catalogue_states(edition.lang)
    missing = sorted(set(toc_files()) - {s.document for s in states})
    incomplete = [str(s) for s in states if not s.complete]
    if missing:
        pytest.fail(f"pages without a {edition.lang} catalogue (run `make locales`): {missing}",
                    pytrace=False)
    if incomplete:
        _fail(f"{len(incomplete)} of {len(states)} {edition.lang} catalogues are incomplete "
              "(translate the new and fuzzy strings in locales/; CONTRIBUTING.md)", incomplete)


@pytest.mark.parametrize("edition", TRANSLATED, ids=[e.lang for e in TRANSLATED])
def test_every_translation_keeps_the_roles_links_and_code_of_its_english(edition):
    problems = locales.check(edition.lang)
    if problems:
        _fail(f"{len(problems)} {edition.lang} translations differ from their English "
              "(python tools/locales.py check)", map(str, problems))


@pytest.mark.parametrize("edition", TRANSLATED, ids=[e.lang for e in TRANSLATED])
def test_the_last_build_translated_every_string_of_every_page(edition):
    import translations

    report = build_book.work_dir(ROOT / "_build", edition) / translations.REPORT
    if not report.exists():
        pytest.fail(f"{report} is missing: run `make book` first (make test does it)")
    pages = json.loads(report.read_text(encoding="utf-8"))["pages"]
    left = {doc: messages for doc, messages in pages.items() if messages}
    summary = [f"{doc}: {len(messages)} strings, first {messages[0][:70]!r}"
               for doc, messages in left.items()]
    if left:
        _fail(f"{len(left)} pages of the {edition.lang} edition show English strings (a new "
              "or changed English string needs `make locales`, then a translation)", summary)


@pytest.mark.parametrize("edition", TRANSLATED, ids=[e.lang for e in TRANSLATED])
def test_no_chapter_draws_english_in_a_translated_edition(edition):
    try:
        report = locales.drawn_report(edition.lang)
    except LookupError as stale:
        pytest.fail(str(stale))
    left = {doc: [str(cell) for cell in cells if cell.kind in SHOWN]
            for doc, cells in report.items()}
    left = {doc: cells for doc, cells in left.items() if cells}
    lines = [f"{doc}.ipynb\n    " + "\n    ".join(cells) for doc, cells in left.items()]
    if left:
        _fail(f"code cells that draw English in the {edition.lang} edition (wrap the "
              "strings in maintsim.language.text() and add them to maintsim.messages)", lines)
