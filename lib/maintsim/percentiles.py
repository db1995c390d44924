"""Percentiles: what "P99 = 30 s" means, how sure we can be of it, and why the tail grows.

A percentile is not one well-defined number: Hyndman and Fan list nine sample-quantile
definitions :cite:p:`hyndman1996`, NumPy implements them plus four of its own
:cite:p:`numpy_percentile`, and operations teams usually mean a tenth, the **nearest rank**.
On small samples they disagree (P40 of ``[15, 20, 35, 40, 50]`` is 20, 26, 27.5 or 29
depending on the method); on thousands of samples they agree closely.

The module also answers three questions the book asks of a "P99":

* how many samples lie beyond a threshold (:func:`exceedance_share`, :func:`count_over`);
* how sure we are of an estimated quantile (:func:`quantile_ci`) and how many samples we need
  (:func:`sample_size_for_quantile`);
* how a per-server tail becomes a per-request tail when a request fans out to many servers
  (:func:`fanout_probability`), and why percentiles may not be averaged
  (:func:`average_of_percentiles`).

Scalars in give Python ``float`` (or ``int``) out; arrays in give arrays out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
from scipy import stats

from maintsim import _validate

__all__ = [
    "MAX_SAMPLE_SIZE",
    "METHODS",
    "NUMPY_METHODS",
    "QuantileCI",
    "average_of_percentiles",
    "count_over",
    "exceedance_share",
    "fanout_probability",
    "nearest_rank",
    "percentile",
    "quantile_ci",
    "sample_size_for_quantile",
    "sample_size_for_upper_bound",
]

NUMPY_METHODS = (
    "inverted_cdf",  # H&F type 1
    "averaged_inverted_cdf",  # type 2
    "closest_observation",  # type 3
    "interpolated_inverted_cdf",  # type 4
    "hazen",  # type 5
    "weibull",  # type 6
    "linear",  # type 7, NumPy's default
    "median_unbiased",  # type 8
    "normal_unbiased",  # type 9
    "lower",
    "higher",
    "midpoint",
    "nearest",  # rounds half to even: P50 of 1..100 is 51
)
"""The ``method=`` names of :func:`numpy.percentile` (NumPy >= 1.22), Hyndman and Fan's types
1 to 9 in order, then NumPy's four others :cite:p:`numpy_percentile`, :cite:p:`hyndman1996`."""

METHODS = ("nearest_rank",) + NUMPY_METHODS
"""Every method :func:`percentile` accepts."""

MAX_SAMPLE_SIZE = 10**12
"""The largest sample size :func:`sample_size_for_quantile` and
:func:`sample_size_for_upper_bound` return: a trillion samples, far beyond any set of freeze
measurements. The answer is found by stepping one sample at a time from a floating-point
estimate, which stays exact well past this size; a quantile such as ``q = 1e-300`` would need
about :math:`3 \\times 10^{300}` samples, which no arithmetic in float64 can count to the unit,
so it gets a ``ValueError`` naming this limit instead."""




def _samples(name, samples):
    """Non-empty, finite samples as a flat float array (all samples are pooled)."""
    return _validate.as_float_array(name, samples).ravel()


def _fraction_open(name, value):
    return _validate.in_range(name, value, 0.0, 1.0, low_open=True, high_open=True)


# ---------------------------------------------------------------------------
# Percentile by a named method
# ---------------------------------------------------------------------------


def _rank(q_pct: float, n: int) -> int:
    """:math:`\\lceil P N / 100 \\rceil` in exact rational arithmetic, clipped to [1, N]."""
    return min(n, max(1, math.ceil(_validate.decimal_fraction(q_pct) * n / 100)))


