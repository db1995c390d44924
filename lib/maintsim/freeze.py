"""Freeze-time models: how long one maintenance event pauses a VM.

Nobody publishes the distribution of Azure's freeze times. The documents give a few
sentences instead: memory-preserving maintenance "almost always" pauses a VM for less
than 10 s, rarely for "about 30 seconds" :cite:p:`ms_maint_2024`; live migration pauses
it "typically no more than 5 seconds" :cite:p:`ms_maint_2024`; the source article reads
30 s as the P99 of the host-side update :cite:p:`torigoe2022`.

This module turns such sentences into distributions the book can compute with:

* :class:`LogNormalFreeze` is a lognormal given by two numbers a reader can check
  against a sentence, its median and its P99;
* :class:`MixtureFreeze` mixes several of them (common light updates plus rare heavy
  ones), which is how a tail appears;
* :func:`model_for`, :func:`memory_preserving_mixture` and :func:`with_kernel_penalty`
  build the book's defaults. **Every default is a modelling assumption**, taken from
  :data:`maintsim.facts.FREEZE_ASSUMPTIONS`, whose ``tuned_to`` field names the sentence
  the numbers were chosen to agree with.

:func:`tail_readings` sets three readings of the 30-second figure side by side (the P99 of
heavy updates, the P99 of all memory-preserving maintenance, the typical long pause) and
counts the freezes over 30 s each implies.

Every model answers the same questions: ``quantile(q)`` (exact), ``cdf(t_s)``,
``exceedance(t_s)`` (the share of events longer than ``t_s``), ``pdf(t_s)``,
``mean_s`` and ``sample(n, rng)``. Times are in seconds; probabilities are fractions.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
from scipy import special

from maintsim import _validate, facts
from maintsim.language import text, translate

__all__ = [
    "KINDS",
    "TAIL_READINGS",
    "MAX_MODEL_S",
    "MIN_MODEL_S",
    "Z_P99",
    "FreezeModel",
    "LogNormalFreeze",
    "MixtureFreeze",
    "TailReading",
    "TailReadings",
    "memory_preserving_mixture",
    "model_for",
    "reading_all_p99",
    "reading_heavy_p99",
    "reading_typical_30s",
    "tail_readings",
    "visible_to_vm",
    "with_kernel_penalty",
]

Z_P99 = float(special.ndtri(0.99))
"""The standard normal quantile :math:`z_{0.99} \\approx 2.3263`: a lognormal's P99 lies
this many standard deviations of :math:`\\ln t` above its median."""

KINDS: tuple[str, ...] = tuple(facts.FREEZE_ASSUMPTIONS)
"""The kinds of maintenance the book models, in the order of
:data:`maintsim.facts.FREEZE_ASSUMPTIONS`."""

MIN_MODEL_S = 1e-9
"""The shortest median a :class:`LogNormalFreeze` may have, seconds: a nanosecond, far below any
pause a VM or a clock can notice (see :data:`MAX_MODEL_S` for why there is a range at all)."""

MAX_MODEL_S = 1e9
"""The longest P99 a :class:`LogNormalFreeze` may have, seconds: 10**9 s, about 32 years, far
above any outage. Between :data:`MIN_MODEL_S` and this, the spread is at most
:math:`\\sigma = \\ln(10^{18}) / z_{0.99} \\approx 17.8`, so every quantile for ``q`` in (0, 1),
the mean :math:`e^{\\mu + \\sigma^2/2}` and every sample stay finite in float64;
``LogNormalFreeze(1e-300, 1e300)`` would have a spread of about 594 and quantiles of
infinity."""

_BISECTION_LOG_TOLERANCE = 1e-13
"""Stop the mixture's quantile search when the bracket on :math:`\\ln t` is this narrow,
that is when the answer is known to a relative 1e-13 (far inside the promised 1e-9)."""



def _model_time(name: str, value) -> float:
    """A median or P99 in seconds, inside [MIN_MODEL_S, MAX_MODEL_S]."""
    value = _validate.scalar(name, value)
    if not MIN_MODEL_S <= value <= MAX_MODEL_S:
        raise ValueError(
            f"{name} must be in [MIN_MODEL_S, MAX_MODEL_S] = [{MIN_MODEL_S:g}, {MAX_MODEL_S:g}] "
            f"seconds, got {value!r}"
        )
    return value


def _scale_factor(factor, components) -> float:
    """A stretch factor that keeps every component's median and P99 inside the model range."""
    factor = float(_validate.positive("factor", _validate.scalar("factor", factor)))
    shortest = min(c.median_s for c in components)
    longest = max(c.p99_s for c in components)
    low, high = MIN_MODEL_S / shortest, MAX_MODEL_S / longest
    if not (shortest * factor >= MIN_MODEL_S and longest * factor <= MAX_MODEL_S):
        raise ValueError(
            f"factor must be in [{low:.3g}, {high:.3g}] for this model (its median and P99, "
            f"{shortest:g} s to {longest:g} s, must stay within [MIN_MODEL_S, MAX_MODEL_S] = "
            f"[{MIN_MODEL_S:g}, {MAX_MODEL_S:g}] s), got {factor!r}"
        )
    return factor


