"""Print the built site as one PDF book: ``make pdf`` (after ``make book``).

Jupyter Book's own routes fail on this book (``pdfhtml``: the ``{fa}`` role and sphinx-exercise's
``HiddenCellNode``, jupyter-book#2322; LaTeX drops every plotly figure and needs about 750 MB of
TeX). Instead each page of ``_toc.yml`` is opened in Debian's Chromium (Playwright), laid out by
the site's print stylesheet (``_ext/static/print.css``) at the width of the paper, and printed;
``pypdf`` joins the pieces:

1. a title page (title, authors, version, licences, addresses: ``CITATION.cff``,
   ``maintsim.__version__`` via ``tools/release.py``, ``_config.yml``) and a table of contents
   (parts, and chapters with their page numbers, read from the built pages);
2. every page of the table of contents in its order, numbered continuously by Chromium's footer
   template. A footer template runs no script and counts pages from the start of what it prints,
   so a page that starts on page ``n`` is printed with ``n - 1`` blank pages laid before it and
   only pages ``n..`` kept (``page_ranges``);
3. bookmarks for every part and chapter, and each chapter's sections from Chromium's outline;
4. links: a link to another page of the book (the table of contents' too) jumps to that page, or
   to the heading or target it names; any other link into the site (a download, or the explorer
   set up by a query string) goes to the published site;
5. metadata: title, authors, subject, keywords, licence, version and language (Info and XMP).

An edition is a language: English is the site's root (``_build/html``), a translation lives in
``_build/html/<lang>/`` with the same page paths. ``make pdf`` prints every edition that is built
(``--lang`` picks one) into ``_build/pdf/maintbook.pdf`` (``maintbook-<lang>.pdf``) and copies it
to the root of its edition's site, where the download menu links to it
(``_ext/print_edition.py``). A summary (page ranges, overflow, time) is written beside it as
``.json``; the tests read the PDF itself.
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import io
import json
import shutil
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import editions  # noqa: E402

SITE_ROOT = ROOT / "_build" / "html"
OUT_DIR = ROOT / "_build" / "pdf"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SOURCE_LANG = editions.SOURCE
LANGUAGES = tuple(edition.lang for edition in editions.EDITIONS)
"""Editions that ``make pdf`` looks for: English at the site's root, the others under
``<lang>/`` (``tools/editions.py``)."""

PAPER = "A4"
PAPER_MM = (210.0, 297.0)
MARGIN_MM = {"top": 20.0, "right": 16.0, "bottom": 18.0, "left": 16.0}
PX_PER_MM = 96 / 25.4
PT_PER_MM = 72 / 25.4
CONTENT_WIDTH_PX = int((PAPER_MM[0] - MARGIN_MM["left"] - MARGIN_MM["right"]) * PX_PER_MM)
"""The width a page is laid out at: the paper less its margins, in CSS pixels (672)."""
MAX_SIZE_BYTES = 15_000_000

WORDS = {
    "en": {"contents": "Contents", "version": "Version", "online": "Online edition",
           "source": "Source", "licence": "Licence"},
    "ja": {"contents": "目次", "version": "版", "online": "オンライン版", "source": "ソース",
           "licence": "ライセンス"},
}

# Wait until every explorer of the page has mounted and drawn its figure, then write their
# settings as text (print.js); returns how many there are.
EXPLORERS_JS = """async () => {
  const n = document.querySelectorAll('[data-maintbook-explorer]').length;
  if (!n) return 0;
  for (let i = 0; i < 300 && !((window.maintbook?.explorers?.length ?? 0) >= n); i++)
    await new Promise(r => setTimeout(r, 50));
  const explorers = window.maintbook?.explorers ?? [];
  if (explorers.length < n) throw new Error(`${explorers.length} of ${n} explorers mounted`);
  await Promise.all(explorers.map(e => e.drawn()));
  for (const e of explorers)
    if (!e.element.querySelector('.mbx-plot svg.main-svg')) throw new Error('explorer not drawn');
  if (!window.maintbook.printSettings) throw new Error('print.js is missing on this page');
  window.maintbook.printSettings();
  return n;
}"""

# Headings that print, in order, with the id a link to them uses (their section's).
HEADINGS_JS = """() => [...document.querySelectorAll('article.bd-article :is(h1, h2, h3)')]
  .filter(h => h.getClientRects().length)
  .map(h => ({id: h.closest('section')?.id || h.id || '', level: Number(h.tagName[1]),
              text: [...h.childNodes].filter(n => !(n.classList?.contains('headerlink')))
                    .map(n => n.textContent).join('').replace(/\\s+/g, ' ').trim()}))"""

OVERFLOW_JS = "() => document.documentElement.scrollWidth"

# Chromium writes a named destination for each target of a link in the document it prints, and
# only for those. Links from other pages (a glossary term, a citation) are added here, in a box
# of no height whose links draw nothing and make no link annotation, so that their targets get
# destinations too and the joined PDF can point at them.
ANCHORS_JS = """(ids) => {
  const box = document.createElement('div');
  box.id = 'maintbook-pdf-anchors';
  box.style.cssText = 'height: 0; overflow: hidden;';
  for (const id of ids) {
    if (!document.getElementById(id)) continue;
    const link = document.createElement('a');
    link.href = '#' + encodeURIComponent(id);
    link.textContent = '.';
    box.append(link);
  }
  (document.querySelector('article.bd-article') || document.body).prepend(box);
  return box.children.length;
}"""

PAD_JS = """(n) => {
  const pad = document.createElement('div');
  pad.id = 'maintbook-pdf-pad';
  for (let i = 0; i < n; i++) {
    const blank = document.createElement('div');
    blank.style.cssText = 'break-after: page; height: 1px; margin: 0; padding: 0;';
    pad.append(blank);
  }
  document.body.prepend(pad);
}"""


def pdf_name(lang: str) -> str:
    """The PDF's file name: ``maintbook.pdf``, ``maintbook-ja.pdf`` for the Japanese edition."""
    return "maintbook.pdf" if lang == SOURCE_LANG else f"maintbook-{lang}.pdf"


