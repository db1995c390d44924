"""Serve every script a page needs from the site itself, and only where a page needs it.

* plotly.js: the partial bundle :data:`maintsim.figures.plotting.PLOTLY_JS_PATH` (the same
  plotly.js version as the pinned ``plotly`` package, cartesian traces only) is copied into
  ``_static/`` and added to each page that holds a plotly figure, and only to those pages,
  with ``static/figure-width.js``, which keeps each figure as wide as its column.
* MathJax 3 is copied from the pinned ``django-static-mathjax`` package (it ships MathJax's
  ``es5`` build); ``mathjax_path`` in ``_config.yml`` points at it. myst-nb asks Sphinx to put
  every asset on every page, so MathJax (and its configuration) is taken off each page that
  has no mathematics.
* Font Awesome: the theme's CSS already holds Font Awesome's classes and web fonts, which draw
  every icon. The theme also loads Font Awesome's 1.5 MB SVG script on every page, which only
  redraws the same icons; after the build, a one-line comment replaces that file.
* sphinx-thebe's scripts and myst-nb's saved widget state are dropped (unused).
* Any page that still asks for a script or stylesheet on another host fails the build (a
  warning, and warnings are errors here).
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from maintsim.figures.plotting import PLOTLY_JS_PATH

PLOTLY_JS = PLOTLY_JS_PATH.name
FIGURE_WIDTH_JS = "figure-width.js"  # static/: plotly's figures follow their column's width
MATHJAX_DIR = "mathjax"
FONTAWESOME_JS = Path("scripts") / "fontawesome.js"
FONTAWESOME_STUB = (
    "/* maintbook: this comment replaces Font Awesome's 1.5 MB SVG script. The theme's CSS\n"
    "   and web fonts draw the icons (see _ext/offline_assets.py). */\n")


def _mathjax_es5() -> Path:
    return Path(str(resources.files("mathjax"))) / "static" / "mathjax" / "es5"


def _copy_if_changed(source: Path, target: Path) -> None:
    if not target.exists() or target.read_bytes() != source.read_bytes():
        shutil.copyfile(source, target)


def _stage_static(app) -> None:
    """Copy the assets into a folder beside the doctrees and add it to the static path (beside
    the doctrees, not the output: the Japanese edition's output lies inside the English one)."""
    staged = Path(app.doctreedir).parent / "offline_static"
    staged.mkdir(parents=True, exist_ok=True)
    stale = staged / "plotly.min.js"  # the full build, served before the partial bundle
    stale.unlink(missing_ok=True)
    _copy_if_changed(PLOTLY_JS_PATH, staged / PLOTLY_JS)
    target_mj = staged / MATHJAX_DIR
    if not (target_mj / "tex-chtml.js").exists():
        shutil.copytree(_mathjax_es5(), target_mj, dirs_exist_ok=True)
    app.config.html_static_path.append(str(staged))
    # The last build's one-line replacement: removed so that Sphinx copies the theme's file
    # quietly (it reports overwriting a file that differs), to be replaced again at the end.
    (Path(app.outdir) / "_static" / FONTAWESOME_JS).unlink(missing_ok=True)


def _replace_fontawesome_script(app, exception) -> None:
    """Overwrite the theme's copy of Font Awesome's script with a one-line comment."""
    target = Path(app.outdir) / "_static" / FONTAWESOME_JS
    if exception is None and (not target.exists() or target.read_text() != FONTAWESOME_STUB):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(FONTAWESOME_STUB)


def _add_plotly_where_needed(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "plotly-graph-div" in body:
        app.add_js_file(PLOTLY_JS, priority=200)
        app.add_js_file(FIGURE_WIDTH_JS, loading_method="defer")


def is_mathjax(asset) -> bool:
    """MathJax itself, or the inline script that configures it."""
    name = str(getattr(asset, "filename", "") or "")
    body = str(getattr(asset, "attributes", {}).get("body", ""))
    return name.split("?")[0].endswith("tex-chtml.js") or "window.MathJax" in body


def page_has_math(body: str) -> bool:
    """Whether a page's HTML holds mathematics for MathJax (Sphinx's ``math`` nodes)."""
    return 'class="math' in body


def _mathjax_only_where_needed(app, pagename, templatename, context, doctree) -> None:
    if "script_files" in context and not page_has_math(context.get("body", "")):
        context["script_files"] = [a for a in context["script_files"] if not is_mathjax(a)]


def _drop_thebe(app, pagename, templatename, context, doctree) -> None:
    """Remove sphinx-thebe's scripts: the book does not use Thebe (Binder opens JupyterLab).

    Jupyter Book always loads sphinx-thebe, which declares a loader twice per page
    (a console error) and would fetch Thebe from unpkg.com if it were ever started.
    """
    def is_thebe(asset) -> bool:
        name = str(getattr(asset, "filename", "") or "")
        body = str(getattr(asset, "attributes", {}).get("body", ""))
        return "thebe" in name or "THEBE_JS_URL" in body

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [a for a in context[key] if not is_thebe(a)]


WIDGET_STATE_TYPE = "application/vnd.jupyter.widget-state+json"


def _drop_widget_state(app, pagename, templatename, context, doctree) -> None:
    """Remove the saved ipywidgets state that myst-nb writes into a page.

    Executing a notebook that shows a live widget saves the state of every widget in the
    kernel (the explorer's holds its whole figure: megabytes), and myst-nb embeds it in the
    page as a ``<script type="application/vnd.jupyter.widget-state+json">``. The site never
    draws widgets (``nb_ipywidgets_js`` is empty and widget cells are tagged
    ``remove-output``), so the state is dead weight.
    """
    if "script_files" in context:
        context["script_files"] = [
            a for a in context["script_files"]
            if getattr(a, "attributes", {}).get("type") != WIDGET_STATE_TYPE
        ]


def _refuse_remote_assets(app, pagename, templatename, context, doctree) -> None:
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    for asset in list(context.get("script_files", [])) + list(context.get("css_files", [])):
        name = getattr(asset, "filename", str(asset))
        if isinstance(name, str) and (name.startswith("http://") or name.startswith("https://")
                                      or name.startswith("//")):
            logger.warning("page %s loads a remote asset %s; serve it from _static instead",
                           pagename, name, type="offline", subtype="remote_asset")


def setup(app):
    app.setup_extension("static_files")  # serves _ext/static/ (figure-width.js)
    app.connect("builder-inited", _stage_static)
    app.connect("build-finished", _replace_fontawesome_script)
    app.connect("html-page-context", _add_plotly_where_needed)
    app.connect("html-page-context", _mathjax_only_where_needed, priority=800)
    app.connect("html-page-context", _drop_thebe, priority=800)
    app.connect("html-page-context", _drop_widget_state, priority=800)
    app.connect("html-page-context", _refuse_remote_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.1"}