def _log_time(t_s: np.ndarray) -> np.ndarray:
    """:math:`\\ln t`, with :math:`\\ln 0 = -\\infty` (no warning: a zero freeze is allowed)."""
    with np.errstate(divide="ignore"):
        return np.log(t_s)


@dataclass(frozen=True)
class LogNormalFreeze:
    """A lognormal freeze time given by its median and its 99th percentile.

    If :math:`\\ln T \\sim \\mathcal{N}(\\mu, \\sigma^2)` then the median is
    :math:`e^{\\mu}` and the P99 is :math:`e^{\\mu + z_{0.99}\\sigma}`, so the two
    numbers a document might state fix the distribution:

    .. math::

        \\mu = \\ln(\\text{median}), \\qquad
        \\sigma = \\frac{\\ln(\\text{P99} / \\text{median})}{z_{0.99}},
        \\qquad z_{0.99} = \\Phi^{-1}(0.99) \\approx 2.3263.

    Parameters
    ----------
    median_s : float
        Median freeze, seconds (> 0).
    p99_s : float
        99th-percentile freeze, seconds (> ``median_s``).

    Raises
    ------
    ValueError
        If ``p99_s <= median_s`` (a P99 at or below the median is not a distribution), or
        either lies outside [:data:`MIN_MODEL_S`, :data:`MAX_MODEL_S`] (a nanosecond to
        about 32 years), where the quantiles would overflow.

    Examples
    --------
    >>> m = LogNormalFreeze(median_s=2.0, p99_s=8.0)
    >>> round(m.quantile(0.99), 9)
    8.0
    """

    median_s: float
    p99_s: float

    def __post_init__(self):
        median_s = _model_time("median_s", self.median_s)
        p99_s = _model_time("p99_s", self.p99_s)
        if not p99_s > median_s:
            raise ValueError(f"p99_s must be > median_s ({median_s!r} s), got {p99_s!r}")
        object.__setattr__(self, "median_s", median_s)
        object.__setattr__(self, "p99_s", p99_s)

    @property
    def mu(self) -> float:
        """:math:`\\mu = \\ln(\\text{median})`, the mean of :math:`\\ln T` (``ln`` of seconds)."""
        return math.log(self.median_s)

    @property
    def sigma(self) -> float:
        """The spread of :math:`\\ln T`:
        :math:`\\sigma = \\ln(\\text{P99}/\\text{median}) / z_{0.99}`."""
        return (math.log(self.p99_s) - math.log(self.median_s)) / Z_P99

    @property
    def mean_s(self) -> float:
        """The mean freeze in seconds, :math:`E[T] = e^{\\mu + \\sigma^2/2}` (above the median)."""
        return math.exp(self.mu + 0.5 * self.sigma**2)

    def _z(self, t_s: np.ndarray) -> np.ndarray:
        return (_log_time(t_s) - self.mu) / self.sigma

    def quantile(self, q):
        """Exact quantile: :math:`t_q = e^{\\mu + \\sigma\\,\\Phi^{-1}(q)}`.

        Parameters
        ----------
        q : float or array_like
            Probability level(s) as a fraction in (0, 1) (``0.99`` for P99).

        Returns
        -------
        float or numpy.ndarray
            Freeze time(s) in seconds, the same shape as ``q``.
        """
        q = _validate.in_range("q", q, 0.0, 1.0, low_open=True, high_open=True)
        return _validate.as_python(np.exp(self.mu + self.sigma * special.ndtri(q)))

    def cdf(self, t_s):
        """:math:`P(T \\le t) = \\Phi\\big((\\ln t - \\mu)/\\sigma\\big)`.

        Parameters
        ----------
        t_s : float or array_like
            Freeze time(s), seconds (>= 0).
        """
        t_s = _validate.non_negative("t_s", t_s)
        return _validate.as_python(special.ndtr(self._z(t_s)))

    def exceedance(self, t_s):
        """Share of freezes longer than ``t_s``:
        :math:`P(T > t) = \\Phi\\big(-(\\ln t - \\mu)/\\sigma\\big)`.

        Computed from the survival side, not as ``1 - cdf``, so that tiny tail
        probabilities (one in a million) keep their digits.

        Parameters
        ----------
        t_s : float or array_like
            Freeze time(s), seconds (>= 0).
        """
        t_s = _validate.non_negative("t_s", t_s)
        return _validate.as_python(special.ndtr(-self._z(t_s)))

    def _interval(self, low_s, high_s, shift: float):
        """:math:`\\Phi(z_h - s) - \\Phi(z_l - s)`, taken from the upper tail when the interval lies
        above the median, so that a narrow interval far out keeps its digits."""
        low_s = _validate.non_negative("low_s", low_s)
        high_s = _validate.non_negative("high_s", high_s)
        low_s, high_s = _validate.broadcast(low_s=low_s, high_s=high_s)
        if np.any(high_s < low_s):
            bad = (high_s < low_s).nonzero()
            raise ValueError(f"high_s must be >= low_s, got low_s={low_s[bad].flat[0]!r}, "
                             f"high_s={high_s[bad].flat[0]!r}")
        z_low, z_high = self._z(low_s) - shift, self._z(high_s) - shift
        upper = special.ndtr(-z_low) - special.ndtr(-z_high)
        lower = special.ndtr(z_high) - special.ndtr(z_low)
        return np.where(z_low > 0, upper, lower)

    def interval_share(self, low_s, high_s):
        """Share of freezes with ``low_s < T <= high_s``:
        :math:`\\Phi(z_h) - \\Phi(z_l)`, :math:`z = (\\ln t - \\mu)/\\sigma`.

        Parameters
        ----------
        low_s, high_s : float or array_like
            Interval ends, seconds (0 <= ``low_s`` <= ``high_s``); they broadcast together.
        """
        return _validate.as_python(self._interval(low_s, high_s, 0.0))

    def interval_mean_s(self, low_s, high_s):
        """The partial mean :math:`E[T;\\ low < T \\le high]`, seconds: the mean freeze times
        the share of it that such freezes carry,

        .. math::

            E[T;\\ l < T \\le h] = e^{\\mu + \\sigma^2/2}
            \\big(\\Phi(z_h - \\sigma) - \\Phi(z_l - \\sigma)\\big)

        (the lognormal's partial expectation). Summed over a partition of :math:`[0, \\infty)`
        it gives :attr:`mean_s`. Used to charge freezes by the minute (:mod:`maintsim.month`).
        """
        return _validate.as_python(self.mean_s * self._interval(low_s, high_s, self.sigma))

    def pdf(self, t_s):
        """Density per second, for plotting, with :math:`f(0)=0`:

        .. math::

            f(t) = \\frac{1}{t\\,\\sigma\\sqrt{2\\pi}}\\,e^{-(\\ln t-\\mu)^2/(2\\sigma^2)}

        Parameters
        ----------
        t_s : float or array_like
            Freeze time(s), seconds (>= 0).
        """
        t_s = _validate.non_negative("t_s", t_s)
        z = self._z(t_s)
        with np.errstate(divide="ignore", invalid="ignore"):
            density = np.exp(-0.5 * z * z) / (t_s * self.sigma * math.sqrt(2 * math.pi))
        return _validate.as_python(np.where(t_s > 0, density, 0.0))

    def sample(self, n, rng):
        """Draw ``n`` freeze times, seconds.

        Parameters
        ----------
        n : int
            How many (>= 0).
        rng : numpy.random.Generator
            The random stream, e.g. ``numpy.random.default_rng(42)``.

        Returns
        -------
        numpy.ndarray
            ``n`` draws of :math:`e^{\\mu + \\sigma Z}`, :math:`Z \\sim \\mathcal{N}(0,1)`.
        """
        n = _validate.integer("n", n, minimum=0)
        rng = _validate.generator("rng", rng)
        return rng.lognormal(self.mu, self.sigma, n)

    def scaled(self, factor) -> LogNormalFreeze:
        """The same shape stretched by ``factor`` (> 0): :math:`cT` is lognormal with
        median and P99 both multiplied by :math:`c` (and :math:`\\sigma` unchanged).
        The stretched median and P99 must stay within [:data:`MIN_MODEL_S`,
        :data:`MAX_MODEL_S`]; a ``ValueError`` names ``factor`` and the range it may take."""
        factor = _scale_factor(factor, [self])
        return LogNormalFreeze(self.median_s * factor, self.p99_s * factor)


