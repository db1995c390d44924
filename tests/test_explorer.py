"""The explorer's Python engine, its description for the browser, and its Jupyter widget.

The browser's engine is checked against this one in ``test_explorer_browser.py``; here the Python
read-outs are checked against the library calls they stand for.
"""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maintsim import explorer, facts, freeze, month, sla

TIERS = list(sla.TIERS)


def test_default_settings_are_the_books_one_set_of_assumptions():
    s = explorer.Settings()
    light = facts.FREEZE_ASSUMPTIONS["mp_light"]
    assert (s.median_s, s.p99_s) == (light.median_s, light.p99_s)
    assert s.heavy_share == facts.HEAVY_SHARE_DEFAULT
    assert s.events_per_month == facts.MP_EVENTS_PER_MONTH
    assert s.threshold_s == facts.LONG_PAUSE_S


def test_every_default_lies_inside_its_range():
    s = explorer.Settings()
    for name, (low, high, _) in explorer.RANGES.items():
        assert low <= getattr(s, name) <= high, name


def test_no_pair_of_control_positions_asks_for_a_p99_at_or_below_the_median_on_its_own():
    assert explorer.RANGES["median_s"][1] < explorer.RANGES["p99_s"][0]


@pytest.mark.parametrize(("fields", "error", "name"), [
    ({"median_s": 0.1}, ValueError, "median_s"),
    ({"p99_s": 61}, ValueError, "p99_s"),
    ({"heavy_share": -0.01}, ValueError, "heavy_share"),
    ({"events_per_month": 61}, ValueError, "events_per_month"),
    ({"month_days": 27}, ValueError, "month_days"),
    ({"month_days": 30.5}, TypeError, "month_days"),
    ({"tier": "gold"}, ValueError, "tier"),
    ({"rule": "per_second"}, ValueError, "rule"),
    ({"scale": float("nan")}, ValueError, "scale"),
    ({"threshold_s": "30"}, TypeError, "threshold_s"),
    ({"fleet_vms": 0}, ValueError, "fleet_vms"),
    ({"fleet_vms": True}, TypeError, "fleet_vms"),
])
def test_bad_settings_are_refused_with_the_field_named(fields, error, name):
    with pytest.raises(error, match=name):
        explorer.Settings(**fields)


def test_an_unknown_setting_is_refused_by_name():
    with pytest.raises(TypeError, match="colour"):
        explorer.Settings().replace(colour="red")


def test_readouts_wants_settings_not_a_dict():
    with pytest.raises(TypeError, match="explorer.Settings"):
        explorer.readouts({"median_s": 2})


@pytest.mark.parametrize("rule", sla.ACCOUNTING_RULES)
@pytest.mark.parametrize("tier", ["availability_zones", "single_premium", "single_standard_hdd"])
def test_readouts_are_the_library_calls_they_stand_for(rule, tier):
    s = explorer.Settings(events_per_month=12.0, rule=rule, tier=tier, threshold_s=20.0,
                          fleet_vms=400)
    r = explorer.readouts(s)
    model = freeze.MixtureFreeze((1 - s.heavy_share, s.heavy_share),
                                 (freeze.LogNormalFreeze(s.median_s, s.p99_s),
                                  freeze.model_for("mp_heavy")))
    assert r.exact_p99_s == pytest.approx(model.quantile(0.99), rel=1e-12)
    assert r.exact_p999_s == pytest.approx(model.quantile(0.999), rel=1e-12)
    assert r.share_over_threshold == pytest.approx(model.exceedance(20.0), rel=1e-12)
    assert r.over_threshold_fleet_year == pytest.approx(400 * 12 * 12.0 * r.share_over_threshold)
    assert r.downtime_min == pytest.approx(12.0 * month.mean_charge_min(model, rule), rel=1e-12)
    verdict = sla.month_verdict(r.downtime_min, sla.minutes_in_month(30), tier)
    assert (r.uptime_pct, r.allowed_min, r.met, r.credit_pct) == (
        verdict.uptime_pct, verdict.allowed_min, verdict.met, verdict.credit_pct)
    assert r.miss_probability == month.miss_probability(model, 12.0, r.allowed_min, 43_200, rule)


def test_the_tier_moves_no_percentile_and_the_threshold_only_the_counts():
    base = explorer.readouts()
    zones = explorer.readouts(explorer.Settings(tier="availability_zones"))
    assert (zones.exact_p50_s, zones.exact_p99_s, zones.share_over_threshold) == (
        base.exact_p50_s, base.exact_p99_s, base.share_over_threshold)
    assert zones.allowed_min < base.allowed_min
    moved = explorer.readouts(explorer.Settings(threshold_s=10.0))
    changed = {k for k, v in moved.numbers().items() if v != base.numbers()[k]}
    assert changed == {"share_over_threshold", "over_threshold_per_vm_year",
                       "over_threshold_fleet_year"}