def edition_site(site_root: Path, lang: str) -> Path:
    """Where an edition's pages are: the site's root, or ``<lang>/`` under it."""
    return site_root if lang == SOURCE_LANG else site_root / lang


def built_editions(site_root: Path = SITE_ROOT) -> list[str]:
    """The languages whose site is built (English first)."""
    return [lang for lang in LANGUAGES if (edition_site(site_root, lang) / "index.html").exists()]


# === What the book holds ===

@dataclass(frozen=True)
class Page:
    path: str
    """Site path, e.g. ``chapters/07_sla.html``."""
    title: str
    """Its title as the site shows it, with its number: ``7. The SLA and monthly uptime``."""
    part: str | None
    """The caption of its part, ``None`` for the welcome page."""


@dataclass(frozen=True)
class Book:
    lang: str
    title: str
    pages: tuple[Page, ...]
    parts: tuple[str, ...]


def toc_parts(toc_path: Path = ROOT / "_toc.yml") -> tuple[str, list[list[str]]]:
    """The root file and, for each part, its files in order (without extension)."""
    import yaml

    toc = yaml.safe_load(toc_path.read_text())
    parts = []
    for part in toc.get("parts", []):
        files = []
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files.extend(section["file"] for section in chapter.get("sections", []))
        parts.append(files)
    return toc["root"], parts