@dataclass(frozen=True)
class MixtureFreeze:
    """A mixture of lognormal freezes: with probability ``weights[k]`` an event is of
    kind ``components[k]``.

    .. math::

        F(t) = \\sum_k w_k F_k(t), \\qquad \\sum_k w_k = 1.

    A small weight on a long component is how a tail appears: most events are short,
    a few are long, and the P99 lands wherever the rare ones push it.

    Parameters
    ----------
    weights : sequence of float
        Non-negative, summing to 1 (within 1e-9).
    components : sequence of LogNormalFreeze
        One per weight.

    Raises
    ------
    ValueError
        If the lengths differ, a weight is negative or the weights do not sum to 1.
    TypeError
        If a component is not a :class:`LogNormalFreeze`.
    """

    weights: tuple[float, ...]
    components: tuple[LogNormalFreeze, ...]

    def __post_init__(self):
        weights = _validate.non_negative("weights", self.weights)
        if weights.ndim != 1:
            raise ValueError(f"weights must be a flat sequence of numbers, got {self.weights!r}")
        total = math.fsum(weights.tolist())
        if abs(total - 1.0) > 1e-9:
            raise ValueError(f"weights must sum to 1, got {self.weights!r} (sum {total!r})")
        if isinstance(self.components, LogNormalFreeze):
            raise TypeError(
                "components must be a sequence of LogNormalFreeze, got a single "
                f"{self.components!r}"
            )
        components = tuple(self.components)
        for component in components:
            if not isinstance(component, LogNormalFreeze):
                raise TypeError(
                    f"components must be LogNormalFreeze models, got {component!r}"
                )
        if len(components) != weights.size:
            raise ValueError(
                f"components must have one model per weight ({weights.size}), "
                f"got {len(components)}"
            )
        object.__setattr__(self, "weights", tuple(float(w) for w in weights))
        object.__setattr__(self, "components", components)

    @property
    def _mus(self) -> np.ndarray:
        return np.array([c.mu for c in self.components])

    @property
    def _sigmas(self) -> np.ndarray:
        return np.array([c.sigma for c in self.components])

    @property
    def mean_s(self) -> float:
        """The mean freeze in seconds, :math:`\\sum_k w_k E[T_k]`."""
        return math.fsum(w * c.mean_s for w, c in zip(self.weights, self.components, strict=True))

    def _mix(self, t_s: np.ndarray, which: str) -> np.ndarray:
        total = np.zeros(t_s.shape)
        for w, c in zip(self.weights, self.components, strict=True):
            total = total + w * getattr(c, which)(t_s)
        return total

    def cdf(self, t_s):
        """:math:`P(T \\le t) = \\sum_k w_k F_k(t)`; ``t_s`` in seconds (>= 0)."""
        t_s = _validate.non_negative("t_s", t_s)
        return _validate.as_python(self._mix(t_s, "cdf"))

    def exceedance(self, t_s):
        """Share of freezes longer than ``t_s``: :math:`\\sum_k w_k P(T_k > t)`, summed
        from each component's survival function (accurate far in the tail)."""
        t_s = _validate.non_negative("t_s", t_s)
        return _validate.as_python(self._mix(t_s, "exceedance"))

    def interval_share(self, low_s, high_s):
        """Share of freezes with ``low_s < T <= high_s``: :math:`\\sum_k w_k P_k(l < T \\le h)`."""
        return _validate.as_python(sum(
            w * np.asarray(c.interval_share(low_s, high_s))
            for w, c in zip(self.weights, self.components, strict=True)))

    def interval_mean_s(self, low_s, high_s):
        """Partial mean :math:`E[T;\\ l < T \\le h] = \\sum_k w_k E[T_k;\\ l < T_k \\le h]`,
        seconds."""
        return _validate.as_python(sum(
            w * np.asarray(c.interval_mean_s(low_s, high_s))
            for w, c in zip(self.weights, self.components, strict=True)))

    def pdf(self, t_s):
        """Density per second, :math:`\\sum_k w_k f_k(t)`, for plotting."""
        t_s = _validate.non_negative("t_s", t_s)
        return _validate.as_python(self._mix(t_s, "pdf"))

    def quantile(self, q):
        """Quantile, solved numerically to a relative error below 1e-9.

        A mixture's quantile has no closed form. It lies between the smallest and the
        largest component quantile at the same level (each :math:`F_k` is below
        :math:`q` at the first and above it at the second), so a bisection on
        :math:`\\ln t` inside that bracket converges for every ``q`` at once. Above the
        median it matches the exceedance :math:`1-q` rather than the cdf, which keeps
        the upper tail accurate.

        Parameters
        ----------
        q : float or array_like
            Probability level(s) as a fraction in (0, 1).

        Returns
        -------
        float or numpy.ndarray
            Freeze time(s) in seconds.
        """
        q = _validate.in_range("q", q, 0.0, 1.0, low_open=True, high_open=True)
        z = special.ndtri(q)[..., np.newaxis]
        log_quantiles = self._mus + self._sigmas * z  # each component's ln t_q
        lo, hi = log_quantiles.min(axis=-1), log_quantiles.max(axis=-1)
        upper = q > 0.5
        target = np.where(upper, 1.0 - q, q)
        for _ in range(200):
            if not np.any(hi - lo > _BISECTION_LOG_TOLERANCE):
                break
            mid = 0.5 * (lo + hi)
            t_s = np.exp(mid)
            root_above = np.where(
                upper, self._mix(t_s, "exceedance") > target, self._mix(t_s, "cdf") < target
            )
            lo = np.where(root_above, mid, lo)
            hi = np.where(root_above, hi, mid)
        return _validate.as_python(np.exp(0.5 * (lo + hi)))

    def sample(self, n, rng):
        """Draw ``n`` freeze times, seconds: pick a component per event with
        probabilities ``weights`` (one uniform each), then one normal each.

        Parameters
        ----------
        n : int
            How many (>= 0).
        rng : numpy.random.Generator
            The random stream.
        """
        n = _validate.integer("n", n, minimum=0)
        rng = _validate.generator("rng", rng)
        cumulative = np.cumsum(self.weights)
        which = np.searchsorted(cumulative, rng.random(n), side="right")
        which = np.minimum(which, len(self.components) - 1)  # guard a sum of 1 - 1e-16
        z = rng.standard_normal(n)
        return np.exp(self._mus[which] + self._sigmas[which] * z)

    def scaled(self, factor) -> MixtureFreeze:
        """Every component stretched by ``factor`` (> 0); the weights are unchanged."""
        factor = _scale_factor(factor, self.components)
        return MixtureFreeze(self.weights, tuple(c.scaled(factor) for c in self.components))


