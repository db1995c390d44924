"""plotting.setup(): figures that draw in Jupyter and on the site, and are not blank in Colab."""

from __future__ import annotations

import os
import subprocess
import sys
import types

import plotly.graph_objects as go
import plotly.io as pio
import pytest

from maintsim.figures import plotting


@pytest.fixture(autouse=True)
def _restore_plotly_defaults():
    renderer, template = pio.renderers.default, pio.templates.default
    yield
    pio.renderers.default, pio.templates.default = renderer, template


def _bundle(renderer_name: str) -> dict:
    return pio.renderers[renderer_name].to_mimebundle(go.Figure(go.Bar(y=[1, 2])).to_dict())


def test_outside_colab_a_figure_carries_plotly_json_and_its_html_twin(monkeypatch):
    monkeypatch.delenv(plotting.COLAB_ENV_VAR, raising=False)
    plotting.setup()
    assert pio.renderers.default == plotting.RENDERER_NAME
    bundle = _bundle(plotting.RENDERER_NAME)
    assert bundle["application/vnd.plotly.v1+json"][plotting.HTML_TWIN_MARK] is True
    assert "Plotly.newPlot" in bundle["text/html"] and "<script src" not in bundle["text/html"]


def test_in_colab_setup_keeps_plotlys_colab_renderer_which_loads_plotly_js(monkeypatch):
    monkeypatch.setenv(plotting.COLAB_ENV_VAR, "1")
    pio.renderers.default = plotting.COLAB_RENDERER  # what plotly chose when it was imported
    plotting.setup()
    assert pio.renderers.default == plotting.COLAB_RENDERER
    assert pio.templates.default.endswith("+" + plotting.TEMPLATE_NAME)
    html = _bundle(plotting.COLAB_RENDERER)["text/html"]
    # The book's twin expects window.Plotly, which Colab never loads: a blank figure. Plotly's
    # Colab renderer brings plotly.js along with the figure.
    assert "plotly" in html and "<script" in html and "src=" in html


def _fake_colab(monkeypatch, **output_functions) -> list:
    calls = []
    output = types.ModuleType("google.colab.output")
    for name in output_functions:
        setattr(output, name, lambda name=name: calls.append(name))
    colab = types.ModuleType("google.colab")
    colab.output = output
    monkeypatch.setitem(sys.modules, "google", types.ModuleType("google"))
    monkeypatch.setitem(sys.modules, "google.colab", colab)
    monkeypatch.setitem(sys.modules, "google.colab.output", output)
    return calls


def test_in_colab_setup_turns_on_the_widget_manager_the_live_explorer_needs(monkeypatch):
    calls = _fake_colab(monkeypatch, enable_custom_widget_manager=True)
    monkeypatch.setenv(plotting.COLAB_ENV_VAR, "1")
    plotting.setup()
    assert calls == ["enable_custom_widget_manager"]


def test_setup_touches_no_widget_manager_outside_colab_or_where_colab_has_none(monkeypatch):
    calls = _fake_colab(monkeypatch, enable_custom_widget_manager=True)
    monkeypatch.delenv(plotting.COLAB_ENV_VAR, raising=False)
    plotting.setup()
    assert calls == []
    _fake_colab(monkeypatch)  # an older google.colab.output without the call
    monkeypatch.setenv(plotting.COLAB_ENV_VAR, "1")
    plotting.setup()
    assert pio.renderers.default == plotting.COLAB_RENDERER


def test_colab_is_detected_the_way_plotly_detects_it():
    # In an IPython shell (as in Colab), plotly picks its renderer at import; with Colab's
    # variable set it picks "colab", and plotting.setup() must leave that in place.
    code = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "InteractiveShell.instance()\n"
        "import plotly.io as pio\n"
        "chosen = pio.renderers.default\n"
        "from maintsim.figures import plotting\n"
        "plotting.setup()\n"
        "print(chosen, pio.renderers.default)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PLOTLY_RENDERER", "VSCODE_PID")}
    for colab, expected in ((True, "colab colab"), (False, None)):
        run_env = dict(env, **{plotting.COLAB_ENV_VAR: "abc"}) if colab else env
        out = subprocess.run([sys.executable, "-c", code], env=run_env, capture_output=True,
                             text=True, check=True).stdout.split()
        if colab:
            assert " ".join(out) == expected
        else:
            assert out[0] != plotting.COLAB_RENDERER and out[1] == plotting.RENDERER_NAME