def _soup(path: Path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_title(soup) -> str:
    """The page's first heading as it prints (section number included, the ``#`` link not)."""
    heading = soup.select_one("article.bd-article h1")
    if heading is None:
        raise ValueError("page has no <h1> in its article")
    for link in heading.select("a.headerlink"):
        link.decompose()
    return " ".join(heading.get_text().split())


def read_book(site: Path, toc_path: Path = ROOT / "_toc.yml") -> Book:
    """The book as an edition's built pages show it: language, title, parts and page titles,
    in the order of ``_toc.yml``."""
    root_file, part_files = toc_parts(toc_path)
    index = site / f"{root_file}.html"
    if not index.exists():
        raise FileNotFoundError(f"{index} is missing: run `make book` first")
    soup = _soup(index)
    lang = (soup.html.get("lang") or SOURCE_LANG).split("-")[0]
    meta = soup.find("meta", attrs={"property": "og:site_name"})
    title = meta["content"] if meta else " ".join(soup.title.get_text().split())
    nav = soup.select_one("nav.bd-docs-nav")
    captions = [" ".join(c.get_text().split()) for c in nav.select("p.caption .caption-text")]
    if len(captions) != len(part_files):
        raise ValueError(f"{index}: {len(captions)} part captions in the navigation, "
                         f"{len(part_files)} parts in _toc.yml")
    pages = [Page(f"{root_file}.html", page_title(soup), None)]
    for caption, files in zip(captions, part_files, strict=True):
        for name in files:
            pages.append(Page(f"{name}.html", page_title(_soup(site / f"{name}.html")), caption))
    return Book(lang, title, tuple(pages), tuple(captions))


def link_targets(site: Path, book: Book) -> dict[str, list[str]]:
    """For each page, the ids that links on the book's other pages point at."""
    from urllib.parse import urljoin

    paths = {page.path for page in book.pages}
    found: dict[str, set[str]] = {path: set() for path in paths}
    for page in book.pages:
        for link in _soup(site / page.path).select("article.bd-article a[href]"):
            parsed = urlparse(urljoin(f"http://book/{page.path}", link["href"]))
            path = unquote(parsed.path).lstrip("/")
            if parsed.netloc == "book" and path in paths and path != page.path and parsed.fragment:
                found[path].add(unquote(parsed.fragment))
    return {path: sorted(ids) for path, ids in found.items()}


# === Front matter ===

FRONT_CSS = """
  @page { size: A4; }
  body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK JP",
         sans-serif; color: #111; margin: 0; }
  .title-page { display: flex; flex-direction: column; min-height: 245mm; }
  .title-page img { width: 28mm; height: auto; margin: 30mm 0 8mm; }
  .title-page h1 { font-size: 30pt; line-height: 1.15; margin: 0 0 6mm; }
  .title-page .authors { font-size: 15pt; margin: 0 0 3mm; }
  .title-page .version { font-size: 12pt; color: #444; margin: 0 0 12mm; }
  .title-page .abstract { font-size: 11pt; line-height: 1.5; max-width: 150mm; }
  .title-page .colophon { margin-top: auto; font-size: 10pt; line-height: 1.6; color: #333; }
  .title-page a { color: #0a58a8; text-decoration: none; }
  h2 { font-size: 22pt; margin: 0 0 8mm; }
  .toc { list-style: none; padding: 0; margin: 0; font-size: 11.5pt; }
  .toc li { break-inside: avoid; }
  .toc .part { font-weight: 700; margin: 5mm 0 1.5mm; }
  .toc a { display: flex; gap: 2mm; color: #111; text-decoration: none; padding: 0.8mm 0; }
  .toc .chapter a { padding-left: 6mm; }
  .toc .fill { flex: 1; border-bottom: 1px dotted #888; margin-bottom: 1.2mm; }
"""


def title_page_html(book: Book, base_url: str, logo: bool) -> str:
    from tools import release

    cite, cfg = release.citation(), release.config()
    words = WORDS.get(book.lang, WORDS[SOURCE_LANG])
    authors = ", ".join(a.get("name") or " ".join(
        filter(None, (a.get("given-names"), a.get("family-names")))) for a in cite["authors"])
    licence = licence_text()
    site, repo = release.site_url(cfg), release.repository_url(cfg)
    picture = f'<img src="{base_url}/_static/logo.svg" alt="">' if logo else ""
    e = html.escape
    return f"""<!doctype html><html lang="{e(book.lang)}"><head><meta charset="utf-8">
<title>{e(book.title)}</title><style>{FRONT_CSS}</style></head><body>
<section class="title-page">{picture}
<h1>{e(book.title)}</h1>
<p class="authors">{e(authors)}</p>
<p class="version">{e(words["version"])} {e(release.version())}</p>
<p class="abstract">{e(" ".join(cite["abstract"].split()))}</p>
<div class="colophon">
<p>{e(words["online"])}: <a href="{e(site)}">{e(site)}</a><br>
{e(words["source"])}: <a href="{e(repo)}">{e(repo)}</a><br>
{e(words["licence"])}: {e(licence)}</p>
</div></section></body></html>"""


def contents_html(book: Book, base_url: str, starts: dict[str, int] | None) -> str:
    """The table of contents: the welcome page, then each part and its chapters, with the page
    each starts on (``starts``; ``None`` lays out placeholders of the same width)."""
    words = WORDS.get(book.lang, WORDS[SOURCE_LANG])
    e = html.escape

    def entry(page: Page, cls: str) -> str:
        number = str(starts[page.path]) if starts else "000"
        return (f'<li class="{cls}"><a href="{base_url}/{e(page.path)}"><span>{e(page.title)}'
                f'</span><span class="fill"></span><span>{number}</span></a></li>')

    items = [entry(book.pages[0], "front")]
    for caption in book.parts:
        items.append(f'<li class="part">{e(caption)}</li>')
        items.extend(entry(p, "chapter") for p in book.pages if p.part == caption)
    return f"""<!doctype html><html lang="{e(book.lang)}"><head><meta charset="utf-8">
<title>{e(words["contents"])}</title><style>{FRONT_CSS}</style></head><body>
<h2>{e(words["contents"])}</h2><ul class="toc">{"".join(items)}</ul></body></html>"""


def licence_text() -> str:
    """The licence sentence of the site's footer (``_config.yml``), e.g. "Text licensed CC BY
    4.0, code MIT."; it must name every licence of CITATION.cff."""
    from tools import release

    footer = release.config()["html"]["extra_footer"]
    sentence = footer.strip().split(". ")[0].rstrip(".") + "."
    licences = release.citation()["license"]
    for spdx in licences if isinstance(licences, list) else [licences]:
        if spdx.replace("-", " ") not in sentence.replace("-", " "):
            raise ValueError(f"the footer's licence sentence {sentence!r} does not name {spdx}")
    return sentence


# === Printing ===

def _template(text: str, align: str) -> str:
    return (f'<div style="width:100%; font-size:8pt; color:#555; padding:0 {MARGIN_MM["left"]}mm;'
            f' text-align:{align}; font-family:system-ui, sans-serif;">{text}</div>')


def pdf_options(first_page: int, header: str | None) -> dict:
    """``page.pdf`` options: A4, the margins, page numbers from ``first_page`` on (after as many
    blank pages, see :data:`PAD_JS`) and ``header`` at the top of each page."""
    options = {"format": PAPER, "print_background": True, "outline": True,
               "margin": {k: f"{v}mm" for k, v in MARGIN_MM.items()}}
    if header is not None:
        options.update(
            display_header_footer=True,
            header_template=_template(html.escape(header), "right"),
            footer_template=_template('<span class="pageNumber"></span>', "center"))
    if first_page > 1:
        options["page_ranges"] = f"{first_page}-"
    return options


@dataclass
class Printed:
    page: Page
    pdf: bytes
    pages: int = 0
    start: int = 0  # the page it starts on in the book, 1-based
    headings: list[dict] = field(default_factory=list)
    width_px: int = 0
    explorers: int = 0
    seconds: float = 0.0


def _count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def print_page(tab, url: str, first_page: int, header: str | None,
               anchors: list[str]) -> tuple[bytes, dict]:
    """Print one built page starting at book page ``first_page``, with a destination for each
    id of ``anchors``; returns the PDF and what was measured (headings, layout width,
    explorers)."""
    from tools.page_weight import settle

    tab.goto(url, wait_until="load")
    if not settle(tab):
        raise RuntimeError(f"{url}: a plotly figure did not draw")
    explorers = tab.evaluate(EXPLORERS_JS)
    measured = {"headings": tab.evaluate(HEADINGS_JS), "width_px": tab.evaluate(OVERFLOW_JS),
                "explorers": explorers}
    tab.evaluate(ANCHORS_JS, anchors)
    if first_page > 1:
        tab.evaluate(PAD_JS, first_page - 1)
    return tab.pdf(**pdf_options(first_page, header)), measured


def print_html(tab, document: str, first_page: int, numbered: bool) -> bytes:
    tab.set_content(document, wait_until="load")
    tab.evaluate("document.fonts.ready.then(() => true)")
    if first_page > 1:
        tab.evaluate(PAD_JS, first_page - 1)
    return tab.pdf(**pdf_options(first_page, "" if numbered else None))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)  # Chromium drops requests it no
            # longer needs (a page left while a font loads): not an error