FreezeModel = LogNormalFreeze | MixtureFreeze
"""Anything :mod:`maintsim.fleet` can draw freezes from."""


def model_for(kind: str) -> LogNormalFreeze:
    """The book's default freeze model for one kind of maintenance.

    **Assumption.** The median and P99 come from
    :data:`maintsim.facts.FREEZE_ASSUMPTIONS`; no public source gives a distribution.
    Each pair was tuned to one cited sentence, its ``tuned_to`` (this table is generated
    from ``facts`` when the module is imported, so it cannot drift from the code):

    {assumptions_table}

    Parameters
    ----------
    kind : str
        One of :data:`KINDS`.
    """
    _validate.choice("kind", kind, KINDS)
    assumption = facts.FREEZE_ASSUMPTIONS[kind]
    return LogNormalFreeze(assumption.median_s, assumption.p99_s)


def visible_to_vm(kind: str) -> bool:
    """Whether a VM notices events of this kind at all.

    From the ``visible_to_vm`` field of :data:`maintsim.facts.FREEZE_ASSUMPTIONS`: a hot
    patch is "not visible to VMs" :cite:p:`techcomm_hhr2023`, so it charges no downtime under
    any accounting rule; every other kind pauses or restarts the VM. A kind the book does
    not model (a what-if with its own freeze model) is taken to be visible.
    """
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a kind name (str), got {_validate._describe(kind)}")
    assumption = facts.FREEZE_ASSUMPTIONS.get(kind)
    return assumption is None or assumption.visible_to_vm


