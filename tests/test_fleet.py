"""Claims about the fleet Monte Carlo (maintsim.fleet)."""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from maintsim import facts, fleet, freeze, sla
from maintsim.freeze import LogNormalFreeze


def assert_identical(a: fleet.FleetResult, b: fleet.FleetResult) -> None:
    """Every field equal, floats bit for bit, arrays element for element."""
    for f in dataclasses.fields(fleet.FleetResult):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            assert np.array_equal(x, y), f.name
        else:
            assert x == y, f.name


# --- determinism -----------------------------------------------------------------


@pytest.mark.parametrize("rule", sla.ACCOUNTING_RULES)
def test_the_same_seed_gives_the_same_fleet_bit_for_bit(rule):
    run = dict(rule=rule, seed=42, keep_per_vm_month=True, block_vm_months=256)
    assert_identical(fleet.simulate_fleet(300, 12, **run), fleet.simulate_fleet(300, 12, **run))


def test_another_seed_gives_another_fleet():
    a = fleet.simulate_fleet(300, 12, seed=1)
    b = fleet.simulate_fleet(300, 12, seed=2)
    assert a.total_downtime_min != b.total_downtime_min


@settings(deadline=None, max_examples=60)
@given(
    n_vms=st.integers(1, 40),
    n_months=st.integers(1, 12),
    block=st.integers(1, 50),
    chunk=st.integers(1, 600),
    rule=st.sampled_from(sla.ACCOUNTING_RULES),
    seed=st.integers(0, 2**32),
)
def test_the_chunk_size_never_changes_the_result(n_vms, n_months, block, chunk, rule, seed):
    run = dict(rule=rule, seed=seed, block_vm_months=block, keep_per_vm_month=True,
               tier="availability_zones")
    one_pass = fleet.simulate_fleet(n_vms, n_months, chunk_vm_months=n_vms * n_months, **run)
    chunked = fleet.simulate_fleet(n_vms, n_months, chunk_vm_months=chunk, **run)
    assert_identical(one_pass, chunked)


def test_every_rule_sees_the_same_events_and_whole_minutes_never_cost_less():
    runs = {
        rule: fleet.simulate_fleet(2000, 12, rule=rule, seed=3, keep_per_vm_month=True)
        for rule in sla.ACCOUNTING_RULES
    }
    assert runs["exact"].events_by_kind == runs["clock_minutes"].events_by_kind
    assert runs["exact"].max_freeze_s == runs["clock_minutes"].max_freeze_s
    exact, rounded, clock = (runs[r].downtime_min_per_vm_month for r in sla.ACCOUNTING_RULES)
    assert np.all(rounded >= exact)
    assert np.all(clock >= rounded)
    assert runs["rounded_up"].miss_share >= runs["exact"].miss_share


# --- agreement with analytic expectations -------------------------------------------


def test_reboot_only_miss_share_matches_the_poisson_lognormal_calculation():
    rate, n_vms, n_months = 0.3, 25_000, 12
    model = freeze.model_for("reboot")
    tier = sla.tier("availability_zones")
    budget_s = sla.allowed_downtime_min(tier.target_pct, sla.minutes_in_month(30)) * 60
    r = fleet.simulate_fleet(n_vms, n_months, rates_per_month={"reboot": rate}, tier=tier.key,
                             seed=11)
    # A VM-month misses when its reboots add up to more than the budget (259.2 s).
    # One reboot: the model's exceedance. Two: 1 - P(X1 + X2 <= budget), by quadrature.
    one = model.exceedance(budget_s)
    both_short, _ = integrate.quad(lambda x: model.pdf(x) * model.cdf(budget_s - x), 0, budget_s)
    two = 1.0 - both_short
    p = stats.poisson(rate)
    known = p.pmf(1) * one + p.pmf(2) * two
    # Three or more reboots miss at least as often as two, at most always.
    low, high = known + p.sf(2) * two, known + p.sf(2)
    tolerance = 4 * math.sqrt(high * (1 - high) / r.n_vm_months)  # 4 Monte Carlo SEs
    assert low - tolerance <= r.miss_share <= high + tolerance
    # Below 99 % would need 7 hours of reboots: every miss is in the 10 % credit band.
    assert r.expected_credit_pct == pytest.approx(10 * r.miss_share, rel=1e-12)


