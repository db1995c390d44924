"""Phone navigation: the chapter-list and "On this page" buttons open their drawers.

pydata-sphinx-theme 0.17.x with sphinx-book-theme renders two buttons of each kind and wires
only the first, which is hidden on narrow screens (pydata-sphinx-theme issue #2451; the
theme pinned with sphinx-book-theme 1.3.0 is 0.17.1, and sphinx-book-theme 1.4 needs
Sphinx 8.2, which Jupyter Book 1 does not support). ``static/nav-toggles.js`` forwards a click
on any other button to the wired one. Remove this extension once the themes fix it.

``static/layout.css`` hides the top bar on wide screens, where its only content is a second
search field (the sidebar has one).
"""

from __future__ import annotations

SCRIPT = "nav-toggles.js"


def setup(app):
    app.setup_extension("static_files")  # serves _ext/static/
    app.add_js_file(SCRIPT, loading_method="defer")
    app.add_css_file("layout.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
