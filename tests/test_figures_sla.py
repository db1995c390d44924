"""Figures of chapter 7: they show exactly what maintsim.sla computes, and read on a phone."""

from __future__ import annotations

import math

import numpy as np
import pytest

from maintsim import sla
from maintsim.figures import sla as fsla

MONTH_30 = sla.minutes_in_month(days=30)


@pytest.fixture(scope="module")
def credit_fig():
    return fsla.credit_figure(MONTH_30)


def _panel_credit_at(fig, panel: int, levels: list[float], downtime_min: float) -> float:
    """The credit a panel's step line shows at ``downtime_min`` (the line is drawn 'hv')."""
    trace = fig.data[panel]
    xs, ys = np.asarray(trace.x), np.asarray(trace.y)
    i = int(np.searchsorted(xs, downtime_min, side="right")) - 1
    return levels[int(ys[max(i, 0)])]


def _levels(fig, panel: int) -> list[float]:
    axis = fig.layout["yaxis" if panel == 0 else f"yaxis{panel + 1}"]
    return [float(t) for t in axis.ticktext]


def test_the_credit_figure_has_one_panel_per_tier_strictest_first(credit_fig):
    assert len(credit_fig.data) == len(sla.TIERS)
    titles = [a.text for a in credit_fig.layout.annotations]
    assert [t.removesuffix(" *") for t in titles] == [
        f"{t.target_pct:g} %: {fsla.TIER_SHORT_LABELS[k]}" for k, t in sla.TIERS.items()]
    assert titles[0].startswith("99.99 %") and titles[-1].startswith("95 %")


def test_the_credit_figure_marks_the_panels_whose_bands_are_unconfirmed(credit_fig):
    titles = [a.text for a in credit_fig.layout.annotations]
    for title, tier in zip(titles, sla.TIERS.values(), strict=True):
        assert title.endswith(" *") == (tier.credit_status == "unconfirmed"), title
    assert not titles[0].endswith("*")  # the zone tier's bands have a (secondary) source
    assert credit_fig.layout.yaxis3.title.text == "credit band (% of fee)"


@pytest.mark.parametrize("panel, key", list(enumerate(sla.TIERS)))
def test_each_panel_shows_the_credit_the_sla_module_computes(credit_fig, panel, key):
    levels = _levels(credit_fig, panel)
    for downtime_min in np.geomspace(1.0, 6000.0, 200):
        if downtime_min > credit_fig.data[panel].x[-1]:
            break
        uptime = sla.monthly_uptime_pct(downtime_min, MONTH_30)
        expected = sla.service_credit_pct(uptime, key)
        assert _panel_credit_at(credit_fig, panel, levels, downtime_min) == expected


def test_a_99_9_percent_month_earns_nothing_at_its_budget_and_10_percent_just_past_it():
    starts, credits = fsla.credit_steps("single_premium", MONTH_30)
    assert starts[0] == pytest.approx(43.2)
    assert credits == [10.0, 25.0, 100.0]
    at_budget = sla.monthly_uptime_pct(starts[0], MONTH_30)
    past = sla.monthly_uptime_pct(starts[0] + 0.01, MONTH_30)
    assert sla.service_credit_pct(at_budget, "single_premium") == 0
    assert sla.service_credit_pct(past, "single_premium") == credits[0]


def test_every_step_of_every_tier_is_inside_the_shared_axis(credit_fig):
    low, high = (10 ** v for v in credit_fig.layout.xaxis.range)
    for key in sla.TIERS:
        starts, _ = fsla.credit_steps(key, MONTH_30)
        assert all(low < s < high for s in starts), key


def test_the_downtime_axis_speaks_minutes_hours_and_days_not_powers_of_ten(credit_fig):
    bottom = credit_fig.layout[f"xaxis{len(sla.TIERS)}"]
    assert bottom.type == "log"
    assert list(bottom.ticktext) == ["1 min", "10 min", "1 h", "10 h", "3 days"]


def test_minute_ticks_never_crowd_a_phone_wide_axis():
    for low, high in ((1, 6000), (0.01, 100), (0.5, 20_000)):
        values, labels = fsla.minute_ticks(low, high)
        assert len(values) == len(labels) >= 2
        gaps = np.diff(np.log10(values))
        assert np.all(gaps >= fsla.MIN_TICK_GAP_DECADES)
        assert all(low <= v <= high for v in values)


def test_minute_ticks_name_the_unit_a_reader_would():
    assert fsla.minute_ticks(1 / 60, 20_000)[1] == [
        "1 s", "10 s", "1 min", "10 min", "1 h", "10 h", "3 days", "10 days"]


@pytest.mark.parametrize("low, high", [(0, 10), (10, 1), (5, 5), (-1, 10)])
def test_minute_ticks_refuse_a_range_that_is_not_positive_and_increasing(low, high):
    with pytest.raises(ValueError, match="low_min"):
        fsla.minute_ticks(low, high)


def test_panel_titles_fit_a_phone(credit_fig):
    assert max(len(a.text) for a in credit_fig.layout.annotations) <= 32
    assert len(credit_fig.layout.title.text) <= 32
    assert set(fsla.TIER_SHORT_LABELS) == set(sla.TIERS)