def nearest_rank(q, n):
    """The position, counted from 1 in the sorted sample, that the nearest-rank percentile takes.

    .. math:: r = \\left\\lceil \\frac{P}{100} N \\right\\rceil \\quad (r = 1 \\text{ for } P = 0).

    The source article's own definition of a percentile: sort the values from the smallest, and
    the P99 is the value at the 99th of 100 positions (「99/100 番目の位置」) :cite:p:`torigoe2022`.
    Of 100 values the P99 is position 99, of 1,000 values position 990, and of 10 values
    position :math:`\\lceil 9.9 \\rceil = 10`, the largest. Computed exactly, as in
    :func:`percentile` (``"nearest_rank"``).

    Parameters
    ----------
    q : float or array_like
        Percent, 0 to 100 (99 for P99).
    n : int
        Sample size, >= 1.

    Returns
    -------
    int or numpy.ndarray of int
        One position (1 to ``n``) per ``q``.

    Examples
    --------
    >>> nearest_rank(99, 100), nearest_rank(99, 1000), nearest_rank(99, 10)
    (99, 990, 10)
    """
    q_pct = _validate.percent("q", q)
    n = _validate.integer("n", n, minimum=1)
    ranks = np.reshape(np.asarray([_rank(p, n) for p in q_pct.flat], dtype=np.intp), q_pct.shape)
    return _validate.as_python(ranks)


def _nearest_rank(sorted_x, q_pct):
    """Ranks :math:`\\lceil P N / 100 \\rceil` in exact rational arithmetic (one per ``q``)."""
    n = sorted_x.size
    ranks = [_rank(q, n) for q in q_pct.flat]
    return sorted_x[np.reshape(np.asarray(ranks, dtype=np.intp), q_pct.shape) - 1]


def percentile(samples, q, method: str = "linear"):
    """The ``q``-th percentile of ``samples`` by a named method.

    Parameters
    ----------
    samples : array_like
        Observations (pooled if multi-dimensional); finite, at least one.
    q : float or array_like
        Percent, 0 to 100 (99 for P99).
    method : str
        One of :data:`METHODS`. NumPy's names give exactly :func:`numpy.percentile`
        :cite:p:`numpy_percentile`; the default ``"linear"`` is Hyndman and Fan's type 7
        :cite:p:`hyndman1996`. ``"nearest_rank"`` is explained below.

    Returns
    -------
    float or numpy.ndarray
        One value per ``q``.

    Notes
    -----
    **Nearest rank.** Sort the :math:`N` samples; the :math:`P`-th percentile is the one at
    ordinal rank

    .. math:: r = \\left\\lceil \\frac{P}{100} N \\right\\rceil \\quad (r = 1 \\text{ for } P = 0).

    It is always one of the observed values, never an interpolation. For
    ``[15, 20, 35, 40, 50]``: P30 is rank :math:`\\lceil 1.5 \\rceil = 2`, i.e. 20; P40 is rank
    2 as well (20), P50 is rank 3 (35), P100 is 50. ``linear`` interpolates instead: P30 = 23,
    P40 = 29. For 1..100, nearest-rank P99 is 99, ``linear`` 99.01.

    Mathematically nearest rank is Hyndman and Fan's type 1 (NumPy ``"inverted_cdf"``).
    NumPy computes :math:`(P/100) \\times N` in binary floating point, and when that lands a
    hair above a whole number it takes the next rank (P7 of 1..100 gives 8 there). This
    function computes the rank **exactly**: :math:`P` is read as the decimal it prints as
    (``99.9`` is :math:`999/10`: the shortest decimal that rounds to the float, as ``repr``
    prints it) and
    :math:`\\lceil P N / 100 \\rceil` is taken in rational arithmetic. So P7 of 1..100 is 7,
    and P99.9 of 1..1,001,999 is rank :math:`\\lceil 1{,}000{,}997.001 \\rceil = 1{,}000{,}998`:
    no tolerance, however large :math:`N`.
    """
    x = _samples("samples", samples)
    q_pct = _validate.percent("q", q)
    _validate.choice("method", method, METHODS)
    if method == "nearest_rank":
        return _validate.as_python(_nearest_rank(np.sort(x), q_pct))
    return _validate.as_python(np.percentile(x, q_pct, method=method))


# ---------------------------------------------------------------------------
# Beyond a threshold
# ---------------------------------------------------------------------------


def count_over(samples, threshold_s):
    """How many samples are **strictly** greater than ``threshold_s``.

    Parameters
    ----------
    samples : array_like
        Observations (e.g. freeze lengths in seconds); finite, at least one.
    threshold_s : float or array_like
        Threshold(s), seconds, >= 0. An array gives one count per threshold.

    Returns
    -------
    int or numpy.ndarray of int
    """
    x = np.sort(_samples("samples", samples))
    t = _validate.non_negative("threshold_s", threshold_s)
    return _validate.as_python(x.size - np.searchsorted(x, t, side="right"))