def test_mean_downtime_is_the_rate_times_the_mean_freeze():
    r = fleet.simulate_fleet(10_000, 12, seed=5)
    rates = fleet.default_rates_per_month()
    models = fleet.default_models()
    seen = [k for k in rates if freeze.visible_to_vm(k)]  # a hot patch charges nothing
    mean_s = sum(rates[k] * models[k].mean_s for k in seen)
    # Compound Poisson: the variance of one VM-month's seconds is sum(rate * E[T^2]).
    var_s2 = sum(rates[k] * math.exp(2 * models[k].mu + 2 * models[k].sigma**2) for k in seen)
    se_min = math.sqrt(var_s2 / r.n_vm_months) / 60
    assert abs(r.mean_downtime_min - mean_s / 60) < 5 * se_min


def test_event_counts_follow_the_rates():
    r = fleet.simulate_fleet(10_000, 12, seed=6)
    for kind, rate in r.rates_per_month.items():
        expected = rate * r.n_vm_months
        assert abs(r.events_by_kind[kind] - expected) < 5 * math.sqrt(expected)


# --- bookkeeping -----------------------------------------------------------------------


def test_the_histogram_counts_every_vm_month_once():
    r = fleet.simulate_fleet(3000, 12, seed=7, rates_per_month={"reboot": 2.0},
                             uptime_hist_range_pct=(99.95, 100.0), uptime_hist_bins=50)
    assert r.uptime_hist_counts.sum() + r.uptime_below_hist_count == r.n_vm_months
    assert r.uptime_above_hist_count == 0  # the range ends at 100 %
    assert r.uptime_hist_edges_pct[0] == 99.95
    assert r.uptime_hist_edges_pct[-1] == 100.0
    assert r.uptime_below_hist_count > 0  # two reboots a month: some months lose 21.6 min


def test_vm_months_above_a_histogram_that_ends_below_100_pct_are_counted_apart():
    r = fleet.simulate_fleet(2000, 12, seed=1, uptime_hist_range_pct=(99.0, 99.999))
    assert r.uptime_above_hist_count > 0  # most VM-months lose less than 26 s
    assert (r.uptime_below_hist_count + r.uptime_hist_counts.sum() + r.uptime_above_hist_count
            == r.n_vm_months)


@settings(deadline=None, max_examples=30)
@given(low=st.floats(90.0, 99.999), width=st.floats(1e-4, 10.0), bins=st.integers(1, 300),
       rule=st.sampled_from(sla.ACCOUNTING_RULES), seed=st.integers(0, 2**32))
def test_below_bins_and_above_count_every_vm_month_once_for_any_range(low, width, bins, rule,
                                                                      seed):
    high = min(100.0, low + width)
    r = fleet.simulate_fleet(50, 12, rates_per_month={"mp_light": 2.0, "reboot": 0.5},
                             rule=rule, seed=seed, uptime_hist_range_pct=(low, high),
                             uptime_hist_bins=bins, block_vm_months=100)
    counted = r.uptime_below_hist_count + r.uptime_hist_counts.sum() + r.uptime_above_hist_count
    assert counted == r.n_vm_months


