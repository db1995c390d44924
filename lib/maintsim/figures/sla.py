"""Figures about the SLA: how many freezes a month's budget holds, and what a miss pays back.

Chapter 7 draws both. Every number comes from :mod:`maintsim.sla` (and through it from
:mod:`maintsim.facts`), so the figures and the prose agree.

* :func:`freezes_fit_figure`: the number of equal freezes that fit in one tier's monthly budget,
  against the freeze length, one line per minute-accounting rule.
* :func:`credit_figure`: the service credit against a month's downtime as small multiples, one
  panel per SLA tier, so that five step functions never overlap and each reads on a phone.
* :func:`minute_ticks`: human tick labels ("1 min", "1 h", "1 day") for a log axis in minutes.
* :func:`tiers_table` and :func:`version_history_table`: the SLA's tiers and its versions as narrow
  tables that wrap on a phone (:class:`maintsim.figures.workload.HtmlTable`).
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from maintsim import _validate, facts, sla
from maintsim.figures.plotting import PALETTE, duration_label, log_ticks, threshold_line
from maintsim.figures.workload import HtmlTable
from maintsim.language import text, translate

__all__ = [
    "MIN_TICK_GAP_DECADES",
    "RULE_COLOURS",
    "TIER_SHORT_LABELS",
    "UNCONFIRMED_MARK",
    "credit_figure",
    "credit_steps",
    "freezes_fit_figure",
    "minute_ticks",
    "tiers_table",
    "version_history_table",
]

RULE_COLOURS = {
    "exact": PALETTE["blue"],
    "rounded_up": PALETTE["orange"],
    "clock_minutes": PALETTE["green"],
}
"""One colour per minute-accounting rule (:data:`maintsim.sla.ACCOUNTING_RULES`); none is the
vermillion of the 30-second line."""

TIER_SHORT_LABELS = {
    "availability_zones": "VMs across zones",
    "availability_set": "availability set",
    "single_premium": "one VM, Premium SSD",
    "single_standard_ssd": "one VM, Standard SSD",
    "single_standard_hdd": "one VM, Standard HDD",
}
"""A panel title short enough for a phone, per tier of :data:`maintsim.sla.TIERS` (the full
label is ``tier.label``)."""

UNCONFIRMED_MARK = "*"
"""Marks a tier whose credit bands are unconfirmed (``credit_status`` of
:data:`maintsim.sla.TIERS`) in :func:`tiers_table` and :func:`credit_figure`."""


def _unconfirmed(tier: facts.SlaTier) -> bool:
    return tier.credit_status == "unconfirmed"


_TICK_CANDIDATES_MIN = (1 / 60, 10 / 60, 1.0, 10.0, 60.0, 600.0, 1440.0, 4320.0, 14400.0)

MIN_TICK_GAP_DECADES = 0.45
"""The closest two labelled ticks of :func:`minute_ticks` may be, in decades: about 35 px on a
phone-wide axis of four decades, room for a label such as "10 min"."""


def _duration_label(minutes: float) -> str:
    """``90`` -> ``"1.5 h"``, ``1440`` -> ``"1 day"``, ``4320`` -> ``"3 days"``."""
    return duration_label(60.0 * minutes)


def minute_ticks(low_min, high_min) -> tuple[list[float], list[str]]:
    """Tick values and human labels for a log axis in minutes, from ``low_min`` to ``high_min``.

    The candidates are 1 and 10 s, 1 and 10 min, 1 and 10 h, 1, 3 and 10 days. Only those in the
    range are kept, and never two less than :data:`MIN_TICK_GAP_DECADES` apart, so that the labels
    stay apart on a phone-wide axis.

    Parameters
    ----------
    low_min, high_min : float
        The axis range, minutes (``0 < low_min < high_min``).

    Returns
    -------
    tuple
        ``(tickvals, ticktext)``: the positions and their labels, for plotly.

    Examples
    --------
    >>> minute_ticks(1, 6000)
    ([1.0, 10.0, 60.0, 600.0, 4320.0], ['1 min', '10 min', '1 h', '10 h', '3 days'])
    """
    low = _validate.scalar("low_min", low_min)
    high = _validate.scalar("high_min", high_min)
    if not 0 < low < high:
        raise ValueError(
            f"minute_ticks needs 0 < low_min < high_min, got low_min={low!r}, high_min={high!r}"
        )
    return log_ticks(low, high, _TICK_CANDIDATES_MIN, _duration_label,
                     min_gap_decades=MIN_TICK_GAP_DECADES)


def freezes_fit_figure(freezes_s, target_pct, month_min) -> go.Figure:
    """How many equal freezes fit in a month's budget, against their length, per rule.

    One step line per minute-accounting rule, each computed with
    :func:`maintsim.sla.freezes_within_budget` (``clock_minutes`` in its worst case, every freeze
    straddling a minute boundary), on a log axis with plain tick labels, and a line at the
    documented 30 s (:data:`maintsim.facts.LONG_PAUSE_S`).

    Parameters
    ----------
    freezes_s : array_like
        Freeze lengths, seconds (> 0), ascending.
    target_pct : float
        The tier's target, percent (e.g. 99.9).
    month_min : float
        Minutes in the month (:func:`maintsim.sla.minutes_in_month`).
    """
    lengths = _validate.positive("freezes_s", freezes_s)
    if lengths.ndim != 1 or lengths.size < 2:
        raise ValueError(f"freezes_s must be a 1-D array of at least 2 lengths, got shape "
                         f"{lengths.shape}")
    target = _validate.scalar("target_pct", target_pct)
    fig = go.Figure()
    top = 1
    for rule in sla.ACCOUNTING_RULES:
        fits = np.asarray(sla.freezes_within_budget(lengths, target, month_min, rule))
        top = max(top, int(fits.max()))
        fig.add_scatter(x=lengths, y=fits, mode="lines", name=text(rule),
                        line={"color": RULE_COLOURS[rule], "shape": "hv", "width": 2.5},
                        hovertemplate=text("{rule}: {y} freezes of {x} s<extra></extra>",
                                           rule=text(rule), y="%{y}", x="%{x:g}"))
    threshold_line(fig, facts.LONG_PAUSE_S, text("{value:g} s", value=facts.LONG_PAUSE_S))
    ticks = [v for v in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
             if v <= 2 * top]
    fig.update_layout(
        title=text("Freezes that fit, {target:g} %, {days:g} days", target=target,
                   days=month_min / sla.MINUTES_PER_DAY),
        xaxis_title=text("length of each freeze (s)"), height=420,
        yaxis={"title": text("freezes (log scale)"), "type": "log", "tickvals": ticks,
               "ticktext": [f"{v:,}" for v in ticks]},
        margin={"l": 60, "r": 10, "t": 60, "b": 40},
    )
    return fig


def credit_steps(tier, month_min) -> tuple[list[float], list[float]]:
    """Where one tier's credit steps up, in minutes of downtime, and the credit of each step.

    Band :math:`b` (uptime below :math:`U_b`) starts at the downtime
    :math:`(1 - U_b/100)\\,M` (:func:`maintsim.sla.allowed_downtime_min`); the first step is the
    tier's budget. Credits from ``tier.credit_bands`` :cite:p:`azure_sla_vm_v19`.

    Returns
    -------
    tuple
        ``(starts_min, credits_pct)``: downtimes in minutes, ascending, and the credit in
        percent from each one on.
    """
    the_tier = sla.tier(tier) if isinstance(tier, str) else tier
    if not isinstance(the_tier, facts.SlaTier):
        raise TypeError(f"tier must be a key of maintsim.sla.TIERS or an SlaTier, got {tier!r}")
    bands = the_tier.credit_bands
    starts = [float(sla.allowed_downtime_min(b.below_pct, month_min)) for b in bands]
    credits = [float(b.credit_pct) for b in bands]
    return starts, credits


def credit_figure(month_min, tiers=None) -> go.Figure:
    """The service credit against a month's downtime: one small panel per SLA tier.

    Each panel is one tier's step function (:func:`credit_steps`), nothing while the target is
    met, then 10, 25 and 100 % of the fee (the tiers' bands). The panels share a log axis of
    minutes with plain labels (:func:`minute_ticks`). The credit axis shows the bands evenly
    spaced, not to scale, labelled with their values, so that the small steps stay readable in
    a small panel; its title says "credit band". A panel whose bands are unconfirmed ends its
    title with :data:`UNCONFIRMED_MARK`.

    Parameters
    ----------
    month_min : float
        Minutes in the month (:func:`maintsim.sla.minutes_in_month`).
    tiers : sequence of str, optional
        Keys of :data:`maintsim.sla.TIERS`, top to bottom; default all, strictest first.
    """
    month = _validate.scalar("month_min", month_min)
    _validate.positive("month_min", month)
    keys = list(sla.TIERS) if tiers is None else list(tiers)
    if not keys:
        raise ValueError("tiers must name at least one tier of maintsim.sla.TIERS, got none")
    for key in keys:
        _validate.choice("tiers", key, sla.TIERS)
    steps = {key: credit_steps(key, month) for key in keys}
    levels = sorted({0.0} | {c for _, credits in steps.values() for c in credits})
    level_of = {c: i for i, c in enumerate(levels)}
    x_low = 1.0
    x_high = 2.5 * max(max(starts) for starts, _ in steps.values())
    titles = [text("{target:g} %: {tier}", target=sla.TIERS[k].target_pct,
                   tier=text(TIER_SHORT_LABELS[k]))
              + (f" {UNCONFIRMED_MARK}" if _unconfirmed(sla.TIERS[k]) else "") for k in keys]
    fig = make_subplots(rows=len(keys), cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        subplot_titles=titles)
    for row, key in enumerate(keys, start=1):
        starts, credits = steps[key]
        xs = [x_low, *starts, x_high]
        ys = [0.0, *credits, credits[-1]]
        hover = [text("downtime under {limit}: target met, no credit",
                      limit=_duration_label(starts[0]))] + [
            text("from {start} of downtime: {credit:g} % of the fee",
                 start=_duration_label(s), credit=c)
            for s, c in zip(starts, credits, strict=True)] + [""]
        fig.add_scatter(
            x=xs, y=[level_of[y] for y in ys], mode="lines+markers", row=row, col=1,
            line={"color": PALETTE["blue"], "shape": "hv", "width": 2.5},
            marker={"size": [0, *([7] * len(starts)), 0], "color": PALETTE["blue"]},
            customdata=hover, hovertemplate="%{customdata}<extra></extra>", showlegend=False,
        )
        fig.update_yaxes(row=row, col=1, range=[-0.3, len(levels) - 0.6],
                         tickvals=list(range(len(levels))),
                         ticktext=[f"{c:g}" for c in levels], tickfont={"size": 11})
    tickvals, ticktext = minute_ticks(x_low, x_high)
    fig.update_xaxes(type="log", range=[math.log10(x_low), math.log10(x_high)],
                     tickvals=tickvals, ticktext=ticktext)
    fig.update_xaxes(title_text=text("downtime in the month"), row=len(keys), col=1)
    middle = (len(keys) + 1) // 2
    fig.update_yaxes(title_text=text("credit band (% of fee)"), row=middle, col=1)
    for annotation in fig.layout.annotations:  # the panel titles: left-aligned, small
        annotation.update(x=0, xanchor="left", font={"size": 13})
    fig.update_layout(
        title=text("Service credit, {days:g}-day month", days=month / sla.MINUTES_PER_DAY),
        height=120 + 115 * len(keys), margin={"l": 60, "r": 10, "t": 70, "b": 50},
    )
    return fig


_PCT = "\u00a0%"
"""A percent sign joined to its number by a no-break space, so that a narrow cell never wraps
between them."""


def tiers_table() -> HtmlTable:
    """The SLA tiers of :data:`maintsim.sla.TIERS`: target, deployment and credit bands.

    One column per credit share: the column "25 % credit below" holds the uptime below which a
    month earns 25 % of the monthly fee back (unless a deeper band applies)
    :cite:p:`azure_sla_vm_v19`; "-" where a tier has no such band. Every tier of v1.9 starts its
    mildest band at its target, so that band shares the target's column ("Target (10 % credit
    below)"). Narrow columns, so the table fits a phone. The cells of a tier whose bands are
    unconfirmed (``credit_status``) carry :data:`UNCONFIRMED_MARK`, and the caption says what it
    means.
    """
    tiers = list(sla.TIERS.values())
    mildest = {t.credit_bands[0].credit_pct for t in tiers}
    merged = len(mildest) == 1 and all(t.credit_bands[0].below_pct == t.target_pct for t in tiers)
    skip = 1 if merged else 0
    credits = sorted({b.credit_pct for t in tiers for b in t.credit_bands[skip:]})

    def mark(tier):
        return UNCONFIRMED_MARK if _unconfirmed(tier) else ""

    def below(tier, credit):
        band = next((b for b in tier.credit_bands[skip:] if b.credit_pct == credit), None)
        return "-" if band is None else f"{band.below_pct:g}{_PCT}{mark(tier)}"

    # Merged, the target cell also states the mildest band, so it carries the mark too.
    target = (text("Target ({credit:g}{pct} credit below)", credit=mildest.pop(), pct=_PCT)
              if merged else text("Target"))
    rows = tuple((f"{t.target_pct:g}{_PCT}{mark(t) if merged else ''}", translate(t.label),
                  *(below(t, c) for c in credits))
                 for t in tiers)
    headers = (target, text("Deployment"),
               *(text("{credit:g}{pct} credit below", credit=c, pct=_PCT) for c in credits))
    caption = text("Azure VM SLA v1.9: tiers and credit bands")
    if any(_unconfirmed(t) for t in tiers):
        caption += text(" ({mark} credit band unconfirmed)", mark=UNCONFIRMED_MARK)
    return HtmlTable(headers, rows, caption=caption)


def version_history_table() -> HtmlTable:
    """The VM SLA's versions (:data:`maintsim.facts.SLA_VERSION_HISTORY`)
    :cite:p:`azure_sla_history`."""
    rows = tuple((f"v{version}", date or text("unknown"), translate(change))
                 for version, date, change in facts.SLA_VERSION_HISTORY)
    return HtmlTable((text("Version"), text("Date"), text("What changed")), rows,
                     caption=text("Versions of the SLA for Virtual Machines"))
