"""The freeze-time explorer: one truth behind the live widget and the static figure."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maintsim import explorer, facts, freeze, percentiles, sla
from maintsim.explorer import RANGES, Settings, readout_lines, readout_text, readouts

TIERS = list(sla.TIERS)


def direct(s: Settings) -> dict:
    """The read-outs recomputed from maintsim's own functions, step by step."""
    light = freeze.LogNormalFreeze(s.median_s, s.p99_s)
    heavy = freeze.model_for("mp_heavy")
    model = freeze.MixtureFreeze((1 - s.heavy_share, s.heavy_share), (light, heavy)).scaled(s.scale)
    rng = np.random.default_rng(s.seed)
    sample = model.sample(s.n_samples, rng)
    starts = rng.uniform(0.0, 60.0, s.n_samples)
    charge = sla.outage_downtime_min(sample, s.rule, start_s=starts)
    downtime = s.events_per_month * float(np.mean(charge))
    month_min = sla.minutes_in_month(s.month_days)
    uptime = sla.monthly_uptime_pct(downtime, month_min)
    target = sla.tier(s.tier).target_pct
    return {
        "p50_s": percentiles.percentile(sample, 50),
        "p99_s": percentiles.percentile(sample, 99),
        "max_s": float(np.max(sample)),
        "share_over_30s": percentiles.exceedance_share(sample, 30.0),
        "exact_p99_s": model.quantile(0.99),
        "downtime_min": downtime,
        "uptime_pct": uptime,
        "allowed_min": sla.allowed_downtime_min(target, month_min),
        "met": sla.sla_met(uptime, s.tier),
        "credit_pct": sla.service_credit_pct(uptime, s.tier),
        "model": model,
    }


def expected_shares_pct(model) -> list[float]:
    edges = np.array(explorer.EDGES_S)
    shares = np.diff(model.cdf(edges)) * 100
    return [round(float(v), 4) for v in np.append(shares, shares[-1])]


def assert_matches_direct(r, s: Settings):
    d = direct(s)
    for name in ("p50_s", "p99_s", "max_s", "share_over_30s", "exact_p99_s", "downtime_min",
                 "uptime_pct", "allowed_min", "credit_pct"):
        assert getattr(r, name) == pytest.approx(d[name], rel=1e-12, abs=1e-12), name
    assert r.met == d["met"]


# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------


def test_default_settings_are_the_books_assumptions():
    s = Settings()
    light = facts.FREEZE_ASSUMPTIONS["mp_light"]
    assert (s.median_s, s.p99_s) == (light.median_s, light.p99_s)
    assert s.heavy_share == facts.HEAVY_SHARE_DEFAULT
    assert s.events_per_month == facts.EXPLORER_EVENTS_PER_MONTH
    assert (s.month_days, s.tier, s.rule, s.n_samples, s.seed, s.scale) == (
        30, "single_premium", "exact", 2000, 2022, 1.0)


def test_every_default_lies_inside_its_slider_range():
    s = Settings()
    for name, (low, high, step) in RANGES.items():
        assert low <= getattr(s, name) <= high, name
        assert step > 0 and low < high, name


def test_no_slider_position_asks_for_a_p99_at_or_below_the_median():
    assert RANGES["median_s"][1] < RANGES["p99_s"][0]


def test_the_static_slider_stays_inside_the_live_range():
    low, high, _ = RANGES["scale"]
    assert len(explorer.STATIC_SCALES) >= 20
    assert all(low <= x <= high for x in explorer.STATIC_SCALES)
    assert 1.0 in explorer.STATIC_SCALES


@pytest.mark.parametrize(("fields", "exc", "name"), [
    ({"median_s": -1.0}, ValueError, "median_s"),
    ({"median_s": 0.1}, ValueError, "median_s"),
    ({"p99_s": 1000.0}, ValueError, "p99_s"),
    ({"median_s": 5.0, "p99_s": 5.5, "scale": 0.0}, ValueError, "scale"),
    ({"heavy_share": 1.5}, ValueError, "heavy_share"),
    ({"events_per_month": -1.0}, ValueError, "events_per_month"),
    ({"events_per_month": "many"}, TypeError, "events_per_month"),
    ({"events_per_month": math.nan}, ValueError, "events_per_month"),
    ({"month_days": 27}, ValueError, "month_days"),
    ({"month_days": 30.5}, TypeError, "month_days"),
    ({"n_samples": 10}, ValueError, "n_samples"),
    ({"seed": -1}, ValueError, "seed"),
    ({"tier": "gold"}, ValueError, "tier"),
    ({"rule": "rounded"}, ValueError, "rule"),
])
def test_bad_settings_are_refused_with_the_parameter_named(fields, exc, name):
    with pytest.raises(exc, match=name):
        Settings(**fields)


