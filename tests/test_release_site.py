"""The built site as a link, a citation and a book that quotes its own numbers.

Reads the pages of ``_build/html`` (``make book``; runs in the browser stage of ``make test``,
after the build): link-preview metadata on every page, the social card, the version in the
footer, the Colab button, and the glued key numbers in the prose.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import nbformat
import pytest
from bs4 import BeautifulSoup
from tools import notebooks as nbtool
from tools import release, social_card

from book_pages import chapter_notebooks, edition_of, site_paths
from conftest import SITE
from maintsim import language

pytestmark = pytest.mark.browser

CHAPTERS = chapter_notebooks()


def _page(path: str) -> BeautifulSoup:
    file = SITE / path
    if not file.exists():
        pytest.fail("the book is not built: run `make book` first (make test does it)")
    return BeautifulSoup(file.read_text(), "html.parser")


def _meta(soup: BeautifulSoup, key: str) -> str:
    tags = soup.find_all("meta", attrs={"property": key}) or soup.find_all("meta",
                                                                           attrs={"name": key})
    assert len(tags) == 1, f"{len(tags)} <meta> {key}"
    return tags[0]["content"]


@pytest.mark.parametrize("path", site_paths())
def test_every_page_has_a_link_preview_with_the_social_card(path):
    soup = _page(path)
    site, edition = release.site_url(), edition_of(path)
    url = _meta(soup, "og:url")
    assert url == site + path
    assert soup.find("link", rel="canonical")["href"] == url
    assert _meta(soup, "og:title") == soup.find("h1").get_text().strip().rstrip("#").strip()
    description = _meta(soup, "description")
    assert 20 <= len(description) <= 200 and "\n" not in description
    assert _meta(soup, "og:description") == description
    with language.using(edition.lang):  # a translated edition names itself in its language
        assert _meta(soup, "og:site_name") == language.text(release.config()["title"])
        assert _meta(soup, "og:image:alt") == language.text(social_card.ALT)
    assert _meta(soup, "og:image") == site + edition.prefix + "_static/social-card.png"
    assert (_meta(soup, "og:image:width"), _meta(soup, "og:image:height")) == ("1200", "630")
    assert _meta(soup, "twitter:card") == "summary_large_image"


def test_the_site_is_published_at_the_github_pages_address_of_the_repository():
    owner, repo = urlparse(release.repository_url()).path.strip("/").split("/")
    assert release.site_url() == f"https://{owner.lower()}.github.io/{repo}/"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_a_chapters_preview_describes_it_with_its_one_line_promise(path):
    title_cell = nbformat.read(path, as_version=4).cells[0].source
    promise = re.search(r"^\*(.+?)\*$", title_cell.split("\n\n")[1], re.S).group(1)
    # A role shows its text on the page: {term}`x <y>` reads x.
    promise = re.sub(r"\{[a-z:]+\}`([^`<]*?)\s*(?:<[^>`]*>)?`", r"\1", promise)
    expected = " ".join(promise.split())
    shown = _meta(_page(f"chapters/{path.stem}.html"), "description")
    plain = shown.replace("“", '"').replace("”", '"').replace("’", "'").rstrip("…")
    assert expected.startswith(plain)


def test_the_social_card_on_the_site_is_the_committed_1200_by_630_figure():
    built = (SITE / "_static" / "social-card.png").read_bytes()
    assert built == social_card.CARD.read_bytes()
    assert social_card.png_size(built) == (1200, 630)


@pytest.mark.parametrize("path", site_paths())
def test_the_footer_names_the_release(path):
    footer = _page(path).find(class_="maintbook-release")
    assert footer is not None and f"maintbook {release.version()}" in footer.get_text()
    links = [a["href"] for a in footer.find_all("a")]
    repo = release.repository_url()
    assert links == [f"{repo}/blob/main/CITATION.cff", f"{repo}/blob/main/CHANGELOG.md"]


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_the_colab_button_opens_the_chapter_from_the_configured_repository(path):
    url, branch = nbtool.repository()
    owner_repo = urlparse(url).path.strip("/")
    soup = _page(f"chapters/{path.stem}.html")
    hrefs = [a["href"] for a in soup.find_all("a", href=re.compile("colab.research.google.com"))]
    assert hrefs == [f"https://colab.research.google.com/github/{owner_repo}/blob/{branch}/"
                     f"chapters/{path.name}"]


def _key_numbers(nb) -> dict[str, str]:
    (cell,) = [c for c in nb.cells if nbtool.is_checked(c)]
    table = "".join(o["data"]["text/plain"] for o in cell.outputs if "data" in o)
    rows = re.findall(r"^  (\S+) +(.+?)(?:   # .*)?$", table, re.M)
    return dict(rows)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_the_prose_shows_every_glued_key_number_as_the_code_formatted_it(path):
    nb = nbformat.read(path, as_version=4)
    values = _key_numbers(nb)
    quoted = re.findall(r"\{glue:text\}`([^`]+)`",
                        "\n".join(c.source for c in nb.cells if c.cell_type == "markdown"))
    assert quoted, "a chapter quotes its key numbers"
    shown = [s.get_text() for s in _page(f"chapters/{path.stem}.html")
             .find_all("span", class_="pasted-text")]
    assert shown == [values[name] for name in quoted]
