"""The translation catalogues hold the prose, not the text that code wrote.

Two kinds of text on the pages come from code rather than from the prose:

* the **outputs of notebook cells** (a Markdown list a cell displays, a table it draws). The
  Japanese edition runs the notebooks again with ``MAINTBOOK_LANG=ja``, so the code draws those
  in Japanese itself (``maintsim.language``); a catalogue entry for them could never apply;
* the **API reference**, which autodoc reads from the library's docstrings. It stays English
  (``appendix/api.md`` says so on the page).

This transform marks both untranslatable before Sphinx extracts messages (``make locales``) or
applies translations (the Japanese build), so neither reaches a catalogue.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

DOCSTRING = "docstring of "
OUTPUT_CLASS = "cell_output"


def written_by_code(node: nodes.Element) -> bool:
    """Whether ``node`` is part of a cell's output, or of a docstring or an object description
    (its signature, its "Parameters" fields) that autodoc wrote."""
    if DOCSTRING in (node.source or ""):
        return True
    parent = node
    while parent is not None:
        if isinstance(parent, addnodes.desc):
            return True
        if isinstance(parent, nodes.container) and OUTPUT_CLASS in parent.get("classes", ()):
            return True
        parent = parent.parent
    return False


class CodeTextIsNotTranslated(SphinxTransform):
    """``translatable = False`` on every text element that code wrote."""

    default_priority = 10  # before sphinx.transforms.i18n.Locale (20) and before extraction

    def apply(self, **kwargs) -> None:
        for node in self.document.findall(nodes.TextElement):
            if written_by_code(node):
                node["translatable"] = False


def setup(app):
    app.add_transform(CodeTextIsNotTranslated)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
