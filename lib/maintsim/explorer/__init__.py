"""The freeze-time explorer: move freeze time, watch P99, monthly uptime and the SLA verdict.

The explorer has two faces over the same functions:

* :func:`live` returns an ipywidgets box (sliders, dropdowns, an HTML read-out and a plotly
  ``FigureWidget``) for Jupyter and Binder; every move recomputes :func:`readouts` and redraws
  the figure in place with one ``plotly_update`` message.
* :func:`static` returns a plain plotly figure for the rendered site, where no kernel runs. Its
  own slider steps through **precomputed** states (the freeze-time scale) and a dropdown picks
  the SLA tier; the read-out text of every state is stored in the figure.

Both faces build their figure with the same private helper (``_base_figure``), change it with
the same update arguments (``_distribution_update``, ``_tier_update``) and print the read-outs
with one function, :func:`readout_text`, so the same settings always show the same numbers.

What the numbers mean
---------------------
**The freeze distribution.** A mixture of a *light* lognormal (median ``median_s``, P99
``p99_s``) and the book's *heavy* model :func:`maintsim.freeze.model_for` ``("mp_heavy")``,
with weight ``heavy_share`` on the heavy one, then every freeze stretched by ``scale``
(:meth:`maintsim.freeze.MixtureFreeze.scaled`; a scale of 1.5 is the book's old-kernel
penalty, :data:`maintsim.facts.OLD_KERNEL_PENALTY_FACTOR`). **All of it is a modelling
assumption** (:data:`maintsim.facts.FREEZE_ASSUMPTIONS`).

**The sample.** ``n_samples`` freezes drawn with ``numpy.random.default_rng(seed)``
(:meth:`~maintsim.freeze.MixtureFreeze.sample`), then one start offset per freeze, uniform
in [0, 60) seconds, from the same generator. P50, P99 and the maximum are
:func:`maintsim.percentiles.percentile` of the sample (NumPy's default ``"linear"`` method);
the share over 30 s is :func:`maintsim.percentiles.exceedance_share` at
:data:`maintsim.facts.LONG_PAUSE_S`. The model's exact P99 is
:meth:`~maintsim.freeze.MixtureFreeze.quantile` ``(0.99)``. The same seed draws the same
random numbers whatever the settings, so moving a slider moves the sample smoothly.

**The month.** A month holds ``events_per_month`` freezes (an assumption:
:data:`maintsim.facts.EXPLORER_EVENTS_PER_MONTH` by default). Its downtime is the
**expected** downtime, deterministic:

.. math::

    D = n_{\\text{events}} \\times \\overline{c}, \\qquad
    \\overline{c} = \\frac{1}{N} \\sum_{i=1}^{N} c_{\\text{rule}}(t_i, s_i)

where :math:`c_{\\text{rule}}` is :func:`maintsim.sla.outage_downtime_min` of freeze
:math:`t_i` under the minute-accounting rule (``"exact"``: :math:`t/60`; ``"rounded_up"``:
:math:`\\lceil t/60 \\rceil`; ``"clock_minutes"``: every clock minute touched by a freeze
starting :math:`s_i \\in [0, 60)` seconds into a minute), averaged over the seeded sample: a
Monte Carlo estimate of :math:`E[c]`. Then :func:`maintsim.sla.month_verdict` with
:func:`maintsim.sla.minutes_in_month` ``(month_days)`` gives the uptime, the tier's allowed
minutes, the verdict and the credit. A single real month with this rate would vary around
:math:`D`; chapter 8's fleet simulation draws such months.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from maintsim import _validate, facts, freeze, percentiles, sla
from maintsim.figures import plotting

__all__ = [
    "CHOICES",
    "RANGES",
    "STATIC_SCALES",
    "VIEWS",
    "Draws",
    "Explorer",
    "Readouts",
    "Settings",
    "draws",
    "freeze_model",
    "live",
    "readout_lines",
    "readout_text",
    "readouts",
    "static",
]

VIEWS = ("percentiles", "sla")
"""The two views, the freeze distribution alone or with the month's downtime and budget."""

RANGES: dict[str, tuple[float, float, float]] = {
    "median_s": (0.5, 5.0, 0.1),
    "p99_s": (5.5, 60.0, 0.5),
    "heavy_share": (0.0, 0.5, 0.01),
    "scale": (0.25, 4.0, 0.05),
    "events_per_month": (0.0, 60.0, 0.5),
    "month_days": (28, 31, 1),
    "n_samples": (100, 100_000, 100),
    "seed": (0, 2**32 - 1, 1),
}
"""``(min, max, step)`` of every numeric setting; the live sliders use them and
:class:`Settings` refuses anything outside. The light median stops below the lowest light P99,
so no slider position can ask for a P99 at or below the median."""

