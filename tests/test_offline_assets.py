"""The book's Sphinx extension keeps pages small and self-contained."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from sphinx.builders.html._assets import _JavaScript

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("offline_assets",
                                               ROOT / "_ext" / "offline_assets.py")
offline_assets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(offline_assets)


def test_saved_widget_state_is_dropped_and_other_scripts_are_kept():
    state = _JavaScript(None, type=offline_assets.WIDGET_STATE_TYPE, body="{}")
    plotly = _JavaScript("plotly.min.js")
    inline = _JavaScript(None, body="var x = 1;")
    context = {"script_files": [plotly, state, inline]}
    offline_assets._drop_widget_state(None, "chapters/x", "page.html", context, None)
    assert context["script_files"] == [plotly, inline]


def test_a_page_without_scripts_is_left_alone():
    context = {"body": "<p>no scripts</p>"}
    offline_assets._drop_widget_state(None, "intro", "page.html", context, None)
    assert context == {"body": "<p>no scripts</p>"}
