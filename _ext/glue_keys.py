"""Glued key numbers name their key on the page, and stay glued in translated prose.

``{glue:text}`ch05_p99_s``` becomes ``<span class="pasted-text" data-glue-key="ch05_p99_s">``:
a test can then compare every glued number of an English page with its Japanese counterpart
(``tests/test_editions.py``), and a reader's tools can find where a number came from.

The Japanese edition needs a second repair. Sphinx translates a paragraph by parsing its
translated text as a small document of its own, which lacks the notebook that myst-nb attaches
to the page's document while it parses it (``document["nb_renderer"]``), so every glue role in
translated prose would fail to find its value. The role keeps that notebook for the rest of the
page's reading (``env.temp_data``, which Sphinx clears after each page) when it meets it in the
English text, and lends it to the translated paragraphs of the same page, which Sphinx parses
afterwards (its ``Locale`` transform).
"""

from __future__ import annotations

from docutils import nodes
from myst_nb.ext.glue.roles import PasteTextRole

TEMP_KEY = "maintbook_nb_renderer"
TRANSLATED = "<translated>"


class glued_text(nodes.inline):
    """A glued value: an inline (every builder draws it so) that knows its key."""


def visit_glued_text_html(self, node: glued_text) -> None:
    self.body.append(self.starttag(node, "span", "", **{"data-glue-key": node["glue_key"]}))


def depart_glued_text_html(self, node: glued_text) -> None:
    self.body.append("</span>")


class KeyedPasteTextRole(PasteTextRole):
    """myst-nb's ``glue:text`` role, whose result names its key."""

    def run(self):
        document = self.document
        temp = document.settings.env.temp_data
        lent = False
        if "nb_renderer" in document:
            temp[TEMP_KEY] = document["nb_renderer"]
        elif document.current_source.endswith(TRANSLATED) and TEMP_KEY in temp:
            document["nb_renderer"], lent = temp[TEMP_KEY], True
        try:
            result, messages = super().run()
        finally:
            if lent:  # the translated nodes keep their document: it must stay picklable
                del document["nb_renderer"]
        key = self.text.rsplit(":", 1)[0].split("::", 1)[-1]
        keyed = []
        for node in result:
            if isinstance(node, nodes.inline) and "pasted-text" in node["classes"]:
                glued = glued_text(node.rawsource, "", *node.children, **node.attributes)
                glued["glue_key"] = key
                node = glued
            keyed.append(node)
        return keyed, messages


def setup(app):
    app.setup_extension("myst_nb")
    app.add_node(glued_text, html=(visit_glued_text_html, depart_glued_text_html))
    app.add_role_to_domain("glue", "text", KeyedPasteTextRole(), override=True)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