def test_stretching_every_freeze_stretches_every_percentile():
    base, stretched = explorer.readouts(), explorer.readouts(explorer.Settings(scale=1.5))
    for name in ("exact_p50_s", "exact_p99_s", "exact_p999_s", "mean_s"):
        assert getattr(stretched, name) == pytest.approx(1.5 * getattr(base, name), rel=1e-9)


def test_a_month_without_freezes_is_fully_up_and_never_misses():
    r = explorer.readouts(explorer.Settings(events_per_month=0.0))
    assert (r.downtime_min, r.uptime_pct, r.met, r.miss_probability) == (0.0, 100.0, True, 0.0)


def test_six_freezes_charged_by_the_clock_miss_99_99_but_not_99_9():
    six = explorer.Settings(events_per_month=6.0, rule="clock_minutes")
    assert explorer.readouts(six).met
    zones = explorer.readouts(six.replace(tier="availability_zones"))
    assert not zones.met and zones.budget_used_share > 1 and 0.5 < zones.miss_probability < 1


@settings(max_examples=25, deadline=None)
@given(median=st.floats(0.5, 5.0), p99=st.floats(5.5, 60.0), heavy=st.floats(0.0, 1.0),
       scale=st.floats(0.25, 4.0), events=st.floats(0.0, 60.0), days=st.integers(28, 31),
       tier=st.sampled_from(TIERS), rule=st.sampled_from(sla.ACCOUNTING_RULES))
def test_any_setting_gives_finite_consistent_readouts(median, p99, heavy, scale, events, days,
                                                       tier, rule):
    r = explorer.readouts(explorer.Settings(median_s=median, p99_s=p99, heavy_share=heavy,
                                            scale=scale, events_per_month=events,
                                            month_days=days, tier=tier, rule=rule))
    numbers = r.numbers()
    assert all(np.isfinite(float(v)) for v in numbers.values())
    assert r.exact_p50_s < r.exact_p99_s < r.exact_p999_s
    assert 0.0 <= r.miss_probability <= 1.0
    assert r.met == (r.downtime_min <= r.allowed_min * (1 + 1e-12))


def test_the_spec_tells_the_browser_everything_in_plain_json():
    spec = explorer.spec()
    assert json.loads(json.dumps(spec)) == spec
    assert set(spec["defaults"]) == {f.name for f in dataclasses.fields(explorer.Settings)}
    assert set(spec["ranges"]) | set(spec["choices"]) == set(spec["defaults"])
    assert spec["tiers"]["single_premium"]["target_pct"] == 99.9
    assert spec["constants"]["max_cells"] == month.MAX_CELLS
    assert spec["z"]["0.99"] == freeze.Z_P99
    for name in spec["defaults"]:
        assert name in spec["text"], f"no label for {name}"


def test_each_view_shows_known_settings_and_rows_that_have_words():
    for lang in explorer.TEXT:
        spec = explorer.spec(lang)
        assert set(spec["views"]) == set(explorer.VIEWS) == {"percentiles", "sla"}
        for view, layout in spec["views"].items():
            shown = [key for _, keys in layout["groups"] for key in keys]
            assert set(shown) - {"events_per_month"} <= set(spec["defaults"]), view
            assert len(shown) == len(set(shown)), f"{view} shows a control twice"
            for word in [group for group, _ in layout["groups"]] + layout["rows"]:
                assert spec["text"][word], (lang, view, word)
    sla_view = explorer.spec()["views"]["sla"]
    shown = {key for _, keys in sla_view["groups"] for key in keys}
    assert shown == set(dataclasses.asdict(explorer.Settings())), "the SLA view shows every setting"


def test_the_figure_frame_is_a_fixed_log_log_layout_in_the_readers_units():
    for lang, s, minutes in (("en", "s", "min"), ("ja", "秒", "分")):
        frame = explorer.spec(lang)["frame"]
        x, y = frame["xaxis"], frame["yaxis"]
        assert x["type"] == y["type"] == "log"
        assert x["range"] == list(explorer.model.FRAME_X_LOG10)
        assert y["range"] == list(explorer.model.FRAME_Y_LOG10)
        assert x["ticktext"] == [f"1 {s}", f"10 {s}", f"2 {minutes}", f"20 {minutes}"]
        steps = np.diff(np.log10(x["tickvals"]))
        assert steps.min() > 0.9, "ticks a decade apart, so that labels stay apart on a phone"
        assert y["ticktext"][-1] == "0.0001 %" and y["tickvals"][0] == 100
        assert x["title"]["text"] == explorer.TEXT[lang]["axis.freeze"]
        assert set(frame["margin"]) == {"l", "r", "t", "b"}


