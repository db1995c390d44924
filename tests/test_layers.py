"""The library's layers: the model modules import no presentation code.

``maintsim``'s model modules (``sla``, ``percentiles``, ``freeze``, ``fleet``, ...) are numpy and
scipy only; plotly, ipywidgets and anywidget belong to the presentation packages
``maintsim.figures`` and ``maintsim.explorer``. Each check runs in a fresh interpreter, so a module
that some earlier test imported cannot hide a stray import.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import maintsim

PRESENTATION = ("figures", "explorer")
PRESENTATION_LIBRARIES = ("plotly", "ipywidgets", "anywidget")


def model_modules() -> list[str]:
    return sorted(f"maintsim.{m.name}" for m in pkgutil.iter_modules(maintsim.__path__)
                  if m.name not in PRESENTATION)


def _loaded_after_importing(modules: list[str]) -> list[str]:
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_model_layer_is_every_module_outside_the_presentation_packages():
    names = model_modules()
    for expected in ("maintsim.sla", "maintsim.percentiles", "maintsim.freeze", "maintsim.fleet",
                     "maintsim.workload", "maintsim.facts"):
        assert expected in names
    assert not any(name.split(".")[1] in PRESENTATION for name in names)


def test_model_modules_load_no_plotting_or_widget_library():
    loaded = _loaded_after_importing(model_modules())
    stray = [m for m in loaded if m.split(".")[0] in PRESENTATION_LIBRARIES]
    assert stray == [], f"a model module pulled in presentation code: {stray[:5]}"


def test_the_check_would_notice_a_presentation_import():
    # the same probe on a presentation module does find plotly, so the test above can fail
    loaded = _loaded_after_importing(["maintsim.figures.plotting"])
    assert "plotly" in loaded