CHOICES: dict[str, tuple[str, ...]] = {
    "tier": tuple(sla.TIERS),
    "rule": sla.ACCOUNTING_RULES,
}
"""Allowed values of the two named settings, the SLA tiers and the minute-accounting rules."""

STATIC_SCALES: tuple[float, ...] = tuple(round(0.5 + 0.05 * i, 2) for i in range(31))
"""The freeze-time scales the static figure's slider steps through (0.5 to 2.0 by 0.05)."""

_INT_FIELDS = ("month_days", "n_samples", "seed")
_FLOAT_FIELDS = ("median_s", "p99_s", "heavy_share", "events_per_month", "scale")
_LIGHT = facts.FREEZE_ASSUMPTIONS["mp_light"]
_MINUTE_S = float(sla.SECONDS_PER_MINUTE)


@dataclass(frozen=True)
class Settings:
    """Everything the explorer's read-outs depend on. Validated on creation.

    Parameters
    ----------
    median_s : float
        Median of the light freezes, seconds. Default: the ``mp_light`` assumption of
        :data:`maintsim.facts.FREEZE_ASSUMPTIONS`.
    p99_s : float
        P99 of the light freezes, seconds (> ``median_s``). Default: ``mp_light``'s.
    heavy_share : float
        Share of events that are heavy (the ``mp_heavy`` model), a fraction. Default:
        :data:`maintsim.facts.HEAVY_SHARE_DEFAULT` (an assumption).
    events_per_month : float
        Freezing events in the month. Default:
        :data:`maintsim.facts.EXPLORER_EVENTS_PER_MONTH`, **an assumption**.
    month_days : int
        Days in the month, 28 to 31.
    tier : str
        A key of :data:`maintsim.sla.TIERS`.
    rule : str
        One of :data:`maintsim.sla.ACCOUNTING_RULES`.
    n_samples : int
        Size of the seeded sample behind P50, P99, the maximum and the share over 30 s.
    seed : int
        Seed of ``numpy.random.default_rng``.
    scale : float
        Every freeze multiplied by this (1 = the model as given; 1.5 = the book's old-kernel
        penalty). The static figure's slider moves it.

    Raises
    ------
    ValueError
        A value outside :data:`RANGES` or :data:`CHOICES`, or ``p99_s <= median_s``; the
        message names the field.
    TypeError
        A value of the wrong type (a string for a number, a float for ``month_days``).
    """

    median_s: float = _LIGHT.median_s
    p99_s: float = _LIGHT.p99_s
    heavy_share: float = facts.HEAVY_SHARE_DEFAULT
    events_per_month: float = facts.EXPLORER_EVENTS_PER_MONTH
    month_days: int = 30
    tier: str = "single_premium"
    rule: str = "exact"
    n_samples: int = 2000
    seed: int = 2022
    scale: float = 1.0

    def __post_init__(self):
        for name in _FLOAT_FIELDS:
            low, high, _ = RANGES[name]
            value = _validate.scalar(name, getattr(self, name))
            _validate.in_range(name, value, low, high)
            object.__setattr__(self, name, value)
        for name in _INT_FIELDS:
            low, high, _ = RANGES[name]
            value = _validate.integer(name, getattr(self, name), minimum=low, maximum=high)
            object.__setattr__(self, name, value)
        for name, allowed in CHOICES.items():
            _validate.choice(name, getattr(self, name), allowed)
        if not self.p99_s > self.median_s:
            raise ValueError(
                f"p99_s must be > median_s ({self.median_s!r} s), got {self.p99_s!r}"
            )

    def replace(self, **changes) -> Settings:
        """A copy with some fields changed (validated again)."""
        _check_names(changes, "replace")
        return dataclasses.replace(self, **changes)


def _check_names(fields: dict, where: str) -> None:
    known = [f.name for f in dataclasses.fields(Settings)]
    for name in fields:
        if name not in known:
            raise TypeError(f"{where}() got an unknown setting {name!r}; settings are {known}")


def _settings_from(fields: dict, where: str) -> Settings:
    _check_names(fields, where)
    return Settings(**fields)


# ---------------------------------------------------------------------------
# The model, the seeded sample and the read-outs
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _model(median_s: float, p99_s: float, heavy_share: float, scale: float):
    light = freeze.LogNormalFreeze(median_s, p99_s)
    mixture = freeze.MixtureFreeze((1.0 - heavy_share, heavy_share),
                                   (light, freeze.model_for("mp_heavy")))
    return mixture.scaled(scale)


