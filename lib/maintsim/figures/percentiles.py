"""What a percentile is, drawn: sorted freezes with the P99's position marked (chapter 5).

The source article defines a percentile by position: sort the values from the smallest, and the
P99 is the value at the 99th of 100 positions (「99/100 番目の位置」) :cite:p:`torigoe2022`. That
is the nearest rank (:func:`maintsim.percentiles.nearest_rank`). :func:`rank_strip_figure`
draws it for a few sample sizes at once, one slider step per size, so that a reader sees what
the same definition means for 100 values, for 1,000 (ten values lie beyond the P99) and for 10
(the P99 is the largest value).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from maintsim import _validate, facts, percentiles
from maintsim.figures import plotting
from maintsim.language import text

__all__ = [
    "AT_OR_BELOW_COLOUR",
    "BEYOND_COLOUR",
    "MARK_COLOUR",
    "RankStrip",
    "rank_strip",
    "rank_strip_figure",
]

AT_OR_BELOW_COLOUR = plotting.PALETTE["sky"]
"""Colour of the values below the marked position."""

MARK_COLOUR = plotting.PALETTE["blue"]
"""Colour of the value at the marked position (the percentile itself)."""

BEYOND_COLOUR = plotting.PALETTE["orange"]
"""Colour of the values beyond the marked position."""


@dataclass(frozen=True)
class RankStrip:
    """One sorted sample and the position of its nearest-rank percentile.

    Attributes
    ----------
    sorted_s : numpy.ndarray
        The values, shortest first, seconds.
    q : float
        The percentile, percent (99 for P99).
    rank : int
        Its position, counted from 1: :math:`\\lceil qN/100 \\rceil`.
    value_s : float
        The value at that position, the nearest-rank percentile.
    beyond : int
        How many values lie beyond it, :math:`N - r`.
    """

    sorted_s: np.ndarray
    q: float
    rank: int
    value_s: float
    beyond: int

    @property
    def n(self) -> int:
        return int(self.sorted_s.size)

    def colours(self) -> list[str]:
        """One colour per position: below the mark, the mark, beyond it."""
        return ([AT_OR_BELOW_COLOUR] * (self.rank - 1) + [MARK_COLOUR]
                + [BEYOND_COLOUR] * self.beyond)


def rank_strip(samples_s, n, q=99.0) -> RankStrip:
    """The first ``n`` of ``samples_s``, sorted, with the position of their ``q``-th percentile.

    Parameters
    ----------
    samples_s : array_like
        Freeze lengths in seconds, finite, at least ``n`` of them (a flat sequence).
    n : int
        How many to take from the start, >= 1.
    q : float
        Percent, 0 to 100.

    Raises
    ------
    ValueError
        If ``n`` is larger than the sample, or ``q`` is outside [0, 100].
    """
    x = _validate.as_float_array("samples_s", samples_s).ravel()
    n = _validate.integer("n", n, minimum=1, maximum=x.size)
    q = float(_validate.percent("q", _validate.scalar("q", q)))
    sorted_s = np.sort(x[:n])
    rank = percentiles.nearest_rank(q, n)
    return RankStrip(sorted_s, q, rank, float(sorted_s[rank - 1]), n - rank)


def _title(strip: RankStrip) -> str:
    return text("P{q:g} = position {rank:,} of {n:,}", q=strip.q, rank=strip.rank, n=strip.n)


def _mark_text(strip: RankStrip) -> str:
    return text("{value_s:.1f} s", value_s=strip.value_s)


def rank_strip_figure(samples_s, sizes=(10, 100, 1000), *, q=99.0, active_n=100,
                      threshold_s=facts.LONG_PAUSE_S) -> go.Figure:
    """Sorted freezes as bars, the ``q``-th percentile's position marked; one slider step per size.

    For each size :math:`N` in ``sizes`` the first :math:`N` values of ``samples_s`` are sorted
    and drawn as bars, shortest first; the bar at position :math:`\\lceil qN/100 \\rceil` (the
    nearest rank, the source article's definition :cite:p:`torigoe2022`) is marked, and the bars
    beyond it are coloured apart. A dashed line marks ``threshold_s``.

    Parameters
    ----------
    samples_s : array_like
        Freeze lengths, seconds; at least ``max(sizes)`` of them.
    sizes : sequence of int
        Sample sizes, one slider step each, in the order given.
    q : float
        Percent, 0 to 100 (99 for P99).
    active_n : int
        The size shown first; one of ``sizes``.
    threshold_s : float
        Where to draw the threshold line, seconds (>= 0).

    Returns
    -------
    plotly.graph_objects.Figure
        Trace 0 the bars, trace 1 the marked position; ``layout.sliders[0]`` one step per size.
    """
    sizes = [_validate.integer("sizes", s, minimum=1) for s in sizes]
    if not sizes:
        raise ValueError("sizes must name at least one sample size, got []")
    if active_n not in sizes:
        raise ValueError(f"active_n must be one of sizes {sizes}, got {active_n!r}")
    threshold_s = float(_validate.non_negative("threshold_s", threshold_s))
    strips = [rank_strip(samples_s, n, q) for n in sizes]
    first = strips[sizes.index(active_n)]

    def data(strip):
        positions = np.arange(1, strip.n + 1)
        return {"x": [positions, [strip.rank]], "y": [strip.sorted_s, [strip.value_s]],
                "marker.color": [strip.colours(), MARK_COLOUR],
                "text": [[], [_mark_text(strip)]]}

    fig = go.Figure()
    fig.add_bar(x=np.arange(1, first.n + 1), y=first.sorted_s, showlegend=False,
                marker={"color": first.colours(), "line": {"width": 0}},
                hovertemplate=text("position %{x:,}: %{y:.1f} s<extra></extra>"))
    fig.add_scatter(x=[first.rank], y=[first.value_s], mode="markers+text", showlegend=False,
                    marker={"color": MARK_COLOUR, "size": 11, "symbol": "diamond",
                            "line": {"color": "white", "width": 1}},
                    text=[_mark_text(first)], textposition="top left",
                    textfont={"color": MARK_COLOUR},
                    hovertemplate=text("P{q:g}: position {x}, {y} s<extra></extra>", q=q,
                                       x="%{x:,}", y="%{y:.1f}"))
    fig.add_hline(y=threshold_s, line={"color": plotting.THRESHOLD_COLOUR, "dash": "dash"},
                  annotation_text=text("{value:g} s", value=threshold_s),
                  annotation_position="top left")
    steps = [{"label": f"{s.n:,}", "method": "update",
              "args": [data(s), {"title.text": _title(s), "xaxis.range": [0.5, s.n + 0.5]},
                       [0, 1]]}
             for s in strips]
    top = max(max(float(s.sorted_s[-1]) for s in strips), threshold_s)
    fig.update_layout(
        title=_title(first), height=420, bargap=0.1, margin={"t": 60, "b": 40},
        xaxis={"title": text("position, shortest to longest"), "range": [0.5, first.n + 0.5]},
        yaxis={"title": text("freeze (s)"), "range": [0, 1.1 * top]},
        sliders=[{"active": sizes.index(active_n), "steps": steps, "pad": {"t": 50},
                  "currentvalue": {"prefix": text("freezes: ")}}],
    )
    return fig