@pytest.mark.parametrize("rule", sla.ACCOUNTING_RULES)
def test_a_hot_patch_charges_no_downtime_under_any_rule(rule):
    # Hot patching is "not visible to VMs" (techcomm_hhr2023): rounding rules must not bill
    # each one a whole minute, and the exact rule must not bill its milliseconds either.
    r = fleet.simulate_fleet(2000, 12, rates_per_month={"hot_patch": 3.0}, rule=rule, seed=3,
                             tier="availability_zones")
    assert r.events_by_kind["hot_patch"] > 60_000  # drawn and counted ...
    assert r.total_downtime_min == 0.0 and r.miss_count == 0  # ... never billed
    assert r.worst_uptime_pct == 100.0
    assert r.freezes_over_30s == 0 and r.max_freeze_s == 0.0  # not a freeze the VM sees


@settings(deadline=None, max_examples=20)
@given(rule=st.sampled_from(sla.ACCOUNTING_RULES), hot=st.floats(0.1, 20.0),
       seed=st.integers(0, 2**32))
def test_adding_hot_patches_never_adds_downtime(rule, hot, seed):
    # Put a visible what-if kind with the same rate in the hot patch's place: both runs draw
    # the same random numbers (one normal per event, whatever the model), so the light
    # updates are identical and the only difference is whether the first kind is billed.
    models = {"visible_twin": freeze.model_for("mp_light")}
    base = dict(rule=rule, seed=seed, block_vm_months=64, keep_per_vm_month=True)
    with_hp = fleet.simulate_fleet(40, 12, rates_per_month={"hot_patch": hot, "mp_light": 1.0},
                                   **base)
    twin = fleet.simulate_fleet(40, 12, rates_per_month={"visible_twin": hot, "mp_light": 1.0},
                                models=models, **base)
    assert with_hp.events_by_kind["hot_patch"] == twin.events_by_kind["visible_twin"]
    light_only = with_hp.downtime_min_per_vm_month  # the hot patches added nothing ...
    assert np.all(light_only <= twin.downtime_min_per_vm_month)  # ... the visible twin did
    assert with_hp.total_downtime_min < twin.total_downtime_min


def test_a_fleet_without_maintenance_keeps_full_uptime():
    r = fleet.simulate_fleet(100, 12, rates_per_month={"mp_heavy": 0.0}, tier="availability_zones")
    assert r.events_total == 0
    assert r.total_downtime_min == 0.0
    assert r.miss_count == 0
    assert r.worst_uptime_pct == 100.0
    assert r.uptime_hist_counts[-1] == r.n_vm_months


def test_kept_downtime_is_per_vm_and_month_and_adds_up_to_the_total():
    r = fleet.simulate_fleet(50, 12, seed=8, keep_per_vm_month=True)
    assert r.downtime_min_per_vm_month.shape == (50, 12)
    assert math.fsum(r.downtime_min_per_vm_month.ravel()) == pytest.approx(
        r.total_downtime_min, rel=1e-12
    )
    assert fleet.simulate_fleet(50, 12, seed=8).downtime_min_per_vm_month is None


def test_reboots_are_not_counted_as_freezes_over_30_s():
    r = fleet.simulate_fleet(1000, 12, seed=9, rates_per_month={"reboot": 1.0})
    assert r.events_over_30s_by_kind["reboot"] > 0
    assert r.freezes_over_30s == 0
    assert r.max_freeze_s == 0.0


def test_heavy_updates_put_about_one_freeze_in_a_hundred_over_30_s():
    r = fleet.simulate_fleet(20_000, 12, seed=10, rates_per_month={"mp_heavy": 1.0})
    n = r.events_by_kind["mp_heavy"]
    assert abs(r.freezes_over_30s / n - 0.01) < 5 * math.sqrt(0.01 * 0.99 / n)


def test_a_mixture_can_be_simulated_under_its_own_kind_name():
    mix = freeze.memory_preserving_mixture()
    r = fleet.simulate_fleet(1000, 12, seed=12, rates_per_month={"memory_preserving": 0.65},
                             models={"memory_preserving": mix})
    assert set(r.events_by_kind) == {"memory_preserving"}
    assert r.max_freeze_s > 0