def _model_key(settings: Settings) -> tuple[float, float, float, float]:
    return (settings.median_s, settings.p99_s, settings.heavy_share, settings.scale)


def freeze_model(settings: Settings | None = None) -> freeze.MixtureFreeze:
    """The explorer's freeze model for ``settings``.

    .. math::

        F(t) = (1-h)\\,F_{\\text{light}}(t/k) + h\\,F_{\\text{heavy}}(t/k)

    with :math:`h` = ``heavy_share``, :math:`k` = ``scale``, the light lognormal given by
    ``median_s`` and ``p99_s`` and the heavy one by :func:`maintsim.freeze.model_for`
    ``("mp_heavy")``. A modelling assumption throughout. Cached: the same settings give the
    same (immutable) object.
    """
    return _model(*_model_key(_as_settings(settings)))


@functools.lru_cache(maxsize=512)
def _exact_p99(key) -> float:
    return float(_model(*key).quantile(0.99))


@dataclass(frozen=True, eq=False)
class Draws:
    """The seeded sample behind the read-outs (read-only arrays).

    Attributes
    ----------
    freeze_s : numpy.ndarray
        ``n_samples`` freeze lengths, seconds.
    start_s : numpy.ndarray
        For each freeze, where it starts inside its clock minute, seconds in [0, 60); used
        by the ``"clock_minutes"`` rule only.
    """

    freeze_s: np.ndarray
    start_s: np.ndarray


@functools.lru_cache(maxsize=64)
def _draws(key, n_samples: int, seed: int) -> Draws:
    rng = np.random.default_rng(seed)
    freeze_s = _model(*key).sample(n_samples, rng)
    start_s = rng.uniform(0.0, _MINUTE_S, n_samples)
    freeze_s.setflags(write=False)
    start_s.setflags(write=False)
    return Draws(freeze_s, start_s)


def draws(settings: Settings | None = None) -> Draws:
    """The seeded sample for ``settings``: ``n_samples`` freezes from
    :func:`freeze_model` drawn with ``numpy.random.default_rng(seed)``, then one start
    offset per freeze, uniform in [0, 60) s, from the same generator. Cached and read-only."""
    s = _as_settings(settings)
    return _draws(_model_key(s), s.n_samples, s.seed)


@dataclass(frozen=True)
class Readouts:
    """What the explorer shows for one :class:`Settings`.

    Attributes
    ----------
    p50_s, p99_s, max_s : float
        Median, 99th percentile and maximum of the seeded sample, seconds
        (:func:`maintsim.percentiles.percentile`, method ``"linear"``).
    share_over_30s : float
        Share of the sample strictly longer than :data:`maintsim.facts.LONG_PAUSE_S` (30 s),
        a fraction (:func:`maintsim.percentiles.exceedance_share`).
    exact_p99_s : float
        The model's exact P99, seconds.
    downtime_min : float
        The month's expected downtime, minutes: ``events_per_month`` x the mean charge per
        freeze under the rule (see the module's notes).
    uptime_pct : float
        Monthly uptime, percent (:func:`maintsim.sla.monthly_uptime_pct`).
    allowed_min : float
        The tier's allowed downtime in this month, minutes.
    met : bool
        Whether the tier's target is met.
    credit_pct : float
        Service credit, percent of the monthly fee (most bands are unconfirmed: see
        :data:`maintsim.facts.SLA_TIERS`).
    month_min : int
        Minutes in the month.
    charge_per_event_min : float
        Mean minutes charged per freeze under the rule (the sample average).
    settings : Settings
        The settings these read-outs belong to.
    """

    p50_s: float
    p99_s: float
    max_s: float
    share_over_30s: float
    exact_p99_s: float
    downtime_min: float
    uptime_pct: float
    allowed_min: float
    met: bool
    credit_pct: float
    month_min: int
    charge_per_event_min: float
    settings: Settings


def _as_settings(settings) -> Settings:
    if settings is None:
        return Settings()
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be an explorer.Settings, got {settings!r:.60}")
    return settings


