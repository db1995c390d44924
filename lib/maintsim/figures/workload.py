"""Figures and small tables about what a freeze does to a workload.

Chapter 6 plays a freeze against TCP, load balancers, clusters and the guest clock;
chapter 9 turns the same numbers into tuning advice; the explorer can reuse the
survival figure. Every number drawn here comes from :mod:`maintsim.workload` (and
through it from :mod:`maintsim.facts`), so the figures and the prose agree.

* :func:`survival_grid` evaluates :func:`maintsim.workload.assess_freeze` for many
  freeze lengths at once: which component survives which freeze.
* :func:`survival_figure` draws that grid as bars of tolerance with the freeze as a
  line; with several freezes it gets a plotly slider whose steps are precomputed, so
  it works on a static page with no kernel.
* :func:`ladder_figure` draws retransmission ladders against one freeze;
  :func:`stall_figure` shows how long a connection waits after the resume.
* :class:`HtmlTable` is a narrow table that renders in Jupyter and on the site;
  :func:`assessment_table` and :func:`tuning_table` build the two the chapters show.

Every word these figures and tables draw is in the current language (:mod:`maintsim.language`):
the module's own words through :func:`~maintsim.language.text`, the English sentences of
:mod:`maintsim.workload` through :func:`~maintsim.language.translate`. Labels and headers that a
caller passes are drawn as given. :func:`tuning_rows` stays English: it is data that chapters look
up by its ``setting``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from maintsim import _validate, facts, workload
from maintsim.figures.plotting import PALETTE
from maintsim.language import text, translate

__all__ = [
    "STACK_BELOW_PX",
    "HtmlTable",
    "SurvivalGrid",
    "TuningRow",
    "assessment_table",
    "ladder_figure",
    "outcome",
    "short_label",
    "stall_figure",
    "survival_figure",
    "survival_grid",
    "tuning_rows",
    "tuning_table",
]

SURVIVES_COLOUR = PALETTE["green"]
FAILS_COLOUR = PALETTE["vermillion"]
NEUTRAL_COLOUR = "#767676"
"""A grey (4.5:1 on white) for an outcome that is neither riding through nor failing."""
OUT_OF_ROTATION = "taken out of rotation"
"""What happens to a load balancer's frozen backend: the load balancer doing its job, not a
failure (it hurts only when no other backend is healthy), so it is drawn in
:data:`NEUTRAL_COLOUR`."""
FROZEN_FILL = "rgba(86, 180, 233, 0.22)"  # the palette's sky blue, light
LADDER_COLOURS = (PALETTE["blue"], PALETTE["orange"], PALETTE["purple"], PALETTE["black"])


# ---------------------------------------------------------------------------
# A narrow table for notebooks and the static site
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlTable:
    """A small table that shows as HTML in Jupyter and on the site, as Markdown in text.

    The HTML sits in a ``<div>`` that scrolls sideways by itself, so a phone-wide page
    never does. A table with long cells can instead be ``stacked``: on a screen narrower
    than :data:`STACK_BELOW_PX` each row becomes a block of lines, every cell under its
    column's header, so nothing is off-screen.

    Attributes
    ----------
    headers : tuple of str
    rows : tuple of tuple of str
    caption : str
    stacked : bool
        Stack the rows on a narrow screen (default False: the table scrolls sideways).
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    stacked: bool = False

    def to_markdown(self) -> str:
        """The table as Markdown: a header line, a rule, one line per row."""
        lines = ["| " + " | ".join(self.headers) + " |", "|" + "---|" * len(self.headers)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (self.caption + "\n" if self.caption else "") + self.to_markdown()

    def _repr_html_(self) -> str:
        head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in self.headers)
        labels = [f' data-label="{html.escape(h)}"' if self.stacked else "" for h in self.headers]
        body = "".join(
            "<tr>" + "".join(
                f"<td{labels[i] if i < len(labels) else ''}>{html.escape(c)}</td>"
                for i, c in enumerate(row)
            ) + "</tr>"
            for row in self.rows
        )
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        classes, style = "dataframe", ""
        if self.stacked:
            classes, style = f"dataframe {_STACKED_CLASS}", f"<style>{_STACKED_CSS}</style>"
        return (
            f'<div style="overflow-x: auto; max-width: 100%;">{style}'
            f'<table class="{classes}">{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>"
        )


STACK_BELOW_PX = 600
"""Screen width, CSS pixels, below which a ``stacked`` :class:`HtmlTable` shows its rows as
blocks: a phone (375 px) and a small tablet in portrait."""

