"""maintsim.timeline: a year of maintenance events, cloud versus on-premises."""

from __future__ import annotations

import numpy as np
import pytest

from maintsim import facts, timeline
from maintsim.figures import timeline as ftl


def test_the_same_seed_draws_the_same_cloud_year():
    a = timeline.cloud_year(np.random.default_rng(7))
    b = timeline.cloud_year(np.random.default_rng(7))
    assert np.array_equal(a.start_day, b.start_day) and np.array_equal(a.impact_s, b.impact_s)


def test_cloud_events_are_sorted_in_time_and_inside_the_year():
    year = timeline.cloud_year(np.random.default_rng(1))
    assert np.all(np.diff(year.start_day) >= 0)
    assert year.start_day.min() >= 0 and year.start_day.max() < timeline.DAYS_PER_YEAR


def test_mean_event_count_matches_the_assumed_rates():
    expected = 12 * sum(a.events_per_month for a in facts.FREEZE_ASSUMPTIONS.values())
    counts = [timeline.cloud_year(np.random.default_rng(s)).n_events for s in range(400)]
    # Poisson: the mean of 400 years has standard error sqrt(expected / 400)
    assert abs(np.mean(counts) - expected) < 4 * np.sqrt(expected / 400)


def test_a_rate_of_zero_removes_a_kind():
    year = timeline.cloud_year(np.random.default_rng(3), rates_per_month={"hot_patch": 0.0})
    assert year.count("hot_patch") == 0


def test_onprem_windows_last_the_window_plus_recovery_when_they_fail():
    year = timeline.onprem_year(np.random.default_rng(0), windows_per_year=50, failure_prob=0.5)
    failed = year.kind == "onprem_window_failed"
    assert failed.any() and (~failed).any()
    assert np.all(year.impact_s[~failed] == facts.ONPREM_WINDOW_H * 3600)
    assert np.all(year.impact_s[failed] == (facts.ONPREM_WINDOW_H + facts.ONPREM_RECOVERY_H) * 3600)


def test_on_premises_hours_dwarf_the_cloud_minutes_with_the_default_assumptions():
    rng = np.random.default_rng(2022)
    assert timeline.onprem_year(rng).total_impact_min > 10 * timeline.cloud_year(
        rng, rates_per_month={"reboot": 0.0}).total_impact_min


def test_the_year_figure_draws_one_trace_per_kind():
    rng = np.random.default_rng(5)
    cloud, onprem = timeline.cloud_year(rng), timeline.onprem_year(rng)
    fig = ftl.year_figure(onprem, cloud)
    assert len(fig.data) == len(set(cloud.kind)) + len(set(onprem.kind))
    assert fig.layout.yaxis.type == "log"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [({"failure_prob": 1.5}, "failure_prob"), ({"window_h": -1.0}, "window_h"),
     ({"windows_per_year": 2.5}, "windows_per_year")],
)
def test_bad_onprem_input_names_the_parameter(kwargs, name):
    with pytest.raises((ValueError, TypeError), match=name):
        timeline.onprem_year(np.random.default_rng(0), **kwargs)


def test_cloud_year_needs_a_generator_and_known_kinds():
    with pytest.raises(TypeError, match="rng"):
        timeline.cloud_year(42)
    with pytest.raises(ValueError, match="rates_per_month"):
        timeline.cloud_year(np.random.default_rng(0), rates_per_month={"tea_break": 1.0})
    with pytest.raises(ValueError, match="rates_per_month"):
        timeline.cloud_year(np.random.default_rng(0), rates_per_month={"reboot": -1.0})


def test_a_hot_patch_adds_nothing_to_the_impact_the_vm_sees():
    rates = {kind: 0.0 for kind in facts.FREEZE_ASSUMPTIONS} | {"hot_patch": 50.0}
    year = timeline.cloud_year(np.random.default_rng(4), rates_per_month=rates)
    assert year.count("hot_patch") > 400 and year.impact_s.sum() > 0  # milliseconds of host work
    assert year.total_impact_min == 0.0  # "not visible to VMs"