def serve(directory: Path) -> http.server.ThreadingHTTPServer:
    """Serve ``directory`` on a free port of 127.0.0.1 (module scripts need http://)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# === Joining ===

def _dest_array(writer, page_index: int, top: float | None):
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NullObject

    return ArrayObject([writer.pages[page_index].indirect_reference, NameObject("/XYZ"),
                        NullObject(), NullObject() if top is None else FloatObject(top),
                        NullObject()])


def _targets(reader, printed: Printed) -> dict[str, tuple[int, float | None]]:
    """Where each target of one printed page lands: ``id -> (book page index, top)``, from
    Chromium's named destinations (targets of the page's own links) and its outline (headings,
    matched in order with the headings that print)."""
    offset = printed.start - 1
    found: dict[str, tuple[int, float | None]] = {}
    outline = list(_walk(reader, reader.outline))
    if len(outline) == len(printed.headings):
        for (index, top, _), heading in zip(outline, printed.headings, strict=True):
            if heading["id"]:
                found.setdefault(heading["id"], (offset + index, top))
    for name, dest in reader.named_destinations.items():
        found[name.lstrip("/")] = (offset + reader.get_destination_page_number(dest),
                                   _top(dest))
    return found


def _top(dest) -> float | None:
    try:
        return float(dest.top) if dest.top is not None else None
    except (AttributeError, TypeError, ValueError):
        return None


def _walk(reader, items, depth: int = 0):
    """Chromium's outline, depth first: ``(page index, top, depth)``."""
    for item in items:
        if isinstance(item, list):
            yield from _walk(reader, item, depth + 1)
        else:
            yield reader.get_destination_page_number(item), _top(item), depth