def exceedance_share(samples, threshold_s):
    """Share of samples **strictly** greater than ``threshold_s``: ``count_over / n``.

    The empirical survival function :math:`\\hat S(t) = \\#\\{x_i > t\\} / n`, in [0, 1].
    "P99 = 30 s" means this share is about 0.01 at 30 s.

    Parameters
    ----------
    samples : array_like
        Observations; finite, at least one.
    threshold_s : float or array_like
        Threshold(s), seconds, >= 0.

    Returns
    -------
    float or numpy.ndarray
    """
    x = _samples("samples", samples)
    return _validate.as_python(np.asarray(count_over(x, threshold_s)) / x.size)


# ---------------------------------------------------------------------------
# How sure are we of a quantile?
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QuantileCI:
    """A distribution-free confidence interval for a quantile, from two order statistics.

    Attributes
    ----------
    low, high : float
        The interval: the samples of ranks ``lower_rank`` and ``upper_rank`` (1-based).
    lower_rank, upper_rank : int
        Ranks in the sorted sample, ``1 <= lower_rank < upper_rank <= n``.
    achieved_confidence : float
        The exact coverage of those ranks (at least the confidence asked for).
    n : int
        Number of samples.
    q : float
        The quantile, as a fraction (0.99 for P99).
    confidence : float
        The confidence asked for.
    """

    low: float
    high: float
    lower_rank: int
    upper_rank: int
    achieved_confidence: float
    n: int
    q: float
    confidence: float


def quantile_ci(samples, q, confidence: float = 0.95) -> QuantileCI:
    """Distribution-free two-sided confidence interval for the ``q``-quantile.

    Let :math:`B` be the number of the :math:`n` samples that fall below the true
    quantile :math:`\\xi_q`; :math:`B \\sim \\text{Binomial}(n, q)` whatever the distribution
    (if it is continuous). The order statistics of ranks :math:`l < u` then bracket
    :math:`\\xi_q` with probability

    .. math::

        P(x_{(l)} \\le \\xi_q \\le x_{(u)}) = P(l \\le B \\le u - 1)
        = F_B(u - 1) - F_B(l - 1),

    computed with :data:`scipy.stats.binom`. Of all rank pairs whose coverage reaches
    ``confidence``, this returns the one spanning the fewest ranks; ties go to the higher
    coverage, then to the pair centred nearest :math:`nq`.

    Parameters
    ----------
    samples : array_like
        Independent observations from one distribution; finite, at least two.
    q : float
        The quantile as a fraction, strictly between 0 and 1 (0.99 for P99).
    confidence : float
        Strictly between 0 and 1.

    Returns
    -------
    QuantileCI

    Raises
    ------
    ValueError
        If ``n`` is too small for any interval to reach ``confidence``; the message says how
        many samples are needed (:func:`sample_size_for_quantile`). For P99 at 95 %: 299.

    Notes
    -----
    Assumes independent, identically distributed samples. With ties (a discrete
    distribution) the coverage is at least the stated value rather than exact.
    """
    x = np.sort(_samples("samples", samples))
    q = float(_fraction_open("q", _validate.scalar("q", q)))
    c = float(_fraction_open("confidence", _validate.scalar("confidence", confidence)))
    n = x.size
    # below[j] = P(B <= j - 1) for j = 0..n, so coverage(l, u) = below[u] - below[l].
    below = np.concatenate([[0.0], stats.binom.cdf(np.arange(n), n, q)])
    lower = np.arange(1, n)  # candidate lower ranks 1..n-1
    upper = np.searchsorted(below, below[lower] + c, side="left")  # smallest u reaching c
    ok = upper <= n
    lower, upper = lower[ok], upper[ok]
    coverage = below[np.minimum(upper, n)] - below[lower]
    keep = coverage >= c
    lower, upper, coverage = lower[keep], upper[keep], coverage[keep]
    if lower.size == 0:
        needed = _two_sided_size(q, c)
        at_least = (f"at least {needed} are needed" if needed is not None
                    else f"more than MAX_SAMPLE_SIZE = {MAX_SAMPLE_SIZE:.0e} would be needed")
        raise ValueError(
            f"samples: {n} samples are too few for a {c:g} confidence interval for the "
            f"{q:g}-quantile; {at_least} (see sample_size_for_quantile({q:g}, {c:g}))"
        )
    off_centre = np.abs((lower + upper) / 2.0 - (n * q + 0.5))
    best = np.lexsort((off_centre, -coverage, upper - lower))[0]
    lo, hi = int(lower[best]), int(upper[best])
    return QuantileCI(
        low=float(x[lo - 1]),
        high=float(x[hi - 1]),
        lower_rank=lo,
        upper_rank=hi,
        achieved_confidence=float(coverage[best]),
        n=n,
        q=q,
        confidence=c,
    )


