"""The look of the chapter template's two boxes, ``Assumptions`` and ``Sources and confidence``.

Chapters write them as ``:::{admonition} Assumptions`` with ``:class: assumptions`` and
``:::{admonition} Sources and confidence`` with ``:class: sources`` (CONTRIBUTING.md);
``static/admonitions.css`` gives the two classes the theme's colours and icons.
"""

from __future__ import annotations


def setup(app):
    app.setup_extension("static_files")  # serves _ext/static/
    app.add_css_file("admonitions.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
