"""The built site in a real browser: every page loads from 127.0.0.1 alone and works.

Run after `make book` (``make test`` does both). Each page in the table of
contents is opened in Debian's Chromium; a screenshot of each is saved under
``_build/screenshots/`` for people to look at.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from tools.page_weight import BUDGET_GZIP_BYTES, record, settle, total_gzip, weigh

from book_pages import JAPANESE_CHARS, edition_of, page_paths, repository_url, site_paths

pytestmark = pytest.mark.browser

SERIOUS = ("serious", "critical")


def _open(browser, url, *, width=1280, height=900):
    """Open ``url`` recording console errors, failed requests and any other host asked."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    log = {"console": [], "failed": [], "foreign": [], "bad_status": []}
    local = urlparse(url).netloc

    def route(route):
        if urlparse(route.request.url).netloc in (local, ""):
            route.continue_()
        else:  # never let the page reach another host; record that it tried
            log["foreign"].append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and log["console"].append(m.text))
    page.on("pageerror", lambda e: log["console"].append(str(e)))
    page.on("requestfailed", lambda r: log["failed"].append(f"{r.url} {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and log["bad_status"].append(
        f"{r.status} {r.url}"))
    log["responses"] = record(page)
    response = page.goto(url, wait_until="load")
    # Wait until every plotly figure has drawn, MathJax has typeset and the fonts are in (not
    # for "networkidle", which is flaky with a routed context); requests are recorded by the
    # handlers above all along.
    settle(page)
    page.wait_for_timeout(300)
    return context, page, response, log


# Figures whose traces plotly.js could not draw: a trace type missing from the partial bundle
# the site serves is silently drawn as a scatter (or not at all), with no error.
UNDRAWN_TRACES_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(
  (gd, i) => (gd._fullData || [])
    .filter(t => (gd.data[t.index].type || 'scatter') !== t.type)
    .map(t => `figure ${i}: ${gd.data[t.index].type} drawn as ${t.type}`))"""

# Text nodes with Japanese characters whose nearest lang is not Japanese.
UNMARKED_JAPANESE_JS = """() => {
  const ja = new RegExp('[JAPANESE_CHARS]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const bad = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!ja.test(n.data) || n.parentElement.closest('script, style')) continue;
    const marked = n.parentElement.closest('[lang]');
    if (!marked || !marked.lang.toLowerCase().startsWith('ja')) {
      bad.push(n.data.trim().slice(0, 40));
    }
  }
  return bad;
}""".replace("JAPANESE_CHARS", JAPANESE_CHARS)


@pytest.mark.parametrize("path", site_paths())
def test_page_loads_offline_renders_is_accessible_and_fits_a_phone(
    browser, site_url, screenshots_dir, path
):
    context, page, response, log = _open(browser, f"{site_url}/{path}")
    try:
        assert response.status == 200, f"{path}: HTTP {response.status}"
        assert log["foreign"] == [], f"{path} asked other hosts: {log['foreign']}"
        assert log["failed"] == [], f"{path} had failed requests: {log['failed']}"
        assert log["bad_status"] == [], f"{path} got error statuses: {log['bad_status']}"
        assert log["console"] == [], f"{path} logged console errors: {log['console']}"

        plots = page.locator(".js-plotly-plot")
        for i in range(plots.count()):
            assert plots.nth(i).locator("svg.main-svg").count() > 0, (
                f"{path}: plotly figure {i} did not render")
        html_figures = page.locator("div.plotly-graph-div").count()
        assert plots.count() == html_figures, (
            f"{path}: {html_figures} figure divs but {plots.count()} rendered plots")
        undrawn = page.evaluate(UNDRAWN_TRACES_JS)
        assert undrawn == [], f"{path}: traces the site's plotly.js cannot draw: {undrawn}"
        unmarked = page.evaluate(UNMARKED_JAPANESE_JS)
        assert unmarked == [], f"{path}: Japanese text without lang=\"ja\": {unmarked}"

        loaded = weigh(log["responses"])
        heaviest = sorted(loaded, key=lambda x: -x.gzip_bytes)[:5]
        assert total_gzip(loaded) <= BUDGET_GZIP_BYTES, (
            f"{path}: first view {total_gzip(loaded):,} bytes gzip-compressed in {len(loaded)} "
            f"files, over the {BUDGET_GZIP_BYTES:,} budget; largest {heaviest}")

        name = re.sub(r"[^A-Za-z0-9_]+", "_", path.removesuffix(".html"))
        # the whole page for review, but not the API reference's 160,000 px (10 s a screenshot)
        tall = page.evaluate("document.documentElement.scrollHeight") > 20_000
        page.screenshot(path=str(screenshots_dir / f"{name}.png"), full_page=not tall)

        from axe_playwright_python.sync_playwright import Axe

        violations = Axe().run(page).response["violations"]
        serious = [f"{v['id']} ({v['impact']}): {v['help']} x{len(v['nodes'])}"
                   for v in violations if v["impact"] in SERIOUS]
        assert serious == [], f"{path}: accessibility violations: {serious}"

        # axe-core fetches stylesheets itself and resolves their @import against the page, not
        # the sheet (a 404 for /basic.css that no reader's browser makes): forget what it logged.
        for key, entries in log.items():
            if key != "responses":
                entries.clear()
        page.set_viewport_size({"width": 375, "height": 812})  # a phone
        page.wait_for_timeout(500)  # let plotly's responsive figures re-layout
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at 375px wide"
        assert log["console"] == [], f"{path} on a phone: {log['console']} {log['bad_status']}"
    finally:
        context.close()


def test_search_finds_a_word_from_a_chapter(browser, site_url):
    context, page, _, _ = _open(browser, f"{site_url}/search.html?q=hypervisor")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=15_000)
        titles = page.locator("#search-results ul.search li").all_inner_texts()
        assert any("maintenance" in t.lower() for t in titles), titles
    finally:
        context.close()


def test_binder_button_points_at_the_configured_repository(browser, site_url):
    owner_repo = urlparse(repository_url()).path.strip("/")
    context, page, _, _ = _open(browser, f"{site_url}/chapters/01_what_is_maintenance.html")
    try:
        hrefs = page.eval_on_selector_all("a[href*='mybinder.org']", "els => els.map(e => e.href)")
        assert hrefs, "no Binder launch button on chapter 1"
        assert all(f"/v2/gh/{owner_repo}/" in h for h in hrefs), hrefs
        downloads = page.eval_on_selector_all("a[href$='.ipynb']", "els => els.map(e => e.href)")
        assert downloads, "no download link for the notebook"
    finally:
        context.close()


@pytest.fixture(scope="module")
def plain_page(browser):
    """One page for quick navigations: no figure waits, other hosts refused."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_()
                  if urlparse(route.request.url).hostname == "127.0.0.1" else route.abort())
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, errors
    context.close()


