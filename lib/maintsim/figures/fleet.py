"""Figures and tables of a simulated fleet-year (chapter 8).

Everything drawn here comes from :mod:`maintsim.fleet` and :mod:`maintsim.facts`, so the
figures and the prose agree.

* :func:`assumptions_table` shows the assumed rate and freeze model of every kind, with the
  sentence each was tuned to and a readable name of its source (never a BibTeX key).
* :func:`downtime_histogram` counts VM-months by their downtime in equal steps of
  :math:`\\log_{10}` seconds; :func:`downtime_figure` draws those counts for several
  accounting rules, one slider step per rule, with the budgets of the SLA targets.
* durations are written the way a reader says them ("10 ms", "1 min", "1 h",
  :func:`maintsim.figures.plotting.duration_label`), on the axes too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from maintsim import _validate, facts, fleet, freeze, sla
from maintsim.figures.plotting import PALETTE, THRESHOLD_COLOUR, duration_label
from maintsim.figures.workload import HtmlTable
from maintsim.language import text, translate

__all__ = [
    "DOWNTIME_RANGE_S",
    "DOWNTIME_TICKS_S",
    "SOURCE_LABELS",
    "assumptions_table",
    "downtime_figure",
    "downtime_histogram",
    "source_label",
]

SOURCE_LABELS = {
    "torigoe2022": "source article, 2022",
    "ms_maint_2024": "Azure maintenance doc, 2024",
    "techcomm_hhr2023": "Tech Community post, 2023",
    "azblog_noimpact2020": "Azure blog, 2020",
}
"""A short, readable name for each ``references.bib`` key that a table printed by code names
(the chapters cite the same keys in their prose with ``{cite:p}``)."""

DOWNTIME_RANGE_S = (0.01, 7200.0)
"""The downtime axis of :func:`downtime_figure`, seconds: 10 ms to two hours. A VM-month below
the range is counted in the first bin, one above it in the last."""

DOWNTIME_TICKS_S = (0.01, 1.0, 60.0, 3600.0)
"""Tick positions of the downtime axis, seconds, labelled in words
(:func:`maintsim.figures.plotting.duration_label`): few enough
to stay level on a phone-wide figure."""

_COUNT_TICKS = (1, 10, 100, 1_000, 10_000, 100_000, 1_000_000)

BUDGET_LABEL_TOP = 0.93
BUDGET_LABEL_STEP = 0.1
"""Where :func:`downtime_figure` ends its budget lines and puts their labels, as a share of the
plot's height: the first (highest) target at ``BUDGET_LABEL_TOP``, each next one
``BUDGET_LABEL_STEP`` lower."""


def source_label(key: str) -> str:
    """The readable name of a ``references.bib`` key in :data:`SOURCE_LABELS`.

    Raises
    ------
    ValueError
        If ``key`` has no label (add one to :data:`SOURCE_LABELS`).
    """
    if key not in SOURCE_LABELS:
        raise ValueError(f"key must be one of {sorted(SOURCE_LABELS)}, got {key!r}")
    return SOURCE_LABELS[key]


def assumptions_table() -> HtmlTable:
    """The assumed rate and freeze model of every kind, from
    :data:`maintsim.facts.FREEZE_ASSUMPTIONS` (modelling assumptions, each tuned to a cited
    sentence), with the readable name of each source (:func:`source_label`). A kind the VM
    cannot see (:func:`maintsim.freeze.visible_to_vm`) is marked: it is charged nothing.
    """
    rows = []
    for kind, a in facts.FREEZE_ASSUMPTIONS.items():
        name = translate(a.label)
        if not freeze.visible_to_vm(kind):
            name = text("{kind} (not visible to VMs)", kind=name)
        rows.append((
            text("{kind}: {rate:.3g} a VM-month, median {median}, P99 {p99}", kind=name,
                 rate=a.events_per_month, median=duration_label(a.median_s),
                 p99=duration_label(a.p99_s)),
            text("{source}: {sentence}", source=text(source_label(a.source)),
                 sentence=translate(a.tuned_to)),
        ))
    return HtmlTable(
        (text("Kind (assumed)"), text("Source: the sentence it was tuned to")), tuple(rows),
        caption=text("The fleet model's assumptions, one row per kind of maintenance"),
    )


def downtime_histogram(downtime_s, *, bins_per_decade=12, range_s=DOWNTIME_RANGE_S):
    """VM-months counted by their downtime, in equal steps of :math:`\\log_{10}` seconds.

    Parameters
    ----------
    downtime_s : array_like
        Downtime of each VM-month, seconds (>= 0). A month with none (0 s) is counted apart,
        because a log axis has no zero.
    bins_per_decade : int
        Bins per factor of ten, 1 to 100.
    range_s : (float, float)
        First and last edge, seconds, ``0 < low < high``. Months below ``low`` are counted in
        the first bin, months above ``high`` in the last.

    Returns
    -------
    edges_log10_s : numpy.ndarray
        The bin edges as :math:`\\log_{10}` seconds.
    counts : numpy.ndarray
        VM-months per bin (int).
    n_zero : int
        VM-months with no downtime at all.
    """
    d = np.asarray(_validate.non_negative("downtime_s", downtime_s), dtype=float).ravel()
    per_decade = _validate.integer("bins_per_decade", bins_per_decade, minimum=1, maximum=100)
    bounds = _validate.positive("range_s", range_s)
    if bounds.shape != (2,) or not bounds[0] < bounds[1]:
        raise ValueError(f"range_s must be (low, high) with 0 < low < high, got {range_s!r}")
    low, high = float(bounds[0]), float(bounds[1])
    n_bins = max(1, round(per_decade * math.log10(high / low)))
    edges = np.linspace(math.log10(low), math.log10(high), n_bins + 1)
    positive = d[d > 0]
    logs = np.clip(np.log10(positive), edges[0], edges[-1])
    counts, _ = np.histogram(logs, bins=edges)
    return edges, counts, int(d.size - positive.size)


def downtime_figure(results: Mapping[str, fleet.FleetResult], *,
                    targets_pct: Sequence[float] = (99.99, 99.95, 99.9)) -> go.Figure:
    """How many VM-months lose how much time, one slider step per accounting rule.

    Both axes are logarithmic with readable ticks: downtime from 10 ms to two hours
    (:func:`maintsim.figures.plotting.duration_label`) and VM-months from 1 to a million. The
    dashed lines are the
    downtime budgets of ``targets_pct`` in the simulated month,
    :math:`(1 - p/100) \\times` the month's seconds (:func:`maintsim.sla.allowed_downtime_min`);
    each ends under its label, higher for a higher target.
    Months with no downtime cannot sit on a log axis; the hover text of the first bar says
    how many there are.

    Parameters
    ----------
    results : mapping of str to maintsim.fleet.FleetResult
        Accounting rule (the slider's label) -> a fleet simulated with
        ``keep_per_vm_month=True``. All must have the same month length.
    targets_pct : sequence of float
        SLA targets whose budgets are drawn, percent (0 < p < 100).
    """
    if not isinstance(results, Mapping) or not results:
        raise TypeError(f"results must be a non-empty dict of rule -> FleetResult, got {results!r}")
    months_min = set()
    for rule, result in results.items():
        if not isinstance(result, fleet.FleetResult):
            raise TypeError(f"results[{rule!r}] must be a FleetResult, got {result!r}")
        if result.downtime_min_per_vm_month is None:
            raise ValueError(f"results[{rule!r}] must be simulated with keep_per_vm_month=True, "
                             "got a result without downtime_min_per_vm_month")
        months_min.add(result.month_min)
    if len(months_min) != 1:
        raise ValueError(f"results must share one month length, got {sorted(months_min)} minutes")
    month_min = months_min.pop()
    targets = np.atleast_1d(_validate.in_range("targets_pct", targets_pct, 0.0, 100.0,
                                               low_open=True, high_open=True)).tolist()

    fig = go.Figure()
    top = 1
    for i, (rule, result) in enumerate(results.items()):
        edges, counts, n_zero = downtime_histogram(
            result.downtime_min_per_vm_month * sla.SECONDS_PER_MINUTE)
        keep = counts > 0  # a log axis has no zero; empty bins stay empty
        low_s, high_s = 10 ** edges[:-1], 10 ** edges[1:]
        spans = [text("{low} to {high}", low=duration_label(a), high=duration_label(b))
                 for a, b in zip(low_s, high_s, strict=True)]
        fig.add_bar(
            x=(0.5 * (edges[1:] + edges[:-1]))[keep], y=counts[keep], width=edges[1] - edges[0],
            name=text(rule), visible=i == 0, marker_color=PALETTE["blue"],
            customdata=np.array(spans, dtype=object)[keep],
            hovertemplate=text("{span}: {count} VM-months<extra>{rule}, {none:,} with none</extra>",
                               span="%{customdata}", count="%{y:,}", rule=text(rule),
                               none=n_zero),
        )
        top = max(top, int(counts.max()))
    # Each budget line stops under its own label, which starts at the line and reads to the
    # right; the lines are staggered, the smallest budget (leftmost) tallest, so that no line
    # runs through another's label even where they are a few pixels apart on a phone.
    for row, target in enumerate(sorted(targets, reverse=True)):
        budget_s = sla.allowed_downtime_min(target, month_min) * sla.SECONDS_PER_MINUTE
        x = math.log10(budget_s)
        line_top = BUDGET_LABEL_TOP - BUDGET_LABEL_STEP * row
        fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=line_top, xref="x", yref="paper",
                      line={"color": THRESHOLD_COLOUR, "dash": "dash", "width": 1.5})
        fig.add_annotation(x=x, y=line_top, xref="x", yref="paper", xanchor="left", xshift=-3,
                           yanchor="bottom", showarrow=False, text=f"{target:g} %",
                           font={"size": 12})
    steps = [{"label": text(rule.split("_")[0]), "method": "update",
              "args": [{"visible": [r == rule for r in results]}]} for rule in results]
    count_ticks = [t for t in _COUNT_TICKS if t <= 10 * top]
    fig.update_layout(
        title={"text": text("Downtime per VM-month"), "xref": "container", "x": 0.02},
        xaxis={"title": text("downtime (log scale)"),
               "range": [math.log10(DOWNTIME_RANGE_S[0]), math.log10(DOWNTIME_RANGE_S[1])],
               "tickvals": [math.log10(t) for t in DOWNTIME_TICKS_S],
               "ticktext": [duration_label(t) for t in DOWNTIME_TICKS_S]},
        yaxis={"title": text("VM-months (log scale)"), "type": "log", "tickvals": count_ticks,
               "ticktext": [_count_label(t) for t in count_ticks]},
        bargap=0.05, height=480, showlegend=False, margin={"l": 60, "r": 40, "t": 60},
        sliders=[{"steps": steps, "currentvalue": {"prefix": text("accounting rule: ")},
                  "pad": {"t": 70}, "x": 0.05, "len": 0.9}],
    )
    return fig


def _count_label(n: int) -> str:
    """1, 10, 100, 1k, 10k, 100k, 1M."""
    if n >= 1_000_000:
        return f"{n // 1_000_000}M"
    if n >= 1000:
        return f"{n // 1000}k"
    return str(n)
