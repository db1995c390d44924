"""One month of freezes: the charge per freeze, and the chance the month misses its target."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from maintsim import freeze, month, sla

DEFAULT = freeze.memory_preserving_mixture()
WIDE = freeze.MixtureFreeze((0.7, 0.3), (freeze.LogNormalFreeze(0.5, 60.0),
                                         freeze.model_for("mp_heavy"))).scaled(4.0)
MONTH = sla.minutes_in_month(30)


def _brute_rounded_mean(model, terms=2_000_000):
    k = np.arange(1, terms, dtype=float)
    return 1.0 + float(np.sum(model.exceedance(60.0 * k)))


def _monte_carlo_miss(model, lam, allowed_min, rule, months, seed):
    """Months simulated the slow, obvious way: a Poisson count, freezes, starts, sla's charge."""
    rng = np.random.default_rng(seed)
    count = rng.poisson(lam, months)
    freezes_s = model.sample(int(count.sum()), rng)
    start_s = rng.uniform(0.0, 60.0, freezes_s.size)
    charge = np.asarray(sla.outage_downtime_min(freezes_s, rule, start_s=start_s), dtype=float)
    downtime = np.bincount(np.repeat(np.arange(months), count), weights=charge, minlength=months)
    return float(np.mean(downtime > allowed_min))


def test_one_freeze_costs_its_mean_in_minutes_when_seconds_count_exactly():
    assert month.mean_charge_min(DEFAULT, "exact") == pytest.approx(DEFAULT.mean_s / 60, rel=1e-15)


def test_touching_clock_minutes_costs_one_minute_more_than_the_freeze_on_average():
    assert month.mean_charge_min(DEFAULT, "clock_minutes") == pytest.approx(
        1 + DEFAULT.mean_s / 60, rel=1e-15)


@pytest.mark.parametrize("model", [DEFAULT, WIDE, freeze.LogNormalFreeze(5.0, 60.0).scaled(4)])
def test_rounded_up_mean_matches_the_tail_sum_term_by_term(model):
    assert month.mean_charge_min(model, "rounded_up") == pytest.approx(
        _brute_rounded_mean(model), rel=1e-12)


@pytest.mark.parametrize("rule", sla.ACCOUNTING_RULES)
def test_the_charge_distribution_keeps_every_freeze_and_its_mean(rule):
    unit = 1.0 if rule != "exact" else 0.05
    charge = month.charge_distribution(DEFAULT, rule, unit_min=unit, max_units=4000)
    assert charge.pmf.sum() == pytest.approx(1.0, abs=1e-12)
    mean = float(np.sum(np.arange(charge.pmf.size) * unit * charge.pmf))
    assert mean == pytest.approx(month.mean_charge_min(DEFAULT, rule), rel=1e-9)


@pytest.mark.parametrize("rule", sla.ACCOUNTING_RULES)
def test_the_tail_is_one_minus_the_cumulative_charge(rule):
    unit = 1.0 if rule != "exact" else 0.1
    charge = month.charge_distribution(WIDE, rule, unit_min=unit, max_units=300)
    head = charge.tail[: charge.pmf.size]
    assert head == pytest.approx(1.0 - np.cumsum(charge.pmf), abs=1e-12)


def test_clock_minutes_charges_match_a_simulation_with_uniform_starts():
    rng = np.random.default_rng(11)
    model = freeze.LogNormalFreeze(20.0, 120.0)
    freezes_s = model.sample(400_000, rng)
    charged = np.asarray(sla.outage_downtime_min(
        freezes_s, "clock_minutes", start_s=rng.uniform(0, 60, freezes_s.size)), dtype=int)
    pmf = month.charge_distribution(model, "clock_minutes", unit_min=1.0, max_units=30).pmf
    for minutes in range(1, 5):
        share = np.mean(charged == minutes)
        sigma = math.sqrt(pmf[minutes] * (1 - pmf[minutes]) / freezes_s.size)
        assert abs(share - pmf[minutes]) < 4 * sigma + 1e-12, minutes


@pytest.mark.parametrize("rule", ["rounded_up", "clock_minutes"])
def test_a_coarse_grid_keeps_the_mean_of_whole_minute_charges(rule):
    reboots = freeze.model_for("reboot")  # minutes long, all well inside 400 cells of 5.4 min
    charge = month.charge_distribution(reboots, rule, unit_min=5.4, max_units=400)
    mean = float(np.sum(np.arange(charge.pmf.size) * 5.4 * charge.pmf))
    assert mean == pytest.approx(month.mean_charge_min(reboots, rule), rel=1e-9)


def test_the_grid_is_whole_minutes_for_whole_minute_rules_up_to_a_limit():
    allowed = sla.allowed_downtime_min(99.9, MONTH)
    assert month.grid(allowed, MONTH, "rounded_up") == (1.0, 43)
    unit, cells = month.grid(allowed, MONTH, "exact")
    assert cells == month.MAX_CELLS and unit * cells == pytest.approx(allowed)
    big = sla.allowed_downtime_min(95.0, MONTH)  # 2,160 minutes
    assert month.grid(big, MONTH, "clock_minutes")[1] == month.MAX_CELLS


def test_a_month_that_uses_exactly_its_budget_meets_the_target_here_too():
    # 99.5 % of 28 days is 201.6 minutes: 201 whole minutes meet it, 202 miss.
    allowed = sla.allowed_downtime_min(99.5, sla.minutes_in_month(28))
    assert month.grid(allowed, sla.minutes_in_month(28), "rounded_up") == (1.0, 201)


