"""Reading the built site as a person would: on a phone, with figures, glossary links, icons.

Run after `make book` (``make test`` does both), in Debian's Chromium.
"""

from __future__ import annotations

import pytest

from book_pages import page_paths
from test_site import UNDRAWN_TRACES_JS, _open

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
CHAPTER = "chapters/05_percentiles.html"


def _drawer_open(page, which: str) -> bool:
    return page.evaluate(f"document.getElementById('pst-{which}-sidebar-modal').open")


def test_on_a_phone_the_chapter_list_opens_a_chapter_link_works_and_on_this_page_opens(
    browser, site_url, screenshots_dir
):
    context, page, _, log = _open(browser, f"{site_url}/{CHAPTER}", **PHONE)
    try:
        primary = page.locator(".primary-toggle").locator("visible=true")
        assert primary.count() == 1, "one visible chapter-list button on a phone"
        assert not _drawer_open(page, "primary")
        primary.click()
        page.wait_for_function("document.getElementById('pst-primary-sidebar-modal').open")
        link = page.locator("#pst-primary-sidebar-modal a.reference[href$='07_sla.html']").first
        assert link.is_visible(), "the chapter list shows the chapters"
        page.screenshot(path=str(screenshots_dir / "phone_chapter_list.png"))
        link.click()
        page.wait_for_url("**/chapters/07_sla.html")
        secondary = page.locator(".secondary-toggle").locator("visible=true")
        assert secondary.count() == 1, "one visible 'On this page' button on a phone"
        secondary.click()
        page.wait_for_function("document.getElementById('pst-secondary-sidebar-modal').open")
        toc = page.locator("#pst-secondary-sidebar-modal nav.page-toc a")
        assert toc.count() > 3 and toc.first.is_visible(), "the page's sections are listed"
        page.screenshot(path=str(screenshots_dir / "phone_on_this_page.png"))
        page.keyboard.press("Escape")
        assert not _drawer_open(page, "secondary")
        assert log["console"] == [], log["console"]
    finally:
        context.close()


def test_on_a_desktop_the_sidebar_button_still_hides_and_shows_the_chapter_list(
    browser, site_url
):
    context, page, _, _ = _open(browser, f"{site_url}/{CHAPTER}")
    try:
        sidebar = page.locator("#pst-primary-sidebar")
        assert sidebar.is_visible()
        page.locator(".primary-toggle").locator("visible=true").first.click()
        page.wait_for_timeout(400)
        assert not _drawer_open(page, "primary"), "no drawer on a wide screen"
        assert not sidebar.is_visible(), "the sidebar collapses"
    finally:
        context.close()


# Each plotly figure's width on the page and the width plotly.js drew it at (px).
FIGURE_WIDTHS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .map((f) => [f.offsetWidth, Math.round(f.querySelector('.main-svg').width.baseVal.value)])"""


@pytest.mark.parametrize("path", [CHAPTER, "chapters/explorer.html"])
def test_figures_follow_their_column_when_the_window_jumps_wider(browser, site_url, path):
    # plotly's responsive option acts on the window's resize event, before the sidebar has
    # slid in: a window maximised from 500 px left figures wider than their column, cut off
    context, page, _, log = _open(browser, f"{site_url}/{path}", width=500)
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_timeout(400)  # the sidebar's slide
        page.wait_for_function(f"() => ({FIGURE_WIDTHS_JS})().every(([div, svg]) => "
                               "Math.abs(div - svg) <= 1)", timeout=5_000)
        widths = page.evaluate(FIGURE_WIDTHS_JS)
        assert widths and all(div > 600 for div, _ in widths), widths
        assert log["console"] == []
    finally:
        context.close()


def test_figure_toolbar_offers_no_cloud_sharing_no_logo_and_shows_only_on_hover(
    browser, site_url, screenshots_dir
):
    context, page, _, _ = _open(browser, f"{site_url}/{CHAPTER}", **PHONE)
    try:
        figure = page.locator(".js-plotly-plot").first
        assert figure.count() == 1
        bar = figure.locator(".modebar")
        assert bar.count() == 1
        titles = bar.locator(".modebar-btn").evaluate_all(
            "bs => bs.map(b => b.getAttribute('data-title'))")
        assert titles and not any("Share" in (t or "") for t in titles), titles
        assert bar.locator("[data-attr='sendChartToCloud']").count() == 0
        assert bar.locator(".modebar-btn--logo, a[href*='plotly.com']").count() == 0
        group = bar.locator(".modebar-group").first
        opacity = "el => Number(getComputedStyle(el).opacity)"
        assert group.evaluate(opacity) == 0, "the toolbar hides until the figure is hovered"
        figure.scroll_into_view_if_needed()
        page.screenshot(path=str(screenshots_dir / "phone_figure_toolbar_hidden.png"))
        figure.hover()
        page.wait_for_timeout(500)  # plotly fades it in over 0.3 s
        assert group.evaluate(opacity) == 1, "hovering the figure shows the toolbar"
        assert page.evaluate(UNDRAWN_TRACES_JS) == []
    finally:
        context.close()


def test_a_glossary_link_shows_its_definition_on_hover_and_on_keyboard_focus(
    browser, site_url, screenshots_dir
):
    context, page, _, log = _open(browser, f"{site_url}/{CHAPTER}")
    try:
        link = page.locator("a.term-link[href$='#term-Freeze']").first
        tip = page.locator("#maintbook-term-tip")
        assert link.get_attribute("title") is None, "no second, native tooltip"
        link.hover()
        assert tip.is_visible() and tip.get_attribute("role") == "tooltip"
        assert "A pause of the whole VM" in tip.inner_text()
        assert tip.locator("span[lang='ja']").count() >= 1, "the Japanese term is marked"
        assert link.get_attribute("aria-describedby") == "maintbook-term-tip"
        page.screenshot(path=str(screenshots_dir / "glossary_tooltip.png"))
        page.mouse.move(0, 0)
        assert not tip.is_visible()
        link.focus()
        assert tip.is_visible(), "keyboard focus shows the definition too"
        page.keyboard.press("Escape")
        assert not tip.is_visible() and link.get_attribute("aria-describedby") is None
        assert log["console"] == []
    finally:
        context.close()


def test_the_favicon_and_the_logo_are_served_to_every_page(browser, site_url):
    context, page, _, log = _open(browser, f"{site_url}/{page_paths()[0]}")
    try:
        for url in ("/favicon.ico", "/_static/favicon.svg"):
            response = page.request.get(f"{site_url}{url}")
            assert response.status == 200, f"{url}: HTTP {response.status}"
        logo = page.locator("img.logo__image").first
        assert logo.evaluate("img => img.complete && img.naturalWidth > 0"), "logo drawn"
        assert log["bad_status"] == []
    finally:
        context.close()


def test_a_trace_type_missing_from_the_site_s_plotly_bundle_is_caught(browser, site_url):
    """The bundle lacks 3-D traces: plotly.js draws one as a scatter without an error, and
    the check used on every page (UNDRAWN_TRACES_JS) must say so."""
    context, page, _, _ = _open(browser, f"{site_url}/{CHAPTER}")
    try:
        page.evaluate("""() => {
          const div = document.createElement('div');
          div.className = 'js-plotly-plot-test';
          document.body.appendChild(div);
          return Plotly.newPlot(div, [{type: 'scatter3d', x: [1], y: [1], z: [1]}]);
        }""")
        assert page.evaluate(UNDRAWN_TRACES_JS) == [
            f"figure {page.locator('.js-plotly-plot').count() - 1}: scatter3d drawn as scatter"]
    finally:
        context.close()
