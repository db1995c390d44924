"""The PDF edition (``make pdf``, tools/build_pdf.py): the whole book, readable and navigable.

The tests marked ``built`` read ``_build/pdf/maintbook.pdf`` and the site it was printed from
(``make test`` runs the pdf stage after the book stage). The others check the mechanisms alone:
file names, the page numbering trick in a real Chromium, the licence sentence.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
from tools import release
from tools.build_pdf import (
    CONTENT_WIDTH_PX,
    MARGIN_MM,
    MAX_SIZE_BYTES,
    PAD_JS,
    PT_PER_MM,
    SOURCE_LANG,
    built_editions,
    edition_site,
    licence_text,
    pdf_name,
    pdf_options,
    read_book,
)

from conftest import ROOT, SITE

PDF = ROOT / "_build" / "pdf" / pdf_name(SOURCE_LANG)
A4_PT = (210 * PT_PER_MM, 297 * PT_PER_MM)
TOGGLE_WORDS = ("Click to hide", "Click to show", "Show code cell source",
                "Hide code cell source")


def squash(text: str) -> str:
    """Text compared without its layout: ligatures undone (ﬂ -> fl), every space removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# === The built PDF ===

@cache
def _reader():
    from pypdf import PdfReader

    if not PDF.exists():
        pytest.fail(f"{PDF} is missing: run `make pdf` (make test runs it after the book)")
    return PdfReader(io.BytesIO(PDF.read_bytes()))


@cache
def _pages() -> tuple[tuple[str, float], ...]:
    """Each page's text and the right-most point where a piece of text starts on it."""
    out = []
    for page in _reader().pages:
        right = [0.0]

        def visit(text, cm, tm, font, size, right=right):
            if text.strip():
                right[0] = max(right[0], cm[0] * tm[4] + cm[2] * tm[5] + cm[4])

        out.append((page.extract_text(visitor_text=visit), right[0]))
    return tuple(out)


@cache
def _book():
    return read_book(SITE)


@cache
def _chapter_ranges() -> dict[str, range]:
    """Page indices of each page of the table of contents, from the PDF's bookmarks."""
    reader = _reader()
    starts = {}
    for item in _flat(reader.outline):
        starts.setdefault(item.title, reader.get_destination_page_number(item))
    firsts = [starts[page.title] for page in _book().pages]
    ends = firsts[1:] + [len(reader.pages)]
    return {page.path: range(a, b) for page, a, b in zip(_book().pages, firsts, ends, strict=True)}


def _flat(items):
    for item in items:
        if isinstance(item, list):
            yield from _flat(item)
        else:
            yield item


def _text(path: str) -> str:
    return "\n".join(_pages()[i][0] for i in _chapter_ranges()[path])


def _article(path: str):
    return _soup(SITE / path).select_one("article.bd-article")


built = pytest.mark.built


@built
def test_the_pdf_opens_with_a_title_page_and_a_contents_that_lists_every_page():
    book = _book()
    title_page = squash(_pages()[0][0])
    assert squash(release.citation()["title"]) in title_page
    assert squash(f"Version {release.version()}") in title_page
    contents = squash(_pages()[1][0])
    for page in book.pages:
        first = _chapter_ranges()[page.path].start
        assert squash(page.title) + str(first + 1) in contents, (
            f"the contents do not say {page.title!r} starts on page {first + 1}")
    for caption in book.parts:
        assert squash(caption) in contents
    # the contents' entries are links to the chapters' first pages
    targets = [_dest_page(dest) for dest in _link_dests(1)]
    assert sorted(targets) == sorted(r.start for r in _chapter_ranges().values())


@built
def test_pages_follow_the_table_of_contents_and_every_page_is_numbered():
    ranges = list(_chapter_ranges().values())
    assert all(a.stop == b.start for a, b in pairwise(ranges)), "pages out of toc order"
    assert all(len(r) >= 1 for r in ranges)
    pages = _pages()
    assert len(pages) >= len(ranges) + 2
    # Chromium's footer prints the page number last on each page; the title page has none.
    unnumbered = [i + 1 for i, (text, _) in enumerate(pages[1:], start=1)
                  if text.strip().splitlines()[-1].strip() != str(i + 1)]
    assert unnumbered == [], f"pages without their own number in the footer: {unnumbered[:10]}"


@built
def test_every_part_and_chapter_has_a_bookmark_on_its_first_page():
    reader, book = _reader(), _book()
    top = [item for item in reader.outline if not isinstance(item, list)]
    titles = [item.title for item in top]
    for caption in book.parts:
        assert caption in titles, f"no bookmark for the part {caption!r}"
    for page in book.pages:
        first = _chapter_ranges()[page.path].start
        assert squash(page.title) in squash(_pages()[first][0]), (
            f"the bookmark {page.title!r} points at page {first + 1}, which lacks its title")
    numbered = [p for p in book.pages if re.match(r"chapters/\d\d_", p.path)]
    assert len(numbered) >= 9


def _toc_paths() -> list[str]:
    """The pages to check; without a built site, one that then fails saying so."""
    try:
        return [page.path for page in read_book(SITE).pages[1:]]
    except FileNotFoundError:
        return ["chapters/01_what_is_maintenance.html"]


