"""The SLA arithmetic the book states, checked against the fact sheet's computed numbers."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from maintsim import facts, sla

MIN_30D = 43_200
MIN_31D = 44_640
TARGETS = (95, 99, 99.5, 99.9, 99.95, 99.99, 99.999)


# ---------------------------------------------------------------------------
# Calendar bases
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "minutes"), [(28, 40_320), (29, 41_760), (30, 43_200), (31, 44_640)]
)
def test_minutes_in_a_month_of_28_to_31_days(days, minutes):
    assert sla.minutes_in_month(days) == minutes
    assert isinstance(sla.minutes_in_month(days), int)


def test_february_2024_is_a_leap_month_of_41760_minutes():
    assert sla.minutes_in_month(year=2024, month=2) == 41_760
    assert sla.minutes_in_month(year=2023, month=2) == 40_320
    assert sla.minutes_in_month(year=1900, month=2) == 40_320  # century, not leap
    assert sla.minutes_in_month(year=2000, month=2) == 41_760  # divisible by 400


def test_seconds_in_30_and_31_day_months():
    assert sla.minutes_in_month(30) * sla.SECONDS_PER_MINUTE == 2_592_000
    assert sla.minutes_in_month(31) * sla.SECONDS_PER_MINUTE == 2_678_400


def test_a_year_of_calendar_months_is_525600_or_527040_minutes():
    assert sum(sla.minutes_in_month(year=2023, month=m) for m in range(1, 13)) == 525_600
    assert sum(sla.minutes_in_month(year=2024, month=m) for m in range(1, 13)) == 527_040


def test_average_gregorian_month_is_30_436875_days_or_43829_1_minutes():
    table = sla.availability_table(99.9, basis="gregorian")
    month_days = table.period_days[table.periods.index("month")]
    assert month_days == pytest.approx(30.436875, rel=1e-15)
    assert month_days * sla.MINUTES_PER_DAY == pytest.approx(43_829.1, rel=1e-12)


# ---------------------------------------------------------------------------
# Allowed downtime = (1 - SLA) x minutes in month
# ---------------------------------------------------------------------------

# SLA: (28 d, 30 d, 31 d) minutes, then the Gregorian month at the fact sheet's precision.
ALLOWED_TABLE = {
    95: ((2016, 2160, 2232), 2191.5, 0.05),
    99: ((403.2, 432, 446.4), 438.29, 0.005),
    99.5: ((201.6, 216, 223.2), 219.15, 0.005),
    99.9: ((40.32, 43.2, 44.64), 43.829, 0.0005),
    99.95: ((20.16, 21.6, 22.32), 21.915, 0.0005),
    99.99: ((4.032, 4.32, 4.464), 4.383, 0.0005),
    99.999: ((0.4032, 0.432, 0.4464), 0.4383, 0.00005),
}


@pytest.mark.parametrize("target", TARGETS)
def test_allowed_downtime_in_28_30_and_31_day_months(target):
    expected, _, _ = ALLOWED_TABLE[target]
    got = [sla.allowed_downtime_min(target, sla.minutes_in_month(d)) for d in (28, 30, 31)]
    assert got == pytest.approx(expected, rel=1e-9)  # 99.999 itself is not exact in binary


@pytest.mark.parametrize("target", TARGETS)
def test_allowed_downtime_in_the_average_gregorian_month(target):
    _, expected, half_unit = ALLOWED_TABLE[target]
    got = sla.availability_table(target, basis="gregorian").column("month")[0]
    assert abs(got - expected) <= half_unit


def test_99_9_allows_43_2_minutes_in_30_days_and_44_64_in_31():
    assert sla.allowed_downtime_min(99.9, MIN_30D) == pytest.approx(43.2)
    assert sla.allowed_downtime_min(99.9, MIN_31D) == pytest.approx(44.64)
    assert sla.allowed_downtime_min(99.99, MIN_30D) * 60 == pytest.approx(259.2)
    assert sla.allowed_downtime_min(99.99, MIN_31D) * 60 == pytest.approx(267.84)
    assert sla.allowed_downtime_min(99.999, MIN_30D) * 60 == pytest.approx(25.92)


def test_uptime_is_gives_43m50s_at_99_9_because_its_month_is_gregorian():
    got = sla.availability_table(99.9, basis="gregorian").column("month")[0]
    assert got == pytest.approx(43.8291, abs=1e-4)
    minutes, seconds = divmod(got * 60, 60)
    assert (int(minutes), round(seconds, 1)) == (43, 49.7)


def test_uptime_is_99_pct_page_monthly_quarterly_yearly():
    table = sla.availability_table(99, basis="gregorian")

    def hms(minutes):
        return round(minutes * 60)

    assert hms(table.column("month")[0]) == 7 * 3600 + 18 * 60 + 17  # 7h 18m 17s (17.46 s)
    assert hms(table.column("quarter")[0]) == 21 * 3600 + 54 * 60 + 52  # 21h 54m 52s
    assert hms(table.column("year")[0]) == ((3 * 24 + 15) * 60 + 39) * 60 + 30  # 3d 15h 39m 30s


@pytest.mark.parametrize(
    ("target", "minutes"), [(99.9, 525.6), (99.95, 262.8), (99.99, 52.56), (99.999, 5.256)]
)
def test_yearly_allowed_downtime_on_a_365_day_year(target, minutes):
    assert sla.availability_table(target).column("year")[0] == pytest.approx(minutes, rel=1e-9)


def test_99_9_allows_8_76_hours_a_year_and_99_99_allows_52_56_minutes():
    table = sla.availability_table([99.9, 99.99])
    assert table.column("year") / 60 == pytest.approx([8.76, 52.56 / 60])
    assert table.column("month") == pytest.approx([43.2, 4.32])


# ---------------------------------------------------------------------------
# The SRE availability table, every cell at its printed precision
# ---------------------------------------------------------------------------

SRE_TABLE = {  # availability: (per year, per quarter, per month, per week, per day, per hour)
    90: ("36.5 days", "9 days", "3 days", "16.8 hours", "2.4 hours", "6 minutes"),
    95: ("18.25 days", "4.5 days", "1.5 days", "8.4 hours", "1.2 hours", "3 minutes"),
    99: ("3.65 days", "21.6 hours", "7.2 hours", "1.68 hours", "14.4 minutes", "36 seconds"),
    99.5: ("1.83 days", "10.8 hours", "3.6 hours", "50.4 minutes", "7.20 minutes", "18 seconds"),
    99.9: ("8.76 hours", "2.16 hours", "43.2 minutes", "10.1 minutes", "1.44 minutes",
           "3.6 seconds"),
    99.95: ("4.38 hours", "1.08 hours", "21.6 minutes", "5.04 minutes", "43.2 seconds",
            "1.8 seconds"),
    99.99: ("52.6 minutes", "12.96 minutes", "4.32 minutes", "60.5 seconds", "8.64 seconds",
            "0.36 seconds"),
    99.999: ("5.26 minutes", "1.30 minutes", "25.9 seconds", "6.05 seconds", "0.87 seconds",
             "0.04 seconds"),
}
SRE_COLUMNS = ("year", "quarter", "month", "week", "day", "hour")
UNIT_MIN = {"seconds": 1 / 60, "minutes": 1.0, "hours": 60.0, "days": 1440.0}
SRE_MISPRINT = (99.999, "day")  # printed 0.87 s; 86,400 s x 0.00001 = 0.864 s, which is 0.86


def _printed(cell):
    """'1.83 days' -> (value in minutes, half a unit of the last printed digit in minutes)."""
    number, unit = cell.split()
    decimals = len(number.split(".")[1]) if "." in number else 0
    return float(number) * UNIT_MIN[unit], 0.5 * 10.0**-decimals * UNIT_MIN[unit]


@pytest.mark.parametrize("target", list(SRE_TABLE))
def test_sre_table_row_matches_at_its_printed_precision(target):
    table = sla.availability_table(target, basis="sre")
    for period, cell in zip(SRE_COLUMNS, SRE_TABLE[target], strict=True):
        if (target, period) == SRE_MISPRINT:
            continue
        printed, half_unit = _printed(cell)
        got = table.column(period)[0]
        assert abs(got - printed) <= half_unit * (1 + 1e-9), (target, period, got, cell)


def test_sre_table_prints_0_87_s_per_day_at_99_999_where_the_arithmetic_gives_0_864_s():
    got_s = sla.availability_table(99.999).column("day")[0] * 60
    assert got_s == pytest.approx(0.864)
    printed, half_unit = _printed(SRE_TABLE[99.999][SRE_COLUMNS.index("day")])
    assert abs(got_s / 60 - printed) > half_unit  # off by more than rounding explains


def test_sre_basis_is_a_30_day_month_90_day_quarter_365_day_year():
    table = sla.availability_table(99.9)
    days = dict(zip(table.periods, table.period_days, strict=True))
    assert days == facts.SRE_TABLE_BASES_DAYS
    assert (days["month"], days["quarter"], days["year"]) == (30, 90, 365)
    assert "month = 30 d" in table.to_markdown()


def test_availability_table_renders_as_a_table_in_notebooks():
    table = sla.availability_table([99.9, 99.99])
    html = table._repr_html_()
    assert html.startswith("<table>") and "43.2 minutes" in html and "52.56 minutes" in html
    markdown = table.to_markdown()
    assert markdown.splitlines()[0].startswith("| availability | per hour")
    assert "| 99.9% |" in markdown and "8.76 hours" in markdown
    assert table.allowed_min.shape == (2, 6)
    with pytest.raises(ValueError):
        table.allowed_min[0, 0] = 1.0  # read-only: a result, not a scratch pad


def test_availability_table_does_not_freeze_the_callers_array():
    targets = np.array([99.9, 99.99])
    sla.availability_table(targets)
    targets[0] = 99.0  # still writable


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(43.2, "43.2 minutes"), (525.6, "8.76 hours"), (52_560, "36.5 days"),
     (0.144, "8.64 seconds"), (1, "1 minute"), (0, "0 seconds"), (12.96, "12.96 minutes")],
)
def test_durations_render_like_the_sre_table(minutes, text):
    assert sla.format_duration_min(minutes) == text


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0.99999, "1 minute"), (59.99999, "1 hour"), (1439.99, "1 day"), (59.99, "59.99 minutes")],
)
def test_a_duration_that_rounds_up_to_a_whole_unit_is_shown_in_the_next_unit(minutes, text):
    assert sla.format_duration_min(minutes) == text  # never "60 seconds" or "24 hours"


_UNIT_MIN = {"second": 1 / 60, "minute": 1.0, "hour": 60.0, "day": 1440.0}
_NEXT_UNIT_AT = {"second": 60, "minute": 60, "hour": 24, "day": math.inf}


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.floats(0, 1e7), st.sampled_from([0.99999, 59.99999, 1439.99, 1439.9999])),
       st.integers(1, 6))
def test_a_rendered_duration_is_below_the_next_unit_and_within_its_rounding(minutes, digits):
    number, unit = sla.format_duration_min(minutes, digits).split(" ")
    unit = unit.removesuffix("s")
    value = float(number)
    assert value < _NEXT_UNIT_AT[unit]  # "60 seconds" would be "1 minute"
    assert unit == "second" or value >= 1  # a larger unit is used only from 1 upwards
    shown_min = value * _UNIT_MIN[unit]
    assert shown_min == pytest.approx(minutes, rel=10.0 ** (1 - digits), abs=1e-300)


# ---------------------------------------------------------------------------
# Uptime and service credits
# ---------------------------------------------------------------------------


def test_45_minutes_in_31_days_is_99_8992_pct_and_a_10_pct_credit_for_a_premium_single_vm():
    uptime = sla.monthly_uptime_pct(45, MIN_31D)
    assert uptime == pytest.approx(99.8992, abs=5e-5)
    assert not sla.sla_met(uptime, "single_premium")
    assert sla.service_credit_pct(uptime, "single_premium") == 10


def test_22_minutes_in_30_days_is_99_94907_pct_and_a_10_pct_credit_for_an_availability_set():
    uptime = sla.monthly_uptime_pct(22, MIN_30D)
    assert uptime == pytest.approx(99.94907, abs=5e-6)
    assert sla.service_credit_pct(uptime, "availability_set") == 10


def test_five_hours_in_30_days_is_99_30556_pct_still_only_the_10_pct_band():
    uptime = sla.monthly_uptime_pct(300, MIN_30D)
    assert uptime == pytest.approx(99.30556, abs=5e-6)
    assert sla.service_credit_pct(uptime, "single_premium") == 10


def test_credit_bands_grow_as_uptime_falls():
    uptime = np.array([100, 99.9, 99.89, 99.0, 98.99, 95.0, 94.99, 0])
    assert sla.service_credit_pct(uptime, "single_premium").tolist() == [
        0, 0, 10, 10, 25, 25, 100, 100]
    assert sla.sla_met(uptime, "single_premium").tolist() == [
        True, True, False, False, False, False, False, False]


def test_credit_bands_come_from_the_cited_tier_data():
    for key, tier in sla.TIERS.items():
        assert sla.tier(key) is tier is facts.SLA_TIERS[key]
        assert tier.source == "azure_sla_vm_v19"
        worst = tier.credit_bands[-1]
        assert sla.service_credit_pct(worst.below_pct - 0.01, key) == worst.credit_pct
        assert sla.service_credit_pct(tier.target_pct, key) == 0


def test_using_exactly_the_allowed_downtime_still_meets_the_target():
    for key, tier in sla.TIERS.items():
        for days in (28, 29, 30, 31):
            month = sla.minutes_in_month(days)
            budget = sla.allowed_downtime_min(tier.target_pct, month)
            verdict = sla.month_verdict(budget, month, key)
            assert verdict.met and verdict.credit_pct == 0
            assert verdict.budget_used_share == pytest.approx(1.0)
            assert sla.sla_met(sla.monthly_uptime_pct(budget, month), key)


def test_month_verdict_agrees_with_the_separate_functions():
    downtime = np.array([0, 10, 45, 300, 5000])
    for key in sla.TIERS:
        arrays = sla.month_verdict(downtime, MIN_31D, key)
        for i, d in enumerate(downtime):
            one = sla.month_verdict(float(d), MIN_31D, key)
            assert isinstance(one.uptime_pct, float) and isinstance(one.met, bool)
            assert one.uptime_pct == pytest.approx(arrays.uptime_pct[i])
            assert one.credit_pct == arrays.credit_pct[i]
            assert one.met == arrays.met[i]
            assert one.budget_used_share == pytest.approx(arrays.budget_used_share[i])
            assert one.allowed_min == pytest.approx(sla.allowed_downtime_min(
                sla.tier(key).target_pct, MIN_31D))


def test_scalars_give_python_floats_and_arrays_give_arrays():
    assert type(sla.monthly_uptime_pct(45, MIN_31D)) is float
    assert type(sla.allowed_downtime_min(99.9, MIN_30D)) is float
    assert type(sla.sla_met(99.95, "availability_set")) is bool
    assert type(sla.freezes_within_budget(30, 99.9, MIN_30D)) is int
    out = sla.monthly_uptime_pct([0, 45], [MIN_30D, MIN_31D])
    assert isinstance(out, np.ndarray) and out.shape == (2,)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(0, MIN_31D, allow_nan=False), st.floats(0, MIN_31D, allow_nan=False),
    st.sampled_from([40_320, 41_760, MIN_30D, MIN_31D]),
)
def test_uptime_falls_as_downtime_grows(d1, d2, month):
    d1, d2 = sorted((min(d1, month), min(d2, month)))
    u1, u2 = sla.monthly_uptime_pct(d1, month), sla.monthly_uptime_pct(d2, month)
    assert 0 <= u2 <= u1 <= 100


# ---------------------------------------------------------------------------
# Sub-minute freezes: three accounting rules
# ---------------------------------------------------------------------------


def test_one_30s_freeze_costs_half_a_minute_when_counted_in_seconds():
    assert sla.outage_downtime_min(30) == 0.5
    uptime = sla.monthly_uptime_pct(sla.monthly_downtime_min([30]), MIN_30D)
    assert uptime == pytest.approx(99.998843, abs=5e-7)


def test_one_30s_freeze_costs_one_minute_when_minutes_are_whole():
    assert sla.outage_downtime_min(30, "rounded_up") == 1
    uptime = sla.monthly_uptime_pct(sla.monthly_downtime_min([30], "rounded_up"), MIN_30D)
    assert uptime == pytest.approx(99.997685, abs=5e-7)


def test_a_30s_freeze_touches_one_clock_minute_or_two_if_it_straddles_a_boundary():
    starts = np.array([0, 10, 30, 50])
    got = sla.outage_downtime_min(np.full(4, 30.0), "clock_minutes", start_s=starts)
    assert got.tolist() == [1, 1, 1, 2]


def test_clock_minutes_formula_and_zero_length_outages():
    assert sla.outage_downtime_min(0, "clock_minutes", start_s=10) == 0
    assert sla.outage_downtime_min(0, "rounded_up") == 0
    assert sla.outage_downtime_min(60, "clock_minutes", start_s=0) == 1
    assert sla.outage_downtime_min(60, "clock_minutes", start_s=30) == 2
    assert sla.outage_downtime_min(61, "rounded_up") == 2


def test_a_1s_outage_2ms_before_a_boundary_touches_two_minutes_late_in_a_31_day_month_too():
    month_s = MIN_31D * 60
    for boundary_s in (60.0, month_s / 2, month_s - 60.0):
        start_s = boundary_s - 0.002
        assert sla.outage_downtime_min(1.0, "clock_minutes", start_s=start_s) == 2
        assert sla.monthly_downtime_min([1.0], "clock_minutes", start_s=[start_s]) == 2
        # ... and one that ends 2 ms before the boundary touches one.
        assert sla.outage_downtime_min(1.0, "clock_minutes", start_s=boundary_s - 1.002) == 1


TICK_S = 2.0**-20  # about a microsecond; every multiple up to 2**53 ticks is an exact float
MONTH_TICKS = MIN_31D * 60 * 2**20


def _exact_clock_minutes(start_ticks: int, length_ticks: int) -> int:
    """Clock minutes touched by [start, start + length), in whole ticks: exact integers."""
    minute = 60 * 2**20
    if length_ticks == 0:
        return 0
    return -(-(start_ticks + length_ticks) // minute) - start_ticks // minute


near_a_boundary = st.builds(
    lambda k, offset: max(0, k * 60 * 2**20 + offset),
    st.integers(0, MIN_31D - 1), st.integers(-2**13, 2**13),  # within about 8 ms of one
)


@settings(max_examples=100, deadline=None)
@given(start_ticks=st.one_of(near_a_boundary, st.integers(0, MONTH_TICKS)),
       length_ticks=st.one_of(st.integers(0, 2**13), st.integers(0, 600 * 2**20)))
def test_clock_minutes_match_exact_rational_boundaries_anywhere_in_the_month(
        start_ticks, length_ticks):
    # Times on a grid of 2**-20 s are exact floats, and so are their sums: the rule must count
    # exactly the minutes an exact computation counts, on the first day and on the last.
    start_s, outage_s = start_ticks * TICK_S, length_ticks * TICK_S
    expected = _exact_clock_minutes(start_ticks, length_ticks)
    assert sla.outage_downtime_min(outage_s, "clock_minutes", start_s=start_s) == expected
    assert sla.monthly_downtime_min([outage_s], "clock_minutes", start_s=[start_s]) == expected


@settings(max_examples=100, deadline=None)
@given(start_us=st.one_of(st.builds(lambda k, o: max(0, k * 60_000_000 + o),
                                    st.integers(0, MIN_31D - 1), st.integers(-5000, 5000)),
                          st.integers(0, MIN_31D * 60_000_000)),
       length_us=st.integers(1, 600_000_000))
def test_clock_minutes_of_decimal_times_are_exact_away_from_float_resolution(start_us, length_us):
    # Times typed in microseconds are not exact floats, but a microsecond is 2,000 times the
    # float spacing late in a month: wherever the exact end is not on a boundary, the count
    # is the exact one.
    minute_us = 60_000_000
    assume((start_us + length_us) % minute_us != 0)
    expected = -(-(start_us + length_us) // minute_us) - start_us // minute_us
    got = sla.outage_downtime_min(length_us / 1e6, "clock_minutes", start_s=start_us / 1e6)
    assert got == expected


@settings(max_examples=100, deadline=None)
@given(st.floats(0, 3600), st.floats(0, MIN_31D * 60))
def test_clock_minutes_charge_at_least_the_rounded_up_minutes_and_at_most_one_more(outage_s,
                                                                                    start_s):
    exact = sla.outage_downtime_min(outage_s)
    rounded = sla.outage_downtime_min(outage_s, "rounded_up")
    clock = sla.outage_downtime_min(outage_s, "clock_minutes", start_s=start_s)
    assert exact <= rounded <= clock <= rounded + 1
    assert (rounded > 0) == (outage_s > 0)  # a positive outage costs at least one minute


def test_a_clock_minute_touched_by_two_freezes_counts_once():
    assert sla.monthly_downtime_min([20, 20], "clock_minutes", start_s=[0, 30]) == 1
    assert sla.monthly_downtime_min([20, 20], "clock_minutes", start_s=[0, 70]) == 2
    assert sla.monthly_downtime_min([30, 30], "clock_minutes", start_s=[50, 70]) == 2
    per_vm = sla.monthly_downtime_min(
        [[20, 20], [20, 20]], "clock_minutes", start_s=[[0, 30], [0, 70]])
    assert per_vm.tolist() == [1, 2]


def test_a_month_without_outages_has_no_downtime():
    for rule in sla.ACCOUNTING_RULES:
        assert sla.monthly_downtime_min([], rule, start_s=[]) == 0


def test_rounding_up_does_not_charge_an_extra_minute_for_binary_noise():
    assert sla.outage_downtime_min(0.1 * 3 * 200, "rounded_up") == 1  # 60.00000000000001 s


@pytest.mark.parametrize(
    ("freeze_s", "target", "days", "rule", "count"),
    [
        (30, 99.9, 30, "exact", 86),
        (30, 99.9, 31, "exact", 89),
        (30, 99.95, 30, "exact", 43),
        (30, 99.99, 30, "exact", 8),
        (10, 99.9, 30, "exact", 259),
        (5, 99.9, 30, "exact", 518),
        (30, 99.9, 30, "rounded_up", 43),
        (1, 99.9, 30, "exact", 2592),  # exactly on the budget: binary rounding loses none
    ],
)
def test_whole_freezes_that_fit_in_the_monthly_budget(freeze_s, target, days, rule, count):
    assert sla.freezes_within_budget(freeze_s, target, sla.minutes_in_month(days), rule) == count


def test_a_freeze_of_1e_17_s_is_refused_by_name_not_wrapped_to_a_negative_count():
    with pytest.raises(ValueError, match=r"freeze_s=1e-17 is too short.*MAX_FREEZE_COUNT"):
        sla.freezes_within_budget(1e-17, 99.9, MIN_30D)
    # Under a rounding rule even the shortest freeze costs a whole minute: 43 fit in 43.2.
    assert sla.freezes_within_budget(1e-17, 99.9, MIN_30D, "rounded_up") == 43
    assert sla.freezes_within_budget(1e-6, 99.9, MIN_30D) == 2_592_000_000


@settings(max_examples=100, deadline=None)
@given(freeze_ms=st.integers(1, 10**7), target_thousandths=st.integers(0, 100_000),
       days=st.integers(28, 31), rule=st.sampled_from(sla.ACCOUNTING_RULES),
       case=st.sampled_from(sla.CLOCK_CASES))
def test_whole_freezes_in_the_budget_match_exact_integer_arithmetic(freeze_ms, target_thousandths,
                                                                    days, rule, case):
    # Decimal inputs (a freeze in ms, a target such as 99.95), counted in exact integers.
    month_min = sla.minutes_in_month(days)
    budget_ms = (100_000 - target_thousandths) * month_min * 60_000  # x 100,000
    if rule == "exact":
        expected = budget_ms // (freeze_ms * 100_000)
    else:
        cost_min = -(-freeze_ms // 60_000) + (rule == "clock_minutes" and case == "worst")
        expected = budget_ms // (cost_min * 60_000 * 100_000)
    got = sla.freezes_within_budget(freeze_ms / 1000, target_thousandths / 1000, month_min,
                                    rule, clock_case=case)
    assert type(got) is int and got == expected


@settings(max_examples=100, deadline=None)
@given(st.floats(1e-300, 1e7), st.floats(0, 100), st.floats(1, 1e6),
       st.sampled_from(sla.ACCOUNTING_RULES))
def test_freezes_within_budget_is_a_count_or_a_named_error_for_any_freeze(freeze_s, target,
                                                                          month_min, rule):
    try:
        got = sla.freezes_within_budget(freeze_s, target, month_min, rule)
    except ValueError as exc:
        assert "freeze_s" in str(exc) and "MAX_FREEZE_COUNT" in str(exc)
    else:
        assert 0 <= got <= sla.MAX_FREEZE_COUNT


def test_clock_minutes_budget_is_conservative_unless_freezes_align_with_minutes():
    assert sla.freezes_within_budget(30, 99.9, MIN_30D, "clock_minutes") == 21  # 2 min each
    assert sla.freezes_within_budget(30, 99.9, MIN_30D, "clock_minutes", clock_case="best") == 43


def test_freezes_within_budget_is_vectorised():
    got = sla.freezes_within_budget(np.array([5, 10, 30]), 99.9, MIN_30D)
    assert got.tolist() == [518, 259, 86]


# ---------------------------------------------------------------------------
# Composite availability
# ---------------------------------------------------------------------------


def test_a_99_95_pct_service_behind_a_99_99_pct_one_is_99_940005_pct():
    assert sla.composite_serial_pct(99.95, 99.99) == pytest.approx(99.940005, abs=1e-9)


def test_two_independent_99_9_pct_replicas_give_99_9999_pct():
    assert sla.composite_parallel_pct(99.9, 99.9) == pytest.approx(99.9999, abs=1e-9)


def test_composites_broadcast_over_arrays():
    got = sla.composite_serial_pct([99.9, 99.95], 99.99)
    assert got == pytest.approx([99.890010, 99.940005])


# ---------------------------------------------------------------------------
# Bad input: errors name the parameter, the value and what is allowed
# ---------------------------------------------------------------------------


def test_negative_or_nan_downtime_is_refused_by_name():
    with pytest.raises(ValueError, match=r"downtime_min must be >= 0, got .*-1\.0"):
        sla.monthly_uptime_pct(-1, MIN_30D)
    with pytest.raises(ValueError, match="downtime_min must be finite"):
        sla.monthly_uptime_pct(float("nan"), MIN_30D)
    with pytest.raises(ValueError, match="downtime_min must be >= 0"):
        sla.month_verdict(-1.0, MIN_30D, "single_premium")


def test_downtime_longer_than_the_month_is_refused():
    with pytest.raises(ValueError, match="downtime_min must be <= month_min"):
        sla.monthly_uptime_pct(50_000, MIN_30D)
    with pytest.raises(ValueError, match="downtime_min must be <= month_min"):
        sla.month_verdict(50_000, MIN_30D, "single_premium")


def test_month_length_must_be_positive():
    with pytest.raises(ValueError, match="month_min must be > 0"):
        sla.allowed_downtime_min(99.9, 0)
    with pytest.raises(ValueError, match="month_min must be > 0"):
        sla.month_verdict(0.0, -5.0, "single_premium")


def test_percentages_outside_0_to_100_are_refused():
    with pytest.raises(ValueError, match=r"target_pct must be in \[0.0, 100.0\], got .*101"):
        sla.allowed_downtime_min(101, MIN_30D)
    with pytest.raises(ValueError, match="uptime_pct"):
        sla.service_credit_pct(-0.5, "single_premium")
    with pytest.raises(ValueError, match="targets"):
        sla.availability_table([99.9, 120])
    with pytest.raises(ValueError, match=r"availabilities_pct\[1\]"):
        sla.composite_serial_pct(99.9, 100.1)
    with pytest.raises(ValueError, match="availabilities_pct"):
        sla.composite_parallel_pct()


def test_unknown_tier_lists_the_allowed_keys():
    with pytest.raises(ValueError, match=r"tier must be one of \[.*'single_premium'.*got 'gold'"):
        sla.tier("gold")
    with pytest.raises(ValueError, match="tier must be one of"):
        sla.month_verdict(1.0, MIN_30D, "gold")


def test_unknown_rule_basis_or_clock_case_is_refused():
    with pytest.raises(ValueError, match="rule must be one of"):
        sla.outage_downtime_min(30, "per_second")
    with pytest.raises(ValueError, match="basis must be one of"):
        sla.availability_table(99.9, basis="julian")
    with pytest.raises(ValueError, match="clock_case must be one of"):
        sla.freezes_within_budget(30, 99.9, MIN_30D, "clock_minutes", clock_case="typical")


def test_clock_minutes_needs_a_start_per_outage():
    with pytest.raises(ValueError, match="start_s is required"):
        sla.monthly_downtime_min([30], "clock_minutes")
    with pytest.raises(ValueError, match="start_s must have one start per outage"):
        sla.monthly_downtime_min([30, 30], "clock_minutes", start_s=[0])
    with pytest.raises(ValueError, match="start_s must be >= 0"):
        sla.outage_downtime_min(30, "clock_minutes", start_s=-1)


def test_negative_outages_and_zero_freezes_are_refused():
    with pytest.raises(ValueError, match="outages_s must be >= 0"):
        sla.monthly_downtime_min([30, -1])
    with pytest.raises(ValueError, match="outage_s must be finite"):
        sla.outage_downtime_min([float("inf")])
    with pytest.raises(ValueError, match="freeze_s must be > 0"):
        sla.freezes_within_budget(0, 99.9, MIN_30D)


def test_minutes_in_month_wants_exactly_one_way():
    with pytest.raises(ValueError, match="exactly one of days"):
        sla.minutes_in_month()
    with pytest.raises(ValueError, match="exactly one of days"):
        sla.minutes_in_month(30, year=2024, month=2)
    with pytest.raises(ValueError, match="both year= and month="):
        sla.minutes_in_month(year=2024)
    with pytest.raises(ValueError, match="days must be >= 28, got 27"):
        sla.minutes_in_month(27)
    with pytest.raises(ValueError, match="month must be <= 12, got 13"):
        sla.minutes_in_month(year=2024, month=13)
    with pytest.raises(TypeError, match="days must be an integer"):
        sla.minutes_in_month(30.5)


def test_text_where_a_number_belongs_is_a_type_error():
    with pytest.raises(TypeError, match="downtime_min must be a number"):
        sla.monthly_uptime_pct("45", MIN_31D)
    with pytest.raises(TypeError, match="minutes must be a real number"):
        sla.format_duration_min("43.2")


def test_shapes_that_do_not_broadcast_are_named():
    with pytest.raises(ValueError, match=re.escape("downtime_min (2,), month_min (3,)")):
        sla.monthly_uptime_pct([1, 2], [MIN_30D, MIN_30D, MIN_31D])
