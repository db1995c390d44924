"""The built pages, read as HTML: what a reader sees, without a browser.

Run after `make book` (``make test`` runs these with the browser tests, after the build).
"""

from __future__ import annotations

import ast
import re

import pytest
from bs4 import BeautifulSoup, Comment

from book_pages import JAPANESE_CHARS, site_paths
from conftest import SITE

pytestmark = pytest.mark.built

JAPANESE = re.compile(f"[{JAPANESE_CHARS}]")
SCAFFOLDING = ("NBVAL_CHECK_OUTPUT", "KeyNumbers", "plotting.setup")


def _chapter_pages() -> list[str]:
    return [p for p in site_paths() if p.split("/")[-2:-1] == ["chapters"]]


def _every_page() -> list[str]:
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                  if not p.relative_to(SITE).parts[0].startswith("_"))


def _soup(path: str) -> BeautifulSoup:
    file = SITE / path
    if not file.exists():
        pytest.fail(f"{path} is not built: run `make book` first (make test does it)")
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def _visible_strings(root):
    for text in root.find_all(string=True):
        if isinstance(text, Comment) or text.find_parent(["script", "style", "template"]):
            continue
        yield text


def _nearest_lang(element) -> str:
    while element is not None:
        if getattr(element, "attrs", None) and element.get("lang") is not None:
            return element["lang"]
        element = element.parent
    return ""


@pytest.mark.parametrize("path", _every_page())
def test_no_japanese_character_lacks_a_japanese_language_mark(path):
    soup = _soup(path)
    unmarked = [str(t).strip()[:60] for t in _visible_strings(soup.body or soup)
                if JAPANESE.search(t) and not _nearest_lang(t.parent).lower().startswith("ja")]
    assert unmarked == [], f"{path}: Japanese text without lang=\"ja\": {unmarked}"


def _imports_only(code: str) -> bool:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    return bool(tree.body) and all(isinstance(s, ast.Import | ast.ImportFrom) for s in tree.body)


def scaffolding_on_page(soup: BeautifulSoup) -> list[str]:
    """What a reader should not see on a chapter page: the book's test scaffolding, and code
    cells that show nothing (other than the imports cell, whose point is its code)."""
    article = soup.select_one("article") or soup.body
    problems = []
    text = " ".join(_visible_strings(article))
    for word in SCAFFOLDING:
        if word in text:
            problems.append(f"shows {word!r}")
    for cell in article.select("div.cell"):
        code_box = cell.select_one("div.cell_input")
        if code_box is None or code_box.find_parent("details"):
            continue  # input removed or folded: the cell shows its output only
        output = cell.select_one("div.cell_output")
        code = code_box.get_text().strip()
        if (output is None or not output.get_text(strip=True) and not output.find(
                ["img", "svg", "table", "div"])) and not _imports_only(code):
            problems.append(f"a code cell with no visible output: {code.splitlines()[0][:70]!r}")
    return problems


def test_the_scaffolding_check_finds_what_it_is_meant_to_find():
    page = BeautifulSoup(
        "<article>"
        '<div class="cell"><div class="cell_input">import numpy as np\nfrom maintsim import sla'
        "</div></div>"
        '<div class="cell"><div class="cell_input">x = 1</div></div>'
        '<div class="cell"><div class="cell_input">print(x)</div>'
        '<div class="cell_output"><pre>1</pre></div></div>'
        '<div class="cell"><details><div class="cell_input">y = 2</div></details>'
        '<div class="cell_output"><pre>2</pre></div></div>'
        '<div class="cell"><div class="cell_input"># NBVAL_CHECK_OUTPUT\nkey</div>'
        '<div class="cell_output"><pre>Key numbers</pre></div></div>'
        "</article>", "html.parser")
    assert scaffolding_on_page(page) == [
        "shows 'NBVAL_CHECK_OUTPUT'", "a code cell with no visible output: 'x = 1'"]


@pytest.mark.parametrize("path", _chapter_pages())
def test_a_chapter_page_shows_no_test_scaffolding_and_no_silent_code(path):
    problems = scaffolding_on_page(_soup(path))
    assert problems == [], f"{path}: " + "; ".join(problems)


@pytest.mark.parametrize("path", site_paths())
def test_every_page_names_its_icon_and_logo_and_both_exist(path):
    soup = _soup(path)
    page_dir = (SITE / path).parent
    icons = [link["href"] for link in soup.select('link[rel~="icon"]')]
    logos = [img["src"] for img in soup.select("img.logo__image")]
    assert icons and logos, f"{path}: icon links {icons}, logo images {logos}"
    missing = [ref for ref in icons + logos if not (page_dir / ref.split("?")[0]).exists()]
    assert missing == [], f"{path} refers to missing files {missing}"


def test_the_site_root_serves_a_favicon_for_browsers_that_ask_for_it():
    ico = (SITE / "favicon.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00", "favicon.ico is not an ICO file"


@pytest.mark.parametrize("path", site_paths())
def test_mathjax_is_loaded_exactly_where_there_is_mathematics(path):
    soup = _soup(path)
    has_math = soup.select_one("article .math") is not None
    loads_mathjax = any("tex-chtml.js" in s.get("src", "") for s in soup.find_all("script"))
    assert loads_mathjax == has_math, f"{path}: math {has_math}, MathJax {loads_mathjax}"


def test_font_awesome_s_svg_script_is_not_served():
    script = SITE / "_static" / "scripts" / "fontawesome.js"
    assert script.stat().st_size < 1000, "the theme's 1.5 MB Font Awesome script is served"
