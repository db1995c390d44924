"""The explorer on the built site, in Chromium: one truth in two engines, every control, the
keyboard, a phone, the address bar and hostile links.

The page ``chapters/explorer.html`` holds one explorer (the SLA view, with its settings in the
page's address); chapters 5 and 7 embed the percentile and SLA views. Tests drive the explorer
through its controls as a reader does, and through the contract every explorer publishes
(``window.maintbook.explorers``: ``set``, ``settings``, ``readouts``), and compare what the browser
computed with :func:`maintsim.explorer.readouts`.
"""

from __future__ import annotations

import dataclasses
import math
from urllib.parse import quote, urlencode

import numpy as np
import pytest

from maintsim import explorer, sla

pytestmark = pytest.mark.browser

PAGE = "chapters/explorer.html"
TIERS = list(sla.TIERS)
DEFAULTS = dataclasses.asdict(explorer.Settings())
NUMERIC = [k for k in explorer.RANGES]
REQUIRED_READOUTS = {"exact_p50_s", "exact_p99_s", "share_over_threshold", "downtime_min",
                     "uptime_pct", "allowed_min", "met", "credit_pct", "miss_probability",
                     "budget_used_share"}
PERCENTILES = ("exact_p50_s", "exact_p99_s", "exact_p999_s", "mean_s")


def _open(browser, site_url, path=PAGE, *, width=1280, height=1000, query=""):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.errors, page.dialogs = [], []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site_url}/{path}{query}", wait_until="load")
    page.wait_for_function("() => window.maintbook && window.maintbook.explorers.length > 0 "
                           "&& document.querySelector('.mbx-plot .main-svg')", timeout=30_000)
    return context, page


@pytest.fixture(scope="module")
def shared_page(browser, site_url):
    context, page = _open(browser, site_url)
    yield page
    context.close()


@pytest.fixture()
def page(shared_page):
    """The explorer page, back at its defaults (one page serves every test: loading is slow)."""
    page = shared_page
    page.locator(".mbx-actions button", has_text="Reset").click()
    if page.locator(".mbx-table thead th:visible").count() > 1:
        page.locator(".mbx-actions button").first.click()  # unpin
    page.errors.clear()
    yield page
    errors = [e for e in page.errors if "favicon" not in e]
    assert errors == [], f"{PAGE} logged errors: {errors}"


def _settings(page, i=0):
    return page.evaluate("i => window.maintbook.explorers[i].settings()", i)


def _readouts(page, i=0):
    return page.evaluate("i => window.maintbook.explorers[i].readouts()", i)


def _set(page, partial, i=0):
    return page.evaluate("([i, s]) => window.maintbook.explorers[i].set(s)", [i, partial])


def _python(settings: dict) -> dict:
    return explorer.readouts(explorer.Settings(**settings)).numbers()


def _close(a, b, rel=1e-9):
    if isinstance(b, bool) or isinstance(a, bool):
        return a == b
    return abs(a - b) <= 1e-300 or abs(a - b) <= rel * max(abs(a), abs(b))


def _mismatches(browser_readouts, python_readouts):
    return {k: (browser_readouts.get(k), v) for k, v in python_readouts.items()
            if not _close(browser_readouts.get(k), v)}


def _random_settings(n: int, seed: int) -> list[dict]:
    """Settings across the full ranges, and the edges: no heavy freezes, no events, T below the
    median and far in the tail, 28- and 31-day months, every tier and rule."""
    rng = np.random.default_rng(seed)
    r = explorer.RANGES
    edges = [
        {"heavy_share": 0.0}, {"heavy_share": 1.0}, {"events_per_month": 0.0},
        {"events_per_month": 60.0}, {"threshold_s": 1.0}, {"threshold_s": 300.0},
        {"month_days": 28}, {"month_days": 31}, {"scale": 0.25}, {"scale": 4.0},
        {"median_s": 5.0, "p99_s": 5.5}, {"median_s": 0.5, "p99_s": 60.0, "scale": 4.0},
    ]
    edges += [{"tier": t, "rule": rule} for t in TIERS for rule in sla.ACCOUNTING_RULES]
    cases = [dict(DEFAULTS, **e) for e in edges]
    while len(cases) < n:
        median = float(rng.uniform(*r["median_s"][:2]))
        cases.append({
            "median_s": median, "p99_s": float(rng.uniform(5.5, 60.0)),
            "heavy_share": float(rng.choice([rng.uniform(0, 1), rng.uniform(0, 0.15)])),
            "events_per_month": float(rng.choice([rng.uniform(0, 60), rng.uniform(0, 3)])),
            "month_days": int(rng.integers(28, 32)), "tier": str(rng.choice(TIERS)),
            "rule": str(rng.choice(sla.ACCOUNTING_RULES)), "scale": float(rng.uniform(0.25, 4)),
            "threshold_s": float(rng.uniform(1, 300)), "fleet_vms": int(rng.integers(1, 10**6)),
        })
    return cases


