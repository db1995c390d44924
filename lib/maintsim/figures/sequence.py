"""The steps of one maintenance event as a figure (:mod:`maintsim.sequence` holds the data)."""

from __future__ import annotations

import plotly.graph_objects as go

from maintsim import _validate
from maintsim.figures.plotting import PALETTE
from maintsim.sequence import PHASE_KINDS, Phase, Sequence

__all__ = ["PHASE_COLOURS", "PHASE_KEY", "sequence_figure"]

PHASE_COLOURS: dict[str, str] = {
    "running": PALETTE["green"],
    "paused": PALETTE["vermillion"],
    "host_work": PALETTE["blue"],
    "copying": PALETTE["sky"],
    "clock_stopped": PALETTE["vermillion"],
    "clock_behind": PALETTE["orange"],
    "clock_in_sync": PALETTE["green"],
    "idle": "#bbbbbb",
}
"""The colour of each of :data:`maintsim.sequence.PHASE_KINDS`."""
assert set(PHASE_COLOURS) == set(PHASE_KINDS)

PHASE_KEY: dict[str, str] = {
    "running": "running",
    "clock_in_sync": "running",
    "paused": "stopped",
    "clock_stopped": "stopped",
    "host_work": "host at work",
    "copying": "copying",
    "clock_behind": "clock behind",
    "idle": "host runs VMs",
}
"""The legend's words for each of :data:`maintsim.sequence.PHASE_KINDS`. Kinds that share a
colour share the words, so the legend has one entry per colour (a bar too short to carry its
own label is still named by its colour)."""
assert set(PHASE_KEY) == set(PHASE_KINDS)
assert all(PHASE_COLOURS[a] == PHASE_COLOURS[b]
           for a in PHASE_KEY for b in PHASE_KEY if PHASE_KEY[a] == PHASE_KEY[b])


def _hover(phase: Phase) -> str:
    return (f"<b>{phase.lane}: {phase.label}</b><br>{phase.start_s:g}-{phase.end_s:g} s"
            f"<br>{phase.detail}")


def sequence_figure(seq: Sequence, *, height: int = 420, hidden_opacity: float = 0.08):
    """A timeline of ``seq`` with a slider that steps through it.

    One horizontal bar per phase, one row per lane, and a legend above the bars that names
    each colour the sequence uses (:data:`PHASE_KEY`): on a phone most bars are too short for
    their labels, which are then hidden. The slider's position ``k`` shows
    the phases of steps ``0..k`` at full strength and fades the later ones to
    ``hidden_opacity``, and makes the caption of step ``k`` the figure's title. The figure
    opens at the last step, so a reader who does not touch the slider sees the whole
    sequence. The slider uses plotly's own ``update`` method, so it works on a static
    page without a kernel.

    Parameters
    ----------
    seq : Sequence
        From :func:`maintsim.sequence.memory_preserving_sequence` or
        :func:`maintsim.sequence.live_migration_sequence`.
    height : int
        Figure height, pixels (>= 200).
    hidden_opacity : float
        Opacity of phases not yet reached, in [0, 1].

    Returns
    -------
    plotly.graph_objects.Figure
        The bars first, one trace per phase in the order of ``seq.phases``, then one
        legend-only trace per colour.
    """
    if not isinstance(seq, Sequence):
        raise TypeError(f"seq must be a Sequence, got {_validate._describe(seq)}")
    height = _validate.integer("height", height, minimum=200)
    hidden_opacity = _validate.scalar("hidden_opacity", hidden_opacity)
    _validate.in_range("hidden_opacity", hidden_opacity, 0.0, 1.0)
    lanes = list(reversed(seq.lanes))  # first lane on top
    fig = go.Figure()
    for phase in seq.phases:
        fig.add_bar(
            y=[phase.lane], x=[phase.duration_s], base=[phase.start_s], orientation="h",
            marker={"color": PHASE_COLOURS[phase.kind], "line": {"color": "white", "width": 1}},
            text=[phase.label], textposition="inside", insidetextanchor="middle", textangle=0,
            textfont={"color": "white" if phase.kind != "idle" else "black"},
            hovertemplate=_hover(phase) + "<extra></extra>", showlegend=False,
        )
    bars = list(range(len(fig.data)))
    used = {phase.kind for phase in seq.phases}
    legend = {}  # the legend's words -> the first kind that uses them, in PHASE_KINDS order
    for kind in PHASE_KINDS:
        if kind in used:
            legend.setdefault(PHASE_KEY[kind], kind)
    for words, kind in legend.items():  # legend only: no bar, and the slider never fades it
        fig.add_bar(x=[None], y=[None], orientation="h", name=words, showlegend=True,
                    marker={"color": PHASE_COLOURS[kind]}, hoverinfo="skip")
    last = len(seq.steps) - 1

    def opacities(step):
        return [1.0 if p.step <= step else hidden_opacity for p in seq.phases]

    def caption(step):
        head, _, detail = seq.steps[step].partition(": ")
        return f"Step {step}: {head}<br><sup>{detail}</sup>"

    for trace, opacity in zip(fig.data[:len(bars)], opacities(last), strict=True):
        trace.opacity = opacity
    steps = [  # the third argument restricts the update to the bars
        {"label": str(k), "method": "update",
         "args": [{"opacity": opacities(k)}, {"title.text": caption(k)}, bars]}
        for k in range(len(seq.steps))
    ]
    fig.update_layout(
        title={"text": caption(last), "yref": "container", "y": 1, "yanchor": "top",
               "pad": {"t": 24}},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom",
                "traceorder": "normal", "font": {"size": 12},
                "entrywidth": 88, "entrywidthmode": "pixels"},  # two a row on a phone
        barmode="overlay", height=height, bargap=0.35,
        xaxis={"title": {"text": "time (s, illustrative)"}, "range": [0, seq.end_s]},
        yaxis={"categoryorder": "array", "categoryarray": lanes, "tickmode": "array",
               "tickvals": lanes, "ticktext": [lane.replace(" ", "<br>") for lane in lanes]},
        uniformtext={"minsize": 9, "mode": "hide"},
        margin={"t": 120, "l": 60, "r": 20, "b": 40},
        sliders=[{"active": last, "steps": steps, "currentvalue": {"prefix": "step "},
                  "pad": {"t": 45}, "len": 1.0, "x": 0}],
    )
    return fig