@built
@pytest.mark.parametrize("path", _toc_paths())
def test_each_page_prints_its_title_and_every_number_glued_into_it(path):
    text = squash(_text(path))
    title = next(p.title for p in _book().pages if p.path == path)
    assert squash(title) in text
    glued = {" ".join(s.get_text().split()) for s in _article(path).select("span.pasted-text")}
    missing = sorted(g for g in glued if squash(g) not in text)
    assert missing == [], f"{path}: glued numbers missing from its pages: {missing}"
    if path.startswith("chapters/0"):
        assert glued, f"{path} glues no key number"


@built
def test_no_page_is_wider_than_the_paper():
    reader = _reader()
    for i, page in enumerate(reader.pages):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_PT[0]) < 1.5 and abs(height - A4_PT[1]) < 1.5, (
            f"page {i + 1} is {width:.0f} x {height:.0f} pt, not A4")
    text_edge = A4_PT[0] - MARGIN_MM["right"] * PT_PER_MM
    beyond = [(i + 1, round(x)) for i, (_, x) in enumerate(_pages()) if x > text_edge]
    assert beyond == [], f"text starts right of the margin (clipped?): {beyond[:10]}"
    summary = json.loads(PDF.with_suffix(".json").read_text())
    wide = [(c["path"], c["width_px"]) for c in summary["chapters"]
            if c["width_px"] > CONTENT_WIDTH_PX]
    assert wide == [], f"pages laid out wider than the paper's {CONTENT_WIDTH_PX} px: {wide}"


@built
def test_the_pdf_weighs_at_most_15_mb():
    assert PDF.stat().st_size <= MAX_SIZE_BYTES == 15_000_000


@built
def test_no_toggle_hint_and_no_folded_code_prints():
    for i, (text, _) in enumerate(_pages()):
        for words in TOGGLE_WORDS:
            assert words not in text, f"page {i + 1} prints {words!r}"


def _bodies(path: str) -> list[str]:
    """The squashed text of each of a page's PDF pages without its running header (the title)
    and footer (the page number), which Chromium draws after the content."""
    title = squash(next(p.title for p in _book().pages if p.path == path))
    bodies = []
    for index in _chapter_ranges()[path]:
        text = squash(_pages()[index][0])
        bodies.append(text.removesuffix(title + str(index + 1)))
    return bodies


def _printed(line: str, bodies: list[str]) -> bool:
    """Whether ``line`` is printed whole: on one page, or begun at the foot of one page and
    finished on the next."""
    if any(line in body for body in bodies):
        return True
    return any(here.endswith(line[:k]) and line[k:] in there
               for here, there in pairwise(bodies) for k in range(1, len(line)))


@built
def test_every_line_of_printed_code_is_in_the_pdf_whole():
    """Code wraps rather than being cut at the paper's edge: every line of every code block
    the page prints (folded code cells do not print) is in the text of its pages."""
    checked = 0
    for page in _book().pages:
        bodies = _bodies(page.path)
        for pre in _article(page.path).select("div.highlight pre"):
            if pre.find_parent("details"):
                continue
            for line in pre.get_text().splitlines():
                if squash(line):
                    assert _printed(squash(line), bodies), f"{page.path}: code line cut: {line!r}"
                    checked += 1
    assert checked > 100


@built
def test_solutions_print_expanded_under_their_heading():
    solutions = 0
    for page in _book().pages:
        text = squash(_text(page.path))
        for solution in _article(page.path).select("div.solution"):
            heading = solution.select_one(".admonition-title")
            body = solution.select_one("section p, p:not(.admonition-title)")
            assert squash(heading.get_text()) in text, f"{page.path}: {heading.get_text()!r}"
            if body is not None and squash(body.get_text()):
                assert squash(body.get_text())[:60] in text, (
                    f"{page.path}: solution {heading.get_text()!r} printed folded")
            solutions += 1
    assert solutions >= 9


@built
def test_the_explorer_prints_its_answer_figure_and_settings():
    explorer = "chapters/explorer.html"
    holder = _article(explorer).select_one("[data-maintbook-explorer]")
    config = json.loads(holder.select_one("script[type='application/json']").get_text())
    words, text = config["spec"]["text"], squash(_text(explorer))
    for key in ("p99", "uptime", "group.freezes", "group.month", "group.workload", "median_s",
                "p99_s", "events_per_month", "axis.freeze", "axis.share", "meter"):
        assert squash(words[key]) in text, f"the printed explorer lacks {words[key]!r} ({key})"
    defaults = config["spec"]["defaults"]
    assert squash(f"{words['median_s']} {defaults['median_s']:g}") in text, "settings not printed"
    for chapter in ("chapters/05_percentiles.html", "chapters/07_sla.html"):
        if _article(chapter).select_one("[data-maintbook-explorer]"):
            assert squash(words["group.freezes"]) in squash(_text(chapter))


@cache
def _page_numbers() -> dict[int, int]:
    return {page.indirect_reference.idnum: i for i, page in enumerate(_reader().pages)}