# --- One truth, two engines -------------------------------------------------------------------

def test_the_browser_computes_what_maintsim_computes_for_300_settings(page):
    cases = _random_settings(300, seed=2022)
    results = page.evaluate(
        """cases => cases.map(s => { const e = window.maintbook.explorers[0];
               e.set(s); return [e.settings(), e.readouts()]; })""", cases)
    bad = []
    for case, (settings, readouts) in zip(cases, results, strict=True):
        assert settings == case
        assert REQUIRED_READOUTS <= set(readouts)
        diff = _mismatches(readouts, _python(case))
        if diff:
            bad.append((case, diff))
    assert bad == [], f"{len(bad)} of {len(cases)} settings differ, first: {bad[:2]}"


def test_the_page_starts_at_the_books_defaults(page):
    assert _settings(page) == DEFAULTS
    assert _mismatches(_readouts(page), _python(DEFAULTS)) == {}


def test_chapters_5_and_7_embed_the_percentile_and_sla_views(browser, site_url):
    for path, view in (("chapters/05_percentiles.html", "percentiles"),
                       ("chapters/07_sla.html", "sla")):
        context, page = _open(browser, site_url, path)
        try:
            roots = page.locator("[data-maintbook-explorer]")
            assert roots.count() == 1
            assert roots.first.get_attribute("data-view") == view
            assert _mismatches(_readouts(page), _python(DEFAULTS)) == {}
            assert page.locator(".mbx-controls input, .mbx-controls select").count() >= 7
        finally:
            context.close()


# --- Every control, and only what it should move ----------------------------------------------

CONTROL_MOVES = {  # setting: (new value, read-outs it must change, read-outs it must leave alone)
    "median_s": (3.0, {"exact_p50_s", "mean_s", "downtime_min"}, {"allowed_min", "month_min"}),
    "p99_s": (15.0, {"exact_p99_s", "mean_s"}, {"allowed_min"}),
    "heavy_share": (0.3, {"exact_p99_s", "share_over_threshold"}, {"allowed_min"}),
    "scale": (2.0, {"exact_p50_s", "exact_p99_s", "downtime_min"}, {"allowed_min"}),
    "events_per_month": (6.0, {"downtime_min", "uptime_pct", "over_threshold_fleet_year"},
                         {*PERCENTILES, "share_over_threshold", "allowed_min"}),
    "month_days": (31, {"month_min", "allowed_min", "uptime_pct"},
                   {*PERCENTILES, "downtime_min", "share_over_threshold"}),
    "tier": ("availability_zones", {"allowed_min", "budget_used_share"},
             {*PERCENTILES, "uptime_pct", "downtime_min", "share_over_threshold"}),
    "rule": ("clock_minutes", {"charge_per_event_min", "downtime_min", "uptime_pct"},
             {*PERCENTILES, "allowed_min", "share_over_threshold"}),
    "threshold_s": (10.0, {"share_over_threshold", "over_threshold_fleet_year"},
                    {*PERCENTILES, "downtime_min", "uptime_pct", "miss_probability"}),
    "fleet_vms": (400, {"over_threshold_fleet_year"},
                  {*PERCENTILES, "share_over_threshold", "over_threshold_per_vm_year",
                   "downtime_min"}),
}


def _operate(page, key, value):
    """Change one setting through its control, as a reader does."""
    control = page.locator(f"[id$='-{key}']").first
    if control.evaluate("e => e.tagName") == "SELECT":
        control.select_option(str(value))
    else:
        control.fill(str(value))