@pytest.mark.parametrize("path", page_paths())
def test_the_language_switcher_goes_to_the_japanese_page_and_back(plain_page, site_url, path):
    page, errors = plain_page
    errors.clear()
    page.goto(f"{site_url}/{path}", wait_until="domcontentloaded")
    for expected, lang in ((f"ja/{path}", "ja"), (path, "en")):
        link = page.locator("nav.maintbook-editions a")
        assert link.count() == 1, f"{page.url}: {link.count()} switcher links"
        assert link.get_attribute("hreflang") == lang
        link.focus()
        with page.expect_navigation(wait_until="domcontentloaded"):
            page.keyboard.press("Enter")  # a keyboard reaches it as well as a pointer
        assert urlparse(page.url).path == f"/{expected}", page.url
        assert page.locator("html").get_attribute("lang") == edition_of(expected).lang
    assert errors == []


def test_japanese_search_finds_the_percentiles_chapter(browser, site_url):
    context, page, _, _ = _open(browser, f"{site_url}/ja/search.html?q=パーセンタイル")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=15_000)
        hrefs = page.eval_on_selector_all("#search-results ul.search li a",
                                          "els => els.map(e => e.getAttribute('href'))")
        assert any("chapters/05_percentiles.html" in h for h in hrefs), hrefs
    finally:
        context.close()


# Two different kanji drawn in the page's font: without a Japanese font both come out as the same
# empty box ("tofu"), so identical pixels mean Japanese pages are unreadable.
KANJI_DIFFER_JS = """() => {
  const draw = (ch) => {
    const c = document.createElement('canvas'); c.width = 48; c.height = 48;
    const g = c.getContext('2d'); g.font = '40px ' + getComputedStyle(document.body).fontFamily;
    g.fillText(ch, 2, 40); return Array.from(g.getImageData(0, 0, 48, 48).data).join(',');
  };
  return draw('日') !== draw('本');
}"""


def test_japanese_pages_draw_real_japanese_glyphs(plain_page, site_url):
    page, _ = plain_page
    page.goto(f"{site_url}/ja/intro.html", wait_until="load")
    assert page.evaluate(KANJI_DIFFER_JS), (
        "Chromium draws kanji as empty boxes: install a Japanese font "
        "(apt-get install fonts-noto-cjk; .ci/run does)")
