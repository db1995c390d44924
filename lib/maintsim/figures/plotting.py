"""One plotting set-up for every chapter: figures that render everywhere.

Why this module exists
----------------------
Since plotly 6, a figure shown in a notebook carries only plotly's own JSON
mimetype (``application/vnd.plotly.v1+json``). JupyterLab draws it, but the book
builder (myst-nb) does not know that mimetype: it warns
``mystnb.unknown_mime_type`` and leaves a blank space on the site. Silencing that
warning would also hide figures that are really missing, so instead every figure
is shown with *two* representations:

* the plotly JSON, which JupyterLab, Binder and VS Code render natively, and
* a small ``text/html`` fragment (a ``<div>`` and a ``Plotly.newPlot`` call)
  that the static site renders with the plotly.js bundle it serves itself.
  The fragment never loads plotly.js from a CDN: the book's Sphinx extension
  (``_ext/offline_assets.py``) copies :data:`PLOTLY_JS_PATH`, a partial build of
  the same plotly.js version, into the site and adds it to exactly the pages
  that hold a figure.

Call :func:`setup` once at the top of a notebook. It is idempotent and changes
nothing but plotly's default renderer and template.

Google Colab is the exception: it draws neither plotly's JSON nor a fragment that
expects a ``window.Plotly`` it never loaded, so the figures would be blank. There
:func:`setup` leaves plotly's own ``"colab"`` renderer (HTML that loads plotly.js
itself) in place, sets the template, and turns on Colab's widget manager for widgets
beyond ipywidgets' own (plotly's ``FigureWidget`` in the live explorer), which Colab
otherwise leaves undrawn.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import os
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

from maintsim import _validate, language

RENDERER_NAME = "maintbook"
TEMPLATE_NAME = "maintbook"

# Okabe & Ito's colour-blind-safe palette (Okabe, M. and Ito, K., "Color Universal
# Design", 2008), in the order the book uses it.
PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
"""Named colours; figures refer to them by name, so a palette change keeps their meaning."""

KIND_COLOURS = {
    "hot_patch": PALETTE["green"],
    "mp_light": PALETTE["sky"],
    "mp_heavy": PALETTE["blue"],
    "live_migration": PALETTE["purple"],
    "network_blip": PALETTE["orange"],
    "reboot": PALETTE["vermillion"],
    "onprem_window": "#555555",
    "onprem_window_failed": PALETTE["black"],
}
"""One colour per kind of maintenance, the same in every chapter."""

THRESHOLD_COLOUR = PALETTE["vermillion"]
"""Colour of the line that marks 30 s (or any threshold a chapter cares about)."""

PLOTLY_JS_PATH = Path(__file__).resolve().parent / "vendor" / "plotly-cartesian.min.js"
"""The plotly.js bundle that the site, and anything else drawing outside Jupyter, loads.

It is npm's ``plotly.js-cartesian-dist-min`` at the plotly.js version of the pinned ``plotly``
package (scatter, bar, histogram, box, heatmap and the other cartesian traces; no maps, 3-D or
WebGL).
It defines the global ``Plotly``. ``tools/vendor_plotly.py`` fetched it and checks it
against ``vendor/bundle.json``; its licence is ``vendor/LICENSE-plotly.js``."""

PLOT_CONFIG = {
    "displaylogo": False,  # no plotly logo (a link to plotly.com)
    "showSendToCloud": False,  # no "Share chart..." (it uploads the figure to Plotly's cloud)
    "modeBarButtonsToRemove": ["sendChartToCloud"],
    "displayModeBar": "hover",  # the toolbar shows while the pointer is on the figure
    "responsive": True,
}
"""The plotly.js configuration of every book figure.

Nothing in it talks to another host, and the toolbar stays out of the way of titles (on a
phone it shows after a tap on the figure)."""
HTML_TWIN_MARK = "maintbook_html_twin"


class BookRenderer(MimetypeRenderer):
    """Emit plotly's JSON for Jupyter *and* an HTML fragment for the static site.

    The HTML fragment expects ``window.Plotly`` to exist: the site loads
    :data:`PLOTLY_JS_PATH` on every page that contains a figure. The ``<div>``
    id is derived from the figure's content and a per-kernel counter, so a
    re-run produces the same page.
    """

    def __init__(self):
        self._counter = itertools.count(1)

    def to_mimebundle(self, fig_dict):
        figure_json = pio.to_json(fig_dict, validate=False)
        digest = hashlib.sha1(figure_json.encode()).hexdigest()[:10]
        div_id = f"maintbook-fig-{next(self._counter)}-{digest}"
        html = pio.to_html(
            fig_dict,
            include_plotlyjs=False,
            full_html=False,
            div_id=div_id,
            config=PLOT_CONFIG,
            validate=False,
        )
        # Round-trip through plotly's own JSON encoder, which knows numpy arrays and dates.
        clean = json.loads(figure_json)
        return {
            "application/vnd.plotly.v1+json": {
                "data": clean.get("data", []),
                "layout": clean.get("layout", {}),
                "config": PLOT_CONFIG,
                HTML_TWIN_MARK: True,
            },
            "text/html": html,
        }


class PlotlyTwinMimePlugin:
    """myst-nb plugin: skip plotly's JSON *only* when its HTML twin is in the same output.

    myst-nb renders every mimetype of an output while parsing and picks one later,
    so an unknown mimetype warns even when a ``text/html`` alternative exists.
    Figures shown through :class:`BookRenderer` carry a mark in their JSON; for
    those the JSON is skipped quietly (the HTML twin is what the site shows). A
    plotly JSON *without* the mark still produces myst-nb's
    ``unknown_mime_type`` warning, so a figure that would really be blank fails
    the build. The explorer widget (:class:`maintsim.explorer.widget.Explorer`) marks its
    widget view the same way: the site draws its HTML twin instead. Registered under the
    ``myst_nb.mime_renderers`` entry point in ``pyproject.toml``.
    """

    mime_priority_overrides = ()

    @staticmethod
    def handle_mime(renderer, data, inline):
        content = data.content
        twinned = ("application/vnd.plotly.v1+json", "application/vnd.jupyter.widget-view+json")
        if data.mime_type in twinned and isinstance(content, dict) and content.get(HTML_TWIN_MARK):
            return []
        return None


def _template() -> go.layout.Template:
    colours = list(PALETTE.values())
    return go.layout.Template(
        layout=go.Layout(
            colorway=colours,
            font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 14},
            margin={"l": 60, "r": 20, "t": 60, "b": 40},
            title={"font": {"size": 16}, "x": 0, "xref": "paper"},
            hoverlabel={"namelength": -1},
            legend={"orientation": "h", "yanchor": "top", "y": -0.18, "x": 0},
            xaxis={"gridcolor": "#e5e5e5", "zeroline": False},
            yaxis={"gridcolor": "#e5e5e5", "zeroline": False},
            plot_bgcolor="white",
            paper_bgcolor="white",
        )
    )


COLAB_RENDERER = "colab"
COLAB_ENV_VAR = "COLAB_NOTEBOOK_ID"
"""What plotly checks to choose its Colab renderer (``plotly/io/_renderers.py``, plotly 7)."""


def in_colab() -> bool:
    """True in a Google Colab kernel, detected the way plotly itself detects it."""
    return COLAB_ENV_VAR in os.environ


def _enable_colab_widgets() -> None:
    """Colab's own call for third-party widgets (``google.colab.output``), where it exists."""
    try:
        from google.colab import output
    except ImportError:
        return
    enable = getattr(output, "enable_custom_widget_manager", None)
    if enable is not None:
        enable()