@pytest.mark.parametrize("key", list(CONTROL_MOVES))
def test_each_control_changes_the_readouts_it_should_and_no_others(page, key):
    value, changes, keeps = CONTROL_MOVES[key]
    before = _readouts(page)
    shown_before = page.locator(".mbx-answer").inner_text()
    _operate(page, key, value)
    after = _readouts(page)
    assert _settings(page)[key] == value
    assert _mismatches(after, _python(dict(DEFAULTS, **{key: value}))) == {}
    assert [k for k in changes if after[k] == before[k]] == [], "did not move"
    assert [k for k in keeps if after[k] != before[k]] == [], "moved but should not"
    assert page.locator(".mbx-answer").inner_text() != shown_before, "the page shows no change"


def test_the_big_numbers_are_the_readouts(page):
    _set(page, {"events_per_month": 6, "rule": "clock_minutes", "tier": "availability_zones"})
    r = _readouts(page)
    values = page.locator(".mbx-answer .mbx-value").all_inner_texts()
    assert values[0] == f"{r['exact_p99_s']:.1f} s"
    assert values[1].startswith(f"{r['uptime_pct']:.4f}"[:7])
    verdict = page.locator(".mbx-verdict")
    assert verdict.inner_text() == "✗ 99.99 % SLA: missed"
    assert "mbx-missed" in verdict.get_attribute("class")
    bar = page.locator(".mbx-meter .mbx-bar").first
    assert "mbx-over" in bar.get_attribute("class"), "past the budget: the missed style"
    assert "missed" in page.locator(".mbx-meter").inner_text(), "in words too, not colour alone"


def test_a_threshold_preset_sets_t_and_the_t_box_follows(page):
    page.locator("[id$='-threshold_s-preset']").select_option(index=1)
    preset = explorer.spec()["presets"][0]
    assert _settings(page)["threshold_s"] == preset["value"]
    assert page.locator("[id$='-threshold_s']").first.input_value() == f"{preset['value']:g}"


# --- Bad input in every number box --------------------------------------------------------------

@pytest.mark.parametrize("key", [k for k in NUMERIC if k != "month_days"])
def test_bad_input_names_the_field_and_keeps_the_last_valid_state(page, key):
    before_settings, before = _settings(page), _readouts(page)
    box = page.locator(f"input[type='text'][id$='-{key}']")
    error = page.locator(f"[id$='-{key}-err']")
    label = explorer.spec()["text"][key]
    for text in ["abc", "", "1e999", "-5", "100000000", "NaN", "2,5", "0x10", "3 4"]:
        box.fill(text)
        assert error.is_visible(), text
        assert label in error.inner_text(), text
        assert _settings(page) == before_settings and _readouts(page) == before, text
        assert "NaN" not in page.locator(".mbx-answer").inner_text(), text
    box.fill(str(before_settings[key]))
    assert not error.is_visible()


def test_a_p99_below_the_median_is_refused_by_name(page):
    page.locator("input[type='text'][id$='-p99_s']").fill("5.5")
    page.locator("input[type='text'][id$='-median_s']").fill("5")
    assert _settings(page)["median_s"] == 5.0
    page.locator("input[type='text'][id$='-p99_s']").fill("4")  # out of range
    page.locator("[id$='-median_s-range']").count()  # no-op: keep the page alive
    with pytest.raises(Exception, match="P99"):
        _set(page, {"p99_s": 6.0, "median_s": 5.0} | {"p99_s": 5.0})


# --- Keyboard, accessibility, phone -------------------------------------------------------------

def test_tab_reaches_every_control_and_arrow_keys_move_a_slider(page):
    controls = page.evaluate("""() => [...document.querySelectorAll(
        '.mbx input, .mbx select, .mbx button')].map(e => e.id || e.textContent)""")
    page.locator(".mbx input").first.focus()
    reached = set()
    for _ in range(len(controls) + 5):
        reached.add(page.evaluate("() => document.activeElement.id || "
                                  "document.activeElement.textContent"))
        page.keyboard.press("Tab")
    assert set(controls) <= reached, f"never reached: {set(controls) - reached}"

    scale = page.locator("input[type='range'][aria-label='" + explorer.spec()["text"]["scale"]
                         + "']")
    scale.focus()
    shown = page.locator(".mbx-answer .mbx-value").first.inner_text()
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    assert _settings(page)["scale"] == pytest.approx(1.2)
    assert page.locator(".mbx-answer .mbx-value").first.inner_text() != shown


