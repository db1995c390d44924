"""One VM's year of maintenance as a figure (:mod:`maintsim.timeline` draws the years)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from maintsim import _validate
from maintsim.figures import plotting
from maintsim.language import text, translate
from maintsim.timeline import DAYS_PER_YEAR, EVENT_LABELS, YearOfEvents

__all__ = ["year_figure"]


def year_figure(*years: YearOfEvents, title: str | None = None):
    """Plot years of events on one chart: day of the year against impact (log scale).

    Each kind of event gets its colour from :data:`maintsim.figures.plotting.KIND_COLOURS`;
    on-premises windows are drawn as squares. Hover shows the exact length. ``title`` is drawn
    as given (default: "One simulated year: when, and for how long", in the current language);
    the kinds' names and the axes are drawn in the current language
    (:mod:`maintsim.language`).
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
    fig = go.Figure()
    for year in years:
        for kind in dict.fromkeys(year.kind):
            pick = year.kind == kind
            onprem = str(kind).startswith("onprem")
            fig.add_scatter(
                x=np.round(year.start_day[pick], 2),
                y=np.round(year.impact_s[pick], 4),
                mode="markers",
                name=translate(EVENT_LABELS.get(kind, str(kind))),
                marker={"size": 12 if onprem else 8, "symbol": "square" if onprem else "circle",
                        "color": plotting.KIND_COLOURS.get(kind, plotting.PALETTE["black"]),
                        "line": {"width": 0.5, "color": "white"}},
                hovertemplate=text("day %{x:.0f}: %{y:.3g} s<extra>%{fullData.name}</extra>"),
            )
    fig.update_yaxes(type="log", title=text("impact on the VM (seconds, log scale)"),
                     exponentformat="power")
    fig.update_xaxes(title=text("day of the year"), range=[0, DAYS_PER_YEAR])
    fig.update_layout(title=title, height=460)
    return fig