def test_the_impact_of_a_year_is_the_sum_over_the_kinds_the_vm_sees():
    year = timeline.cloud_year(np.random.default_rng(8))
    seen = year.kind != "hot_patch"
    assert year.total_impact_min == pytest.approx(year.impact_s[seen].sum() / 60)


@pytest.mark.parametrize(
    ("rates", "error", "words"),
    [
        ({"reboot": 1e12}, ValueError, r"rates_per_month\['reboot'\] must be in \[0.0, 10000"),
        ({"reboot": True}, TypeError, r"rates_per_month\['reboot'\] must be a real number"),
        ({"reboot": "0.1"}, TypeError, r"rates_per_month\['reboot'\] must be a real number"),
        ({"reboot": [0.1, 0.2]}, TypeError, r"rates_per_month\['reboot'\] must be a real number"),
        ([("reboot", 0.1)], TypeError, "rates_per_month must be a dict"),
    ],
)
def test_cloud_year_refuses_huge_or_malformed_rates_by_name(rates, error, words):
    with pytest.raises(error, match=words):
        timeline.cloud_year(np.random.default_rng(0), rates_per_month=rates)


def test_a_year_of_events_holds_one_kind_start_and_impact_per_event():
    with pytest.raises(ValueError, match="one value per event"):
        timeline.YearOfEvents(np.array(["reboot"], dtype=object), np.array([1.0, 2.0]),
                              np.array([60.0]))
    with pytest.raises(TypeError, match="kind must be a flat sequence of kind names"):
        timeline.YearOfEvents(np.array([1, 2]), np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    with pytest.raises(ValueError, match="impact_s must be >= 0"):
        timeline.YearOfEvents(["reboot"], [1.0], [-60.0])


@pytest.mark.parametrize(
    ("years", "title", "error", "words"),
    [
        (("not a year",), "t", TypeError, r"years\[0\] must be a YearOfEvents"),
        ((None,), "t", TypeError, r"years\[0\] must be a YearOfEvents"),
        ((), "t", ValueError, "at least one YearOfEvents"),
        (None, 3, TypeError, "title must be a string"),
    ],
)
def test_the_year_figure_refuses_what_is_not_a_year_by_name(years, title, error, words):
    if years is None:
        years = (timeline.cloud_year(np.random.default_rng(0)),)
    with pytest.raises(error, match=words):
        ftl.year_figure(*years, title=title)


# --- Chapter 1's figure: a log axis in words, and hot patches off the axis of time stopped ---


def _chapter_one_years():
    rng = np.random.default_rng(2022)  # chapter 1's seed: the cloud year first, as there
    cloud = timeline.cloud_year(rng)
    return cloud, timeline.onprem_year(rng)


def test_the_year_figure_labels_its_log_axis_in_words_from_a_second_to_a_day():
    cloud, onprem = _chapter_one_years()
    axis = ftl.year_figure(onprem, cloud).layout.yaxis
    assert axis.type == "log"
    assert list(axis.ticktext) == ["1 s", "1 min", "1 h", "1 day"]
    assert list(axis.tickvals) == [1.0, 60.0, 3600.0, 86400.0]


def test_a_millisecond_freeze_brings_the_ten_millisecond_tick_onto_the_axis():
    year = timeline.YearOfEvents(["network_blip", "mp_light"], [10.0, 20.0], [0.004, 3.0])
    axis = ftl.year_figure(year).layout.yaxis
    assert list(axis.ticktext) == ["10 ms", "1 s", "1 min", "1 h", "1 day"]
    assert 10 ** axis.range[0] < 0.004 < 10 ** axis.range[1]


def test_hot_patches_are_not_drawn_on_the_axis_of_time_the_vm_is_stopped():
    cloud, onprem = _chapter_one_years()
    fig = ftl.year_figure(onprem, cloud)
    hot = [t for t in fig.data if t.name.startswith("hot patch")]
    assert len(hot) == 1 and hot[0].yaxis == "y2"  # the strip under the axis
    assert set(hot[0].y) == {0.0} and "not visible to the VM" in hot[0].hovertemplate
    assert len(hot[0].x) == cloud.count("hot_patch")
    on_axis = [t for t in fig.data if t.yaxis in (None, "y")]
    assert len(on_axis) == len(fig.data) - 1 and "stopped" in fig.layout.yaxis.title.text
    assert any(a.text == ftl.UNSEEN_NOTE for a in fig.layout.annotations)


def test_a_year_the_vm_sees_entirely_needs_no_strip():
    year = timeline.onprem_year(np.random.default_rng(0))
    fig = ftl.year_figure(year)
    assert all(t.yaxis in (None, "y") for t in fig.data) and "yaxis2" not in fig.layout


def test_human_ticks_pick_the_words_inside_the_range():
    assert ftl.human_ticks(0.5, 7200) == ([1.0, 60.0, 3600.0], ["1 s", "1 min", "1 h"])
    assert ftl.human_ticks(0.001, 0.001) == ([0.001], ["1 ms"])


@pytest.mark.parametrize(("low", "high", "error", "words"), [
    (0.0, 1.0, ValueError, "low_s must be > 0"),
    (1.0, -1.0, ValueError, "high_s must be > 0"),
    (10.0, 1.0, ValueError, "high_s must be >= low_s"),
    ("1", 2.0, TypeError, "low_s must be a real number"),
])
def test_human_ticks_refuse_a_bad_range_by_name(low, high, error, words):
    with pytest.raises(error, match=words):
        ftl.human_ticks(low, high)


# --- How far apart: orders of magnitude between on-premises windows and cloud events ---


def test_a_3_6_second_freeze_is_three_orders_of_magnitude_below_an_hour_window():
    windows = timeline.YearOfEvents(["onprem_window", "onprem_window"], [1.0, 2.0],
                                    [3600.0, 7200.0])
    cloud = timeline.YearOfEvents(["mp_light", "reboot", "hot_patch"], [1.0, 2.0, 3.0],
                                  [3.6, 360.0, 0.0036])
    assert timeline.orders_below(windows, cloud) == pytest.approx((1.0, 3.0))
    assert timeline.orders_below(windows, cloud, seen_by_vm=False) == pytest.approx((6.0, 6.0))


def test_in_chapter_one_s_year_the_freezes_sit_3_5_to_4_2_decades_below_the_windows():
    cloud, onprem = _chapter_one_years()
    fewest, most = timeline.orders_below(onprem, cloud)
    assert (round(fewest, 1), round(most, 1)) == (3.5, 4.2)
    assert fewest == pytest.approx(np.log10(onprem.impact_s.min() / cloud.impact_s[
        cloud.kind != "hot_patch"].max()))
    hot_fewest, _ = timeline.orders_below(onprem, cloud, seen_by_vm=False)
    assert hot_fewest > most  # the unseen host work is shorter than any freeze


@pytest.mark.parametrize(("reference", "year", "kwargs", "error", "words"), [
    ("windows", timeline.YearOfEvents(["hot_patch"], [1.0], [0.002]), {}, ValueError,
     "no events seen by the VM"),
    ("windows", timeline.YearOfEvents(["mp_light"], [1.0], [2.0]), {"seen_by_vm": False},
     ValueError, "no events the VM does not see"),
    (timeline.YearOfEvents([], [], []), timeline.YearOfEvents(["mp_light"], [1.0], [2.0]), {},
     ValueError, "reference must hold at least one event"),
    ("windows", timeline.YearOfEvents(["mp_light"], [1.0], [0.0]), {}, ValueError,
     "longer than 0 s"),
    ("windows", "a year", {}, TypeError, "year must be a YearOfEvents"),
    ("windows", timeline.YearOfEvents(["mp_light"], [1.0], [2.0]), {"seen_by_vm": 1},
     TypeError, "seen_by_vm must be True or False"),
])
def test_orders_below_refuses_what_it_cannot_measure_by_name(reference, year, kwargs, error,
                                                             words):
    if reference == "windows":
        reference = timeline.onprem_year(np.random.default_rng(0))
    with pytest.raises(error, match=words):
        timeline.orders_below(reference, year, **kwargs)