def sample_size_for_quantile(q: float = 0.99, confidence: float = 0.95) -> int:
    """Fewest samples for which the widest distribution-free interval covers the ``q``-quantile.

    The widest interval is [minimum, maximum]; it misses :math:`\\xi_q` only when all
    :math:`n` samples fall below it (probability :math:`q^n`) or all above it
    (:math:`(1-q)^n`). This returns the smallest :math:`n` with

    .. math:: 1 - q^n - (1 - q)^n \\ge c .

    P99 at 95 %: 299 (with 298 the coverage is 0.9499). Below it :func:`quantile_ci` has no
    interval to give.

    Parameters
    ----------
    q : float
        The quantile as a fraction, strictly between 0 and 1.
    confidence : float
        Strictly between 0 and 1.

    Returns
    -------
    int
    """
    q = float(_fraction_open("q", _validate.scalar("q", q)))
    c = float(_fraction_open("confidence", _validate.scalar("confidence", confidence)))
    n = _two_sided_size(q, c)
    if n is None:
        raise _too_many_samples("sample_size_for_quantile", q, c, _log_big_tail(q))
    return n


def _log_big_tail(q: float) -> float:
    """:math:`\\ln \\max(q, 1 - q)`, accurate for ``q`` near 0 (``log1p``) and near 1."""
    return math.log1p(-q) if q < 0.5 else math.log(q)


def _too_many_samples(function: str, q: float, c: float, log_tail: float,
                      ends: str = "0 and 1") -> ValueError:
    estimate = math.log1p(-c) / log_tail
    return ValueError(
        f"q={q!r}: {function}(q={q!r}, confidence={c!r}) would need about {estimate:.3g} "
        f"samples, more than MAX_SAMPLE_SIZE = {MAX_SAMPLE_SIZE:.0e}; q must lie further "
        f"from {ends}"
    )


EXACT_TIE_MAX_N = 10_000
"""Up to this many samples, a coverage within 1e-12 of the confidence is decided in exact
rational arithmetic (``fractions.Fraction``), so that a binary rounding cannot pick one sample
too few; beyond it the powers would be too large to compute exactly, and floating point decides."""


def _two_sided_size(q: float, c: float) -> int | None:
    """Fewest ``n`` with :math:`1 - q^n - (1-q)^n \\ge c`, or None above MAX_SAMPLE_SIZE."""
    log_big, log_small = _log_big_tail(q), math.log(min(q, 1.0 - q))
    # Both tails must be <= 1 - c, so n >= ln(1 - c) / ln(max(q, 1 - q)); step up from there.
    estimate = math.log1p(-c) / log_big
    if not estimate <= MAX_SAMPLE_SIZE:
        return None

    def covered(n):  # 1 - max^n - min^n >= c, without losing digits when a tail is near 1
        value = -math.expm1(n * log_big) - math.exp(n * log_small)
        if abs(value - c) > 1e-12 or n > EXACT_TIE_MAX_N:
            return value >= c
        exact_q = Fraction(q)  # a near tie: decide it in exact arithmetic
        return 1 - exact_q**n - (1 - exact_q) ** n >= Fraction(c)

    n = max(2, math.floor(estimate))
    while not covered(n):
        n += 1
    return n if n <= MAX_SAMPLE_SIZE else None


