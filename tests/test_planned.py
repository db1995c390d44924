"""Reboot maintenance: the start hour, the SLA budget and the rolling update of chapter 2."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maintsim import facts, planned, sla

DAY = planned.diurnal_requests_per_min()
MONTH_30D = sla.minutes_in_month(30)


# ---------------------------------------------------------------------------
# The daily curve
# ---------------------------------------------------------------------------


def test_the_assumed_day_holds_exactly_mean_times_1440_requests():
    assert DAY.shape == (1440,)
    assert DAY.sum() == pytest.approx(facts.DIURNAL_MEAN_REQUESTS_PER_MIN * 1440, rel=1e-12)


def test_the_assumed_day_peaks_at_14_00_and_bottoms_out_at_02_00():
    assert divmod(int(DAY.argmax()), 60)[0] in (13, 14)
    assert divmod(int(DAY.argmin()), 60)[0] in (1, 2)
    assert DAY.max() == pytest.approx(1800, abs=0.01)
    assert DAY.min() == pytest.approx(200, abs=0.01)


def test_each_minute_is_the_integral_of_the_rate_over_that_minute():
    mu, a, peak = 500.0, 0.5, 9.0
    day = planned.diurnal_requests_per_min(mu, a, peak)
    fine = np.linspace(0, 1440, 1440 * 200, endpoint=False) + 1 / 400  # midpoints
    rate = mu * (1 + a * np.cos(2 * np.pi * (fine - peak * 60) / 1440))
    numeric = rate.reshape(1440, 200).mean(axis=1)
    np.testing.assert_allclose(day, numeric, rtol=1e-6)


def test_a_flat_curve_has_the_same_rate_every_minute():
    np.testing.assert_allclose(planned.diurnal_requests_per_min(60, 0, 12), 60.0)


# ---------------------------------------------------------------------------
# Requests a reboot touches
# ---------------------------------------------------------------------------


def test_a_reboot_touches_the_requests_of_the_minutes_it_covers():
    day = np.arange(1440, dtype=float)
    assert planned.requests_touched(day, 10, 3) == 10 + 11 + 12
    assert planned.requests_touched(day, 10.5, 1) == pytest.approx(0.5 * 10 + 0.5 * 11)


def test_a_reboot_that_crosses_midnight_runs_into_the_next_day():
    day = np.arange(1440, dtype=float)
    assert planned.requests_touched(day, 1438, 4) == 1438 + 1439 + 0 + 1


def test_a_whole_day_of_downtime_touches_every_request_of_the_day():
    for start in (0, 317, 1439.5):
        assert planned.requests_touched(DAY, start, 1440) == pytest.approx(DAY.sum())


def test_a_zero_minute_reboot_touches_nothing():
    assert planned.requests_touched(DAY, 600, 0) == 0


@settings(max_examples=50, deadline=None)
@given(duration=st.floats(0, 300))
def test_over_all_start_hours_a_reboot_touches_on_average_its_share_of_the_day(duration):
    touched = planned.touched_by_start_hour(DAY, duration)
    # Hourly starts sample the cosine evenly, so the mean is exactly the flat-day value.
    assert touched.mean() == pytest.approx(
        facts.DIURNAL_MEAN_REQUESTS_PER_MIN * duration, rel=1e-9, abs=1e-9)


def test_the_best_hour_is_at_the_trough_and_the_worst_at_the_peak():
    touched = planned.touched_by_start_hour(DAY, 5)
    assert int(touched.argmin()) == 2
    assert int(touched.argmax()) == 14
    assert touched.max() / touched.min() == pytest.approx(9, rel=1e-2)


def test_requests_touched_broadcasts_starts_against_durations():
    out = planned.requests_touched(DAY, np.array([[0.0], [600.0]]), np.array([1.0, 5.0]))
    assert out.shape == (2, 2)


# ---------------------------------------------------------------------------
# The SLA budget
# ---------------------------------------------------------------------------


def test_one_five_minute_reboot_already_misses_99_99_in_a_30_day_month():
    rows = {r.tier: r for r in planned.reboot_budget(5, MONTH_30D)}
    zones = rows["availability_zones"]
    assert zones.allowed_min == pytest.approx(4.32)
    assert zones.reboots_absorbed == 0
    assert not zones.one_reboot_meets_target
    assert zones.uptime_one_reboot_pct == pytest.approx((43_200 - 5) / 43_200 * 100)


def test_a_99_9_percent_month_absorbs_eight_five_minute_reboots_or_two_of_fifteen():
    five = {r.tier: r for r in planned.reboot_budget(5, MONTH_30D)}
    fifteen = {r.tier: r for r in planned.reboot_budget(15, MONTH_30D)}
    assert five["single_premium"].reboots_absorbed == 8
    assert fifteen["single_premium"].reboots_absorbed == 2
    assert five["availability_set"].reboots_absorbed == 4
    assert fifteen["availability_set"].reboots_absorbed == 1


def test_a_reboot_exactly_the_size_of_the_budget_fits_once():
    allowed = sla.allowed_downtime_min(99.9, MONTH_30D)  # 43.2 minutes
    row = {r.tier: r for r in planned.reboot_budget(allowed, MONTH_30D)}["single_premium"]
    assert row.reboots_absorbed == 1
    assert row.one_reboot_meets_target


def test_the_budget_table_has_one_row_per_tier_in_order():
    assert [r.tier for r in planned.reboot_budget(5, MONTH_30D)] == list(sla.TIERS)


# ---------------------------------------------------------------------------
# The rolling update
# ---------------------------------------------------------------------------


def test_the_sixth_vm_of_a_five_domain_set_goes_back_into_the_first_domain():
    assert planned.update_domain_of_vm(7, 5).tolist() == [0, 1, 2, 3, 4, 0, 1]


def test_domains_go_down_one_at_a_time_thirty_minutes_after_the_last_reboot_ended():
    update = planned.rolling_update(5, 5, reboot_min=5)
    np.testing.assert_allclose(update.ud_start_min, [0, 35, 70, 105, 140])
    np.testing.assert_allclose(update.ud_end_min, [5, 40, 75, 110, 145])
    assert update.duration_min == 145


def test_a_two_vm_set_always_keeps_one_vm_serving():
    update = planned.rolling_update(2, 5, reboot_min=5, warmup_min=10)
    count, _ = planned.min_serving(update)
    assert count == 1
    times = np.linspace(-10, 100, 2001)
    assert np.all(np.asarray(planned.serving_count(update, times)) >= 1)


def test_a_warm_up_longer_than_the_recovery_gap_takes_the_whole_two_vm_set_down():
    update = planned.rolling_update(2, 5, reboot_min=5, warmup_min=31)
    count, at = planned.min_serving(update)
    assert count == 0
    assert at == 35  # the second domain goes down while the first VM still warms up


def test_a_warm_up_exactly_as_long_as_the_gap_still_keeps_one_vm():
    update = planned.rolling_update(2, 5, reboot_min=5, warmup_min=30)
    assert planned.min_serving(update)[0] == 1


def test_a_single_vm_has_no_vm_serving_during_its_reboot():
    update = planned.rolling_update(1, 1, reboot_min=5)
    assert planned.min_serving(update) == (0, 0.0)
    assert planned.serving_count(update, 4.9) == 0
    assert planned.serving_count(update, 5.0) == 1


def test_the_order_of_domains_changes_who_goes_first_not_the_minimum_or_the_length():
    ascending = planned.rolling_update(5, 5, reboot_min=5)
    shuffled = planned.rolling_update(5, 5, reboot_min=5, order=[3, 0, 4, 1, 2])
    assert shuffled.vm_down_min[3] == 0
    assert shuffled.duration_min == ascending.duration_min
    assert planned.min_serving(shuffled)[0] == planned.min_serving(ascending)[0] == 4


@settings(max_examples=200, deadline=None)
@given(
    n_vms=st.integers(1, 40),
    n_uds=st.integers(1, 20),
    reboot=st.floats(0.5, 60),
    warmup=st.floats(0, 30),
    seed=st.integers(0, 2**32 - 1),
)
def test_with_warm_up_within_the_gap_the_minimum_is_the_set_minus_its_largest_domain(
    n_vms, n_uds, reboot, warmup, seed
):
    used = np.unique(planned.update_domain_of_vm(n_vms, n_uds))
    order = np.random.default_rng(seed).permutation(used)
    update = planned.rolling_update(n_vms, n_uds, reboot_min=reboot, warmup_min=warmup,
                                    order=order)
    largest = np.bincount(update.vm_ud).max()
    assert planned.min_serving(update)[0] == n_vms - largest
    assert update.duration_min == pytest.approx(
        planned.rollout_duration_min(used.size, reboot))


@settings(max_examples=100, deadline=None)
@given(
    n_vms=st.integers(1, 60),
    n_uds=st.integers(1, 20),
    reboot=st.floats(0, 60),
    warmup=st.floats(0, 90),
    times=st.lists(st.floats(-10, 3000), max_size=30),
)
def test_serving_count_is_the_vms_outside_their_down_window(n_vms, n_uds, reboot, warmup, times):
    # The definition, VM by VM: serving unless down <= t < back.
    update = planned.rolling_update(n_vms, n_uds, reboot_min=reboot, warmup_min=warmup)
    instants = np.concatenate([times, update.vm_down_min, update.vm_back_min])
    down = ((update.vm_down_min <= instants[:, None])
            & (instants[:, None] < update.vm_back_min)).sum(axis=1)
    assert np.array_equal(planned.serving_count(update, instants), n_vms - down)


def test_a_million_vms_is_the_most_an_availability_set_is_laid_out_for():
    assert planned.update_domain_of_vm(planned.MAX_VMS, 5).size == planned.MAX_VMS
    with pytest.raises(ValueError, match=r"^n_vms must be <= 1000000, got 1000000000000$"):
        planned.update_domain_of_vm(10**12)  # would be 8 TB of domain numbers
    with pytest.raises(ValueError, match="^n_vms must be <= 1000000"):
        planned.rolling_update(10**7, 5, reboot_min=5)


def test_a_rollout_over_k_domains_takes_k_reboots_and_k_minus_1_gaps():
    assert planned.rollout_duration_min(1, 5) == 5
    assert planned.rollout_duration_min(5, 5) == 145
    assert planned.rollout_duration_min(20, 5) == 670
    np.testing.assert_allclose(planned.rollout_duration_min(np.arange(1, 4), 10), [10, 50, 90])


# ---------------------------------------------------------------------------
# Bad input: every error names the parameter
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: planned.diurnal_requests_per_min(amplitude=1.5), "amplitude"),
        (lambda: planned.diurnal_requests_per_min(mean_per_min=-1), "mean_per_min"),
        (lambda: planned.diurnal_requests_per_min(peak_hour=25), "peak_hour"),
        (lambda: planned.requests_touched(DAY[:100], 0, 5), "requests_per_min"),
        (lambda: planned.requests_touched(-DAY, 0, 5), "requests_per_min"),
        (lambda: planned.requests_touched(DAY, -1, 5), "start_min"),
        (lambda: planned.requests_touched(DAY, 0, np.nan), "duration_min"),
        (lambda: planned.touched_by_start_hour(DAY, -5), "duration_min"),
        (lambda: planned.reboot_budget(0, MONTH_30D), "reboot_min"),
        (lambda: planned.reboot_budget(5, 0), "month_min"),
        (lambda: planned.reboot_budget(50_000, MONTH_30D), "reboot_min"),
        (lambda: planned.update_domain_of_vm(0, 5), "n_vms"),
        (lambda: planned.update_domain_of_vm(2, 21), "n_uds"),
        (lambda: planned.rolling_update(2, 5, reboot_min=-1), "reboot_min"),
        (lambda: planned.rolling_update(2, 5, reboot_min=5, warmup_min=-1), "warmup_min"),
        (lambda: planned.rolling_update(2, 5, reboot_min=5, recovery_min=-1), "recovery_min"),
        (lambda: planned.rolling_update(2, 5, reboot_min=5, order=[0, 2]), "order"),
        (lambda: planned.rolling_update(2, 5, reboot_min=5, order=[0, 0]), "order"),
        (lambda: planned.rolling_update(2, 5, reboot_min=5, order=[0.0, 1.0]), "order"),
        (lambda: planned.rollout_duration_min(0, 5), "n_uds"),
        (lambda: planned.rollout_duration_min(2.5, 5), "n_uds"),
    ],
)
def test_bad_values_are_refused_with_the_parameter_named(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: planned.diurnal_requests_per_min(mean_per_min="1000"), "mean_per_min"),
        (lambda: planned.requests_touched("day", 0, 5), "requests_per_min"),
        (lambda: planned.reboot_budget(True, MONTH_30D), "reboot_min"),
        (lambda: planned.update_domain_of_vm(2.0, 5), "n_vms"),
        (lambda: planned.serving_count("not an update", 0), "update"),
        (lambda: planned.min_serving(None), "update"),
    ],
)
def test_wrong_types_are_refused_with_the_parameter_named(call, name):
    with pytest.raises(TypeError, match=name):
        call()
