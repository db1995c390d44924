"""Serve every script a page needs from the site itself: no CDN, works offline.

* ``plotly.min.js`` is copied from the installed ``plotly`` package (the exact
  pinned version that drew the figures) and added to each page that holds a
  plotly figure, and only to those pages.
* MathJax 3 is copied from the pinned ``django-static-mathjax`` package (it
  ships MathJax's ``es5`` build); ``mathjax_path`` in ``_config.yml`` points at it.
* Any page that still asks for a script or stylesheet on another host fails the
  build (a warning, and warnings are errors here).
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import plotly

PLOTLY_JS = "plotly.min.js"
MATHJAX_DIR = "mathjax"


def _plotly_js() -> Path:
    return Path(plotly.__file__).parent / "package_data" / PLOTLY_JS


def _mathjax_es5() -> Path:
    return Path(str(resources.files("mathjax"))) / "static" / "mathjax" / "es5"


def _stage_static(app) -> None:
    """Copy the assets into a folder under the build dir and add it to the static path."""
    staged = Path(app.outdir).parent / "offline_static"
    staged.mkdir(parents=True, exist_ok=True)
    target_js = staged / PLOTLY_JS
    source_js = _plotly_js()
    if not target_js.exists() or target_js.stat().st_size != source_js.stat().st_size:
        shutil.copyfile(source_js, target_js)
    target_mj = staged / MATHJAX_DIR
    if not (target_mj / "tex-chtml.js").exists():
        shutil.copytree(_mathjax_es5(), target_mj, dirs_exist_ok=True)
    app.config.html_static_path.append(str(staged))


def _add_plotly_where_needed(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if "plotly-graph-div" in body:
        app.add_js_file(PLOTLY_JS, priority=200)


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


def _no_citation_backlinks(app) -> None:
    """Citations without back-links: docutils puts a bare back-link ``<a>`` inside the
    ``role="list"`` citation list, which screen readers (and axe-core) reject."""
    app.env.settings["footnote_backlinks"] = False


def _accessible_citation_list(app, pagename, templatename, context, doctree) -> None:
    """docutils marks each bibliography entry ``role="doc-biblioentry"`` inside a
    ``role="list"``; a list may only hold list items (WAI-ARIA; axe-core reports it
    as critical), so entries are given ``role="listitem"``."""
    body = context.get("body", "")
    if 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app):
    app.connect("builder-inited", _stage_static)
    app.connect("builder-inited", _no_citation_backlinks)
    app.connect("html-page-context", _add_plotly_where_needed)
    app.connect("html-page-context", _drop_thebe, priority=800)
    app.connect("html-page-context", _drop_widget_state, priority=800)
    app.connect("html-page-context", _accessible_citation_list)
    app.connect("html-page-context", _refuse_remote_assets, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