_STACKED_CLASS = "maintbook-stacked"
_STACKED_CSS = (
    f"@media (max-width: {STACK_BELOW_PX - 0.02}px) {{"
    # the header row stays for screen readers but takes no room: each cell repeats its header
    f"table.{_STACKED_CLASS} thead {{position: absolute; width: 1px; height: 1px;"
    " overflow: hidden; clip-path: inset(50%); white-space: nowrap;}"
    f"table.{_STACKED_CLASS}, table.{_STACKED_CLASS} tbody, table.{_STACKED_CLASS} tr,"
    f" table.{_STACKED_CLASS} td {{display: block; width: 100%; box-sizing: border-box;}}"
    f"table.{_STACKED_CLASS} caption {{display: block; text-align: left;}}"
    f"table.{_STACKED_CLASS} tr {{margin-bottom: 0.75em;}}"
    f"table.{_STACKED_CLASS} td::before {{content: attr(data-label) \": \"; font-weight: 600;}}"
    "}"
)


def _fmt_s(value: float | None) -> str:
    return text("no limit") if value is None else text("{value:g} s", value=value)


# ---------------------------------------------------------------------------
# Which component survives which freeze
# ---------------------------------------------------------------------------


def outcome(component: str, survives: bool) -> tuple[str, str]:
    """The word and the colour for one component's fate: ``("survives", green)``,
    ``("fails", vermillion)``, or for a load balancer that stops sending new flows to the
    frozen backend, ``(OUT_OF_ROTATION, grey)``.

    Examples
    --------
    >>> outcome("Load balancer", False)[0]
    'taken out of rotation'
    >>> outcome("Windows TCP", False)[0]
    'fails'
    """
    if survives:
        return "survives", SURVIVES_COLOUR
    if component == "Load balancer":
        return OUT_OF_ROTATION, NEUTRAL_COLOUR
    return "fails", FAILS_COLOUR


def short_label(row: workload.AssessmentRow) -> str:
    """A label of at most 40 characters for one row of :func:`~maintsim.workload.assess_freeze`.

    Long enough to tell the rows apart, short enough for a phone-wide figure; in the current
    language.
    """
    if not isinstance(row, workload.AssessmentRow):
        raise TypeError(
            f"row must be a maintsim.workload.AssessmentRow, got {_validate._describe(row)}"
        )
    setting = row.setting
    if row.component == "Linux TCP":
        retries = setting.split("(")[0].strip()
        if "Azure" in setting:
            return text("Linux TCP, {retries} (Azure)", retries=retries)
        return text("Linux TCP, {retries} (default)", retries=retries)
    if row.component == "Windows TCP":
        retries = setting.split(",")[0].split("=")[-1].strip()
        return text("Windows TCP, {retries} retries (RTO assumed)", retries=retries)
    if row.component == "Failover cluster":
        label, numbers = setting.rsplit(": ", 1)
        numbers = translate(numbers)
        if "relaxed" in label:
            return text("WSFC, {numbers} (relaxed for Azure)", numbers=numbers)
        which = translate(label.removeprefix("WSFC ").split(",")[0])
        return text("WSFC, {numbers} ({which})", numbers=numbers, which=which)
    if row.component == "Pacemaker/Corosync":
        return text("Corosync, token {token_s:g} s (Azure guidance)", token_s=row.tolerance_s)
    if row.component == "Guest clock":
        if row.tolerance_s is None:
            return text("Guest clock, host time sync")
        return text("Guest clock, chrony only")
    if row.component == "Application":
        return text("Application, time-out {timeout_s:g} s", timeout_s=row.tolerance_s)
    if row.component == "Load balancer":
        return text("Load balancer, {probes}", probes=translate(setting.replace(" failed", "")))
    return text("{component}, {setting}", component=translate(row.component),
                setting=translate(setting))[:40]


@dataclass(frozen=True, eq=False)
class SurvivalGrid:
    """:func:`~maintsim.workload.assess_freeze` evaluated for many freezes.

    Attributes
    ----------
    freezes_s : numpy.ndarray
        The freezes, seconds, shape ``(n,)``.
    labels : tuple of str
        One short label per component (:func:`short_label`), ``m`` of them.
    tolerances_s : numpy.ndarray
        Longest freeze each component survives, seconds, shape ``(m,)``; NaN for no limit.
    survives : numpy.ndarray
        Boolean, shape ``(m, n)``: component ``i`` survives freeze ``j``.
    what_happens : tuple of tuple of str
        ``what_happens[i][j]``: the sentence of :func:`~maintsim.workload.assess_freeze`.
    sources : tuple of str
        The ``references.bib`` key behind each component's setting.
    components : tuple of str
        What each row judges (``AssessmentRow.component``), which decides the words and
        colours of :func:`outcome`.
    """

    freezes_s: np.ndarray
    labels: tuple[str, ...]
    tolerances_s: np.ndarray
    survives: np.ndarray
    what_happens: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...]
    components: tuple[str, ...] = ()

    def survivors(self) -> np.ndarray:
        """How many components survive each freeze, shape ``(n,)``."""
        return self.survives.sum(axis=0)

    def first_failure_s(self) -> float:
        """The shortest tolerance of any component: longer freezes break something."""
        return float(np.nanmin(self.tolerances_s))