def sample_size_for_upper_bound(q: float = 0.99, confidence: float = 0.95) -> int:
    """Fewest samples whose **maximum** exceeds the ``q``-quantile with ``confidence``.

    The maximum of :math:`n` samples lies below :math:`\\xi_q` with probability :math:`q^n`,
    so the one-sided bound needs

    .. math:: n = \\left\\lceil \\frac{\\ln(1 - c)}{\\ln q} \\right\\rceil .

    P99 at 95 %: 299; P99.9 at 95 %: 2,995.

    Parameters
    ----------
    q : float
        The quantile as a fraction, strictly between 0 and 1.
    confidence : float
        Strictly between 0 and 1.
    """
    q = float(_fraction_open("q", _validate.scalar("q", q)))
    c = float(_fraction_open("confidence", _validate.scalar("confidence", confidence)))
    estimate = math.log1p(-c) / math.log(q)
    if not estimate <= MAX_SAMPLE_SIZE:
        raise _too_many_samples("sample_size_for_upper_bound", q, c, math.log(q), "1")
    n = max(1, math.ceil(estimate))
    while n > 1 and 1.0 - q ** (n - 1) >= c:  # guard the ceiling against binary rounding
        n -= 1
    while 1.0 - q**n < c:
        n += 1
    return n


# ---------------------------------------------------------------------------
# The tail at scale, and a common mistake
# ---------------------------------------------------------------------------


def fanout_probability(q, n):
    """Probability that at least one of ``n`` independent servers is beyond its ``q``-quantile.

    .. math:: P = 1 - q^n

    A request that waits for 100 servers, each slow one time in 100 (``q = 0.99``), is slow
    :math:`1 - 0.99^{100} = 63.4\\%` of the time :cite:p:`dean2013tail`. **Assumes**
    the servers are independent.

    Parameters
    ----------
    q : float or array_like
        Per-server probability of being at or below the threshold, 0 to 1 (0.99 for P99).
    n : int or array_like of int
        Number of servers, >= 0 (whole numbers). Broadcasts with ``q``.

    Returns
    -------
    float or numpy.ndarray
    """
    q_arr = _validate.in_range("q", q, 0.0, 1.0)
    n_arr = _validate.non_negative("n", n)
    if np.any(n_arr != np.floor(n_arr)):
        bad = n_arr[n_arr != np.floor(n_arr)].flat[0]
        raise ValueError(f"n must be a whole number of servers, got {float(bad)!r}")
    try:
        q_arr, n_arr = np.broadcast_arrays(q_arr, n_arr)
    except ValueError:
        raise ValueError(
            f"q {np.shape(q_arr)} and n {np.shape(n_arr)} do not broadcast together"
        ) from None
    return _validate.as_python(1.0 - q_arr**n_arr)


def average_of_percentiles(groups, q, method: str = "linear"):
    """The mean of each group's ``q``-th percentile: a number that is **not** a percentile.

    Averaging the P99 of several servers (or of several minutes) does not give the P99 of
    all their requests :cite:p:`tene_latency`; compare with
    ``percentile(numpy.concatenate(groups), q)``. With ``[1, 2, 3, 100]`` and ``[1, 2, 3, 4]``
    the P75s are 27.25 and 3.25, whose mean is 15.25, while the P75 of the pooled eight is 3.25.

    Parameters
    ----------
    groups : sequence of array_like
        At least one group of observations, each non-empty; lengths may differ.
    q : float or array_like
        Percent, 0 to 100.
    method : str
        As in :func:`percentile`.

    Returns
    -------
    float or numpy.ndarray
    """
    example = "e.g. [[1, 2, 3, 100], [1, 2, 3, 4]]"
    if (isinstance(groups, (str, bytes, Mapping, Set)) or not isinstance(groups, Iterable)
            or not hasattr(groups, "__len__")):
        raise TypeError(
            f"groups must be a sequence of groups of samples ({example}), "
            f"got {_validate._describe(groups)}"
        )
    if len(groups) == 0:
        raise ValueError(f"groups must hold at least one group ({example}), got none")
    for i, group in enumerate(groups):
        if np.ndim(group) == 0:  # a flat list of numbers is one group, not many
            raise TypeError(
                f"groups[{i}] must be a group of samples (a list or array), got "
                f"{_validate._describe(group)}: groups is a list of groups ({example}); "
                "for a single group use percentile()"
            )
    per_group = [percentile(_samples(f"groups[{i}]", g), q, method) for i, g in enumerate(groups)]
    return _validate.as_python(np.mean(np.asarray(per_group, dtype=float), axis=0))