def readouts(settings: Settings | None = None) -> Readouts:
    """Compute every read-out of the explorer for ``settings`` (default: :class:`Settings`).

    Only library calls: :func:`draws`, :func:`maintsim.percentiles.percentile`,
    :func:`maintsim.percentiles.exceedance_share`, the model's ``quantile``,
    :func:`maintsim.sla.outage_downtime_min`, :func:`maintsim.sla.minutes_in_month` and
    :func:`maintsim.sla.month_verdict`. The month's downtime is

    .. math:: D = n_{\\text{events}} \\times \\frac{1}{N}\\sum_i c_{\\text{rule}}(t_i, s_i)

    (see the module's notes). The model and the sample are cached, so moving the month,
    tier or rule costs well under a millisecond; a new freeze setting costs a few.

    Returns
    -------
    Readouts
    """
    s = _as_settings(settings)
    key = _model_key(s)
    sample = draws(s)
    p50_s, p99_s, max_s = percentiles.percentile(sample.freeze_s, [50.0, 99.0, 100.0])
    share = percentiles.exceedance_share(sample.freeze_s, facts.LONG_PAUSE_S)
    charge_min = sla.outage_downtime_min(sample.freeze_s, s.rule, start_s=sample.start_s)
    charge_per_event_min = float(np.mean(charge_min))
    downtime_min = s.events_per_month * charge_per_event_min
    month_min = sla.minutes_in_month(s.month_days)
    verdict = sla.month_verdict(downtime_min, month_min, s.tier)
    return Readouts(
        p50_s=float(p50_s),
        p99_s=float(p99_s),
        max_s=float(max_s),
        share_over_30s=float(share),
        exact_p99_s=_exact_p99(key),
        downtime_min=float(downtime_min),
        uptime_pct=float(verdict.uptime_pct),
        allowed_min=float(verdict.allowed_min),
        met=bool(verdict.met),
        credit_pct=float(verdict.credit_pct),
        month_min=int(month_min),
        charge_per_event_min=charge_per_event_min,
        settings=s,
    )


# ---------------------------------------------------------------------------
# The read-out text: ONE function for both faces (and for the tests)
# ---------------------------------------------------------------------------


def _fmt_s(seconds: float) -> str:
    """Seconds with three significant figures or so: 2.01 s, 21.7 s, 134 s."""
    if seconds < 10:
        return f"{seconds:.2f} s"
    if seconds < 100:
        return f"{seconds:.1f} s"
    return f"{seconds:.0f} s"


def _fmt_min(minutes: float) -> str:
    """Minutes: 0 min, 0.107 min, 2.00 min, 43.2 min, 2160 min."""
    if minutes == 0:
        return "0 min"
    if minutes < 1:
        return f"{minutes:.3f} min"
    if minutes < 10:
        return f"{minutes:.2f} min"
    if minutes < 100:
        return f"{minutes:.1f} min"
    return f"{minutes:.0f} min"


def _fmt_uptime(uptime_pct: float, target_pct: float, met: bool) -> str:
    """Uptime with 4 decimals, or more when 4 would show 100 for less than 100, or put the
    number on the wrong side of the target (99.89996 is not shown as 99.9000 next to
    "missed")."""
    for decimals in range(4, 12):
        shown = round(uptime_pct, decimals)
        if (shown < 100 or uptime_pct >= 100) and (shown >= target_pct) == met:
            break
    return f"{uptime_pct:.{decimals}f} %"


_CREDIT_STATUS_TEXT = {
    "unconfirmed": "credit band: unconfirmed",
    "secondary": "credit band: secondary source",
    "confirmed": "credit band: confirmed",
}


def readout_lines(r: Readouts) -> tuple[str, ...]:
    """The read-outs as five short lines of plain text (each fits a phone's width).

    Example (the default settings)::

        P50 2.10 s · P99 21.7 s · max 31.7 s
        over 30 s: 0.05 % · model P99 21.7 s
        month: 0.108 min down · uptime 99.9997 %
        99.9 % SLA: met · credit 0 %
        credit band: unconfirmed

    P50, P99, the maximum and the share over 30 s are of the seeded sample; the last line
    says how well the fact sheet confirmed the tier's credit bands
    (:data:`maintsim.facts.SLA_TIERS`). Both faces print exactly these strings
    (:func:`readout_text`); the tests compare them.
    """
    tier = sla.tier(r.settings.tier)
    verdict = "met" if r.met else "MISSED"
    return (
        f"P50 {_fmt_s(r.p50_s)} · P99 {_fmt_s(r.p99_s)} · max {_fmt_s(r.max_s)}",
        f"over {facts.LONG_PAUSE_S:g} s: {100 * r.share_over_30s:.2f} %"
        f" · model P99 {_fmt_s(r.exact_p99_s)}",
        f"month: {_fmt_min(r.downtime_min)} down · uptime "
        f"{_fmt_uptime(r.uptime_pct, tier.target_pct, r.met)}",
        f"{tier.target_pct:g} % SLA: {verdict} · credit {r.credit_pct:g} %",
        _CREDIT_STATUS_TEXT.get(tier.credit_status, f"credit band: {tier.credit_status}"),
    )