def test_a_p99_below_the_median_names_p99_s_even_if_the_ranges_overlap(monkeypatch):
    monkeypatch.setitem(RANGES, "median_s", (0.5, 10.0, 0.1))
    with pytest.raises(ValueError, match="p99_s must be > median_s"):
        Settings(median_s=8.0, p99_s=6.0)


@pytest.mark.parametrize("face", [explorer.live, explorer.static])
def test_both_faces_refuse_bad_input_naming_it(face):
    with pytest.raises(ValueError, match="view"):
        face(view="table")
    with pytest.raises(TypeError, match="colour"):
        face(colour="red")
    with pytest.raises(ValueError, match="heavy_share"):
        face(heavy_share=2.0)
    with pytest.raises(TypeError, match="month_days"):
        face(month_days="30")


def test_readouts_wants_settings_not_a_dict():
    with pytest.raises(TypeError, match="settings"):
        readouts({"median_s": 2.0})


# ---------------------------------------------------------------------------
# The read-outs are maintsim's numbers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("rule", sla.ACCOUNTING_RULES)
@pytest.mark.parametrize("tier", ["availability_zones", "single_premium", "single_standard_hdd"])
def test_readouts_equal_direct_maintsim_calls(rule, tier):
    s = Settings(rule=rule, tier=tier, events_per_month=12.5, month_days=31, scale=1.3)
    assert_matches_direct(readouts(s), s)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    median=st.floats(*RANGES["median_s"][:2]),
    p99=st.floats(*RANGES["p99_s"][:2]),
    heavy=st.floats(*RANGES["heavy_share"][:2]),
    scale=st.floats(*RANGES["scale"][:2]),
    events=st.floats(*RANGES["events_per_month"][:2]),
    days=st.integers(28, 31),
    tier=st.sampled_from(TIERS),
    rule=st.sampled_from(sla.ACCOUNTING_RULES),
    seed=st.integers(0, 2**32 - 1),
)
def test_any_slider_position_gives_maintsims_numbers(median, p99, heavy, scale, events, days,
                                                     tier, rule, seed):
    s = Settings(median_s=median, p99_s=p99, heavy_share=heavy, scale=scale,
                 events_per_month=events, month_days=days, tier=tier, rule=rule, seed=seed,
                 n_samples=500)
    r = readouts(s)
    assert_matches_direct(r, s)
    assert 0 <= r.share_over_30s <= 1 and r.p50_s <= r.p99_s <= r.max_s
    assert len(readout_lines(r)) == 5


def test_the_month_is_events_times_the_mean_charge_per_freeze():
    sample = explorer.draws(Settings())
    for rule, charge in (
        ("exact", sample.freeze_s / 60),
        ("rounded_up", np.ceil(sample.freeze_s / 60)),
        ("clock_minutes", np.ceil((sample.start_s + sample.freeze_s) / 60)),
    ):
        r = readouts(Settings(rule=rule, events_per_month=4.0))
        assert r.charge_per_event_min == pytest.approx(np.mean(charge), rel=1e-12)
        assert r.downtime_min == pytest.approx(4.0 * np.mean(charge), rel=1e-12)


def test_clock_minutes_charge_about_one_minute_more_per_freeze_than_exact_seconds():
    # E[ceil(U + x)] = x + 1 for U uniform on [0, 1): every freeze touches one extra minute
    # on average. The sample average agrees within its Monte Carlo error.
    s = Settings(n_samples=20_000)
    exact = readouts(s.replace(rule="exact")).charge_per_event_min
    clock = readouts(s.replace(rule="clock_minutes")).charge_per_event_min
    assert clock - exact == pytest.approx(1.0, abs=4 * 0.5 / math.sqrt(s.n_samples))


def test_a_month_without_maintenance_is_fully_up():
    r = readouts(Settings(events_per_month=0.0))
    assert (r.downtime_min, r.uptime_pct, r.met, r.credit_pct) == (0.0, 100.0, True, 0.0)
    assert "uptime 100.0000 %" in readout_lines(r)[2]


def test_whole_minutes_per_freeze_miss_a_99_9_percent_month_at_45_freezes():
    budget = sla.allowed_downtime_min(99.9, sla.minutes_in_month(30))  # 43.2 minutes
    r = readouts(Settings(rule="rounded_up", events_per_month=45.0))
    assert r.charge_per_event_min == 1.0  # every sampled freeze is under a minute
    assert r.downtime_min == 45.0 > budget
    assert (r.met, r.credit_pct) == (False, 10.0)
    assert "99.9 % SLA: MISSED · credit 10 %" in readout_lines(r)


def test_scaling_every_freeze_scales_the_sample_percentiles_exactly():
    one, two = readouts(Settings()), readouts(Settings(scale=2.0))
    for name in ("p50_s", "p99_s", "max_s", "exact_p99_s"):
        assert getattr(two, name) == pytest.approx(2 * getattr(one, name), rel=1e-9), name