def _assumptions_table(indent: str = "    ") -> str:
    """The freeze assumptions as a reStructuredText simple table (for :func:`model_for`)."""
    rows = [("kind", "median", "P99", "tuned to")] + [
        (f"``{a.kind}``", f"{a.median_s:g} s", f"{a.p99_s:g} s",
         f"{a.tuned_to} :cite:p:`{a.source}`")
        for a in facts.FREEZE_ASSUMPTIONS.values()
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(3)] + [len("tuned to")]
    border = "  ".join("=" * w for w in widths)

    def line(row):
        return "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()

    lines = [border, line(rows[0]), border, *map(line, rows[1:]), border]
    return ("\n" + indent).join(lines)


if model_for.__doc__:  # None under python -OO
    model_for.__doc__ = model_for.__doc__.replace("{assumptions_table}", _assumptions_table())


def memory_preserving_mixture(heavy_share=facts.HEAVY_SHARE_DEFAULT) -> MixtureFreeze:
    """Memory-preserving maintenance as a mix of light updates and rare heavy ones.

    .. math::

        F(t) = (1-h)\\,F_{\\text{light}}(t) + h\\,F_{\\text{heavy}}(t)

    **Assumption.** The default heavy share :math:`h` is
    :data:`maintsim.facts.HEAVY_SHARE_DEFAULT`, the heavy rate over the memory-preserving rate
    of :data:`maintsim.facts.FREEZE_ASSUMPTIONS` (about 8.5 %). Whatever the share, the
    mixture's P99 stays within the heavy class's 30 s, the source article's figure
    :cite:p:`torigoe2022`; the components are
    :func:`model_for` ``("mp_light")`` and ``("mp_heavy")``.

    Parameters
    ----------
    heavy_share : float
        Share of events that are heavy (host OS/kernel) updates, a fraction in [0, 1].
    """
    h = _validate.scalar("heavy_share", heavy_share)
    _validate.in_range("heavy_share", h, 0.0, 1.0)
    return MixtureFreeze((1.0 - h, h), (model_for("mp_light"), model_for("mp_heavy")))