def survival_grid(freezes_s, *, app_timeout_s, **assess_options) -> SurvivalGrid:
    """Run :func:`~maintsim.workload.assess_freeze` for every freeze in ``freezes_s``.

    Parameters
    ----------
    freezes_s : array_like
        Freeze lengths, seconds (>= 0), e.g. ``range(1, 61)``.
    app_timeout_s : float
        The application's request time-out, seconds (> 0): your setting.
    **assess_options
        Passed on: ``windows_rto_initial_s``, ``time_sync``.

    Returns
    -------
    SurvivalGrid
    """
    freezes = np.atleast_1d(_validate.non_negative("freezes_s", freezes_s)).astype(float)
    if freezes.ndim != 1:
        raise ValueError(f"freezes_s must be one-dimensional, got shape {freezes.shape}")
    tables = [
        workload.assess_freeze(float(f), app_timeout_s=app_timeout_s, **assess_options)
        for f in freezes
    ]
    first = tables[0].rows
    tolerances = np.array([np.nan if r.tolerance_s is None else r.tolerance_s for r in first])
    survives = np.array([[r.survives for r in t.rows] for t in tables], dtype=bool).T
    what = tuple(tuple(t.rows[i].what_happens for t in tables) for i in range(len(first)))
    freezes.setflags(write=False)
    tolerances.setflags(write=False)
    survives.setflags(write=False)
    return SurvivalGrid(
        freezes_s=freezes,
        labels=tuple(short_label(r) for r in first),
        tolerances_s=tolerances,
        survives=survives,
        what_happens=what,
        sources=tuple(r.source for r in first),
        components=tuple(r.component for r in first),
    )


def _survival_state(grid: SurvivalGrid, j: int, m: int):
    """Colours, hover texts, annotations (row labels with verdicts, the freeze label),
    the freeze line and the title for freeze ``j``."""
    freeze_s = float(grid.freezes_s[j])
    ok = grid.survives[:, j]
    fates = [outcome(grid.components[i], bool(ok[i])) for i in range(m)]
    colours = [colour for _, colour in fates]
    hover = [
        text("{label}<br>{word}: {what}", label=grid.labels[i], word=text(fates[i][0]),
             what=translate(grid.what_happens[i][j]))
        for i in range(m)
    ]
    annotations = [
        {"x": 0, "y": i - 0.27, "xanchor": "left", "yanchor": "bottom", "showarrow": False,
         "text": text("{label}: <b>{word}</b>", label=grid.labels[i], word=text(fates[i][0])),
         "font": {"size": 12}, "bgcolor": "rgba(255, 255, 255, 0.85)"}
        for i in range(m)
    ]
    annotations.append({
        "x": freeze_s, "y": 1, "yref": "paper", "yanchor": "bottom", "showarrow": False,
        "text": text("freeze {freeze_s:g} s", freeze_s=freeze_s), "font": {"size": 12},
    })
    line = {
        "type": "line", "x0": freeze_s, "x1": freeze_s, "y0": 0, "y1": 1, "yref": "paper",
        "line": {"color": PALETTE["black"], "width": 2, "dash": "dash"},
    }
    title = text("Freeze of {freeze_s:g} s: {n} of {m} survive", freeze_s=freeze_s,
                 n=int(ok.sum()), m=m)
    return colours, hover, annotations, line, title


