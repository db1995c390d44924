"""The explorer as a Jupyter widget, and the same explorer on the static site.

:class:`Explorer` is an `anywidget <https://anywidget.dev>`_ widget whose front end is
``explorer.js``, the module the book's site runs, and whose traitlets are the settings of
:class:`~maintsim.explorer.model.Settings`. In Jupyter (and Binder) moving a control updates the
traitlets, so ``w.settings`` and ``w.readouts`` give the current state, computed by ``maintsim``;
setting ``w.events_per_month = 6`` from Python moves the control.

Shown in a notebook, the widget also carries an HTML twin: a ``<div data-maintbook-explorer>``
holding its settings and :func:`~maintsim.explorer.model.spec` as JSON. The book's site has no
kernel; it draws that twin with the same module (``_ext/explorer_assets.py`` serves it), so the
site and Jupyter show the same explorer.
"""

from __future__ import annotations

import dataclasses
import html
import json
from pathlib import Path

import anywidget
import traitlets

from maintsim import _validate, language
from maintsim.explorer.model import (
    CHOICES,
    RANGES,
    TEXT,
    VIEWS,
    Readouts,
    Settings,
    readouts,
    spec,
)
from maintsim.figures.plotting import HTML_TWIN_MARK, PLOTLY_JS_PATH

__all__ = ["CSS_PATH", "ESM_PATH", "Explorer", "html_twin"]

ESM_PATH = Path(__file__).with_name("explorer.js")
"""Where the explorer's ES module lies in the package; the site runs it and the widget shows it."""

CSS_PATH = Path(__file__).with_name("explorer.css")
"""Path of its stylesheet, shared the same way."""



def html_twin(view: str, settings: Settings, *, url_state: bool = False,
              lang: str | None = None) -> str:
    """The explorer as static HTML for the site: a ``<div data-maintbook-explorer>`` with its
    configuration as JSON (``</`` escaped, so no setting can close the script), and a note for
    readers without JavaScript. ``lang`` defaults to the current language
    (:func:`maintsim.language.current`)."""
    _validate.choice("view", view, VIEWS)
    config = {"view": view, "settings": dataclasses.asdict(settings), "spec": spec(lang)}
    payload = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    state = " data-url-state" if url_state else ""
    note = html.escape(config["spec"]["text"]["noscript"])
    return (f'<div class="maintbook-explorer" data-maintbook-explorer data-view="{view}"{state}>'
            f'<script type="application/json">{payload}</script>'
            f"<noscript><p>{note}</p></noscript></div>")


def _trait(name: str):
    """A synchronised traitlet for one setting, with its default and range from the model."""
    default = getattr(Settings(), name)
    if name in CHOICES:
        return traitlets.Enum(CHOICES[name], default_value=default).tag(sync=True)
    low, high, _ = RANGES[name]
    if isinstance(default, int):
        return traitlets.Int(default, min=int(low), max=int(high)).tag(sync=True)
    return traitlets.Float(default, min=low, max=high).tag(sync=True)


class Explorer(anywidget.AnyWidget):
    """The freeze-time explorer: controls, the answer and a figure, computed in the browser.

    Parameters
    ----------
    view : {"percentiles", "sla"}
        ``"percentiles"``: freeze lengths, percentiles and the counts beyond the time-out T.
        ``"sla"``: all of it plus the month: downtime, uptime, verdict, credit, chance of a miss.
    url_state : bool
        On the site, keep the settings in the page's address (the explorer page does).
    lang : str, optional
        Language of the labels (a key of :data:`maintsim.explorer.model.TEXT`); default the
        current language (:func:`maintsim.language.current`: ``MAINTBOOK_LANG``, so the Japanese
        book build draws a Japanese explorer).
    **settings
        Starting values, any field of :class:`~maintsim.explorer.model.Settings`.

    Attributes
    ----------
    settings : maintsim.explorer.model.Settings
        The current settings (validated).
    readouts : maintsim.explorer.model.Readouts
        :func:`~maintsim.explorer.model.readouts` of the current settings.
    """

    _esm = ESM_PATH
    _css = CSS_PATH
    view = traitlets.Unicode("sla").tag(sync=True)
    spec = traitlets.Dict().tag(sync=True)
    median_s = _trait("median_s")
    p99_s = _trait("p99_s")
    heavy_share = _trait("heavy_share")
    events_per_month = _trait("events_per_month")
    month_days = _trait("month_days")
    tier = _trait("tier")
    rule = _trait("rule")
    scale = _trait("scale")
    threshold_s = _trait("threshold_s")
    fleet_vms = _trait("fleet_vms")

    def __init__(self, view: str = "sla", *, url_state: bool = False, lang: str | None = None,
                 **settings):
        _validate.choice("view", view, VIEWS)
        start = Settings().replace(**settings)
        self._url_state = bool(url_state)
        if lang is None:
            lang = language.current()
        _validate.choice("lang", lang, tuple(TEXT))
        self._lang = lang
        super().__init__(view=view, spec=spec(lang), **dataclasses.asdict(start))
        self.on_msg(self._on_message)

    @property
    def settings(self) -> Settings:
        return Settings(**{f.name: getattr(self, f.name) for f in dataclasses.fields(Settings)})

    @property
    def readouts(self) -> Readouts:
        return readouts(self.settings)

    def _on_message(self, _widget, content, _buffers) -> None:
        """The front end asks for plotly.js when the page has none (JupyterLab): send the file
        the site serves, once per page."""
        if isinstance(content, dict) and content.get("type") == "plotly":
            self.send({"type": "plotly"}, buffers=[PLOTLY_JS_PATH.read_bytes()])

    def _repr_mimebundle_(self, **kwargs):
        bundle = super()._repr_mimebundle_(**kwargs)
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        view_key = "application/vnd.jupyter.widget-view+json"
        if view_key in data:  # the site skips the widget view (it needs a kernel) for the twin
            data[view_key] = {**data[view_key], HTML_TWIN_MARK: True}
        data["text/html"] = html_twin(self.view, self.settings, url_state=self._url_state,
                                      lang=self._lang)
        return data, metadata