def with_kernel_penalty(model, factor=facts.OLD_KERNEL_PENALTY_FACTOR):
    """The same freeze model as seen by a guest with an old Linux kernel.

    Every freeze is stretched by ``factor``: :math:`T' = cT`, so every quantile is
    multiplied by :math:`c`.

    **Assumption.** The source article says old guest kernels can see a longer impact
    :cite:p:`torigoe2022` but gives no number; the default factor
    :data:`maintsim.facts.OLD_KERNEL_PENALTY_FACTOR` is the book's choice.

    Parameters
    ----------
    model : LogNormalFreeze or MixtureFreeze
        The freeze model of an up-to-date guest.
    factor : float
        Stretch factor (> 0; a penalty is >= 1, a value below 1 models a faster guest).
    """
    if not isinstance(model, (LogNormalFreeze, MixtureFreeze)):
        raise TypeError(f"model must be a LogNormalFreeze or MixtureFreeze, got {model!r}")
    return model.scaled(factor)


# ---------------------------------------------------------------------------
# Three readings of "30 seconds": what the tail choice does to the counts
# ---------------------------------------------------------------------------

_P99 = 0.99

TAIL_READINGS: tuple[str, ...] = ("heavy_p99", "all_p99", "typical_30s")
"""The three readings of the 30-second figure that :func:`tail_readings` sets side by side:
the book's model (:func:`reading_heavy_p99`), the article's words
(:func:`reading_all_p99`) and the 2024 documents' words (:func:`reading_typical_30s`)."""


def _heavy_share(heavy_share) -> float:
    h = _validate.scalar("heavy_share", heavy_share)
    _validate.in_range("heavy_share", h, 0.0, 1.0)
    return h


def reading_heavy_p99(heavy_share=facts.HEAVY_SHARE_DEFAULT) -> MixtureFreeze:
    """Reading 1, the book's model: the P99 of 30 s belongs to the heavy updates alone.

    **Assumptions.** Memory-preserving maintenance is the mixture of
    :func:`memory_preserving_mixture`: a share :math:`1-h` of light updates (lognormal,
    median 2 s, P99 8 s, tuned to "almost always" under 10 s :cite:p:`ms_maint_2024`) and a
    share :math:`h` of heavy host OS/kernel updates (lognormal, median 18 s, **P99 30 s**).
    The article's "within 30 s at P99" :cite:p:`torigoe2022` is read as the P99 of the heavy
    class only, so exactly 1 % of heavy freezes and about :math:`h \\times 1\\,\\%` of all
    freezes last longer than 30 s: with the book's :math:`h \\approx 8.5\\,\\%`, about
    0.085 %.

    Parameters
    ----------
    heavy_share : float
        :math:`h`, the share of heavy events, a fraction in [0, 1].
    """
    return memory_preserving_mixture(_heavy_share(heavy_share))


def reading_all_p99(heavy_share=facts.HEAVY_SHARE_DEFAULT) -> MixtureFreeze:
    """Reading 2, the article's words: the P99 of *all* memory-preserving maintenance is 30 s.

    The article says that for most maintenance the host-side update completes within 30 s
    at the 99th percentile :cite:p:`torigoe2022`, a statement about memory-preserving
    maintenance in general, not about its heaviest kind. "Within 30 s" allows up to 1 % over
    30 s; this reading takes the bound, exactly 1 %.

    **Assumptions.** The light class is kept as in :func:`reading_heavy_p99` (it is tuned to
    a different sentence), and so is the share :math:`h` of heavy events. The heavy class
    keeps its shape (the spread :math:`\\sigma` of the book's heavy model) but is stretched
    by the one factor :math:`c` that puts the mixture's P99 on 30 s:

    .. math::

        (1-h)\\,P(T_{\\text{light}} > 30) + h\\,P(c\\,T_{\\text{heavy}} > 30) = 0.01,
        \\qquad c = \\frac{30}{F_{\\text{heavy}}^{-1}\\!\\left(1 -
        \\frac{0.01 - (1-h)\\,P(T_{\\text{light}} > 30)}{h}\\right)}.

    With :math:`h \\approx 8.5\\,\\%` that is :math:`c \\approx 1.28`: heavy updates with a
    median of about 23 s, 12 % of them longer than 30 s.

    Parameters
    ----------
    heavy_share : float
        :math:`h`, a fraction in [0, 1]. It must exceed
        :math:`(0.01 - L)/(1 - L)` (:math:`L` the light class's share over 30 s, so about
        0.01): below that even heavy updates that all last over 30 s cannot make 1 %.

    Raises
    ------
    ValueError
        If ``heavy_share`` is too small for the heavy class to carry 1 % of all freezes.
    """
    h = _heavy_share(heavy_share)
    light, heavy = model_for("mp_light"), model_for("mp_heavy")
    light_over = light.exceedance(facts.LONG_PAUSE_S)
    floor = (1.0 - _P99 - light_over) / (1.0 - light_over)
    if not h > floor:
        raise ValueError(
            f"heavy_share must be > {floor:.6f} for the heavy updates to carry 1 % of all "
            f"freezes over {facts.LONG_PAUSE_S:g} s, got {h!r}"
        )
    heavy_over = (1.0 - _P99 - (1.0 - h) * light_over) / h  # share of heavy freezes over 30 s
    stretch = facts.LONG_PAUSE_S / heavy.quantile(1.0 - heavy_over)
    return MixtureFreeze((1.0 - h, h), (light, heavy.scaled(stretch)))