def join(book: Book, front: list[bytes], printed: list[Printed], base_url: str,
         site_url: str):
    """One PdfWriter: the front matter and every printed page, with bookmarks and links."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    for part in front:
        writer.append(PdfReader(io.BytesIO(part)), import_outline=False)
    front_pages = len(writer.pages)
    readers = []
    for item in printed:
        reader = PdfReader(io.BytesIO(item.pdf))
        readers.append(reader)
        writer.append(reader, import_outline=False)
    if "/Dests" in writer._root_object:  # names clash between pages ("summary"); links are
        del writer._root_object["/Dests"]  # made explicit below
    if "/Names" in writer._root_object:
        del writer._root_object["/Names"]

    starts = {p.page.path: p.start - 1 for p in printed}
    targets = {p.page.path: _targets(r, p) for p, r in zip(printed, readers, strict=True)}
    base = urlparse(base_url)
    stats = {"internal": 0, "site": 0, "to_page": 0, "unresolved": 0}
    prefix = "" if book.lang == SOURCE_LANG else f"{book.lang}/"

    def resolve(uri: str):
        """A link's new target: ``("page", index, top)``, ``("uri", address)`` or ``None``."""
        parsed = urlparse(uri)
        if parsed.netloc != base.netloc:
            return None
        path = unquote(parsed.path).lstrip("/")
        path = path.removeprefix(prefix) if prefix else path
        if path.endswith("/") or not path:
            path += "index.html"
        if path == "index.html":
            path = book.pages[0].path
        if path in starts and not parsed.query:  # a query sets up the live explorer: online
            index, top = starts[path], None
            fragment = unquote(parsed.fragment)
            if fragment in targets[path]:
                index, top = targets[path][fragment]
            elif fragment:
                stats["to_page"] += 1  # a target that does not print: the page's first page
            return ("page", index, top)
        address = site_url + prefix + path + (f"?{parsed.query}" if parsed.query else "") + (
            f"#{parsed.fragment}" if parsed.fragment else "")
        return ("uri", address)

    ranges = [(0, None)] + [(p.start - 1, p.page.path) for p in printed]
    if printed and printed[0].start - 1 != front_pages:
        raise RuntimeError(f"the front matter has {front_pages} pages, the first page starts "
                           f"on page {printed[0].start}")
    bounds = [r[0] for r in ranges] + [len(writer.pages)]
    for (first, path), end in zip(ranges, bounds[1:], strict=True):
        for index in range(first, end):
            page = writer.pages[index]
            for annot in page.get("/Annots", []) or []:
                annot = annot.get_object()
                if annot.get("/Subtype") != "/Link":
                    continue
                action = annot.get("/A")
                dest = annot.get("/Dest")
                target = None
                if action is not None and action.get_object().get("/S") == "/URI":
                    target = resolve(str(action.get_object()["/URI"]))
                elif dest is not None and not isinstance(dest, list) and path is not None:
                    name = str(dest).lstrip("/")
                    if name in targets[path]:
                        target = ("page",) + targets[path][name]
                    else:
                        target = ("page", starts[path], None)
                        stats["unresolved"] += 1
                if target is None:
                    continue
                if target[0] == "page":
                    annot.pop(NameObject("/A"), None)
                    annot[NameObject("/Dest")] = _dest_array(writer, target[1], target[2])
                    stats["internal"] += 1
                else:
                    annot[NameObject("/A")] = DictionaryObject({
                        NameObject("/S"): NameObject("/URI"),
                        NameObject("/URI"): TextStringObject(target[1])})
                    stats["site"] += 1
    _outline(writer, book, printed, readers)
    return writer, stats