def survival_figure(
    freezes_s, *, app_timeout_s, active_s=None, x_max_s=None, **assess_options
) -> go.Figure:
    """Bars of tolerance per component, a line at the freeze, green if it survives.

    A component that gives up is vermillion, except a load balancer taking the frozen
    backend out of rotation, which is grey (:func:`outcome`).

    With one freeze the figure is static. With several it carries a plotly slider
    whose steps were all computed here with :func:`survival_grid`, so moving it needs
    no kernel (the static site shows exactly the numbers the library computed).

    Parameters
    ----------
    freezes_s : float or array_like
        One freeze or the slider's freezes, seconds (>= 0).
    app_timeout_s : float
        Your application's request time-out, seconds (> 0).
    active_s : float, optional
        The freeze the slider starts at (the nearest step); default the first.
    x_max_s : float, optional
        Right end of the axis; longer tolerances are drawn to the edge with their value
        written on the bar. Default: the longest freeze plus 10 %, at least 12 s.
    **assess_options
        Passed to :func:`~maintsim.workload.assess_freeze`.
    """
    grid = survival_grid(freezes_s, app_timeout_s=app_timeout_s, **assess_options)
    m, n = grid.survives.shape
    if x_max_s is None:
        x_max_s = max(12.0, 1.1 * float(grid.freezes_s.max()))
    x_max_s = float(_validate.positive("x_max_s", _validate.scalar("x_max_s", x_max_s)))
    active = 0
    if active_s is not None:
        active_s = _validate.scalar("active_s", active_s)
        active = int(np.argmin(np.abs(grid.freezes_s - active_s)))

    ys = np.arange(m)
    tol = grid.tolerances_s
    bar_x = np.where(np.isnan(tol), x_max_s, np.minimum(np.nan_to_num(tol, nan=x_max_s), x_max_s))
    bar_text = [
        text("no limit") if np.isnan(t) else text("{value:g} s ›" if t > x_max_s else "{value:g} s",
                                                   value=t)
        for t in tol
    ]
    colours, hover, annotations, line, title = _survival_state(grid, active, m)
    fig = go.Figure()
    fig.add_bar(
        x=bar_x, y=ys, orientation="h", width=0.42, marker={"color": colours},
        text=bar_text, textposition="auto", insidetextanchor="end", cliponaxis=False,
        customdata=hover, hovertemplate="%{customdata}<extra></extra>", showlegend=False,
    )
    fig.update_layout(
        title=title, shapes=[line], annotations=annotations, height=130 + 52 * m,
        xaxis={"title": text("tolerates a freeze up to (seconds)"), "range": [0, x_max_s]},
        yaxis={"range": [m - 0.5, -0.75], "visible": False},
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
    )
    if n > 1:
        steps = []
        for j in range(n):
            c, h, a, ln, t = _survival_state(grid, j, m)
            steps.append({
                "method": "update", "label": f"{grid.freezes_s[j]:g}",
                "args": [{"marker.color": [c], "customdata": [h]},
                         {"shapes": [ln], "annotations": a, "title.text": t}, [0]],
            })
        fig.update_layout(
            sliders=[{
                "active": active, "steps": steps, "pad": {"t": 50, "b": 10},
                "currentvalue": {"prefix": text("freeze: "), "suffix": text(" s"),
                                 "font": {"size": 14, "color": PALETTE["black"]}},
                "font": {"color": "rgba(0,0,0,0)", "size": 8}, "ticklen": 3,
            }],
            height=210 + 52 * m,
        )
    return fig


def assessment_table(assessment: workload.FreezeAssessment) -> HtmlTable:
    """:func:`~maintsim.workload.assess_freeze`'s table in three narrow columns.

    Columns: component (short label), the longest freeze it tolerates, what happens.
    """
    if not isinstance(assessment, workload.FreezeAssessment):
        raise TypeError(
            "assessment must be a FreezeAssessment from maintsim.workload.assess_freeze(), "
            f"got {_validate._describe(assessment)}"
        )
    def verdict(row: workload.AssessmentRow) -> str:
        what = translate(row.what_happens)
        if not row.survives:
            word, _ = outcome(row.component, False)
            return text("{word}: {what}", word=text(word.upper() if word == "fails" else word),
                        what=what)
        return what if row.what_happens.startswith("survives") else (
            text("survives: {what}", what=what))

    rows = tuple((short_label(r), _fmt_s(r.tolerance_s), verdict(r)) for r in assessment.rows)
    return HtmlTable(
        (text("Component"), text("Tolerates"), text("What happens")),
        rows,
        caption=text("What a {freeze_s:g} s freeze does", freeze_s=assessment.freeze_s),
    )


# ---------------------------------------------------------------------------
# TCP against a freeze
# ---------------------------------------------------------------------------


def _check_ladders(ladders) -> tuple[workload.RetransmissionLadder, ...]:
    if isinstance(ladders, workload.RetransmissionLadder):
        ladders = [ladders]
    ladders = tuple(ladders)
    if not ladders or not all(isinstance(x, workload.RetransmissionLadder) for x in ladders):
        raise TypeError(
            "ladders must be one or more RetransmissionLadder (from "
            "maintsim.workload.tcp_retransmission_times_s() or "
            f"windows_retransmission_times_s()), got {_validate._describe(ladders)}"
        )
    return ladders


