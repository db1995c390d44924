"""Citations and the bibliography that screen readers (and axe-core) accept."""

from __future__ import annotations


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
    app.connect("builder-inited", _no_citation_backlinks)
    app.connect("html-page-context", _accessible_citation_list)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