def readout_text(r: Readouts) -> str:
    """:func:`readout_lines` joined with ``<br>``: the text of the live HTML read-out and of
    the static figure's annotation."""
    return "<br>".join(readout_lines(r))


# ---------------------------------------------------------------------------
# The figure, shared by both faces
# ---------------------------------------------------------------------------

BINS_PER_DECADE = 20
_EDGE_EXPONENTS = np.arange(-50, 22)  # 30 s x 10^(k/20): 0.095 s to 337 s, 30 s is an edge
EDGES_S: tuple[float, ...] = tuple(
    float(f"{e:.4g}") for e in facts.LONG_PAUSE_S * 10.0 ** (_EDGE_EXPONENTS / BINS_PER_DECADE)
)
"""Bin edges of the plotted distribution, seconds: 20 per decade, 30 s among them."""
_EDGES = np.array(EDGES_S)
_I30 = int(np.flatnonzero(_EDGE_EXPONENTS == 0)[0])

_TRACE_ALL, _TRACE_OVER, _TRACE_DOWNTIME = 0, 1, 2
_SHAPE_30, _SHAPE_P50, _SHAPE_P99, _SHAPE_MAX, _SHAPE_BUDGET = 0, 1, 2, 3, 4
_X_RANGE_LOG = (math.log10(EDGES_S[0]), math.log10(EDGES_S[-1]))
_MIN_RANGE_LOG = (-2.0, 3.5)  # 0.01 to 3162 minutes: every tier's budget fits
_FLOAT_DIGITS = 4

# Vertical layout in pixels (plotly places menus and legends in fractions of the plot area).
_PLOT_PX = {"percentiles": 330, "sla": 500}
_TOP_PX = 30
_AXIS_TITLE_PX = 50  # tick labels and axis title under the (last) plot
_LEGEND_PX = 50  # one row of legend on a desktop, two on a phone
_MENU_PX = 32  # the static tier dropdown
_READOUT_PX = 88  # the static read-out: five lines
_SLIDER_PX = 84  # the static slider with its current value and step labels


def _round(values, digits: int = _FLOAT_DIGITS) -> list[float]:
    return [round(float(v), digits) for v in np.atleast_1d(values)]


def _bin_shares_pct(model) -> np.ndarray:
    """The model's share of freezes in each bin, percent, as a step line (last value repeated
    so the last bin has a right edge)."""
    shares = np.diff(model.cdf(_EDGES)) * 100.0
    return np.append(shares, shares[-1])


def _distribution_update(view: str, r: Readouts):
    """``(restyle, relayout, trace_indexes)`` for everything that depends on the freeze
    settings and the month but not on the tier: the distribution, the P50/P99/max markers
    and the downtime bar. Used as slider-step arguments (static) and with
    ``FigureWidget.plotly_update`` (live)."""
    shares = _round(_bin_shares_pct(freeze_model(r.settings)))
    xs = [list(EDGES_S), list(EDGES_S[_I30:])]
    ys = [shares, shares[_I30:]]
    indexes = [_TRACE_ALL, _TRACE_OVER]
    if view == "sla":
        xs.append(_round(r.downtime_min, 6))
        ys.append(["downtime"])
        indexes.append(_TRACE_DOWNTIME)
    relayout = {}
    for shape, value in ((_SHAPE_P50, r.p50_s), (_SHAPE_P99, r.p99_s), (_SHAPE_MAX, r.max_s)):
        x = _round(value)[0]
        relayout[f"shapes[{shape}].x0"] = x
        relayout[f"shapes[{shape}].x1"] = x
    return {"x": xs, "y": ys}, relayout, indexes


def _tier_update(view: str, r: Readouts) -> dict:
    """Relayout for what depends on the tier (and the month length): the budget line and
    its label (on the side of the line that has room)."""
    if view != "sla":
        return {}
    x = _round(r.allowed_min, 6)[0]
    left_half = math.log10(r.allowed_min) < sum(_MIN_RANGE_LOG) / 2
    return {
        f"shapes[{_SHAPE_BUDGET}].x0": x,
        f"shapes[{_SHAPE_BUDGET}].x1": x,
        f"shapes[{_SHAPE_BUDGET}].label.text":
            f"{sla.tier(r.settings.tier).target_pct:g} % allows {_fmt_min(r.allowed_min)}",
        f"shapes[{_SHAPE_BUDGET}].label.xanchor": "left" if left_half else "right",
    }