def ladder_figure(ladders, freeze_s, *, labels=None, x_max_s=60.0) -> go.Figure:
    """Each ladder's transmissions on a time line, with the freeze shaded.

    The segment is sent at 0, when the freeze starts. Transmissions during the freeze
    are lost (open circles); the first one at or after the resume is delivered (filled)
    and the connection lives; if there is none, the sender gives up (a cross).

    Parameters
    ----------
    ladders : maintsim.workload.RetransmissionLadder or sequence
        One row each, top to bottom.
    freeze_s : float
        The freeze, seconds (>= 0).
    labels : sequence of str, optional
        Row labels, drawn as given; default each ladder's ``label`` in the current language.
    x_max_s : float
        Right end of the time axis, seconds (> 0).
    """
    ladders = _check_ladders(ladders)
    freeze_s = float(_validate.non_negative("freeze_s", _validate.scalar("freeze_s", freeze_s)))
    x_max_s = float(_validate.positive("x_max_s", _validate.scalar("x_max_s", x_max_s)))
    if labels is None:
        labels = [translate(x.label) for x in ladders]
    labels = list(labels)
    if len(labels) != len(ladders) or not all(isinstance(s, str) for s in labels):
        raise ValueError(f"labels must be {len(ladders)} strings, one per ladder, got {labels!r}")

    lost_x, lost_y, ok_x, ok_y, end_x, end_y, notes = [], [], [], [], [], [], []
    fig = go.Figure()
    for row, ladder in enumerate(ladders):
        sends = np.concatenate(([0.0], ladder.attempts_s))
        fate = workload.tcp_after_freeze(freeze_s, ladder)
        before = sends[(sends < freeze_s) & (sends <= x_max_s)]
        lost_x += before.tolist()
        lost_y += [row] * before.size
        if fate.survives:
            ok_x.append(fate.next_attempt_s)
            ok_y.append(row)
            fig.add_scatter(
                x=[freeze_s, fate.next_attempt_s], y=[row, row], mode="lines",
                line={"color": SURVIVES_COLOUR, "dash": "dot", "width": 2},
                hoverinfo="skip", showlegend=False,
            )
            note = text("delivered {wait_s:g} s after resume", wait_s=fate.wait_after_resume_s)
            notes.append((min(fate.next_attempt_s, x_max_s), row, note, "right"))
        else:
            if fate.give_up_s <= x_max_s:
                end_x.append(fate.give_up_s)
                end_y.append(row)
                note = text("dropped at {give_up_s:g} s", give_up_s=fate.give_up_s)
                notes.append((fate.give_up_s, row, note, "center"))
            else:
                note = text("dropped at {give_up_s:g} s ›", give_up_s=fate.give_up_s)
                notes.append((x_max_s, row, note, "right"))
    fig.add_scatter(
        x=lost_x, y=lost_y, mode="markers", name=text("sent while frozen (lost)"),
        marker={"symbol": "circle-open", "size": 10, "color": FAILS_COLOUR, "line": {"width": 2}},
        hovertemplate=text("sent at %{x:g} s: lost<extra></extra>"),
    )
    fig.add_scatter(
        x=ok_x, y=ok_y, mode="markers", name=text("first after resume (delivered)"),
        marker={"symbol": "circle", "size": 13, "color": SURVIVES_COLOUR},
        hovertemplate=text("sent at %{x:g} s: delivered<extra></extra>"),
    )
    fig.add_scatter(
        x=end_x, y=end_y, mode="markers", name=text("sender gives up"),
        marker={"symbol": "x", "size": 13, "color": PALETTE["black"]},
        hovertemplate=text("gives up at %{x:g} s<extra></extra>"),
    )
    annotations = [
        {"x": 0, "y": row - 0.3, "xanchor": "left", "yanchor": "bottom", "showarrow": False,
         "text": label, "font": {"size": 12}}
        for row, label in enumerate(labels)
    ]
    annotations += [
        {"x": x, "y": row + 0.12, "xanchor": anchor, "yanchor": "top", "showarrow": False,
         "text": text, "font": {"size": 11}}
        for x, row, text, anchor in notes
    ]
    annotations.append({
        "x": freeze_s / 2, "y": 1, "yref": "paper", "yanchor": "bottom", "showarrow": False,
        "text": text("VM frozen {freeze_s:g} s", freeze_s=freeze_s), "font": {"size": 12},
    })
    n = len(ladders)
    fig.update_layout(
        title=text("A freeze against TCP retransmissions"),
        shapes=[{"type": "rect", "x0": 0, "x1": freeze_s, "y0": 0, "y1": 1, "yref": "paper",
                 "fillcolor": FROZEN_FILL, "line": {"width": 0}, "layer": "below"}],
        annotations=annotations,
        xaxis={"title": text("seconds from the freeze start"),
               "range": [-0.02 * x_max_s, 1.02 * x_max_s]},
        yaxis={"range": [n - 0.5, -0.8], "visible": False},
        height=190 + 80 * n, margin={"l": 10, "r": 10, "t": 70, "b": 40},
    )
    return fig


