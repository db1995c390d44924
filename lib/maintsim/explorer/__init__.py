"""The freeze-time explorer: move freeze time, watch the P99, the monthly uptime and the verdict.

One model, two engines, one face:

* :mod:`maintsim.explorer.model` computes every read-out exactly in Python
  (:func:`~maintsim.explorer.model.readouts`; no sampling) and describes the model to the browser
  (:func:`~maintsim.explorer.model.spec`);
* ``explorer.js``, an ES module shipped in this package, computes the same read-outs with the same
  formulas in the reader's browser and draws the controls, the answer and the figure with the
  site's own plotly.js;
* :class:`~maintsim.explorer.widget.Explorer` (:mod:`maintsim.explorer.widget`) shows that
  module in Jupyter as an anywidget, and on the static site as an HTML twin the module brings
  to life.

>>> from maintsim import explorer
>>> r = explorer.readouts(explorer.Settings(events_per_month=6))
>>> r.met
True
"""

from maintsim.explorer.model import (
    CHOICES,
    RANGES,
    TEXT,
    VIEW_LAYOUTS,
    VIEWS,
    Readouts,
    Settings,
    freeze_model,
    readouts,
    spec,
    threshold_presets,
)
from maintsim.explorer.widget import CSS_PATH, ESM_PATH, Explorer, html_twin

__all__ = [
    "CHOICES",
    "CSS_PATH",
    "ESM_PATH",
    "RANGES",
    "TEXT",
    "VIEW_LAYOUTS",
    "VIEWS",
    "Explorer",
    "Readouts",
    "Settings",
    "freeze_model",
    "html_twin",
    "readouts",
    "spec",
    "threshold_presets",
]