def _outline(writer, book: Book, printed: list[Printed], readers) -> None:
    """Bookmarks: contents, the welcome page, each part with its chapters, and each chapter's
    sections (its h2 headings, and their h3 under them, as Chromium's outline places them)."""
    from pypdf.generic import Fit

    words = WORDS.get(book.lang, WORDS[SOURCE_LANG])
    writer.add_outline_item(title=words["contents"], page_number=1)
    parents: dict[str, object] = {}
    for item, reader in zip(printed, readers, strict=True):
        parent = None
        if item.page.part is not None:
            if item.page.part not in parents:
                parents[item.page.part] = writer.add_outline_item(title=item.page.part,
                                                                  page_number=item.start - 1)
            parent = parents[item.page.part]
        chapter = writer.add_outline_item(title=item.page.title, page_number=item.start - 1,
                                          parent=parent,
                                          is_open=False)
        entries = list(_walk(reader, reader.outline))
        if len(entries) != len(item.headings):
            continue
        stack = {1: chapter}
        for (index, top, _), heading in list(zip(entries, item.headings, strict=True))[1:]:
            level = heading["level"]
            if level not in (2, 3) or (level - 1) not in stack:
                continue
            fit = Fit.xyz(top=top) if top is not None else Fit.fit()
            stack[level] = writer.add_outline_item(title=heading["text"],
                                                   page_number=item.start - 1 + index,
                                                   parent=stack[level - 1], fit=fit,
                                                   is_open=False)
            stack.pop(level + 1, None)
    writer.page_mode = "/UseOutlines"


def add_metadata(writer, book: Book) -> dict[str, str]:
    """Document Info and XMP: title, authors, subject, keywords, licence, version, language."""
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject
    from pypdf.xmp import XmpInformation

    from tools import release

    cite = release.citation()
    authors = [a.get("name") or " ".join(filter(None, (a.get("given-names"),
                                                      a.get("family-names"))))
               for a in cite["authors"]]
    info = {
        "/Title": book.title,
        "/Author": "; ".join(authors),
        "/Subject": " ".join(cite["abstract"].split()),
        "/Keywords": ", ".join(cite.get("keywords", [])),
        "/Creator": "maintbook tools/build_pdf.py (Chromium, pypdf)",
        "/Version": release.version(),
        "/License": licence_text(),
        "/Lang": book.lang,
    }
    writer.add_metadata(info)
    xmp = XmpInformation.create()
    xmp.dc_title = {"x-default": book.title}
    xmp.dc_creator = authors
    xmp.dc_description = {"x-default": info["/Subject"]}
    xmp.dc_rights = {"x-default": info["/License"]}
    xmp.dc_language = [book.lang]
    xmp.dc_subject = list(cite.get("keywords", []))
    xmp.pdf_keywords = info["/Keywords"]
    xmp.xmp_creator_tool = info["/Creator"]
    writer.xmp_metadata = xmp
    writer._root_object[NameObject("/Lang")] = TextStringObject(book.lang)
    writer._root_object[NameObject("/ViewerPreferences")] = DictionaryObject(
        {NameObject("/DisplayDocTitle"): BooleanObject(True)})
    return info


# === The whole book ===