_STALL_WIDEST_PX = 6.0
_STALL_NARROWEST_PX = 2.5
"""Line widths of :func:`stall_figure` for the longest- and the shortest-lived ladder."""


def stall_figure(ladders, freezes_s, *, labels=None) -> go.Figure:
    """How long a connection stalls, against the freeze length.

    For each freeze, the stall is the time of the first retransmission at or after the
    resume, ``next_attempt_s`` of :func:`~maintsim.workload.tcp_after_freeze`: the data
    flows again only then. A dashed diagonal marks "data flows the moment the VM
    resumes"; the gap above it is the extra wait. A line stops where the connection no
    longer survives, and a cross marks that end.

    Ladders share their first rungs (every Linux ladder starts from the same floor), so
    the lines are drawn from the longest-lived to the shortest-lived, each narrower than
    the one below it: a short ladder lies visibly on top of the long ones that it
    follows. The legend keeps the order of ``ladders``.

    Parameters
    ----------
    ladders : maintsim.workload.RetransmissionLadder or sequence
    freezes_s : array_like
        Freeze lengths, seconds (>= 0), ascending.
    labels : sequence of str, optional
        Legend names, drawn as given; default each ladder's ``label`` in the current language.
    """
    ladders = _check_ladders(ladders)
    freezes = np.atleast_1d(_validate.non_negative("freezes_s", freezes_s)).astype(float)
    labels = [translate(x.label) for x in ladders] if labels is None else list(labels)
    if len(labels) != len(ladders):
        raise ValueError(f"labels must be {len(ladders)} strings, one per ladder, got {labels!r}")
    fig = go.Figure()
    top = float(freezes.max())
    fig.add_scatter(
        x=[0, top], y=[0, top], mode="lines", name=text("data flows at the resume"),
        line={"color": PALETTE["black"], "dash": "dash", "width": 1}, hoverinfo="skip",
        legendrank=1,
    )
    # Longest-lived first (a ladder's tolerance is its last retransmission), widest first.
    order = sorted(range(len(ladders)), key=lambda k: -float(ladders[k].attempts_s[-1]))
    widths = np.linspace(_STALL_WIDEST_PX, _STALL_NARROWEST_PX, len(ladders))
    if len(ladders) == 1:
        widths = [_STALL_NARROWEST_PX]
    ends = []
    for width, k in zip(widths, order, strict=True):
        ladder, colour = ladders[k], LADDER_COLOURS[k % len(LADDER_COLOURS)]
        nexts = [workload.tcp_after_freeze(f, ladder).next_attempt_s for f in freezes]
        y = np.array([np.nan if t is None else t for t in nexts])
        fig.add_scatter(
            x=freezes, y=y, mode="lines", name=labels[k], connectgaps=False, line_shape="hv",
            line={"color": colour, "width": float(width)}, legendrank=2 + k,
            hovertemplate=text("freeze %{x:g} s: stalled %{y:g} s<extra></extra>"),
        )
        last_s = float(ladder.attempts_s[-1])
        if last_s < top:
            ends.append((last_s, colour, labels[k]))
    for last_s, colour, label in ends:  # on top of every line
        fig.add_scatter(
            x=[last_s], y=[last_s], mode="markers", showlegend=False,
            marker={"symbol": "x-thin", "size": 12, "line": {"width": 3, "color": colour}},
            hovertemplate=text("{label}: a freeze longer than {last_s:g} s drops the "
                               "connection<extra></extra>", label=label, last_s=last_s),
        )
    fig.update_layout(
        title=text("How long a connection stalls"),
        xaxis={"title": text("freeze (seconds)")},
        yaxis={"title": text("stalled for (seconds)"), "rangemode": "tozero"},
        height=440, margin={"l": 60, "r": 10, "t": 60, "b": 40},
    )
    return fig