def setup() -> None:
    """Make plotly figures render in Jupyter, in Binder, in Colab and on the static site.

    Registers :class:`BookRenderer` as plotly's default renderer (in Colab: keeps
    plotly's own ``"colab"`` renderer and enables Colab's widget manager, see the module
    notes) and the book's template (colour-blind-safe palette, white background) as the
    default template. Safe to call more than once.
    """
    if in_colab():
        pio.renderers.default = COLAB_RENDERER
        _enable_colab_widgets()
    else:
        if RENDERER_NAME not in pio.renderers:
            pio.renderers[RENDERER_NAME] = BookRenderer()
        pio.renderers.default = RENDERER_NAME
    pio.templates[TEMPLATE_NAME] = _template()
    pio.templates.default = "plotly_white+" + TEMPLATE_NAME


def threshold_line(fig: go.Figure, x: float, label: str, **kwargs) -> go.Figure:
    """Draw a labelled vertical line at ``x`` (for example the 30-second mark)."""
    fig.add_vline(
        x=x,
        line={"color": kwargs.pop("color", THRESHOLD_COLOUR), "dash": kwargs.pop("dash", "dash")},
        annotation_text=label,
        annotation_position=kwargs.pop("position", "top right"),
        **kwargs,
    )
    return fig


def duration_label(seconds) -> str:
    """A time as a reader says it: ``"10 ms"``, ``"1 s"``, ``"1 min"``, ``"1.5 h"``, ``"3 days"``
    (in the current language, :mod:`maintsim.language`: ``"1.5 時間"``).

    Below a second in milliseconds, below a minute in seconds, below an hour in minutes, below a
    day in hours, else in days; three significant digits at most. Every figure with a log axis of
    durations labels its ticks with it.

    Parameters
    ----------
    seconds : float
        A duration, seconds (> 0 and finite).
    """
    s = _validate.scalar("seconds", seconds)
    if not (math.isfinite(s) and s > 0):
        raise ValueError(f"seconds must be a positive finite number, got {seconds!r}")
    for unit_s, unit in ((86_400.0, "day"), (3600.0, "h"), (60.0, "min"), (1.0, "s")):
        if s >= unit_s:
            value = f"{s / unit_s:.3g}"
            if unit == "day" and value != "1":
                unit = "days"
            return language.text("{value} " + unit, value=value)
    return language.text("{value} ms", value=f"{s * 1000:.3g}")


def log_ticks(low, high, candidates, label, *, min_gap_decades: float = 0.0):
    """Ticks for a log axis: the ``candidates`` inside ``[low, high]``, each at least
    ``min_gap_decades`` (a factor of ten to that power) above the last kept, so that labels stay
    apart on a phone-wide axis, and labelled with ``label(value)``.

    Parameters
    ----------
    low, high : float
        The axis range (``0 < low <= high``), in the candidates' unit.
    candidates : sequence of float
        Increasing tick positions.
    label : callable
        Turns a position into its text (e.g. :func:`duration_label`).
    min_gap_decades : float
        The closest two kept ticks may be, in decades (>= 0).

    Returns
    -------
    tuple
        ``(tickvals, ticktext)``: the positions and their labels, for plotly.
    """
    low = _validate.scalar("low", low)
    high = _validate.scalar("high", high)
    if not 0 < low <= high:
        raise ValueError(f"log_ticks needs 0 < low <= high, got low={low!r}, high={high!r}")
    gap = _validate.scalar("min_gap_decades", min_gap_decades)
    _validate.in_range("min_gap_decades", gap, 0.0, 10.0)
    values: list[float] = []
    for value in candidates:
        if low <= value <= high and (not values or math.log10(value / values[-1]) >= gap):
            values.append(float(value))
    return values, [label(v) for v in values]
