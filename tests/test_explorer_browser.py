"""The static explorer on the built site: move its slider and dropdown in Chromium.

The page chapters/explorer.html shows figures made by ``maintsim.explorer.static``. Each records
its view and settings in ``layout.meta``, so the test recomputes in Python, with the library's
own formatter (``explorer.readout_lines``), what the figure must display after each move, and
reads what the browser actually drew (the SVG text of the visible read-out annotation).
"""

from __future__ import annotations

import re

import pytest

from conftest import SITE
from maintsim import explorer, sla

pytestmark = pytest.mark.browser

PAGE = "chapters/explorer.html"
TIERS = list(sla.TIERS)
PAGE_BUDGET_BYTES = 2_000_000  # plotly.js is a separate file (_static), not counted

JS_FIGURES = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => ({
    id: gd.id,
    meta: gd.layout.meta || null,
    steps: gd.layout.sliders && gd.layout.sliders.length
        ? gd.layout.sliders[0].steps.map(s => s.label) : [],
    active: gd.layout.sliders && gd.layout.sliders.length ? gd.layout.sliders[0].active : null,
    tier: gd.layout.updatemenus && gd.layout.updatemenus.length
        ? gd.layout.updatemenus[0].active : null,
}))"""

JS_READOUT = """(id) => {
    const gd = document.getElementById(id);
    const texts = Array.from(gd.querySelectorAll('g.annotation text.annotation-text'));
    const shown = texts.map(t => {
        const lines = Array.from(t.querySelectorAll('tspan.line'));
        return lines.length ? lines.map(l => l.textContent) : [t.textContent];
    }).filter(lines => lines.some(l => l.startsWith('P50 ')));
    return shown;
}"""


@pytest.fixture()
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}/{PAGE}", wait_until="load")
    page.wait_for_function(
        "document.querySelectorAll('.js-plotly-plot .slider-container').length > 0",
        timeout=15_000)
    yield page
    context.close()
    assert errors == [], f"{PAGE} raised: {errors}"


def _figures(page):
    figures = [f for f in page.evaluate(JS_FIGURES) if f["meta"] and "explorer_view" in f["meta"]]
    assert figures, f"no explorer figure on {PAGE}"
    return figures


def _state(page, figure_id):
    return next(f for f in page.evaluate(JS_FIGURES) if f["id"] == figure_id)


def _readout(page, figure_id):
    shown = page.evaluate(JS_READOUT, figure_id)
    assert len(shown) == 1, f"expected one visible read-out, saw {shown}"
    return tuple(shown[0])


def _expected(figure, step_index, tier_index):
    scale = float(figure["steps"][step_index].removeprefix("×"))
    settings = explorer.Settings(**figure["meta"]["explorer_settings"]).replace(
        scale=scale, tier=TIERS[tier_index])
    return explorer.readout_lines(explorer.readouts(settings))


def _click_slider(page, figure_id, fraction):
    """Click the slider's rail at ``fraction`` of its length (plotly picks the nearest step)."""
    rail = page.locator(f"#{figure_id} .slider-container rect.slider-rail-touch-rect").first
    rail.scroll_into_view_if_needed()
    box = rail.bounding_box()  # in the viewport's coordinates, so scroll first
    assert box, "slider rail not drawn"
    page.mouse.click(box["x"] + fraction * box["width"], box["y"] + box["height"] / 2)
    page.wait_for_timeout(300)


def _shot(page, figure_id, screenshots_dir, name):
    page.locator(f"#{figure_id}").screenshot(path=str(screenshots_dir / f"explorer_{name}.png"))


def test_every_explorer_figure_starts_with_the_librarys_readout(page):
    for figure in _figures(page):
        assert len(figure["steps"]) >= 20
        assert _readout(page, figure["id"]) == _expected(figure, figure["active"],
                                                         figure["tier"])


def test_moving_the_freeze_time_slider_shows_the_librarys_p99_and_uptime(page, screenshots_dir):
    figure = _figures(page)[0]
    fid = figure["id"]
    before = _readout(page, fid)
    _shot(page, fid, screenshots_dir, "slider_before")
    _click_slider(page, fid, 0.97)
    state = _state(page, fid)
    assert state["active"] > figure["active"], "the slider did not move"
    after = _readout(page, fid)
    _shot(page, fid, screenshots_dir, "slider_after")
    expected = _expected(state, state["active"], state["tier"])
    assert after == expected
    p99 = re.compile(r"P99 [0-9.]+ s")
    uptime = re.compile(r"uptime [0-9.]+ %")
    assert p99.search(after[0]).group() != p99.search(before[0]).group()
    assert uptime.search(after[2]).group() != uptime.search(before[2]).group()
    current = page.locator(f"#{fid} g.slider-group > text.slider-label").first.text_content()
    assert current.endswith(state["steps"][state["active"]])

    _click_slider(page, fid, 0.02)  # and back to the low end
    state = _state(page, fid)
    assert state["active"] < figure["active"]
    assert _readout(page, fid) == _expected(state, state["active"], state["tier"])


def test_picking_a_tier_changes_the_verdict_and_keeps_the_slider(page, screenshots_dir):
    figure = next((f for f in _figures(page) if f["meta"]["explorer_view"] == "sla"), None)
    assert figure, f"no 'sla' view on {PAGE}"
    fid = figure["id"]
    _click_slider(page, fid, 0.75)
    step = _state(page, fid)["active"]
    assert step > figure["active"], "the slider did not move"
    target = TIERS.index("availability_zones")
    page.locator(f"#{fid} g.updatemenu-header-group").first.click()
    page.locator(f"#{fid} g.updatemenu-dropdown-button", has_text="99.99 %:").first.click()
    page.wait_for_timeout(300)
    state = _state(page, fid)
    assert state["tier"] == target and state["active"] == step
    shown = _readout(page, fid)
    assert shown == _expected(state, step, target)
    assert shown[3].startswith("99.99 % SLA: ")
    _shot(page, fid, screenshots_dir, "tier_99_99")


def test_the_explorer_page_stays_under_its_size_budget():
    size = (SITE / PAGE).stat().st_size
    assert size < PAGE_BUDGET_BYTES, (
        f"{PAGE} is {size:,} bytes; budget {PAGE_BUDGET_BYTES:,}. An embedded "
        "application/vnd.jupyter.widget-state+json script (the live widgets' state, about 5 MB "
        "per plotly FigureWidget) is the usual cause: the site must not carry it.")