def test_no_serious_accessibility_violation_with_a_pinned_setting(page):
    from axe_playwright_python.sync_playwright import Axe

    page.locator(".mbx-actions button").first.click()  # pin
    _set(page, {"scale": 2.0, "tier": "availability_zones"})
    violations = Axe().run(page, context={"include": [[".mbx"]]}).response["violations"]
    page.errors.clear()  # axe fetches the page's stylesheets itself (a 404 no reader sees)
    serious = [f"{v['id']}: {v['help']}" for v in violations
               if v["impact"] in ("serious", "critical")]
    assert serious == []


# How far the page, the explorer or any box around it scrolls sideways (px); a code block's own
# scrolling is not counted.
SIDEWAYS = """() => {
  const boxes = [...document.querySelectorAll('.mbx, .mbx *')];
  for (let e = document.querySelector('.mbx'); e; e = e.parentElement) boxes.push(e);
  return Math.max(...boxes.filter((e) => e === document.documentElement
      || ['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
    .map((e) => e.scrollWidth - e.clientWidth));
}"""


def test_on_a_phone_nothing_scrolls_sideways_and_every_control_is_reachable(browser, site_url):
    context, page = _open(browser, site_url, width=375, height=812)
    try:
        assert page.evaluate("document.documentElement.scrollWidth - "
                             "document.documentElement.clientWidth") <= 1
        controls = page.locator(".mbx input, .mbx select, .mbx button")
        for i in range(controls.count()):
            control = controls.nth(i)
            control.scroll_into_view_if_needed()
            box = control.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375 + 1, i
        _operate(page, "events_per_month", 6)
        assert _settings(page)["events_per_month"] == 6
        # a finger across the figure: the reading stays on the screen, turning left past the
        # middle, and nothing scrolls sideways (the page, or the cell's box around the explorer)
        figure = page.locator(".mbx-figure")
        figure.scroll_into_view_if_needed()
        box, tip = figure.bounding_box(), page.locator(".mbx-tip")
        for share in (0.3, 0.55, 0.7, 0.8, 0.95):
            page.mouse.move(box["x"] + share * box["width"], box["y"] + box["height"] / 2)
            assert tip.is_visible()
            shown = tip.bounding_box()
            assert box["x"] <= shown["x"] and shown["x"] + shown["width"] <= box["x"] + box["width"]
            assert page.evaluate(SIDEWAYS) <= 1, share
    finally:
        context.close()


# --- Share, reset, pin ------------------------------------------------------------------------

def test_the_address_holds_the_settings_and_restores_them(browser, site_url, page):
    _operate(page, "tier", "availability_zones")
    _operate(page, "events_per_month", 6)
    _operate(page, "threshold_s", 20)
    page.wait_for_function("() => location.search.includes('threshold_s=20')")  # written later
    query = page.evaluate("() => location.search")
    assert "tier=availability_zones" in query and "events_per_month=6" in query
    context, again = _open(browser, site_url, query=query)
    try:
        assert _settings(again) == _settings(page)
        assert again.locator("[id$='-tier']").input_value() == "availability_zones"
        assert again.locator(".mbx-notice").inner_text() == ""
    finally:
        context.close()


def test_reset_goes_back_to_the_defaults_and_clears_the_address(page):
    _set(page, {"scale": 3.0, "rule": "rounded_up", "fleet_vms": 7})
    page.locator(".mbx-actions button", has_text="Reset").click()
    assert _settings(page) == DEFAULTS
    page.wait_for_function("() => location.search === ''")


def test_pin_keeps_a_ghost_and_its_numbers_beside_the_current_ones(page):
    _set(page, {"events_per_month": 6})
    pinned = _readouts(page)
    page.locator(".mbx-actions button", has_text="Pin").click()
    _set(page, {"scale": 2.0})
    header = page.locator(".mbx-table thead th:visible").all_inner_texts()
    assert header == ["now", "pinned"]
    rows = page.locator(".mbx-table tbody tr")
    p50_now, p50_pinned = rows.first.locator("td").all_inner_texts()
    assert p50_pinned == f"{pinned['exact_p50_s']:.2f} s" and p50_now != p50_pinned
    ghost = page.locator(".mbx-line-pinned")
    assert ghost.get_attribute("d").startswith("M") and ghost.get_attribute("d") != (
        page.locator(".mbx-line-curve").get_attribute("d"))
    assert page.locator(".mbx-legend .mbx-key:visible").count() == 3
    page.locator(".mbx-actions button", has_text="Clear").click()
    assert page.locator(".mbx-table thead th:visible").all_inner_texts() == ["now"]
    assert not ghost.get_attribute("d")
    assert page.locator(".mbx-legend .mbx-key:visible").count() == 2