def test_every_percentile_the_settings_allow_lies_on_the_figures_x_axis():
    # the shortest P50: no heavy freezes, the smallest median and stretch; the longest P99.9:
    # the widest light lognormal (smallest median, largest P99) stretched the most
    low, high = (10 ** v for v in explorer.model.FRAME_X_LOG10)
    r = explorer.RANGES
    shortest = explorer.Settings(median_s=r["median_s"][0], p99_s=r["p99_s"][0],
                                 heavy_share=0.0, scale=r["scale"][0])
    longest = explorer.Settings(median_s=r["median_s"][0], p99_s=r["p99_s"][1],
                                heavy_share=0.0, scale=r["scale"][1])
    assert explorer.readouts(shortest).exact_p50_s > low
    assert explorer.readouts(longest).exact_p999_s < high
    assert r["threshold_s"][0] > low and r["threshold_s"][1] < high


def test_presets_come_from_the_workload_model():
    presets = dict((value, label) for label, value in explorer.threshold_presets())
    assert 10.0 in presets and 40.0 in presets
    assert facts.COROSYNC_TOKEN_AZURE_MS / 1000 in presets


def test_the_html_twin_carries_its_settings_and_cannot_be_closed_early():
    html = explorer.html_twin("sla", explorer.Settings(), url_state=True)
    assert html.startswith('<div class="maintbook-explorer" data-maintbook-explorer')
    assert "data-url-state" in html and html.count("</script>") == 1
    config = json.loads(html.split('<script type="application/json">')[1].split("</script>")[0])
    assert config["settings"] == dataclasses.asdict(explorer.Settings())


def test_the_html_twin_escapes_a_closing_tag_in_any_text(monkeypatch):
    monkeypatch.setitem(explorer.TEXT["en"], "noscript", "</script><b>x</b>")
    html = explorer.html_twin("percentiles", explorer.Settings())
    assert html.count("</script>") == 1 and "<b>x</b>" not in html


def test_the_widget_is_the_settings_and_the_readouts():
    w = explorer.Explorer(view="percentiles", events_per_month=6.0, tier="availability_zones")
    assert w.settings == explorer.Settings(events_per_month=6.0, tier="availability_zones")
    assert w.readouts == explorer.readouts(w.settings)
    w.threshold_s = 12.5
    assert w.settings.threshold_s == 12.5
    with pytest.raises(Exception, match="threshold_s"):
        w.threshold_s = 1000.0


def test_the_widget_refuses_bad_settings_by_name():
    with pytest.raises(ValueError, match="view"):
        explorer.Explorer(view="pie")
    with pytest.raises(ValueError, match="scale"):
        explorer.Explorer(scale=9.0)


def test_the_widget_shows_an_html_twin_the_site_can_draw_and_marks_its_widget_view():
    data, _ = explorer.Explorer(view="sla")._repr_mimebundle_()
    view = data["application/vnd.jupyter.widget-view+json"]
    assert view["maintbook_html_twin"] is True and "model_id" in view
    assert "data-maintbook-explorer" in data["text/html"]


def test_the_widget_sends_plotly_to_a_page_that_has_none(monkeypatch):
    w = explorer.Explorer()
    sent = []
    monkeypatch.setattr(w, "send", lambda content, buffers=None: sent.append((content, buffers)))
    w._on_message(w, {"type": "plotly"}, [])
    w._on_message(w, {"type": "other"}, [])
    assert len(sent) == 1 and sent[0][0] == {"type": "plotly"}
    assert b"plotly" in sent[0][1][0][:5000].lower()


def test_every_language_gives_the_explorer_every_word_with_the_same_placeholders():
    import re

    english = explorer.TEXT["en"]
    for lang, words in explorer.TEXT.items():
        assert set(words) == set(english), lang
        for key, text in words.items():
            assert re.findall(r"\{\w+\}", text) == re.findall(r"\{\w+\}", english[key]), key


def test_the_japanese_build_gets_a_japanese_explorer_without_asking(monkeypatch):
    monkeypatch.setenv("MAINTBOOK_LANG", "ja")
    spec = explorer.spec()
    assert set(spec["text"]) == set(explorer.TEXT["ja"]) and spec["text"]["pin"] == "この設定を固定"
    assert "18 か月に 1 回" in spec["text"]["help.heavy_share"]  # the numbers filled in
    assert spec["tiers"]["availability_zones"]["label"] == "可用性ゾーンにまたがる VM"
    assert [p["value"] for p in spec["presets"]] == [
        p["value"] for p in explorer.spec("en")["presets"]]
    assert "JavaScript が必要です" in explorer.html_twin("sla", explorer.Settings())
    assert explorer.Explorer().spec["text"]["reset"] == "リセット"
    assert explorer.Explorer(lang="en").spec["text"]["reset"] == "Reset"


def test_an_unknown_language_for_the_explorer_is_refused_by_name():
    with pytest.raises(ValueError, match="lang must be one of"):
        explorer.spec("fr")
    with pytest.raises(ValueError, match="lang must be one of"):
        explorer.Explorer(lang="fr")