def test_poisson_tails_match_scipy_far_out():
    pmf, at_least = month.poisson(3.0)
    assert pmf == pytest.approx(stats.poisson.pmf(np.arange(pmf.size), 3.0), rel=1e-12)
    for n in (0, 3, 10, 30):
        assert at_least[n] == pytest.approx(stats.poisson.sf(n - 1, 3.0), rel=1e-10)


@pytest.mark.parametrize(("rule", "target", "lam", "scale"), [
    ("rounded_up", 99.99, 3.0, 1.0),
    ("clock_minutes", 99.99, 2.5, 1.0),
    ("exact", 99.99, 20.0, 1.0),
    ("exact", 99.95, 40.0, 4.0),
])
def test_the_chance_of_a_miss_matches_simulated_months(rule, target, lam, scale):
    model = freeze.MixtureFreeze((0.7, 0.3), (freeze.model_for("mp_light"),
                                              freeze.model_for("mp_heavy"))).scaled(scale)
    allowed = sla.allowed_downtime_min(target, MONTH)
    exact = month.miss_probability(model, lam, allowed, MONTH, rule)
    months = 300_000
    simulated = _monte_carlo_miss(model, lam, allowed, rule, months, seed=5)
    sigma = math.sqrt(exact * (1 - exact) / months)
    assert 0.01 < exact < 0.99
    assert abs(simulated - exact) < 4 * sigma + 0.002 * exact


def test_whole_minute_misses_agree_with_an_independent_recursion():
    # Panjer's recursion for the compound Poisson pmf, then one minus the sum: a different
    # algorithm, fine where the answer is not tiny.
    lam, allowed = 20.0, sla.allowed_downtime_min(99.95, MONTH)
    charge = month.charge_distribution(WIDE, "rounded_up", unit_min=1.0, max_units=21)
    f = np.zeros(22)
    f[: charge.pmf.size] = charge.pmf
    g = np.zeros(22)
    g[0] = math.exp(-lam * (1 - f[0]))
    for k in range(1, 22):
        g[k] = lam / k * np.sum(np.arange(1, k + 1) * f[1 : k + 1] * g[k - 1 :: -1][:k])
    assert month.miss_probability(WIDE, lam, allowed, MONTH, "rounded_up") == pytest.approx(
        1.0 - g.sum(), rel=1e-10)


def test_a_tiny_chance_keeps_its_digits():
    # Freezes of a second or so each cost one minute when rounded up; 99.99 % of 28 days allows
    # 4 minutes, so a month misses exactly when it holds 5 or more freezes.
    tiny = freeze.LogNormalFreeze(1.0, 5.5)
    lam = 0.01
    allowed = sla.allowed_downtime_min(99.99, sla.minutes_in_month(28))
    assert month.miss_probability(tiny, lam, allowed, sla.minutes_in_month(28),
                                  "rounded_up") == pytest.approx(stats.poisson.sf(4, lam),
                                                                 rel=1e-9)


def test_the_exact_rule_is_close_to_a_much_finer_grid(monkeypatch):
    model = WIDE.scaled(0.25)
    allowed = sla.allowed_downtime_min(99.95, MONTH)
    shown = month.miss_probability(model, 40.0, allowed, MONTH, "exact")
    monkeypatch.setattr(month, "MAX_CELLS", 3200)
    fine = month.miss_probability(model, 40.0, allowed, MONTH, "exact")
    assert 1e-3 < fine < 0.999
    assert shown == pytest.approx(fine, rel=0.01)


def test_no_freezes_never_miss():
    assert month.miss_probability(WIDE, 0.0, 4.32, MONTH, "clock_minutes") == 0.0


@pytest.mark.parametrize(("call", "error", "names"), [
    (lambda: month.mean_charge_min(DEFAULT, "per_second"), ValueError, "rule"),
    (lambda: month.mean_charge_min("lognormal", "exact"), TypeError, "model"),
    (lambda: month.miss_probability(DEFAULT, -1, 43.2, MONTH), ValueError, "events_per_month"),
    (lambda: month.miss_probability(DEFAULT, 1, 0.0, MONTH), ValueError, "allowed_min"),
    (lambda: month.miss_probability(DEFAULT, 1, 50_000.0, MONTH), ValueError, "allowed_min"),
    (lambda: month.charge_distribution(DEFAULT, "rounded_up", unit_min=0.5, max_units=9),
     ValueError, "unit_min"),
    (lambda: month.charge_distribution(DEFAULT, "exact", unit_min=1.0, max_units=-1),
     ValueError, "max_units"),
    (lambda: month.poisson(float("nan")), ValueError, "mean"),
])
def test_bad_input_is_refused_by_name(call, error, names):
    with pytest.raises(error, match=names):
        call()


def test_a_certain_miss_is_one_not_one_and_a_rounding_error():
    # 50 rounded-up freezes a month against 99.99 % of 28 days (4 minutes): a sum of many terms
    # once came to 1.0000000000000002.
    model = freeze.LogNormalFreeze(2.0, 6.0)
    allowed = sla.allowed_downtime_min(99.99, sla.minutes_in_month(28))
    p = month.miss_probability(model, 50.0, allowed, sla.minutes_in_month(28), "rounded_up")
    assert p == 1.0