def reading_typical_30s(heavy_share=facts.HEAVY_SHARE_DEFAULT) -> MixtureFreeze:
    """Reading 3, the documents' words: "about 30 seconds" is the typical length of the rare
    long pause.

    The 2024 and 2026 maintenance documents say a VM-impacting pause is "almost always" under
    10 s and that, rarely (at most once every 18 months for general-purpose sizes), a
    mechanism pauses the VM "for about 30 seconds" :cite:p:`ms_maint_2024,ms_maint_2026`.
    Read plainly, 30 s is what a long pause typically lasts, not its 99th percentile.

    **Assumptions.** The light class and the share :math:`h` are kept as in
    :func:`reading_heavy_p99`. "Typical" is taken as the **median**: the heavy class becomes
    a lognormal with a median of 30 s and the same spread as the book's heavy model (its
    P99/median ratio, :math:`30/18`), so its P99 is 50 s and half of the heavy freezes last
    longer than 30 s: about :math:`h/2` of all freezes, 4.2 % with the book's
    :math:`h \\approx 8.5\\,\\%`.

    Parameters
    ----------
    heavy_share : float
        :math:`h`, a fraction in [0, 1].
    """
    h = _heavy_share(heavy_share)
    heavy = model_for("mp_heavy")
    spread = heavy.p99_s / heavy.median_s  # the book's heavy shape, kept
    typical = LogNormalFreeze(facts.LONG_PAUSE_S, facts.LONG_PAUSE_S * spread)
    return MixtureFreeze((1.0 - h, h), (model_for("mp_light"), typical))


_READING_BUILDERS = {
    "heavy_p99": (reading_heavy_p99, "P99 = 30 s for heavy updates only (the book's model)",
                  "heavy {heavy_text}; light {light_text}"),
    "all_p99": (reading_all_p99, "P99 = 30 s for all memory-preserving maintenance (the article)",
                "heavy stretched to {heavy_text} so the whole mix has P99 30 s; "
                "light {light_text}"),
    "typical_30s": (reading_typical_30s, "about 30 s is the typical long pause (the documents)",
                    "heavy {heavy_text} (a 30 s median, the book's heavy spread); "
                    "light {light_text}"),
}
"""Per reading: its builder, a label, and a template for the model in one line."""


def _lognormal_text(model: LogNormalFreeze) -> str:
    return f"median {model.median_s:.3g} s, P99 {model.p99_s:.3g} s"


@dataclass(frozen=True)
class TailReading:
    """One reading of the 30-second figure and the counts it implies.

    Attributes
    ----------
    key, label : str
        A key of :data:`TAIL_READINGS` and a label for tables.
    assumes : str
        The model in one line (the builder's docstring states the assumptions in full).
    model : MixtureFreeze
        Memory-preserving freeze times under this reading.
    share_over_30 : float
        Share of all memory-preserving freezes longer than 30 s, a fraction.
    over_30_per_vm_year : float
        Expected freezes over 30 s per VM-year.
    over_30_per_fleet_year : float
        The same for the whole fleet.
    years_between_per_vm : float
        One VM's mean wait between two such freezes, years (:math:`1/` the yearly rate).
    vm_share_with_one_a_year : float
        Share of VMs that meet at least one in a year, :math:`1 - e^{-m}` (Poisson).
    """

    key: str
    label: str
    assumes: str
    model: MixtureFreeze
    share_over_30: float
    over_30_per_vm_year: float
    over_30_per_fleet_year: float
    years_between_per_vm: float
    vm_share_with_one_a_year: float


def _count_text(x: float) -> str:
    if math.isinf(x):
        return text("never")
    return f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