def test_a_month_cannot_lose_more_minutes_than_it_has():
    day_long = LogNormalFreeze(86_400.0, 172_800.0)
    r = fleet.simulate_fleet(10, 3, seed=13, rates_per_month={"outage": 60.0},
                             models={"outage": day_long}, keep_per_vm_month=True)
    assert r.worst_uptime_pct == 0.0
    assert np.all(r.downtime_min_per_vm_month <= sla.minutes_in_month(30))
    assert r.expected_credit_pct == 100.0


def test_the_defaults_are_the_cited_assumptions():
    rates = fleet.default_rates_per_month()
    assert rates == {k: a.events_per_month for k, a in facts.FREEZE_ASSUMPTIONS.items()}
    assert rates["mp_heavy"] == pytest.approx(1 / facts.LONG_PAUSE_AT_MOST_EVERY_MONTHS)


# --- availability set ------------------------------------------------------------------


def test_sequenced_update_domains_are_never_down_together():
    assert fleet.both_down_share(0.01, 0.02) == 0.0


def test_independent_outages_overlap_by_the_product_of_their_shares():
    assert fleet.both_down_share(0.01, 0.02, timing="independent") == pytest.approx(2e-4)
    shares = fleet.both_down_share(np.array([0.1, 0.5]), 0.5, timing="independent")
    assert shares == pytest.approx([0.05, 0.25])


def test_independent_overlap_formula_agrees_with_random_placement():
    rng = np.random.default_rng(14)
    month_s, a_s, b_s, n = 1000.0, 30.0, 50.0, 200_000
    start_a, start_b = rng.uniform(0, month_s, n), rng.uniform(0, month_s, n)
    # Overlap of two arcs on a circle of length month_s.
    d = (start_b - start_a) % month_s
    overlap = np.maximum(0, np.minimum(a_s - d, b_s))  # B starts inside or after A
    overlap += np.maximum(0, np.minimum(a_s, d + b_s - month_s))  # B wraps round onto A
    share = overlap.mean() / month_s
    expected = fleet.both_down_share(a_s / month_s, b_s / month_s, timing="independent")
    assert share == pytest.approx(expected, rel=0.02)


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        (dict(n_vms=0), ValueError, "n_vms"),
        (dict(n_vms=-5), ValueError, "n_vms"),
        (dict(n_vms=2.5), TypeError, "n_vms"),
        (dict(n_months=0), ValueError, "n_months"),
        (dict(tier="gold"), ValueError, "tier"),
        (dict(rule="nearest"), ValueError, "rule"),
        (dict(month_days=32), ValueError, "month_days"),
        (dict(seed=-1), ValueError, "seed"),
        (dict(seed=np.random.default_rng(1)), TypeError, "seed"),
        (dict(chunk_vm_months=0), ValueError, "chunk_vm_months"),
        (dict(block_vm_months=0), ValueError, "block_vm_months"),
        (dict(keep_per_vm_month="yes"), TypeError, "keep_per_vm_month"),
        (dict(n_vms=10**6, n_months=12, keep_per_vm_month=True), ValueError,
         "keep_per_vm_month"),
        (dict(rates_per_month={"reboot": -0.1}), ValueError, "rates_per_month['reboot']"),
        (dict(rates_per_month={"reboot": float("nan")}), ValueError,
         "rates_per_month['reboot']"),
        (dict(rates_per_month={"reboots": 0.1}), ValueError, "rates_per_month keys"),
        (dict(rates_per_month={1: 0.1}), TypeError, "rates_per_month keys"),
        (dict(rates_per_month={}), ValueError, "rates_per_month"),
        (dict(rates_per_month=[("reboot", 0.1)]), TypeError, "rates_per_month"),
        (dict(models={"reboot": "lognormal"}), TypeError, "models['reboot']"),
        (dict(rates_per_month={"reboot": 0.1}, models={"mp_light": freeze.model_for("mp_light")}),
         ValueError, "models"),
        (dict(uptime_hist_range_pct=(100.0, 99.0)), ValueError, "uptime_hist_range_pct"),
        (dict(uptime_hist_range_pct=(99.0, 101.0)), ValueError, "uptime_hist_range_pct"),
        (dict(uptime_hist_bins=0), ValueError, "uptime_hist_bins"),
        # Huge sizes: named limits instead of gigabytes to terabytes of memory.
        (dict(uptime_hist_bins=10**9), ValueError, "uptime_hist_bins"),
        (dict(rates_per_month={"mp_light": 1e10}), ValueError, "rates_per_month"),
        (dict(chunk_vm_months=10**12), ValueError, "chunk_vm_months"),
        (dict(block_vm_months=10**9), ValueError, "block_vm_months"),
        (dict(n_vms=10**12), ValueError, "n_vms x n_months"),
        # Text, bools and complex numbers, refused as everywhere else in the library.
        (dict(rates_per_month={"reboot": "0.1"}), TypeError, "rates_per_month['reboot']"),
        (dict(rates_per_month={"reboot": True}), TypeError, "rates_per_month['reboot']"),
        (dict(rates_per_month={"reboot": 0.1 + 0j}), TypeError, "rates_per_month['reboot']"),
        (dict(uptime_hist_range_pct=("99", "100")), TypeError, "uptime_hist_range_pct"),
        (dict(uptime_hist_range_pct=(True, 100)), TypeError, "uptime_hist_range_pct"),
    ],
)
def test_bad_fleet_input_is_refused_with_the_parameter_named(kwargs, error, name):
    kwargs = {"n_vms": 10, **kwargs}
    with pytest.raises(error, match="^" + re.escape(name) + " must"):
        fleet.simulate_fleet(**kwargs)