def test_the_same_seed_gives_the_same_sample_and_another_seed_another():
    a, b = explorer.draws(Settings()), explorer.draws(Settings())
    assert a is b and not a.freeze_s.flags.writeable
    c = explorer.draws(Settings(seed=7))
    assert not np.array_equal(a.freeze_s, c.freeze_s)


def test_default_p99_stays_within_the_articles_30_seconds():
    r = readouts()
    assert r.exact_p99_s < facts.LONG_PAUSE_S and r.p99_s < facts.LONG_PAUSE_S


# ---------------------------------------------------------------------------
# The read-out text
# ---------------------------------------------------------------------------


def test_the_readout_text_shows_the_computed_values():
    r = readouts()
    lines = readout_lines(r)
    assert readout_text(r) == "<br>".join(lines)
    assert lines[0] == f"P50 {r.p50_s:.2f} s · P99 {r.p99_s:.1f} s · max {r.max_s:.1f} s"
    assert f"over 30 s: {100 * r.share_over_30s:.2f} %" in lines[1]
    assert f"uptime {r.uptime_pct:.4f} %" in lines[2]
    assert lines[3] == "99.9 % SLA: met · credit 0 %"


@pytest.mark.parametrize("tier", TIERS)
def test_the_readout_says_how_well_each_credit_band_is_confirmed(tier):
    status = sla.tier(tier).credit_status
    assert readout_lines(readouts(Settings(tier=tier)))[4].endswith(
        {"secondary": "secondary source"}.get(status, status))


def _with(r, **changes):
    return dataclasses.replace(r, **changes)


def test_the_uptime_is_never_rounded_across_the_target_or_up_to_100():
    r = readouts()
    just_missed = _with(r, uptime_pct=99.89996, met=False)
    assert "uptime 99.89996 %" in readout_lines(just_missed)[2]
    on_budget = _with(r, uptime_pct=99.89999999999999, met=True)
    assert "uptime 99.9000 %" in readout_lines(on_budget)[2]
    almost_all = _with(r, uptime_pct=99.999996, met=True)
    assert "uptime 99.999996 %" in readout_lines(almost_all)[2]


# ---------------------------------------------------------------------------
# The live face
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def live_sla():
    return explorer.live(view="sla")


def test_live_starts_at_the_default_readouts(live_sla):
    assert live_sla.readout.value == readout_text(readouts())
    assert set(live_sla.controls) == {"median_s", "p99_s", "heavy_share", "scale",
                                      "events_per_month", "month_days", "tier", "rule"}


def test_moving_the_scale_slider_updates_the_readout_and_the_figure(live_sla):
    fig = live_sla.figure
    before_y = list(fig.data[0].y)
    live_sla.controls["scale"].value = 1.5
    expected = readouts(Settings(scale=1.5))
    assert live_sla.readout.value == readout_text(expected)
    assert list(fig.data[0].y) == expected_shares_pct(direct(Settings(scale=1.5))["model"])
    assert list(fig.data[0].y) != before_y
    assert fig.layout.shapes[2].x0 == fig.layout.shapes[2].x1 == round(expected.p99_s, 4)
    assert fig.layout.shapes[1].x0 == round(expected.p50_s, 4)
    assert list(fig.data[2].x) == [round(expected.downtime_min, 6)]
    live_sla.controls["scale"].value = 1.0


def test_moving_the_tier_and_month_moves_the_budget_line(live_sla):
    live_sla.controls["month_days"].value = 31
    live_sla.controls["tier"].value = "availability_zones"
    s = Settings(month_days=31, tier="availability_zones")
    budget = live_sla.figure.layout.shapes[4]
    assert budget.x0 == pytest.approx(sla.allowed_downtime_min(99.99, 44_640))
    assert budget.label.text == "99.99 % allows 4.46 min"
    assert live_sla.readout.value == readout_text(readouts(s))
    assert live_sla.settings == s
    live_sla.controls["tier"].value = "single_premium"
    live_sla.controls["month_days"].value = 30


def test_every_control_changes_the_readouts_to_maintsims(live_sla):
    moves = {"median_s": 3.0, "p99_s": 12.0, "heavy_share": 0.2, "events_per_month": 30.0,
             "rule": "clock_minutes"}
    current = {}
    for name, value in moves.items():
        before = live_sla.readout.value
        live_sla.controls[name].value = value
        current[name] = value
        s = Settings(**current)
        assert live_sla.settings == s
        assert live_sla.readout.value == readout_text(readouts(s)) != before, name
    assert_matches_direct(live_sla.result, live_sla.settings)
    for name in moves:
        live_sla.controls[name].value = getattr(Settings(), name)


