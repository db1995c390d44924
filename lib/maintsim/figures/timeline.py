"""One VM's year of maintenance as a figure (:mod:`maintsim.timeline` draws the years)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from maintsim import _validate, freeze
from maintsim.figures import plotting
from maintsim.language import text, translate
from maintsim.timeline import DAYS_PER_YEAR, EVENT_LABELS, YearOfEvents

__all__ = ["HUMAN_TICKS_S", "human_ticks", "year_figure"]

HUMAN_TICKS_S: tuple[float, ...] = (0.001, 0.01, 1.0, 60.0, 3600.0, 86400.0)
"""Tick marks of the year's log axis of durations, seconds, labelled with the words a reader uses
for them (:func:`maintsim.figures.plotting.duration_label`: 1 ms, 10 ms, 1 s, 1 min, 1 h, 1 day;
about two decades apart, so a phone-sized figure keeps them apart)."""

UNSEEN_NOTE = "hot patches: the VM sees nothing"
"""What the strip under the axis says: events the VM does not see have no length on it."""


def human_ticks(low_s: float, high_s: float) -> tuple[list[float], list[str]]:
    """The ticks of :data:`HUMAN_TICKS_S` from ``low_s`` to ``high_s`` (seconds, inclusive),
    labelled in words: ``(tickvals, ticktext)`` for a plotly log axis
    (:func:`maintsim.figures.plotting.log_ticks`)."""
    for name, value in (("low_s", low_s), ("high_s", high_s)):
        _validate.positive(name, _validate.scalar(name, value))
    if high_s < low_s:
        raise ValueError(f"high_s must be >= low_s ({low_s:g} s), got {high_s:g} s")
    return plotting.log_ticks(low_s, high_s, HUMAN_TICKS_S, plotting.duration_label)


def _marker(kind: str) -> dict:
    onprem = kind.startswith("onprem")
    return {"size": 12 if onprem else 8, "symbol": "square" if onprem else "circle",
            "color": plotting.KIND_COLOURS.get(kind, plotting.PALETTE["black"]),
            "line": {"width": 0.5, "color": "white"}}


def year_figure(*years: YearOfEvents, title: str | None = None):
    """Plot years of events on one chart: day of the year against how long the VM stops.

    The main panel's vertical axis is the time the VM (or, on premises, the server) is
    stopped, on a log scale with ticks in words (:data:`HUMAN_TICKS_S`). Events the VM does
    not see at all (:func:`maintsim.freeze.visible_to_vm`, the hot patches, "not visible to
    VMs" :cite:p:`techcomm_hhr2023`) have no length on that axis: they sit in a strip of their
    own under it, and hover gives the milliseconds of host work. Each kind of event gets its
    colour from :data:`maintsim.figures.plotting.KIND_COLOURS`; on-premises windows are
    squares. ``title`` is drawn as given (default: "One simulated year: when, and for how
    long", in the current language); the kinds' names, the axes and the ticks are drawn in the
    current language (:mod:`maintsim.language`).
    """
    if not years:
        raise ValueError("year_figure needs at least one YearOfEvents, got none")
    for i, year in enumerate(years):
        if not isinstance(year, YearOfEvents):
            raise TypeError(
                f"years[{i}] must be a YearOfEvents (from maintsim.timeline.cloud_year or "
                f"onprem_year), got {_validate._describe(year)}"
            )
    if title is None:
        title = text("One simulated year: when, and for how long")
    _validate.text("title", title, allow_empty=True)
    groups = [(year, str(kind)) for year in years for kind in dict.fromkeys(year.kind)]
    unseen = [(year, kind) for year, kind in groups if not freeze.visible_to_vm(kind)]
    seen = [(year, kind) for year, kind in groups if freeze.visible_to_vm(kind)]
    fig = (make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.84, 0.16],
                         vertical_spacing=0.04) if unseen else go.Figure())
    cell = {"row": 1, "col": 1} if unseen else {}
    stopped = []
    for year, kind in seen:
        pick = year.kind == kind
        stopped.append(year.impact_s[pick])
        fig.add_scatter(
            x=np.round(year.start_day[pick], 2), y=np.round(year.impact_s[pick], 4),
            mode="markers", name=translate(EVENT_LABELS.get(kind, kind)), marker=_marker(kind),
            hovertemplate=text("day %{x:.0f}: stopped %{y:.3g} s<extra>%{fullData.name}</extra>"),
            **cell,
        )
    for year, kind in unseen:
        pick = year.kind == kind
        fig.add_scatter(
            x=np.round(year.start_day[pick], 2), y=np.zeros(int(pick.sum())),
            customdata=np.round(year.impact_s[pick] * 1000.0, 2),
            mode="markers",
            name=text("{kind} (VM sees nothing)", kind=translate(EVENT_LABELS.get(kind, kind))),
            marker=_marker(kind), row=2, col=1,
            hovertemplate=text("day %{x:.0f}: %{customdata:.3g} ms of host work, not visible to "
                               "the VM<extra>%{fullData.name}</extra>"),
        )
    positive = np.concatenate(stopped + [np.array([])])
    positive = positive[positive > 0]
    low_s = min(1.0, float(positive.min())) if positive.size else 1.0
    high_s = max(86400.0, float(positive.max())) if positive.size else 86400.0
    tickvals, ticktext = human_ticks(low_s / 2, high_s)
    yaxis = {"type": "log", "title": text("time stopped (log scale)"),
             "range": [np.log10(low_s / 2), np.log10(high_s * 1.3)],
             "tickvals": tickvals, "ticktext": ticktext}
    xaxis = {"range": [0, DAYS_PER_YEAR]}
    if unseen:
        fig.update_yaxes(**yaxis, row=1, col=1)
        fig.update_yaxes(range=[-1, 1], showticklabels=False, showgrid=False, row=2, col=1)
        fig.update_xaxes(**xaxis)
        fig.update_xaxes(title=text("day of the year"), row=2, col=1)
        fig.add_annotation(text=text(UNSEEN_NOTE), xref="x2 domain", yref="y2 domain", x=0, y=1,
                           xanchor="left", yanchor="bottom", showarrow=False,
                           font={"size": 12, "color": "#555555"})
    else:
        fig.update_yaxes(**yaxis)
        fig.update_xaxes(**xaxis, title=text("day of the year"))
    fig.update_layout(title=title, height=480)
    return fig