def test_huge_sizes_are_refused_with_the_value_and_the_limit():
    with pytest.raises(ValueError, match=r"MAX_EXPECTED_EVENTS_PER_PASS = 4194304 .*got 1e\+10"):
        fleet.simulate_fleet(10, rates_per_month={"mp_light": 1e10})
    with pytest.raises(ValueError, match=r"<= 1000000, got 1000000000"):
        fleet.simulate_fleet(10, uptime_hist_bins=10**9)
    with pytest.raises(ValueError, match=r"MAX_VM_MONTHS = 1e\+10 .* = 1.2e\+13"):
        fleet.simulate_fleet(10**12, 12)


def test_a_pass_that_would_hold_too_many_events_is_split_without_changing_the_result(
        monkeypatch):
    run = dict(rates_per_month={"mp_light": 3.0, "reboot": 1.0}, seed=9, block_vm_months=50,
               keep_per_vm_month=True, rule="clock_minutes")
    whole = fleet.simulate_fleet(60, 12, chunk_vm_months=720, **run)  # one pass
    monkeypatch.setattr(fleet, "MAX_EXPECTED_EVENTS_PER_PASS", 450)  # about two blocks a pass
    split = fleet.simulate_fleet(60, 12, chunk_vm_months=720, **run)
    assert_identical(whole, split)
    monkeypatch.setattr(fleet, "MAX_EXPECTED_EVENTS_PER_PASS", 150)  # not even one block
    with pytest.raises(ValueError, match="^rates_per_month must add up to at most 3 "):
        fleet.simulate_fleet(60, 12, chunk_vm_months=720, **run)


@pytest.mark.parametrize(
    ("call", "error", "name"),
    [
        (lambda: fleet.both_down_share(1.5, 0.1), ValueError, "down_share_a"),
        (lambda: fleet.both_down_share(0.1, float("nan")), ValueError, "down_share_b"),
        (lambda: fleet.both_down_share(0.1, 0.1, timing="random"), ValueError, "timing"),
    ],
)
def test_bad_availability_set_input_is_refused_with_the_parameter_named(call, error, name):
    with pytest.raises(error, match=f"^{name} must"):
        call()