@dataclass(frozen=True)
class TailReadings:
    """The sensitivity table :func:`tail_readings` returns; renders in Jupyter and on the site.

    Attributes
    ----------
    fleet_vms : int
        The fleet the per-fleet counts are for.
    events_per_month : float
        Memory-preserving events per VM-month (light and heavy together).
    heavy_share : float
        Share of them that are heavy.
    rows : tuple of TailReading
        One per reading, in the order of :data:`TAIL_READINGS`.
    """

    fleet_vms: int
    events_per_month: float
    heavy_share: float
    rows: tuple[TailReading, ...]

    def __getitem__(self, key: str) -> TailReading:
        _validate.choice("key", key, TAIL_READINGS)
        return next(row for row in self.rows if row.key == key)

    def headers(self) -> tuple[str, ...]:
        """Column headings of :meth:`to_markdown` and the HTML table."""
        return (text("Reading of 30 s"), text("Model (an assumption)"), text("Freezes over 30 s"),
                text("Per VM-year"), text("Per year, {fleet_vms:,} VMs", fleet_vms=self.fleet_vms),
                text("One VM: once in"))

    def cells(self, row: TailReading) -> tuple[str, ...]:
        """One row of the table as text."""
        return (translate(row.label), translate(row.assumes), f"{100 * row.share_over_30:.3g} %",
                _count_text(row.over_30_per_vm_year), _count_text(row.over_30_per_fleet_year),
                text("{count} years", count=_count_text(row.years_between_per_vm)))

    def caption(self) -> str:
        """The rates in the digits the prose uses everywhere (0.66 events, 8.5 % heavy)."""
        return text("Freezes over 30 s under three readings; {events:.2f} memory-preserving "
                    "events per VM-month, {heavy_pct:.1f} % heavy (modelling assumptions)",
                    events=self.events_per_month, heavy_pct=100 * self.heavy_share)

    def to_markdown(self) -> str:
        """The table as Markdown: a header line, a rule, one line per reading."""
        headers = self.headers()
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(self.cells(row)) + " |" for row in self.rows]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.caption() + "\n" + self.to_markdown()

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in self.headers())
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in self.cells(row)) + "</tr>"
            for row in self.rows
        )
        return (  # the caption outside the scrolling box, so a phone shows all of it
            f"<figure><figcaption>{html.escape(self.caption())}</figcaption>"
            '<div style="overflow-x: auto; max-width: 100%;">'
            f'<table class="dataframe"><thead><tr>{head}</tr></thead><tbody>{body}</tbody>'
            "</table></div></figure>"
        )


def tail_readings(
    fleet_vms,
    *,
    events_per_month=facts.MP_EVENTS_PER_MONTH,
    heavy_share=facts.HEAVY_SHARE_DEFAULT,
) -> TailReadings:
    """How many freezes run over 30 s, under each of three readings of "30 seconds".

    Every count of long freezes in the book rests on one reading of the 30-second figure.
    This table puts three side by side at one set of rates, the book's
    (:data:`maintsim.facts.MP_EVENTS_PER_MONTH` memory-preserving events per VM-month, a
    share :data:`maintsim.facts.HEAVY_SHARE_DEFAULT` of them heavy):

    1. ``"heavy_p99"``, :func:`reading_heavy_p99`: P99 = 30 s for the heavy updates only
       (the book's model);
    2. ``"all_p99"``, :func:`reading_all_p99`: P99 = 30 s for all memory-preserving
       maintenance, the article's own words :cite:p:`torigoe2022`;
    3. ``"typical_30s"``, :func:`reading_typical_30s`: "about 30 seconds" is the median of
       the rare long pause, the documents' words :cite:p:`ms_maint_2024`.

    **Each reading is a modelling assumption**; their builders' docstrings say exactly
    what each assumes. Events are independent (Poisson), so with :math:`\\lambda` events per
    VM-month and a share :math:`p` over 30 s, one VM expects :math:`m = 12\\lambda p`
    freezes over 30 s a year, a fleet of :math:`N` VMs :math:`Nm`, and one VM waits
    :math:`1/m` years between two of them on average.

    Parameters
    ----------
    fleet_vms : int
        The number of VMs for the per-fleet counts (>= 1).
    events_per_month : float
        Memory-preserving events per VM-month, light and heavy together (> 0).
    heavy_share : float
        Share of those events that are heavy, a fraction in [0, 1] (reading 2 needs more
        than about 1 %).

    Returns
    -------
    TailReadings
        ``rows`` in the order above, ``to_markdown()`` and an HTML table in notebooks.
    """
    fleet_vms = _validate.integer("fleet_vms", fleet_vms, minimum=1)
    events_per_month = _validate.scalar("events_per_month", events_per_month)
    events_per_month = float(_validate.positive("events_per_month", events_per_month))
    h = _heavy_share(heavy_share)
    rows = []
    for key in TAIL_READINGS:
        build, label, template = _READING_BUILDERS[key]
        model = build(h)
        light, heavy = model.components
        assumes = template.format(heavy_text=_lognormal_text(heavy),
                                  light_text=_lognormal_text(light))
        share = model.exceedance(facts.LONG_PAUSE_S)
        per_vm_year = 12.0 * events_per_month * share
        rows.append(TailReading(
            key=key, label=label, assumes=assumes,
            model=model, share_over_30=share, over_30_per_vm_year=per_vm_year,
            over_30_per_fleet_year=fleet_vms * per_vm_year,
            years_between_per_vm=1.0 / per_vm_year if per_vm_year > 0 else math.inf,
            vm_share_with_one_a_year=-math.expm1(-per_vm_year),
        ))
    return TailReadings(fleet_vms, events_per_month, h, tuple(rows))
