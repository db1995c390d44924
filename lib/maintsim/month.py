"""One month of freezes on one VM: what each freeze costs, and how likely the month misses.

A month holds a random number :math:`N` of freezes, Poisson with mean :math:`\\lambda`
(``events_per_month``), each of a random length :math:`X` drawn from a freeze model
(:mod:`maintsim.freeze`). A minute-accounting rule (:data:`maintsim.sla.ACCOUNTING_RULES`) charges
each freeze :math:`C` minutes, and the month's Downtime is the compound Poisson sum

.. math::

    D = C_1 + C_2 + \\dots + C_N .

The month misses its tier when :math:`D` exceeds the allowed minutes :math:`A`
(:func:`maintsim.sla.allowed_downtime_min`). This module computes, without sampling:

* :func:`mean_charge_min`, :math:`E[C]`, so that the expected Downtime is :math:`\\lambda E[C]`;
* :func:`charge_distribution`, the distribution of :math:`C` on a grid of minutes;
* :func:`miss_probability`, :math:`P(D > A)`.

The freeze explorer's JavaScript engine (``maintsim/explorer/explorer.js``) implements the same
functions with the same formulas and the same constants; a browser test checks that the two agree
to a relative 1e-9 on hundreds of random settings.

**Modelling assumptions.** Freezes are independent and never share a clock minute (so the
charges add up), and a freeze's start is uniform within its clock minute (for
``"clock_minutes"``). Which accounting rule the SLA uses is not settled
:cite:p:`azure_sla_vm_v19`; see :data:`maintsim.sla.ACCOUNTING_RULES`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from maintsim import _validate, freeze, sla

__all__ = [
    "CONVOLUTION_CUTOFF",
    "MAX_CELLS",
    "POISSON_FLOOR",
    "ROUNDED_HEAD_MIN",
    "STOP_RELATIVE",
    "WHOLE_MINUTES_MAX",
    "ChargeDistribution",
    "charge_distribution",
    "crossings",
    "grid",
    "mean_charge_min",
    "miss_probability",
    "poisson",
]

MAX_CELLS = 200
"""Grid points across the budget when charges are not whole minutes. Under the ``"exact"`` rule
a charge can be any number of minutes, so :func:`miss_probability` puts it on a grid of this many
cells (a cell is 1.3 s of a 30-day 99.99 % budget, 13 s of a 99.9 % one) by local moment matching
(:func:`charge_distribution`), and again on half as many to extrapolate."""

WHOLE_MINUTES_MAX = 250
"""A whole-minute rule is computed exactly, minute by minute, for budgets of up to this many
minutes (every tier down to 99.5 %); a larger budget (the 95 % tier's 2,016 to 2,232 minutes) uses
:data:`MAX_CELLS` cells instead."""

CONVOLUTION_CUTOFF = 1e-18
"""Charges so rare that :math:`P(C \\ge c)` is below this are left out of the convolution in
:func:`miss_probability` (their share still counts whole wherever a single freeze crosses the
budget); the answer moves by at most :math:`\\lambda \\times 10^{-18}`."""

POISSON_FLOOR = 1e-300
"""Poisson probabilities below this count as zero (they are near the end of the double range)."""

STOP_RELATIVE = 1e-12
""":func:`miss_probability` stops adding terms once a bound on everything still to come is at most
this share of the sum (far below the two digits the explorer shows)."""

_SECONDS_PER_MINUTE = float(sla.SECONDS_PER_MINUTE)


def _check_model(model):
    if not isinstance(model, (freeze.LogNormalFreeze, freeze.MixtureFreeze)):
        raise TypeError(f"model must be a LogNormalFreeze or MixtureFreeze, got {model!r:.80}")
    return model


def _check_rule(rule):
    _validate.choice("rule", rule, sla.ACCOUNTING_RULES)
    return rule


ROUNDED_HEAD_MIN = 40
""":func:`mean_charge_min` sums the rounded-up tail term by term below this many minutes and
closes the sum beyond it with the Euler-Maclaurin formula."""


def _components(model):
    if isinstance(model, freeze.MixtureFreeze):
        return tuple(zip(model.weights, model.components, strict=True))
    return ((1.0, model),)


def _tail_sum_beyond(model, a_min: float) -> float:
    """:math:`\\sum_{k \\ge a} P(Y > k)` for :math:`Y = X/60` minutes and a whole number
    :math:`a`, by the Euler-Maclaurin formula with :math:`f(y) = P(Y > y)`:

    .. math::

        \\sum_{k \\ge a} f(k) \\approx \\int_a^\\infty f(y)\\,dy + \\frac{f(a)}{2}
        + \\frac{f_Y(a)}{12} - \\frac{f_Y''(a)}{720},

    where :math:`f_Y = -f'` is the density of :math:`Y` and the integral is the stop-loss
    transform :math:`E[(Y - a)^+] = E[Y;\\ Y > a] - a P(Y > a)`, all in closed form for each
    lognormal component (:math:`f_X'' = f_X\\,(u^2 + u - \\sigma^{-2})/x^2`,
    :math:`u = 1 + z/\\sigma`). At 40 minutes the next term is below 1e-13 of the sum for
    every setting of the explorer."""
    a_s = a_min * _SECONDS_PER_MINUTE
    total = 0.0
    for weight, c in _components(model):
        z = (math.log(a_s) - c.mu) / c.sigma
        tail = float(c.exceedance(a_s))
        upper_mean_s = c.mean_s * float(c.exceedance(a_s * math.exp(-c.sigma * c.sigma)))
        pdf = math.exp(-0.5 * z * z) / (a_s * c.sigma * math.sqrt(2.0 * math.pi))
        u = 1.0 + z / c.sigma
        pdf2 = pdf / (a_s * a_s) * (u * u + u - 1.0 / (c.sigma * c.sigma))
        spm = _SECONDS_PER_MINUTE
        total += weight * ((upper_mean_s - a_s * tail) / spm + tail / 2.0
                           + spm * pdf / 12.0 - spm**3 * pdf2 / 720.0)
    return float(total)


def mean_charge_min(model, rule: str = "exact") -> float:
    """Expected minutes of Downtime charged for one freeze drawn from ``model``.

    .. math::

        E[C] = \\begin{cases}
        E[X]/60 & \\text{exact} \\\\
        \\sum_{k \\ge 0} P(X > 60k) & \\text{rounded up (} C = \\lceil X/60 \\rceil \\text{)} \\\\
        1 + E[X]/60 & \\text{clock minutes}
        \\end{cases}

    The rounded-up sum is the tail-sum formula for the mean of a whole number: its terms are
    added one by one below :data:`ROUNDED_HEAD_MIN` minutes and the rest is closed in form
    (``_tail_sum_beyond``), because a wide lognormal's tail would need millions of terms.
    For clock minutes, a freeze of :math:`x` seconds starting at a uniform point of a minute
    touches :math:`\\lfloor x/60 \\rfloor + 1` minutes, or one more with probability
    :math:`\\{x/60\\}` (the fractional part): :math:`1 + x/60` on average.

    Parameters
    ----------
    model : maintsim.freeze.LogNormalFreeze or maintsim.freeze.MixtureFreeze
        The freeze-length model, seconds.
    rule : {"exact", "rounded_up", "clock_minutes"}
        See :data:`maintsim.sla.ACCOUNTING_RULES`.

    Returns
    -------
    float
        Minutes.
    """
    _check_model(model)
    _check_rule(rule)
    mean_min = model.mean_s / _SECONDS_PER_MINUTE
    if rule == "exact":
        return mean_min
    if rule == "clock_minutes":
        return 1.0 + mean_min
    total = 1.0  # P(X > 0) = 1
    for k in range(1, ROUNDED_HEAD_MIN):
        total += float(model.exceedance(_SECONDS_PER_MINUTE * k))
    return total + _tail_sum_beyond(model, ROUNDED_HEAD_MIN)


@dataclass(frozen=True, eq=False)
class ChargeDistribution:
    """The minutes one freeze is charged, on a grid of ``unit_min`` minutes.

    Attributes
    ----------
    unit_min : float
        Grid step, minutes.
    pmf : numpy.ndarray
        ``pmf[j]`` = :math:`P(C = j \\cdot \\text{unit})`, for ``j`` up to the last charge that
        is not negligible (:data:`CONVOLUTION_CUTOFF`) or ``max_units``.
    tail : numpy.ndarray
        ``tail[m]`` = :math:`P(C > m \\cdot \\text{unit})` for ``m = 0..max_units``, computed
        directly (not as one minus a sum), so small tails keep their digits.
    """

    unit_min: float
    pmf: np.ndarray
    tail: np.ndarray


def _lmm(model, units: np.ndarray, unit_s: float):
    """Local moment matching of :math:`Y = X/\\text{unit}` onto the whole numbers: for each
    cell :math:`[i, i+1)`, the share :math:`P_i` of freezes in it and their partial mean
    :math:`M_i` (in units) are split between :math:`i` and :math:`i+1` so that both the
    probability and the mean are kept: :math:`(i+1)P_i - M_i` goes to :math:`i` and
    :math:`M_i - iP_i` to :math:`i+1`. Returns (lower part, upper part) per cell."""
    low_s, high_s = units * unit_s, (units + 1.0) * unit_s
    share = np.asarray(model.interval_share(low_s, high_s), dtype=float)
    mean_units = np.asarray(model.interval_mean_s(low_s, high_s), dtype=float) / unit_s
    return (units + 1.0) * share - mean_units, mean_units - units * share


def _on_grid(model, rule: str, unit_s: float, n: int):
    """(pmf, tail) of the charge in units of ``unit_s`` seconds, for charges 0..n-1."""
    m = np.arange(n, dtype=float)
    if rule == "rounded_up":
        tail = np.asarray(model.exceedance(m * unit_s), dtype=float)
        share = np.asarray(model.interval_share(np.maximum(m - 1.0, 0.0) * unit_s, m * unit_s))
        return np.where(m >= 1, share, 0.0), tail
    lower, upper = _lmm(model, m, unit_s)  # cell i = [i, i+1)
    # LMM point i collects the lower part of cell i and the upper part of cell i-1, and
    # P(point > i) = P(Y >= i+1) + upper part of cell i.
    points = lower + np.concatenate(([0.0], upper[:-1]))
    beyond = np.asarray(model.exceedance((m + 1.0) * unit_s), dtype=float) + upper
    if rule == "clock_minutes":  # C = 1 + point
        return np.concatenate(([0.0], points[:-1])), np.concatenate(([1.0], beyond[:-1]))
    return points, beyond


def _regrid(pmf: np.ndarray, tail: np.ndarray, unit: float, n: int):
    """Local moment matching of a whole-minute charge (``pmf``, ``tail`` per minute) onto a grid
    of ``unit`` minutes (> 1): a charge of :math:`j` minutes, :math:`x = j/u` units, goes to
    :math:`\\lfloor x \\rfloor` with weight :math:`1 - \\{x\\}` and to the next point with
    weight :math:`\\{x\\}`; :math:`P(C' > m) = P(C \\ge (m+1)u) +
    \\sum_{mu \\le j < (m+1)u} P(C = j)\\,(j/u - m)`."""
    j = np.arange(pmf.size, dtype=float)
    x = j / unit
    cell = np.floor(x)
    frac = x - cell
    cell = cell.astype(np.int64)
    inside = cell < n
    grid_pmf = np.bincount(cell[inside], weights=(pmf * (1.0 - frac))[inside], minlength=n)
    up = inside & (cell + 1 < n)
    grid_pmf += np.bincount(cell[up] + 1, weights=(pmf * frac)[up], minlength=n)
    m = np.arange(n, dtype=float)
    first_above = np.ceil((m + 1.0) * unit).astype(np.int64)  # P(C >= c) = tail[ceil(c) - 1]
    grid_tail = tail[first_above - 1] + np.bincount(
        cell[inside], weights=(pmf * frac)[inside], minlength=n)
    return grid_pmf, grid_tail


def charge_distribution(model, rule: str, *, unit_min: float, max_units: int) -> ChargeDistribution:
    """The distribution of the minutes one freeze is charged, on a grid of ``unit_min`` minutes.

    With :math:`Y = X / (60\\,u)`, the freeze length in grid units :math:`u`:

    * ``"rounded_up"`` (:math:`u = 1`): :math:`C = \\lceil Y \\rceil`, so
      :math:`P(C = j) = P(j-1 < Y \\le j)` and :math:`P(C > m) = P(Y > m)`. Exact.
    * ``"clock_minutes"`` (:math:`u = 1`): with a uniform start, a freeze touches
      :math:`\\lfloor Y \\rfloor + 1` minutes with probability :math:`1 - \\{Y\\}` and one
      more with probability :math:`\\{Y\\}`. That is exactly one plus the *local moment
      matching* of :math:`Y` onto the whole numbers (below), so
      :math:`P(C > m) = P(Y \\ge m) + E[Y - (m-1);\\ m-1 \\le Y < m]`. Exact.
    * ``"exact"`` (any :math:`u`): :math:`C = Y` is continuous; it is put on the grid by local
      moment matching, which keeps each cell's probability and mean :cite:p:`klugman2004`,
      :cite:p:`actuar_discretize`.
      An approximation whose error shrinks with the square of the step.
    * A whole-minute rule on a grid coarser than a minute (:math:`u > 1`, used for budgets of
      more than :data:`MAX_CELLS` minutes): the exact whole-minute charge, moment-matched onto
      the grid the same way (``_regrid``).

    Local moment matching: the freezes in cell :math:`[i, i+1)` (share :math:`P_i`, partial mean
    :math:`M_i`) go to :math:`i` with weight :math:`(i+1)P_i - M_i` and to :math:`i+1` with
    weight :math:`M_i - iP_i`.

    Parameters
    ----------
    model : maintsim.freeze.LogNormalFreeze or maintsim.freeze.MixtureFreeze
        Freeze lengths, seconds.
    rule : {"exact", "rounded_up", "clock_minutes"}
        See :data:`maintsim.sla.ACCOUNTING_RULES`.
    unit_min : float
        Grid step in minutes, > 0; at least 1 for the whole-minute rules.
    max_units : int
        Largest charge of interest, in units (0 to 100,000): the tail is computed up to it.

    Returns
    -------
    ChargeDistribution
    """
    _check_model(model)
    _check_rule(rule)
    unit_min = _validate.scalar("unit_min", unit_min)
    if not unit_min > 0 or (rule != "exact" and unit_min < 1.0):
        least = "> 0" if rule == "exact" else ">= 1 (whole minutes)"
        raise ValueError(f"unit_min must be {least} for rule={rule!r}, got {unit_min!r}")
    max_units = _validate.integer("max_units", max_units, minimum=0, maximum=100_000)
    n = max_units + 1
    if rule == "exact" or unit_min == 1.0:
        pmf, tail = _on_grid(model, rule, unit_min * _SECONDS_PER_MINUTE, n)
    else:
        whole = math.ceil((max_units + 1) * unit_min) + 1
        pmf, tail = _regrid(*_on_grid(model, rule, _SECONDS_PER_MINUTE, whole), unit_min, n)
    pmf = np.clip(pmf, 0.0, None)  # rounding can leave -1e-17 where a cell is empty
    tail = np.clip(tail, 0.0, 1.0)
    # Keep pmf up to the last charge that is not negligible: P(C >= j) >= the cutoff.
    significant = np.flatnonzero(np.concatenate(([1.0], tail[:-1])) >= CONVOLUTION_CUTOFF)
    pmf = pmf[: int(significant[-1]) + 1].copy()
    pmf.setflags(write=False)
    tail.setflags(write=False)
    return ChargeDistribution(unit_min=unit_min, pmf=pmf, tail=tail)


def grid(allowed_min, month_min, rule: str, cells: int = MAX_CELLS) -> tuple[float, int]:
    """A grid for :func:`miss_probability`: ``(unit_min, budget_units)``.

    The budget :math:`B = A + 10^{-11} M` is the allowed Downtime plus the comparison slack of
    :func:`maintsim.sla.sla_met` (:data:`maintsim.sla.TOLERANCE_PCT`, 1e-9 percentage points of
    the month), so a month that uses exactly its allowed minutes meets the target here too.
    Whole-minute rules use whole minutes, :math:`K = \\lfloor B \\rfloor`, unless that is more
    than :data:`WHOLE_MINUTES_MAX`; ``"exact"`` and large budgets use ``cells`` cells of
    :math:`B/\\text{cells}` minutes.
    """
    _check_rule(rule)
    allowed_min = _validate.scalar("allowed_min", allowed_min)
    month_min = _validate.scalar("month_min", month_min)
    if not 0 < allowed_min <= month_min:
        raise ValueError(f"need 0 < allowed_min <= month_min, got allowed_min={allowed_min!r}, "
                         f"month_min={month_min!r}")
    cells = _validate.integer("cells", cells, minimum=1, maximum=100_000)
    budget_min = allowed_min + sla.TOLERANCE_PCT / 100.0 * month_min
    if rule != "exact" and math.floor(budget_min) <= WHOLE_MINUTES_MAX:
        return 1.0, math.floor(budget_min)
    return budget_min / cells, cells


def poisson(mean) -> tuple[np.ndarray, np.ndarray]:
    """The Poisson distribution of the number of freezes: ``(pmf, at_least)``.

    ``pmf[n]`` is :math:`p_n = e^{-\\lambda}\\lambda^n/n!`, built by the recursion
    :math:`p_n = p_{n-1}\\lambda/n` until, past the mean, it falls below :data:`POISSON_FLOOR`;
    ``at_least[n]`` is :math:`P(N \\ge n)`, summed from the far end so that each tail keeps its
    digits (its last entry is 0).

    Parameters
    ----------
    mean : float
        :math:`\\lambda`, 0 to 1000.
    """
    lam = _validate.scalar("mean", mean)
    _validate.in_range("mean", lam, 0.0, 1000.0)
    pmf = [math.exp(-lam)]
    n = 0
    while n < lam or pmf[-1] >= POISSON_FLOOR:
        n += 1
        pmf.append(pmf[-1] * lam / n)
    at_least = np.zeros(len(pmf) + 1)
    for i in range(len(pmf) - 1, -1, -1):
        at_least[i] = at_least[i + 1] + pmf[i]
    return np.array(pmf), at_least


def crossings(charge: ChargeDistribution, k_units: int):
    """For ``n = 0, 1, ...``: ``(crossing, at_budget, mass)`` of the first ``n`` charges,

    .. math::

        \\text{crossing}_n = \\sum_{j=0}^{K} P(S_n = j)\\,P(C > K - j),\\quad
        \\text{at\\_budget}_n = P(S_n = K),\\quad
        \\text{mass}_n = P(S_n \\le K),

    where :math:`S_n` is the sum of :math:`n` charges: ``crossing`` is the probability that the
    :math:`(n+1)`-th charge is the one that carries the sum past the budget :math:`K` (in grid
    units). :math:`P(S_n = \\cdot)` on :math:`[0, K]` comes from :math:`P(S_{n-1} = \\cdot)` by one
    convolution with the charge distribution. An endless generator; none of it depends on the
    number of events, so an explorer can keep it while that number moves.
    """
    crossing_weights = charge.tail[k_units::-1]  # P(C > K - j), j = 0..K
    s_n = np.zeros(k_units + 1)
    s_n[0] = 1.0  # S_0 = 0
    while True:
        yield float(np.dot(s_n, crossing_weights)), float(s_n[k_units]), float(s_n.sum())
        s_n = np.convolve(s_n, charge.pmf)[: k_units + 1]


def miss_probability(model, events_per_month, allowed_min, month_min, rule: str = "exact") -> float:
    """Probability that a month's Downtime exceeds the allowed minutes.

    The number of freezes is Poisson with mean :math:`\\lambda` (:func:`poisson`); each is
    charged :math:`C` (:func:`charge_distribution` on the grid of :func:`grid`: whole minutes for
    the whole-minute rules, :data:`MAX_CELLS` cells across the budget for ``"exact"``). With
    :math:`K` the budget in grid units and :math:`S_n` the charge of the first :math:`n` freezes,
    the month misses exactly when some freeze, the :math:`(n+1)`-th, is the first to carry the
    sum past :math:`K`, and that freeze happens (:math:`N \\ge n+1`):

    .. math::

        P(D > K) = \\sum_{n \\ge 0} P(N \\ge n+1)
        \\sum_{j=0}^{K} P(S_n = j)\\, P(C > K - j)

    (:func:`crossings`). Every term is positive, so even a tiny probability keeps its digits
    (one minus :math:`P(D \\le K)` would not).

    When the grid is coarser than the charges (``"exact"``, or a budget of more than
    :data:`WHOLE_MINUTES_MAX` minutes), grid point :math:`K` stands for the Downtimes around the
    budget, half of them above it, so half of :math:`P(D = K) = \\sum_n p_n P(S_n = K)` is added
    (a continuity correction, after which the grid's error shrinks with the square of the cell).
    Under ``"exact"`` the answer is then extrapolated (Richardson) from :data:`MAX_CELLS` cells,
    :math:`P_h`, and half as many, :math:`P_{2h}`: :math:`(4P_h - P_{2h})/3`, provided
    :math:`P_{2h} \\le 3P_h` (otherwise the grid is too coarse for this tail to trust the
    extrapolation, and :math:`P_h` is returned). Against a 3,200-cell reference on random settings
    the median error is about 0.02 % of the answer, a few per cent at worst for probabilities
    around 1e-4.

    The sum stops when the Poisson probabilities end (:data:`POISSON_FLOOR`), or when a bound on
    everything still to come, :math:`P(S_n \\le K)\\left(\\sum_{m > n+1} P(N \\ge m) +
    P(N \\ge n+1)\\right)`, is at most :data:`STOP_RELATIVE` of the sum.

    Parameters
    ----------
    model : maintsim.freeze.LogNormalFreeze or maintsim.freeze.MixtureFreeze
        Freeze lengths, seconds.
    events_per_month : float
        :math:`\\lambda`, the mean number of freezes in the month (0 to 1000).
    allowed_min : float
        The tier's allowed Downtime, minutes (``0 < allowed_min <= month_min``).
    month_min : float
        Minutes in the month.
    rule : {"exact", "rounded_up", "clock_minutes"}
        See :data:`maintsim.sla.ACCOUNTING_RULES`.

    Returns
    -------
    float
        A probability: exact up to rounding for a whole-minute rule on a budget of at most
        :data:`WHOLE_MINUTES_MAX` minutes, otherwise within the grid's small discretisation
        error.
    """
    _check_model(model)
    lam = _validate.scalar("events_per_month", events_per_month)
    _validate.in_range("events_per_month", lam, 0.0, 1000.0)
    fine = _miss_on_grid(model, lam, rule, *grid(allowed_min, month_min, rule))
    if rule != "exact":
        return min(1.0, fine)  # a sum of a thousand terms can round one ulp past 1
    coarse = _miss_on_grid(model, lam, rule, *grid(allowed_min, month_min, rule, MAX_CELLS // 2))
    return min(1.0, float((4.0 * fine - coarse) / 3.0 if coarse <= 3.0 * fine else fine))


def _miss_on_grid(model, lam: float, rule: str, unit_min: float, k_units: int) -> float:
    """:func:`miss_probability` on one grid (``k_units`` units of ``unit_min`` minutes)."""
    charge = charge_distribution(model, rule, unit_min=unit_min, max_units=k_units)
    pois, at_least = poisson(lam)
    still = np.cumsum(at_least[::-1])[::-1]  # still[n] = sum over m >= n of P(N >= m)
    half = 0.5 if (rule == "exact" or unit_min != 1.0) else 0.0
    total = 0.0
    for n, (crossing, at_budget, mass) in zip(range(len(pois)), crossings(charge, k_units),
                                              strict=False):
        total += at_least[n + 1] * crossing + half * pois[n] * at_budget
        bound = mass * (still[min(n + 2, len(still) - 1)] + at_least[n + 1])
        if mass == 0.0 or bound <= STOP_RELATIVE * total:
            break
    return float(total)