def test_the_live_sliders_use_the_published_ranges():
    w = explorer.live()
    for name in ("median_s", "p99_s", "heavy_share", "scale", "events_per_month", "month_days"):
        c = w.controls[name]
        assert (c.min, c.max, c.step) == RANGES[name], name
    assert [v for _, v in w.controls["tier"].options] == TIERS
    assert [v for _, v in w.controls["rule"].options] == list(sla.ACCOUNTING_RULES)
    assert len(w.figure.data) == 2  # the percentiles view has no downtime bar


def test_a_live_update_is_in_place():
    # Speed is measured by benchmarks/bench_explorer.py, not asserted here.
    w = explorer.live(view="sla")
    fig = w.figure
    for i in range(10):
        w.controls["scale"].value = round(1.1 + 0.05 * i, 2)
    assert w.figure is fig and w.children[2] is fig


# ---------------------------------------------------------------------------
# The static face
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module", params=explorer.VIEWS)
def static_fig(request):
    return request.param, explorer.static(view=request.param, events_per_month=20.0,
                                          rule="rounded_up", tier="availability_set")


def _step_settings(step):
    return float(step.label.removeprefix("×"))


def test_the_static_figure_has_a_freeze_time_slider_and_tier_buttons(static_fig):
    _, fig = static_fig
    steps = fig.layout.sliders[0].steps
    assert len(steps) >= 20
    buttons = fig.layout.updatemenus[0].buttons
    assert len(buttons) == len(TIERS)
    assert fig.layout.updatemenus[0].active == TIERS.index("availability_set")
    assert _step_settings(steps[fig.layout.sliders[0].active]) == 1.0


def test_every_static_step_shows_readouts_of_its_settings_for_every_tier(static_fig):
    view, fig = static_fig
    base = Settings(events_per_month=20.0, rule="rounded_up", tier="availability_set")
    for step in fig.layout.sliders[0].steps:
        scale = _step_settings(step)
        restyle, relayout, indexes = step.args
        for k, tier in enumerate(TIERS):
            s = base.replace(scale=scale, tier=tier)
            assert relayout[f"annotations[{k}].text"] == readout_text(readouts(s))
        s = base.replace(scale=scale)
        r = readouts(s)
        assert restyle["y"][0] == expected_shares_pct(direct(s)["model"])
        assert relayout["shapes[2].x0"] == round(r.p99_s, 4)
        assert list(indexes) == ([0, 1, 2] if view == "sla" else [0, 1])


def test_the_tier_buttons_show_one_readout_and_move_the_budget(static_fig):
    view, fig = static_fig
    for k, button in enumerate(fig.layout.updatemenus[0].buttons):
        relayout = button.args[0]
        shown = [j for j in range(len(TIERS)) if relayout[f"annotations[{j}].visible"]]
        assert shown == [k]
        if view == "sla":
            target = sla.TIERS[TIERS[k]].target_pct
            assert relayout["shapes[4].x0"] == pytest.approx(
                sla.allowed_downtime_min(target, 43_200), rel=1e-6)


def test_the_static_figure_starts_in_the_state_of_its_active_step(static_fig):
    view, fig = static_fig
    active = fig.layout.sliders[0].steps[fig.layout.sliders[0].active]
    restyle, relayout, _ = active.args
    assert list(fig.data[0].y) == restyle["y"][0]
    k = TIERS.index("availability_set")
    assert fig.layout.annotations[k].text == relayout[f"annotations[{k}].text"]
    assert [a.visible for a in fig.layout.annotations] == [j == k for j in range(len(TIERS))]


def test_the_static_figure_is_small(static_fig):
    _, fig = static_fig
    assert len(fig.to_json()) < 300_000  # two of them must fit a page well under 2 MB


def test_a_scale_off_the_grid_gets_its_own_step():
    fig = explorer.static(scale=1.33)
    labels = [s.label for s in fig.layout.sliders[0].steps]
    assert "×1.33" in labels and fig.layout.sliders[0].active == labels.index("×1.33")


# ---------------------------------------------------------------------------
# One truth
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("view", explorer.VIEWS)
def test_live_and_static_show_identical_readouts_for_the_same_settings(view):
    fields = {"events_per_month": 8.0, "rule": "clock_minutes", "month_days": 28,
              "heavy_share": 0.1}
    fig = explorer.static(view=view, **fields)
    w = explorer.live(view=view, **fields)
    w.controls["scale"].value = 1.5
    w.controls["tier"].value = "availability_zones"
    step = next(s for s in fig.layout.sliders[0].steps if s.label == "×1.5")
    k = TIERS.index("availability_zones")
    static_text = step.args[1][f"annotations[{k}].text"]
    assert w.readout.value == static_text
    s = Settings(scale=1.5, tier="availability_zones", **fields)
    assert w.settings == s
    assert_matches_direct(w.result, s)
    assert list(w.figure.data[0].y) == step.args[0]["y"][0]