def _marker(name: str, colour: str, dash: str) -> dict:
    return dict(type="line", x0=1, x1=1, y0=0, y1=1, xref="x", yref="y domain", name=name,
                showlegend=True, line={"color": colour, "dash": dash, "width": 2})


def _base_figure(view: str, *, bottom_px: int = 0, top_px: int = 0) -> go.Figure:
    """The explorer's figure with placeholder data; an update fills it in.

    Traces: 0 the model's share of freezes per bin (step line, log time axis), 1 the same
    beyond 30 s, 2 (view ``"sla"``) the month's expected downtime as a bar on a log minutes
    axis. Shapes: 0 the 30 s line, 1-3 the sample's P50, P99 and maximum, 4 (``"sla"``) the
    tier's allowed downtime. ``top_px`` and ``bottom_px`` reserve room above and below (the
    static face's menus); the legend sits under the last axis title.
    """
    palette = plotting.PALETTE
    sla_view = view == "sla"
    row = {"row": 1, "col": 1} if sla_view else {}
    if sla_view:
        fig = make_subplots(rows=2, cols=1, row_heights=[0.72, 0.28], vertical_spacing=0.2)
    else:
        fig = go.Figure()
    fig.add_scatter(x=list(EDGES_S), y=[0.0] * len(EDGES_S), mode="lines", line_shape="hv",
                    fill="tozeroy", name="share of freezes (model)", showlegend=False,
                    line={"color": plotting.KIND_COLOURS["mp_heavy"], "width": 1.5},
                    fillcolor="rgba(86,180,233,0.35)",
                    hovertemplate="from %{x:.3g} s: %{y:.2f} % of freezes<extra></extra>",
                    **row)
    fig.add_scatter(x=list(EDGES_S[_I30:]), y=[0.0] * (len(EDGES_S) - _I30), mode="lines",
                    line_shape="hv", fill="tozeroy", name="longer than 30 s", showlegend=False,
                    line={"color": plotting.THRESHOLD_COLOUR, "width": 1.5},
                    fillcolor="rgba(213,94,0,0.35)", hoverinfo="skip", **row)
    fig.add_shape(type="line", x0=facts.LONG_PAUSE_S, x1=facts.LONG_PAUSE_S, y0=0, y1=1,
                  xref="x", yref="y domain", name=f"{facts.LONG_PAUSE_S:g} s", showlegend=True,
                  line={"color": plotting.THRESHOLD_COLOUR, "dash": "dash", "width": 2})
    fig.add_shape(**_marker("P50", palette["green"], "solid"))
    fig.add_shape(**_marker("P99", palette["black"], "dash"))
    fig.add_shape(**_marker("max", palette["purple"], "dot"))
    fig.update_xaxes(type="log", range=list(_X_RANGE_LOG),
                     title_text="freeze length, seconds (log scale)", **row)
    fig.update_yaxes(title_text="% of freezes per bin", rangemode="tozero", **row)
    if sla_view:
        fig.add_bar(x=[0.0], y=["downtime"], orientation="h", row=2, col=1, showlegend=False,
                    name="expected downtime", marker_color=palette["blue"],
                    texttemplate="%{x:.3g} min", textposition="auto",
                    hovertemplate="expected downtime %{x:.3g} min<extra></extra>")
        fig.add_shape(type="line", x0=1, x1=1, y0=0, y1=1, xref="x2", yref="y2 domain",
                      line={"color": palette["vermillion"], "width": 3},
                      label={"text": "", "textposition": "end", "textangle": 0,
                             "yanchor": "bottom", "font": {"size": 12}})
        fig.update_xaxes(type="log", range=list(_MIN_RANGE_LOG), row=2, col=1,
                         title_text="downtime, minutes (log scale)")
        fig.update_yaxes(showgrid=False, tickfont={"size": 11}, row=2, col=1)
    plot_px = _PLOT_PX[view]
    bottom = _AXIS_TITLE_PX + _LEGEND_PX + bottom_px
    top = _TOP_PX + top_px
    fig.update_layout(
        height=plot_px + top + bottom,
        margin={"l": 60, "r": 20, "t": top, "b": bottom},
        legend={"orientation": "h", "yanchor": "top", "y": -_AXIS_TITLE_PX / plot_px,
                "x": 0, "xanchor": "left", "font": {"size": 12}},
        bargap=0.45,
        hovermode="closest",
    )
    return fig