def build(lang: str, site_root: Path = SITE_ROOT, out_dir: Path = OUT_DIR,
          log=print, copy_to_site: bool = True) -> dict:
    """Print edition ``lang`` of the site under ``site_root`` to ``out_dir`` (and, with
    ``copy_to_site``, to the edition's site); returns the summary also written beside the PDF."""
    from playwright.sync_api import sync_playwright

    from tools import release

    if lang not in LANGUAGES:
        raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
    site = edition_site(site_root, lang)
    started = time.perf_counter()
    book = read_book(site)
    if book.lang != lang:
        raise ValueError(f"{site}: the pages say lang={book.lang!r}, expected {lang!r}")
    anchors = link_targets(site, book)
    server = serve(site_root)
    base_url = f"http://127.0.0.1:{server.server_address[1]}" + (
        "" if lang == SOURCE_LANG else f"/{lang}")
    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"Chromium is missing at {CHROMIUM}: apt-get install chromium")
    printed: list[Printed] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": CONTENT_WIDTH_PX, "height": 1000})
            tab = context.new_page()
            tab.emulate_media(media="print")
            errors: list[str] = []
            tab.on("pageerror", lambda e: errors.append(str(e)))
            logo = (site / "_static" / "logo.svg").exists()
            title = print_html(tab, title_page_html(book, base_url, logo), 1, numbered=False)
            if _count(title) != 1:
                raise RuntimeError("the title page does not fit on one page")
            draft = print_html(tab, contents_html(book, base_url, None), 2, numbered=True)
            contents_pages = _count(draft)
            start = 2 + contents_pages
            for page in book.pages:
                t0 = time.perf_counter()
                pdf, measured = print_page(tab, f"{base_url}/{page.path}", start, page.title,
                                           anchors[page.path])
                item = Printed(page, pdf, _count(pdf), start, measured["headings"],
                               measured["width_px"], measured["explorers"],
                               time.perf_counter() - t0)
                printed.append(item)
                log(f"  {page.path:<40} pages {item.start:>3}-{item.start + item.pages - 1:<3}"
                    f" {item.seconds:5.1f} s")
                start += item.pages
            if errors:
                raise RuntimeError(f"script errors while printing: {errors}")
            starts = {item.page.path: item.start for item in printed}
            contents = print_html(tab, contents_html(book, base_url, starts), 2, numbered=True)
            if _count(contents) != contents_pages:
                raise RuntimeError("the table of contents changed length with its numbers")
            browser.close()
        printed_at = time.perf_counter()
        writer, links = join(book, [title, contents], printed, base_url,
                             release.site_url())
        info = add_metadata(writer, book)
        writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / pdf_name(lang)
        with open(target, "wb") as handle:
            writer.write(handle)
    finally:
        server.shutdown()
        server.server_close()
    joined_at = time.perf_counter()
    if copy_to_site:
        shutil.copyfile(target, site / pdf_name(lang))
    summary = {
        "pdf": str(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target),
        "lang": lang, "pages": len(writer.pages), "bytes": target.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1), "contents_pages": contents_pages,
        "print_seconds": round(printed_at - started, 1),
        "join_seconds": round(joined_at - printed_at, 1),
        "paper_width_px": CONTENT_WIDTH_PX, "links": links, "metadata": info,
        "chapters": [{**asdict(item.page), "start": item.start, "pages": item.pages,
                      "width_px": item.width_px, "explorers": item.explorers,
                      "seconds": round(item.seconds, 2)} for item in printed],
    }
    target.with_suffix(".json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    return summary


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Print the built site as one PDF per edition.")
    parser.add_argument("--lang", choices=LANGUAGES, action="append",
                        help="an edition to print (default: every edition that is built)")
    parser.add_argument("--site", type=Path, default=SITE_ROOT, help="the built site's root")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="where the PDFs go")
    args = parser.parse_args(argv)
    langs = args.lang or built_editions(args.site)
    if SOURCE_LANG not in built_editions(args.site):
        print(f"build_pdf: {args.site / 'index.html'} is missing: run `make book` first")
        return 1
    for lang in langs:
        print(f"build_pdf: printing the {lang} edition of {args.site}")
        summary = build(lang, args.site, args.out)
        too_wide = [c["path"] for c in summary["chapters"] if c["width_px"] > CONTENT_WIDTH_PX]
        print(f"build_pdf: wrote {summary['pdf']}: {summary['pages']} pages, "
              f"{summary['bytes'] / 1e6:.1f} MB in {summary['seconds']:.0f} s; links "
              f"{summary['links']}")
        if too_wide:
            print(f"build_pdf: laid out wider than the paper: {too_wide}")
            return 1
        if summary["bytes"] > MAX_SIZE_BYTES:
            print(f"build_pdf: larger than {MAX_SIZE_BYTES / 1e6:.0f} MB")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
