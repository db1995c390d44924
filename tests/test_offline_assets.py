"""The book's Sphinx extension keeps pages small and self-contained."""

from __future__ import annotations

import offline_assets
from sphinx.builders.html._assets import _JavaScript


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


def test_mathjax_is_taken_off_a_page_without_mathematics_and_kept_on_one_with_it():
    mathjax = _JavaScript("mathjax/tex-chtml.js", loading_method="defer")
    config = _JavaScript(None, body="window.MathJax = {options: {}}")
    plotly = _JavaScript(offline_assets.PLOTLY_JS)
    prose = {"body": "<p>no formulas</p>", "script_files": [plotly, config, mathjax]}
    offline_assets._mathjax_only_where_needed(None, "intro", "page.html", prose, None)
    assert prose["script_files"] == [plotly]
    maths = {"body": '<span class="math notranslate nohighlight">\\(x\\)</span>',
             "script_files": [plotly, config, mathjax]}
    offline_assets._mathjax_only_where_needed(None, "chapters/x", "page.html", maths, None)
    assert maths["script_files"] == [plotly, config, mathjax]