# ---------------------------------------------------------------------------
# The static face
# ---------------------------------------------------------------------------


def _tier_button_label(key: str) -> str:
    t = sla.TIERS[key]
    return f"{t.target_pct:g} %: {t.label}"


def static(view: str = "percentiles", **settings) -> go.Figure:
    """The explorer for the rendered site: a plotly figure with its own slider and dropdown.

    The slider steps through the freeze-time scales of :data:`STATIC_SCALES` (plus
    ``scale`` if it is not among them): at each step every freeze is multiplied by the scale,
    so P50, P99 and the share over 30 s move together. The dropdown picks the SLA tier. Every
    step stores the read-out text of every tier (:func:`readout_text`) and the dropdown only
    shows one of them, so the slider keeps its position when the tier changes. All states
    are computed here, none in the browser.

    Parameters
    ----------
    view : {"percentiles", "sla"}
        ``"percentiles"``: the freeze distribution with P50, P99, the maximum and 30 s marked.
        ``"sla"``: the same, plus the month's expected downtime against the tier's allowance.
    **settings
        Any field of :class:`Settings`; ``scale`` picks the slider's starting step and
        ``tier`` the dropdown's starting entry.

    Returns
    -------
    plotly.graph_objects.Figure
        ``layout.meta`` records the view and the settings (``explorer_settings``, a dict that
        :class:`Settings` accepts), so a test in a browser can recompute what it should show.
    """
    _validate.choice("view", view, VIEWS)
    base = _settings_from(settings, "static")
    scales = sorted(set(STATIC_SCALES) | {base.scale})
    tiers = list(sla.TIERS)
    active_tier = tiers.index(base.tier)
    top_px = _MENU_PX + _READOUT_PX
    fig = _base_figure(view, top_px=top_px, bottom_px=_SLIDER_PX)
    plot_px = _PLOT_PX[view]
    for k, tier_key in enumerate(tiers):
        fig.add_annotation(text="", name=f"readout-{tier_key}", visible=k == active_tier,
                           xref="paper", yref="paper", x=0, y=1, xanchor="left",
                           yanchor="bottom", xshift=-56, yshift=6, align="left",
                           showarrow=False, font={"size": 12})
    steps, per_scale = [], []
    for scale in scales:
        per_tier = [readouts(base.replace(scale=scale, tier=t)) for t in tiers]
        restyle, relayout, indexes = _distribution_update(view, per_tier[active_tier])
        relayout.update({f"annotations[{k}].text": readout_text(r)
                         for k, r in enumerate(per_tier)})
        steps.append({"method": "update", "label": f"×{scale:g}",
                      "args": [restyle, relayout, indexes]})
        per_scale.append(per_tier)
    active_step = scales.index(base.scale)
    fig.plotly_update(*steps[active_step]["args"])
    fig.plotly_relayout(_tier_update(view, per_scale[active_step][active_tier]))
    buttons = []
    for k, tier_key in enumerate(tiers):
        relayout = {f"annotations[{j}].visible": j == k for j in range(len(tiers))}
        relayout.update(_tier_update(view, per_scale[active_step][k]))
        buttons.append({"method": "relayout", "label": _tier_button_label(tier_key),
                        "args": [relayout]})
    fig.update_layout(
        meta={"explorer_view": view, "explorer_settings": dataclasses.asdict(base)},
        updatemenus=[{
            "type": "dropdown", "buttons": buttons, "active": active_tier, "direction": "down",
            "x": 0, "xanchor": "left", "y": 1 + (top_px + _TOP_PX - 4) / plot_px,
            "yanchor": "top", "pad": {"t": 0, "l": -56}, "showactive": True,
            "font": {"size": 12},
        }],
        sliders=[{
            "steps": steps, "active": active_step, "x": 0, "len": 1, "xanchor": "left",
            "y": -(_AXIS_TITLE_PX + _LEGEND_PX) / plot_px, "yanchor": "top",
            "pad": {"t": 0, "b": 0, "l": 0},
            "currentvalue": {"prefix": "freeze-time scale: every freeze ", "font": {"size": 13}},
            "font": {"size": 9}, "ticklen": 4,
        }],
    )
    return fig


# ---------------------------------------------------------------------------
# The live face
# ---------------------------------------------------------------------------