def test_the_credit_figure_refuses_an_unknown_tier():
    with pytest.raises(ValueError, match="tiers"):
        fsla.credit_figure(MONTH_30, tiers=["gold"])
    with pytest.raises(ValueError, match="month_min"):
        fsla.credit_figure(0)


def test_the_fit_figure_draws_one_line_per_rule_with_the_counts_of_the_sla_module():
    lengths_s = np.arange(1.0, 120.5, 0.5)
    fig = fsla.freezes_fit_figure(lengths_s, 99.9, MONTH_30)
    assert [t.name for t in fig.data] == list(sla.ACCOUNTING_RULES)
    for trace in fig.data:
        expected = sla.freezes_within_budget(lengths_s, 99.9, MONTH_30, trace.name)
        assert list(trace.y) == list(expected)
    i30 = int(np.flatnonzero(lengths_s == 30.0)[0])
    assert [int(t.y[i30]) for t in fig.data] == [86, 43, 21]


def test_the_fit_figure_labels_its_log_axis_with_plain_counts():
    fig = fsla.freezes_fit_figure(np.arange(1.0, 120.5, 0.5), 99.9, MONTH_30)
    assert fig.layout.yaxis.type == "log"
    assert "1,000" in fig.layout.yaxis.ticktext
    top = max(max(t.y) for t in fig.data)
    assert max(fig.layout.yaxis.tickvals) <= 2 * top
    assert len(fig.layout.title.text) <= 40


def test_the_fit_figure_refuses_a_single_length_or_a_negative_one():
    with pytest.raises(ValueError, match="freezes_s"):
        fsla.freezes_fit_figure([30.0], 99.9, MONTH_30)
    with pytest.raises(ValueError, match="freezes_s"):
        fsla.freezes_fit_figure([-1.0, 30.0], 99.9, MONTH_30)


def test_the_level_axis_is_labelled_with_the_real_credits(credit_fig):
    for panel in range(len(sla.TIERS)):
        assert _levels(credit_fig, panel) == [0.0, 10.0, 25.0, 100.0]
    assert math.isclose(credit_fig.data[0].x[1], 4.32, rel_tol=1e-9)


def test_the_tiers_table_has_every_tier_and_every_band_and_no_bibtex_key():
    table = fsla.tiers_table()
    assert [r[0].removesuffix("*") for r in table.rows] == [
        f"{t.target_pct:g}\u00a0%" for t in sla.TIERS.values()]
    cells = [[c.replace("\u00a0", " ") for c in row] for row in (table.headers, *table.rows)]
    assert cells[0] == ["Target (10 % credit below)", "Deployment", "25 % credit below",
                        "100 % credit below"]
    zones = cells[1 + list(sla.TIERS).index("availability_zones")]
    assert zones[0] == "99.99 %" and zones[2:] == ["99 %", "95 %"]
    premium = cells[1 + list(sla.TIERS).index("single_premium")]
    assert premium[0] == "99.9 %*" and premium[2:] == ["99 %*", "95 %*"]
    hdd = cells[1 + list(sla.TIERS).index("single_standard_hdd")]
    assert hdd[0] == "95 %*" and hdd[2:] == ["92 %*", "90 %*"]
    text = table.to_markdown() + table._repr_html_()
    assert "azure_sla" not in text


def test_the_tiers_table_marks_every_unconfirmed_band_and_says_so_in_its_caption():
    table = fsla.tiers_table()
    assert table.caption.endswith("(* credit band unconfirmed)")
    for row, tier in zip(table.rows, sla.TIERS.values(), strict=True):
        bands = [row[0], *row[2:]]
        assert all(c.endswith("*") == (tier.credit_status == "unconfirmed") for c in bands), row


def test_every_tier_s_mildest_band_starts_at_its_target_so_the_table_may_merge_them():
    for tier in sla.TIERS.values():
        assert tier.credit_bands[0].below_pct == tier.target_pct
        assert tier.credit_bands[0].credit_pct == 10


def test_the_version_table_lists_the_2018_removal_of_the_maintenance_exclusion():
    rows = fsla.version_history_table().rows
    assert len(rows) == 10
    v17 = next(r for r in rows if r[0] == "v1.7")
    assert v17[1] == "2018-03" and "exclusion" in v17[2]


def test_the_tiers_table_keeps_a_column_for_every_share_when_a_band_starts_below_target(
        monkeypatch):
    from dataclasses import replace

    from maintsim.facts import CreditBand
    odd = replace(sla.TIERS["single_premium"],
                  credit_bands=(CreditBand(99.8, 5), CreditBand(99.0, 25)))
    monkeypatch.setattr(sla, "TIERS", {**sla.TIERS, "single_premium": odd})
    table = fsla.tiers_table()
    assert table.headers[0] == "Target"
    assert not table.rows[list(sla.TIERS).index("single_premium")][0].endswith("*")
    assert [h.replace("\u00a0", " ") for h in table.headers[2:]] == [
        "5 % credit below", "10 % credit below", "25 % credit below", "100 % credit below"]
    row = table.rows[list(sla.TIERS).index("single_premium")]
    assert [c.replace("\u00a0", " ") for c in row[2:]] == ["99.8 %*", "-", "99 %*", "-"]
