"""Figures and tables of chapter 8: they show exactly what maintsim.fleet simulated."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from maintsim import facts, fleet, sla
from maintsim.figures import fleet as ff
from maintsim.figures import plotting


@pytest.fixture(scope="module")
def results():
    return {rule: fleet.simulate_fleet(2000, 12, rule=rule, seed=7, keep_per_vm_month=True)
            for rule in sla.ACCOUNTING_RULES}


@pytest.mark.parametrize("seconds, text", [
    (0.01, "10 ms"), (0.1, "100 ms"), (1, "1 s"), (10, "10 s"), (60, "1 min"),
    (150, "2.5 min"), (600, "10 min"), (3600, "1 h"), (86_400, "1 day"), (172_800, "2 days"),
])
def test_a_duration_reads_the_way_a_person_says_it(seconds, text):
    assert plotting.duration_label(seconds) == text


@pytest.mark.parametrize("bad, error", [
    (0, ValueError), (-1.0, ValueError), (math.nan, ValueError), (math.inf, ValueError),
    ("1 s", TypeError), (True, TypeError),
])
def test_a_duration_label_refuses_what_is_not_a_positive_time(bad, error):
    with pytest.raises(error, match="seconds"):
        plotting.duration_label(bad)


def test_the_assumptions_table_has_one_row_per_kind_and_no_bibtex_key_in_it():
    table = ff.assumptions_table()
    assert len(table.rows) == len(facts.FREEZE_ASSUMPTIONS)
    keys = {a.source for a in facts.FREEZE_ASSUMPTIONS.values()}
    cells = [cell for row in table.rows for cell in row] + list(table.headers)
    assert not [c for c in cells if any(key in c for key in keys)]
    for row, a in zip(table.rows, facts.FREEZE_ASSUMPTIONS.values(), strict=True):
        assert row[1] == f"{ff.source_label(a.source)}: {a.tuned_to}"


def test_the_assumptions_table_marks_the_hot_patch_as_invisible_and_only_it():
    marked = [row[0] for row in ff.assumptions_table().rows if "not visible to VMs" in row[0]]
    assert len(marked) == 1
    assert marked[0].startswith(f"{facts.FREEZE_ASSUMPTIONS['hot_patch'].label} (not visible")


def test_the_assumptions_table_shows_the_rates_and_freeze_lengths_of_facts():
    kinds = [row[0] for row in ff.assumptions_table().rows]
    heavy, reboot = (facts.FREEZE_ASSUMPTIONS[k].label for k in ("mp_heavy", "reboot"))
    assert f"{heavy}: 0.0556 a VM-month, median 18 s, P99 30 s" in kinds
    assert f"{reboot}: 0.01 a VM-month, median 5 min, P99 15 min" in kinds


def test_an_unknown_source_key_is_refused_by_name():
    with pytest.raises(ValueError, match="'no_such_key'"):
        ff.source_label("no_such_key")


def test_the_histogram_counts_every_vm_month_once():
    downtime_s = np.array([0.0, 0.0, 0.001, 0.5, 59.0, 61.0, 7200.0])
    edges, counts, n_zero = ff.downtime_histogram(downtime_s, bins_per_decade=2,
                                                  range_s=(0.01, 1000.0))
    assert n_zero == 2 and counts.sum() + n_zero == downtime_s.size
    assert len(edges) == 11 and edges[0] == pytest.approx(-2) and edges[-1] == pytest.approx(3)
    assert counts[0] == 1 and counts[-1] == 1  # 1 ms is counted in the first bin, 2 h in the last
    assert counts[np.searchsorted(edges, math.log10(59.0)) - 1] == 2  # 59 s and 61 s share a bin


@pytest.mark.parametrize("call, error, match", [
    (lambda: ff.downtime_histogram([-1.0]), ValueError, "downtime_s"),
    (lambda: ff.downtime_histogram([1.0], bins_per_decade=0), ValueError, "bins_per_decade"),
    (lambda: ff.downtime_histogram([1.0], range_s=(10.0, 1.0)), ValueError, "range_s"),
    (lambda: ff.downtime_histogram([1.0], range_s=(0.0, 1.0)), ValueError, "range_s"),
    (lambda: ff.downtime_histogram([1.0], range_s=(1.0, 2.0, 3.0)), ValueError, "range_s"),
])
def test_the_histogram_refuses_bad_input_by_name(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_the_figure_draws_every_simulated_vm_month_one_slider_step_per_rule(results):
    fig = ff.downtime_figure(results)
    assert [t.name for t in fig.data] == list(results)
    assert [t.visible for t in fig.data] == [True, False, False]
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps] == ["exact", "rounded", "clock"]
    for trace, result in zip(fig.data, results.values(), strict=True):
        d = result.downtime_min_per_vm_month
        assert sum(trace.y) + np.count_nonzero(d == 0) == result.n_vm_months
        assert f"{np.count_nonzero(d == 0):,} with none" in trace.hovertemplate


def test_under_rounding_every_bar_holds_whole_minutes(results):
    fig = ff.downtime_figure(results)
    rounded = fig.data[list(results).index("rounded_up")]
    lowest_bar_s = 10 ** (min(rounded.x) - rounded.width / 2)
    assert lowest_bar_s <= 60.0 < 10 ** (min(rounded.x) + rounded.width / 2)


def test_the_budget_lines_sit_at_each_targets_allowed_downtime(results):
    fig = ff.downtime_figure(results)
    xs = sorted(shape.x0 for shape in fig.layout.shapes)
    month_min = sla.minutes_in_month(30)
    budgets_s = sorted(sla.allowed_downtime_min(t, month_min) * 60 for t in (99.99, 99.95, 99.9))
    assert xs == pytest.approx([math.log10(b) for b in budgets_s])
    assert sorted(a.text for a in fig.layout.annotations) == ["99.9 %", "99.95 %", "99.99 %"]


def test_the_axes_use_human_tick_labels(results):
    fig = ff.downtime_figure(results)
    assert list(fig.layout.xaxis.ticktext) == ["10 ms", "1 s", "1 min", "1 h"]
    assert all(re.fullmatch(r"\d+[kM]?", t) for t in fig.layout.yaxis.ticktext)
    tallest = max(max(trace.y) for trace in fig.data)
    assert max(fig.layout.yaxis.tickvals) >= tallest  # a tick at or above the tallest bar


def test_each_budget_line_ends_under_its_own_label_and_no_line_crosses_another_label(results):
    fig = ff.downtime_figure(results)
    lines = sorted((shape.x0, shape.y1) for shape in fig.layout.shapes)
    labels = sorted((a.x, a.y, a.text) for a in fig.layout.annotations)
    assert [(x, y) for x, y, _ in labels] == lines  # the label sits on its line's end
    assert [text for *_, text in labels] == ["99.99 %", "99.95 %", "99.9 %"]
    assert all(a.xanchor == "left" and a.yanchor == "bottom" for a in fig.layout.annotations)
    tops = [y for _, y in lines]
    assert tops == sorted(tops, reverse=True)  # a label reads rightwards, above every later line


def test_the_budget_labels_never_share_a_row(results):
    rows = [a.y for a in ff.downtime_figure(results).layout.annotations]
    assert len(set(rows)) == len(rows)


def test_the_figure_refuses_results_it_cannot_draw(results):
    plain = fleet.simulate_fleet(100, 1, seed=1)
    with pytest.raises(ValueError, match="keep_per_vm_month"):
        ff.downtime_figure({"exact": plain})
    other_month = fleet.simulate_fleet(100, 1, seed=1, month_days=31, keep_per_vm_month=True)
    with pytest.raises(ValueError, match="month length"):
        ff.downtime_figure({"exact": results["exact"], "other": other_month})
    with pytest.raises(TypeError, match="results"):
        ff.downtime_figure({})
    with pytest.raises(TypeError, match=r"results\['exact'\]"):
        ff.downtime_figure({"exact": 1.0})
    with pytest.raises(ValueError, match="targets_pct"):
        ff.downtime_figure(results, targets_pct=(100.0,))