_LABELS = {
    "median_s": "light median (s)",
    "p99_s": "light P99 (s)",
    "heavy_share": "heavy share",
    "scale": "freeze × scale",
    "events_per_month": "events / month",
    "month_days": "days in month",
    "tier": "SLA tier",
    "rule": "minutes rule",
}
_RULE_LABELS = {
    "exact": "exact: seconds / 60",
    "rounded_up": "each freeze rounded up to a minute",
    "clock_minutes": "every clock minute touched",
}
_FORMATS = {"median_s": ".1f", "p99_s": ".1f", "heavy_share": ".2f", "scale": ".2f",
            "events_per_month": ".1f"}


def _controls(settings: Settings) -> dict:
    style = {"description_width": "8em"}
    layout = widgets.Layout(width="auto")
    controls = {}
    for name in ("median_s", "p99_s", "heavy_share", "scale", "events_per_month"):
        low, high, step = RANGES[name]
        controls[name] = widgets.FloatSlider(
            value=getattr(settings, name), min=low, max=high, step=step,
            description=_LABELS[name], readout_format=_FORMATS[name], style=style,
            layout=layout, continuous_update=True)
    low, high, step = RANGES["month_days"]
    controls["month_days"] = widgets.IntSlider(
        value=settings.month_days, min=low, max=high, step=step,
        description=_LABELS["month_days"], style=style, layout=layout)
    controls["tier"] = widgets.Dropdown(
        options=[(_tier_button_label(k), k) for k in CHOICES["tier"]], value=settings.tier,
        description=_LABELS["tier"], style=style, layout=layout)
    controls["rule"] = widgets.Dropdown(
        options=[(_RULE_LABELS[k], k) for k in CHOICES["rule"]], value=settings.rule,
        description=_LABELS["rule"], style=style, layout=layout)
    return controls


class Explorer(widgets.VBox):
    """The live explorer (what :func:`live` returns): controls, an HTML read-out and a
    ``FigureWidget``.

    Attributes
    ----------
    view : str
        ``"percentiles"`` or ``"sla"``.
    controls : dict
        One ipywidgets control per setting name; ``controls["scale"].value = 1.5`` moves it.
    readout : ipywidgets.HTML
        Shows :func:`readout_text` of the current settings.
    figure : plotly.graph_objects.FigureWidget
        Updated in place on every change.
    settings : Settings
        The current settings.
    result : Readouts
        The current read-outs.
    """

    def __init__(self, view: str, settings: Settings):
        controls = _controls(settings)
        readout = widgets.HTML(layout=widgets.Layout(margin="0.5em 0"))
        figure = go.FigureWidget(_base_figure(view))
        grid = widgets.GridBox(  # two columns where there is room, one on a narrow screen
            list(controls.values()),
            layout=widgets.Layout(grid_template_columns="repeat(auto-fill, minmax(22em, 1fr))",
                                  grid_gap="0 1em"))
        super().__init__([grid, readout, figure])
        self.view = view
        self.controls = controls
        self.readout = readout
        self.figure = figure
        self._fixed = {"n_samples": settings.n_samples, "seed": settings.seed}
        self.update(settings)
        for control in controls.values():
            control.observe(self._on_change, names="value")

    def _on_change(self, _change=None) -> None:
        values = {name: control.value for name, control in self.controls.items()}
        self.update(Settings(**values, **self._fixed))

    def update(self, settings: Settings) -> Readouts:
        """Recompute the read-outs for ``settings`` and redraw in place: one
        ``plotly_update`` message, exactly what ``batch_update`` would send. Does not move
        the controls (setting a control's value calls this)."""
        r = readouts(settings)
        restyle, relayout, indexes = _distribution_update(self.view, r)
        relayout.update(_tier_update(self.view, r))
        self.figure.plotly_update(restyle, relayout, indexes)
        self.readout.value = readout_text(r)
        self.settings, self.result = settings, r
        return r


def live(view: str = "percentiles", **settings):
    """The explorer for Jupyter and Binder: sliders, dropdowns, read-outs and a live figure.

    Controls: light median and P99, heavy share, freeze-time scale, events per month, days
    in the month, SLA tier and minute-accounting rule (ranges from :data:`RANGES`, so no
    position is nonsense). Each change recomputes :func:`readouts` and updates the
    ``FigureWidget`` in place; the read-out (an HTML widget) shows :func:`readout_text`.

    Parameters
    ----------
    view : {"percentiles", "sla"}
        As in :func:`static`.
    **settings
        Starting values, any field of :class:`Settings`.

    Returns
    -------
    Explorer
        An ``ipywidgets.VBox``; ``.controls``, ``.readout``, ``.figure``, ``.settings``.
    """
    _validate.choice("view", view, VIEWS)
    return Explorer(view, _settings_from(settings, "live"))
