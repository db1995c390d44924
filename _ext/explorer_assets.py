"""Bring the freeze-time explorer to life on the static site.

A notebook cell that shows :class:`maintsim.explorer.Explorer` leaves an HTML twin in the page: a
``<div data-maintbook-explorer>`` holding its settings as JSON. This extension serves the
explorer's own ES module and stylesheet (copied from the installed ``maintsim`` package, so the
site runs exactly the code the Jupyter widget runs) and, on each page that holds such a ``div``,
adds the stylesheet, plotly.js and a one-line module script that mounts every explorer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import static_files

from maintsim import explorer
from maintsim.figures.plotting import PLOTLY_JS_PATH

MODULE = "maintbook-explorer.js"
STYLESHEET = "maintbook-explorer.css"
MARK = "data-maintbook-explorer"


def _stage_static(app) -> None:
    # beside the doctrees, as offline_assets (the Japanese site lies inside the English one)
    staged = Path(app.doctreedir).parent / "explorer_static"
    staged.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(explorer.ESM_PATH, staged / MODULE)
    shutil.copyfile(explorer.CSS_PATH, staged / STYLESHEET)
    app.config.html_static_path.append(str(staged))


def _add_to_explorer_pages(app, pagename, templatename, context, doctree) -> None:
    if MARK not in context.get("body", ""):
        return
    app.add_css_file(STYLESHEET)
    app.add_js_file(PLOTLY_JS_PATH.name, priority=200)  # Sphinx adds a page's file only once
    module = context["pathto"](f"_static/{MODULE}", 1)
    app.add_js_file(None, type="module", priority=900,
                    body=f'import {{ mountAll }} from "{module}";\nmountAll();')


def setup(app):
    # Sphinx copies static files only when it writes pages: a changed module or stylesheet asks
    # for the HTML to be rewritten (as static_files does for _ext/static/).
    app.setup_extension("static_files")
    app.add_config_value("maintbook_explorer_digest",
                         static_files.digest([explorer.ESM_PATH, explorer.CSS_PATH]), "html")
    app.connect("builder-inited", _stage_static)
    app.connect("html-page-context", _add_to_explorer_pages)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