# --- The figure: plotly.js draws the axes once; the explorer's layer draws on them --------------

# Where the layer put T, the P99 marker and the tail, and where plotly.js put the ticks that
# should line up with them (each a screen coordinate in px).
GEOMETRY = """() => {
  const root = window.maintbook.explorers[0].element;
  const centre = (r) => [r.x + r.width / 2, r.y + r.height / 2];
  const ticks = (axis) => Object.fromEntries([...root.querySelectorAll(`.${axis}tick text`)]
    .map((e) => [e.textContent, centre(e.getBoundingClientRect())]));
  return {
    t: root.querySelector(".mbx-line-t").getBoundingClientRect().x,
    tail: root.querySelector(".mbx-line-tail").getBoundingClientRect().x,
    p99: centre(root.querySelectorAll(".mbx-dot")[1].getBoundingClientRect()),
    x: ticks("x"), y: ticks("y"),
    ytitle: root.querySelector(".ytitle").getBoundingClientRect().right,
    yticks: Math.min(...[...root.querySelectorAll(".ytick text")]
      .map((e) => e.getBoundingClientRect().x)),
    width: [root.querySelector(".mbx-figure").offsetWidth,
            root.querySelector(".main-svg").width.baseVal.value],
  };
}"""


def _assert_on_the_axes(page):
    g = page.evaluate(GEOMETRY)
    assert abs(g["t"] - g["x"]["10 s"][0]) < 1.5, g  # T = 10 s under the "10 s" tick
    assert abs(g["tail"] - g["t"]) < 1.5, g  # the tail starts at T
    assert abs(g["p99"][1] - g["y"]["1 %"][1]) < 2.5, g  # the P99 marker at 1 %
    assert g["ytitle"] <= g["yticks"], g  # the axis title clear of "0.0001 %"
    return g


def test_the_lines_sit_on_plotlys_axes_at_any_width(page):
    _set(page, {"threshold_s": 10.0})
    wide = _assert_on_the_axes(page)
    settled = ("() => { const r = window.maintbook.explorers[0].element; return "
               "r.querySelector('.main-svg').width.baseVal.value === "
               "r.querySelector('.mbx-figure').offsetWidth; }")
    page.set_viewport_size({"width": 500, "height": 1000})
    try:
        _assert_on_the_axes(page)  # at once, before plotly.js re-lays out its frame
        page.wait_for_function(settled)
        narrow = _assert_on_the_axes(page)  # and after
        assert narrow["width"][1] < wide["width"][1] - 100
    finally:
        page.set_viewport_size({"width": 1280, "height": 1000})
    # back in one jump: the sidebar slides in after the window's resize event, and the frame
    # follows the figure's own width (plotly's window listener alone left it too wide)
    page.wait_for_timeout(600)
    page.wait_for_function(settled)
    assert _assert_on_the_axes(page)["width"] == wide["width"]


def test_moving_t_moves_the_line_its_label_and_the_tail(page):
    before = page.evaluate(GEOMETRY)
    _set(page, {"threshold_s": 250.0})
    after = page.evaluate(GEOMETRY)
    assert after["t"] > before["t"] + 100 and abs(after["tail"] - after["t"]) < 1.5
    label = page.locator(".mbx-t")
    assert label.inner_text() == "T = 250 s" and "mbx-flip" in label.get_attribute("class")
    box, line = label.bounding_box(), after["t"]
    assert box["x"] + box["width"] <= line, "near the right edge the label sits left of T"


def test_hovering_the_figure_reads_the_curve_under_the_pointer(page):
    page.locator(".mbx-figure").scroll_into_view_if_needed()
    g = page.evaluate(GEOMETRY)
    x_px, y_px = g["x"]["10 s"][0], g["y"]["1 %"][1]
    page.mouse.move(x_px, y_px)
    tip = page.locator(".mbx-tip")
    assert tip.is_visible()
    share_text, x_text = tip.inner_text().removesuffix(" s").split(" % > ")
    x = float(x_text)
    assert x == pytest.approx(10, rel=0.02)
    model = explorer.freeze_model(explorer.Settings(**_settings(page)))
    assert float(share_text) == pytest.approx(100 * float(model.exceedance(x)), rel=0.1)
    page.mouse.move(2, y_px)  # off the figure, to its left
    assert not tip.is_visible()