# ---------------------------------------------------------------------------
# Tuning advice, computed
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TuningRow:
    """One setting: what it tolerates as shipped, what Azure recommends, and why.

    Attributes
    ----------
    setting, default, recommended, why : str
        Text for the table, in English (:func:`tuning_table` draws it in the current language);
        every number in it was computed by :mod:`maintsim.workload`.
    default_s, recommended_s : float or None
        The time each version stands for (a tolerance or a detection time), seconds.
    survives_30s_default, survives_30s_recommended : bool or None
        Whether a 30-s freeze (:data:`maintsim.facts.LONG_PAUSE_S`) is ridden through.
    sources : tuple of str
        ``references.bib`` keys.
    """

    setting: str
    default: str
    recommended: str
    why: str
    default_s: float | None
    recommended_s: float | None
    survives_30s_default: bool | None
    survives_30s_recommended: bool | None
    sources: tuple[str, ...]


def tuning_rows() -> tuple[TuningRow, ...]:
    """Time-out and heartbeat settings, as shipped and as Azure's documents recommend.

    Each tolerance is computed with :mod:`maintsim.workload` from the values in
    :mod:`maintsim.facts` :cite:p:`ms_sql_hadr,ms_sap_pacemaker,ms_maint_2026`. Two goals
    pull in opposite directions: clusters should *ride through* a freeze (failing over is
    expensive), while TCP should *detect* a dead peer quickly (reconnecting is cheap).

    The TCP rows keep the order of Azure's maintenance document: ``TCP_USER_TIMEOUT`` of
    30 s per socket first, ``tcp_retries2 = 5`` as the system-wide alternative
    :cite:p:`ms_maint_2026`. The ``tcp_retries2`` row states the kernel's rule, a time
    limit of 12.6 s that a slow first RTO can overshoot to just under twice that, not Azure's
    "~25-50 seconds" (:func:`maintsim.workload.linux_give_up_span_s`, whose ``latest_text`` it
    quotes, as chapter 6 does).
    """
    long_s = facts.LONG_PAUSE_S
    hb = facts.HEARTBEAT_SETTINGS
    same, cross, relaxed = hb["wsfc_2016_same_subnet"], hb["wsfc_2016_cross_subnet"], \
        hb["wsfc_azure_relaxed"]

    def tol(h):
        return workload.heartbeat_tolerance_s(h.delay_s, h.threshold)

    rows = []
    for h in (same, cross):
        where = "same" if h is same else "cross"
        rows.append(TuningRow(
            setting=f"WSFC {where}-subnet heartbeat (delay x threshold)",
            default=f"{tol(h):g} s ({h.delay_s:g} s x {h.threshold})",
            recommended=f"{tol(relaxed):g} s ({relaxed.delay_s:g} s x {relaxed.threshold})",
            why="ride through a freeze instead of failing over",
            default_s=tol(h), recommended_s=tol(relaxed),
            survives_30s_default=not workload.failover_triggered(long_s, h),
            survives_30s_recommended=not workload.failover_triggered(long_s, relaxed),
            sources=(h.source, relaxed.source),
        ))
    lease_max_s = workload.ag_lease_timeout_max_s("wsfc_azure_relaxed")
    rows.append(TuningRow(
        setting="SQL Server availability-group lease time-out",
        default="-",
        recommended=f"at most {lease_max_s:g} s (2 x {tol(relaxed):g} s)",
        why="the documented ceiling with the relaxed heartbeat values",
        default_s=None, recommended_s=lease_max_s,
        survives_30s_default=None, survives_30s_recommended=long_s <= lease_max_s,
        sources=("ms_sql_hadr",),
    ))
    token_s = facts.COROSYNC_TOKEN_AZURE_MS / 1000
    consensus_s = facts.COROSYNC_CONSENSUS_AZURE_MS / 1000
    token_default_ms = facts.COROSYNC_TOKEN_DEFAULT_MS
    rows.append(TuningRow(
        setting="Pacemaker/Corosync token",
        default=(f"{token_default_ms / 1000:g} s (corosync 3.1 and later; "
                 f"{facts.COROSYNC_TOKEN_DEFAULT_BEFORE_3_1_MS / 1000:g} s before)"),
        recommended=f"{token_s:g} s (and a consensus time-out of {consensus_s:g} s)",
        why="Azure's guidance for your cluster, to allow memory-preserving maintenance",
        default_s=token_default_ms / 1000, recommended_s=token_s,
        survives_30s_default=not workload.corosync_failover(long_s, token_ms=token_default_ms),
        survives_30s_recommended=not workload.corosync_failover(long_s),
        sources=("corosync_conf_5", "ms_sap_pacemaker", "ms_rhel_pacemaker"),
    ))
    lin_def = workload.tcp_retransmission_times_s(facts.LINUX_TCP_RETRIES2_DEFAULT)
    user_s = facts.LINUX_TCP_USER_TIMEOUT_AZURE_MS / 1000
    lin_user = workload.tcp_retransmission_times_s(user_timeout_s=user_s)
    rows.append(TuningRow(
        setting="Linux TCP_USER_TIMEOUT (per socket)",
        default=f"not set: tcp_retries2 decides ({lin_def.give_up_s:g} s)",
        recommended=f"{user_s:g} s: gives up at {lin_user.give_up_s:g} s (Azure's first choice)",
        why="bound the wait for unacknowledged data on this socket",
        default_s=lin_def.give_up_s, recommended_s=lin_user.give_up_s,
        survives_30s_default=workload.tcp_after_freeze(long_s, lin_def).survives,
        survives_30s_recommended=workload.tcp_after_freeze(long_s, lin_user).survives,
        sources=("linux_tcp7", "ms_maint_2026"),
    ))
    lin_az = workload.tcp_retransmission_times_s(facts.LINUX_TCP_RETRIES2_AZURE_SUGGESTED)
    span = workload.linux_give_up_span_s(lin_az.retries)
    rows.append(TuningRow(
        setting="Linux net.ipv4.tcp_retries2",
        default=f"{lin_def.retries}: gives up after {lin_def.give_up_s:g} s",
        recommended=(f"{lin_az.retries}: a {span.limit_s:g} s limit; gives up between "
                     f"{span.earliest_s:g} s and just under {span.latest_text} for a first RTO "
                     f"of {span.rto_initial_min_s:g}-{span.rto_initial_max_s:g} s"),
        why="the system-wide alternative: find a dead peer fast; the application must reconnect",
        default_s=lin_def.give_up_s, recommended_s=lin_az.give_up_s,
        survives_30s_default=workload.tcp_after_freeze(long_s, lin_def).survives,
        survives_30s_recommended=workload.tcp_after_freeze(long_s, lin_az).survives,
        sources=("linux_ipsysctl", "linux_tcp_timer_c", "ms_maint_2026"),
    ))
    win_def = workload.windows_retransmission_times_s(
        facts.WINDOWS_TCP_MAX_DATA_RETRANSMISSIONS_DEFAULT)
    win_az = workload.windows_retransmission_times_s(
        facts.WINDOWS_TCP_MAX_DATA_RETRANSMISSIONS_AZURE)
    rows.append(TuningRow(
        setting="Windows TcpMaxDataRetransmissions",
        default=f"{win_def.retries}: gives up after {win_def.give_up_s:g} s (RTO assumed)",
        recommended=f"{win_az.retries}: gives up after {win_az.give_up_s:g} s (RTO assumed)",
        why="find a dead peer fast, system-wide; per socket, the TCP_MAXRT option bounds the time",
        default_s=win_def.give_up_s, recommended_s=win_az.give_up_s,
        survives_30s_default=workload.tcp_after_freeze(long_s, win_def).survives,
        survives_30s_recommended=workload.tcp_after_freeze(long_s, win_az).survives,
        sources=("ms_tcpmaxdata", "ms_maint_2026", "ms_winsock_tcp_options"),
    ))
    ka_def = workload.keepalive_detection_s(*facts.LINUX_KEEPALIVE_DEFAULT)
    ka_az = workload.keepalive_detection_s(*facts.LINUX_KEEPALIVE_AZURE)
    rows.append(TuningRow(
        setting="TCP keepalive (time / interval / probes)",
        default="{}/{}/{}: {:g} s".format(*facts.LINUX_KEEPALIVE_DEFAULT, ka_def),
        recommended="{}/{}/{}: {:g} s".format(*facts.LINUX_KEEPALIVE_AZURE, ka_az),
        why="find a stale idle connection within a minute",
        default_s=ka_def, recommended_s=ka_az,
        survives_30s_default=None, survives_30s_recommended=None,
        sources=("linux_ipsysctl", "ms_maint_2026"),
    ))
    return tuple(rows)


def tuning_table() -> HtmlTable:
    """:func:`tuning_rows` as a four-column table: setting, default, Azure guidance, why (in the
    current language).

    Its cells are long, so on a phone its rows are stacked (:class:`HtmlTable`).
    """
    rows = tuple(tuple(translate(cell) for cell in (r.setting, r.default, r.recommended, r.why))
                 for r in tuning_rows())
    return HtmlTable(
        (text("Setting"), text("As shipped"), text("Azure guidance"), text("Why")), rows,
        caption=text("Time-outs and heartbeats: as shipped and as recommended on Azure"),
        stacked=True,
    )