def _dest_page(dest) -> int:
    """The page index an explicit destination ``[page /XYZ left top zoom]`` points at."""
    return _page_numbers()[dest[0].idnum]


def _link_dests(page_index: int):
    for annot in _reader().pages[page_index].get("/Annots", []) or []:
        annot = annot.get_object()
        if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
            yield annot["/Dest"]


@built
def test_links_between_chapters_jump_inside_the_pdf():
    from pypdf.generic import NullObject

    reader, ranges = _reader(), _chapter_ranges()
    glossary = ranges["appendix/glossary.html"]
    local, into_glossary = [], []
    for path, pages in ranges.items():
        for index in pages:
            for annot in reader.pages[index].get("/Annots", []) or []:
                annot = annot.get_object()
                uri = str((annot.get("/A") or {}).get("/URI", ""))
                if re.match(r"https?://(127\.0\.0\.1|localhost)", uri):
                    local.append((index + 1, uri))
            if path.startswith("chapters/"):
                into_glossary += [(_dest_page(d), float(d[3])) for d in _link_dests(index)
                                  if _dest_page(d) in glossary and not isinstance(d[3], NullObject)]
    assert local == [], f"links to the print server left in the PDF: {local[:5]}"
    # a term's link lands on its definition: many different places in the glossary
    assert len(into_glossary) >= 10, "chapters' glossary links do not lead into the glossary"
    assert len(set(into_glossary)) >= 10, f"glossary links all land at {set(into_glossary)}"


@built
def test_metadata_names_the_book_its_authors_licence_version_and_language():
    reader, cite = _reader(), release.citation()
    info = reader.metadata
    assert info["/Title"] == _book().title == cite["title"]
    for author in cite["authors"]:
        assert author["name"] in info["/Author"]
    assert info["/Version"] == release.version()
    for spdx in cite["license"]:
        assert spdx.replace("-", " ") in info["/License"].replace("-", " ")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    xmp = reader.xmp_metadata
    assert xmp.dc_title["x-default"] == cite["title"]
    assert xmp.dc_rights["x-default"] == info["/License"]


@built
@pytest.mark.parametrize("lang", built_editions(SITE) or [SOURCE_LANG])
def test_every_page_offers_the_book_pdf_and_the_link_leads_to_it(lang):
    """The download menu's "Book (PDF)" is a relative link to the PDF copied into the site; the
    pdf stage runs before these tests, so the link never 404s here (nor offline)."""
    site = edition_site(SITE, lang)
    built_pdf = ROOT / "_build" / "pdf" / pdf_name(lang)
    for page in read_book(site).pages:
        link = _soup(site / page.path).select_one("a.btn-download-book-pdf-button")
        assert link is not None, f"{page.path}: no PDF in the download menu"
        target = (site / page.path).parent / link["href"]
        assert target.resolve() == (site / pdf_name(lang)).resolve(), link["href"]
        assert target.exists(), f"{page.path}: {link['href']} is missing: run `make pdf`"
    assert (site / pdf_name(lang)).read_bytes() == built_pdf.read_bytes()


# === Mechanisms, without the built book ===

def test_each_edition_has_its_own_pdf_and_site(tmp_path):
    assert pdf_name("en") == "maintbook.pdf"
    assert pdf_name("ja") == "maintbook-ja.pdf"
    assert edition_site(tmp_path, "ja") == tmp_path / "ja"
    assert built_editions(tmp_path) == []
    (tmp_path / "index.html").write_text("<html lang='en'></html>")
    (tmp_path / "ja").mkdir()
    (tmp_path / "ja" / "index.html").write_text("<html lang='ja'></html>")
    assert built_editions(tmp_path) == ["en", "ja"]


def test_a_translated_edition_that_is_not_built_is_refused(tmp_path):
    from tools.build_pdf import build

    with pytest.raises(FileNotFoundError, match="make book"):
        build("ja", site_root=tmp_path, out_dir=tmp_path / "pdf")
    with pytest.raises(ValueError, match="lang must be one of"):
        build("fr", site_root=tmp_path, out_dir=tmp_path / "pdf")


def test_the_licence_sentence_names_both_licences_of_the_citation():
    sentence = licence_text()
    assert "CC BY 4.0" in sentence and "MIT" in sentence


@pytest.mark.browser
def test_a_page_printed_from_page_n_numbers_its_pages_n_on(browser):
    """The footer template counts from the start of what Chromium prints and runs no script:
    blank pages laid before the content, then cut off, make it count from page n."""
    from pypdf import PdfReader

    tab = browser.new_page()
    try:
        tab.set_content("<style>p { break-after: page; }</style>"
                        + "".join(f"<p>content {i}</p>" for i in range(3)))
        tab.evaluate(PAD_JS, 36)
        reader = PdfReader(io.BytesIO(tab.pdf(**pdf_options(37, "header"))))
    finally:
        tab.close()
    texts = [page.extract_text() for page in reader.pages]
    assert [t.split()[-1] for t in texts] == ["37", "38", "39"]
    assert all(f"content {i}" in t for i, t in enumerate(texts)), texts  # blank pages gone