def test_printed_without_background_graphics_the_dots_and_keys_still_print(page):
    page.emulate_media(media="print")
    try:
        adjust = page.evaluate("""() => [...document.querySelectorAll(
          '.mbx-dot, .mbx-t, .mbx-swatch, .mbx-bar')]
          .map((e) => getComputedStyle(e).printColorAdjust)""")
        assert adjust and set(adjust) == {"exact"}, adjust
    finally:
        page.emulate_media(media="screen")


# --- Hostile and broken links -------------------------------------------------------------------

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror="window.__pwned=1">',
    "javascript:window.__pwned=1",
    "NaN", "Infinity", "1e309", "-1", "0x10", "1_000", "",
    "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
]


def _outside_explorer(page):
    return page.evaluate("""() => { const copy = document.querySelector('main').cloneNode(true);
        copy.querySelectorAll('[data-maintbook-explorer]').forEach(e => e.remove());
        return copy.innerHTML; }""")


@pytest.fixture(scope="module")
def clean_page_markup(browser, site_url):
    context, clean = _open(browser, site_url)
    yield _outside_explorer(clean)
    context.close()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_hostile_link_runs_nothing_changes_nothing_else_and_leaves_valid_settings(
        browser, site_url, clean_page_markup, payload):
    baseline = clean_page_markup
    query = "?" + urlencode({key: payload for key in DEFAULTS})  # every setting at once
    context, page = _open(browser, site_url, query=query)
    try:
        assert page.evaluate("() => window.__pwned") is None
        assert page.dialogs == []
        assert page.locator("[data-maintbook-explorer] img, .mbx-notice *").count() == 0
        assert _outside_explorer(page) == baseline
        settings = _settings(page)
        assert settings == DEFAULTS  # every value was bad, so every setting is the default
        notice = page.locator(".mbx-notice").inner_text()
        assert all(key in notice for key in DEFAULTS), notice
    finally:
        context.close()


def test_unknown_and_repeated_keys_are_named_and_ignored(browser, site_url):
    query = "?" + "&".join([f"{quote('<b>x</b>')}=1", "tier=availability_zones",
                            "tier=single_premium", "scale=2"])
    context, page = _open(browser, site_url, query=query)
    try:
        settings = _settings(page)
        assert settings["scale"] == 2.0 and settings["tier"] == DEFAULTS["tier"]
        notice = page.locator(".mbx-notice").inner_text()
        assert "<b>x</b>" in notice and "tier" in notice  # shown as text, not markup
        assert page.locator(".mbx-notice b").count() == 0
    finally:
        context.close()


def test_a_link_keeps_its_valid_settings_and_replaces_only_the_bad_one(browser, site_url):
    context, page = _open(browser, site_url, query="?median_s=4&p99_s=3")
    try:
        s = _settings(page)
        assert (s["median_s"], s["p99_s"]) == (4.0, DEFAULTS["p99_s"])
        assert "p99_s" in page.locator(".mbx-notice").inner_text()
    finally:
        context.close()


def test_the_explorer_module_stays_small_and_loads_no_other_script():
    size = explorer.ESM_PATH.stat().st_size
    assert size < 30_000, f"explorer.js is {size:,} bytes"
    source = explorer.ESM_PATH.read_text()
    assert "import " not in source.split("export")[0] and "http" not in source.replace(
        "https://anywidget.dev", "")
    assert math.isfinite(size)


def test_the_japanese_explorer_writes_its_units_in_japanese(browser, site_url):
    context, page = _open(browser, site_url, "ja/" + PAGE, width=375, height=800)
    try:
        r = _readouts(page)
        values = page.locator(".mbx-answer .mbx-value").all_inner_texts()
        assert values[0] == f"{r['exact_p99_s']:.1f} 秒"
        assert page.locator(".mbx-meter .mbx-meter-value").first.inner_text().startswith(
            f"{r['downtime_min']:.3f} 分")
        ticks = page.locator(".mbx-plot .xtick text").evaluate_all(
            "texts => texts.map(t => t.textContent)")
        assert ticks == ["1 秒", "10 秒", "2 分", "20 分"]
        presets = page.locator("select[id$='-threshold_s-preset'] option").all_inner_texts()[1:]
        assert presets and all(" 秒: " in p for p in presets), presets
        assert page.errors == []
    finally:
        context.close()
