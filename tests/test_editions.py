"""Two editions from one source: the built English and Japanese pages, read as HTML.

``make book`` builds the English edition into ``_build/html/`` and the Japanese one into
``_build/html/ja/`` with the same page paths (``tools/editions.py``). These checks read the built
pages; the browser checks of every page of both editions are in ``tests/test_site.py``, the
translation's completeness in ``tests/test_translations.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from tools import editions, release

from book_pages import page_paths, site_paths
from conftest import SITE
from maintsim import explorer

pytestmark = pytest.mark.built

NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?")


def _soup(path: str) -> BeautifulSoup:
    file = SITE / path
    if not file.exists():
        pytest.fail(f"{path} is not built: run `make book` first (make test does it)")
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def _glued(soup: BeautifulSoup) -> list[tuple[str, str]]:
    """Every glued value of a page, in order: (its key, the text shown)."""
    return [(span["data-glue-key"], span.get_text())
            for span in soup.select("span.pasted-text[data-glue-key]")]


@pytest.mark.parametrize("path", site_paths())
def test_every_page_of_both_editions_is_built_and_says_its_language(path):
    lang = _soup(path).html.get("lang")
    assert lang == editions.edition("ja" if path.startswith("ja/") else "en").lang


def test_the_japanese_edition_has_exactly_the_pages_of_the_english_one():
    english = {p.relative_to(SITE).as_posix() for p in SITE.glob("**/*.html")
               if not p.relative_to(SITE).as_posix().startswith(("ja/", "_"))}
    japanese = {p.relative_to(SITE / "ja").as_posix() for p in (SITE / "ja").glob("**/*.html")
                if not p.relative_to(SITE / "ja").as_posix().startswith("_")}
    assert japanese == english


@pytest.mark.parametrize("path", site_paths())
def test_the_switcher_links_each_page_to_its_counterpart_in_the_other_language(path):
    soup = _soup(path)
    here = "ja" if path.startswith("ja/") else "en"
    other = editions.edition("en" if here == "ja" else "ja")
    links = soup.select("nav.maintbook-editions a")
    assert len(links) == 1, f"{path}: {len(links)} switcher links"
    link = links[0]
    target = (SITE / path).parent / link["href"]
    counterpart = other.prefix + path.removeprefix(editions.edition(here).prefix)
    assert target.resolve() == (SITE / counterpart).resolve(), link["href"]
    assert (link["hreflang"], link["lang"], link["aria-label"]) == (other.lang, other.lang,
                                                                    other.name)


@pytest.mark.parametrize("path", site_paths())
def test_link_previews_know_both_editions(path):
    soup = _soup(path)
    here = editions.edition("ja" if path.startswith("ja/") else "en")
    bare = path.removeprefix(here.prefix)
    alternates = {link["hreflang"]: link["href"]
                  for link in soup.find_all("link", rel="alternate", hreflang=True)}
    site = release.site_url()
    assert alternates == {"en": site + bare, "ja": site + "ja/" + bare, "x-default": site + bare}
    locale = soup.find("meta", property="og:locale")["content"]
    others = [m["content"] for m in soup.find_all("meta", property="og:locale:alternate")]
    assert (locale, others) == (here.locale, [e.locale for e in editions.EDITIONS if e != here])


@pytest.mark.parametrize("path", page_paths())
def test_every_glued_key_number_is_the_same_number_on_both_editions(path):
    english, japanese = _glued(_soup(path)), _glued(_soup("ja/" + path))
    assert Counter(k for k, _ in japanese) == Counter(k for k, _ in english), (
        f"{path}: the Japanese page quotes other key numbers than the English one")
    numbers_en = {key: NUMBER.findall(text) for key, text in english}
    different = {key: (dict(english)[key], text) for key, text in japanese
                 if NUMBER.findall(text) != numbers_en[key]}
    assert different == {}, f"{path}: key numbers differ (English, Japanese): {different}"


def test_the_glued_numbers_can_be_found_at_all():
    glued = _glued(_soup("ja/chapters/explorer.html"))
    assert len(glued) >= 10 and all(text for _, text in glued)
    assert dict(glued)["explorer_q2_token_s"] == "30 秒"  # translated prose, Japanese unit


def test_translated_prose_keeps_its_glossary_links_citations_and_glued_numbers():
    soup = _soup("ja/chapters/explorer.html")
    article = soup.select_one("article")
    text = article.get_text()
    assert "エクスプローラーが答える 3 つの問い" in text
    terms = [a["href"] for a in article.select("a.term-link")]
    assert any(href.endswith("glossary.html#term-Freeze") for href in terms), terms
    citations = [a.get_text() for a in article.select("a[href*='references.html']")]
    assert citations, "translated prose lost its citations"
    assert "{glue:text}" not in text and "{cite" not in text and "{term}" not in text


def test_the_japanese_explorer_is_drawn_in_japanese():
    soup = _soup("ja/chapters/explorer.html")
    config = json.loads(soup.select_one("[data-maintbook-explorer] script").string)
    assert config["spec"]["text"] == explorer.spec("ja")["text"]
    english = json.loads(_soup("chapters/explorer.html")
                         .select_one("[data-maintbook-explorer] script").string)
    assert config["settings"] == english["settings"]
    assert config["spec"]["defaults"] == english["spec"]["defaults"]


def test_the_japanese_api_reference_says_in_japanese_that_it_stays_english():
    assert "日本語版でも英語のままです" in _soup("ja/appendix/api.html").select_one(
        "article").get_text()


def _search_terms(path: str) -> dict:
    index = (SITE / path).read_text(encoding="utf-8")
    return json.loads(index[index.index("(") + 1:index.rindex(")")])["terms"]


def test_the_japanese_site_searches_with_the_japanese_splitter():
    japanese, english = _search_terms("ja/searchindex.js"), _search_terms("searchindex.js")
    # Sphinx's Japanese splitter cuts メモリ保持メンテナンス into words; the English one keeps the
    # run whole, so a reader of the Japanese edition finds 保持 on its own
    assert {"パーセンタイル", "メモリ", "保持"} <= set(japanese)
    assert "保持" not in english and "メモリ保持メンテナンス" in english
