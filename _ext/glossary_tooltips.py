"""Glossary term links show the term's definition on hover and on keyboard focus.

Every link to a glossary term (``{term}``) gets the term's definition, as plain text, in its
``title`` and the class ``term-link``. ``static/term-tooltips.js`` turns that title into a
small tooltip of the page itself (``role="tooltip"``, referenced by ``aria-describedby``
while it shows, closed with Escape) that appears on hover and on focus; without JavaScript
the browser's own title tooltip remains.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx import addnodes

ENV_KEY = "maintbook_term_definitions"
MAX_CHARS = 280


def tooltip_text(definition: str, max_chars: int = MAX_CHARS) -> str:
    """A definition as one short plain-text paragraph: whitespace collapsed (no space left
    before a full stop or comma), cut after the last whole sentence that fits in ``max_chars``
    (or at a word, with "…")."""
    text = re.sub(r"\s+([.,;:])", r"\1", " ".join(definition.split()))
    if len(text) <= max_chars:
        return text
    head = text[:max_chars]
    end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if end > max_chars // 3:
        return head[: end + 1]
    return head[: head.rfind(" ")].rstrip(",;:") + " …"


def _without_citations(definition: nodes.Element) -> nodes.Element:
    """A copy of a definition without its citations (still unresolved here: their text would
    be the BibTeX key); a tooltip gives the meaning, the glossary gives the sources."""
    copy = definition.deepcopy()
    for xref in list(copy.findall(addnodes.pending_xref)):
        if xref.get("refdomain") == "cite":
            xref.parent.remove(xref)
    return copy


def _definitions(env) -> dict[str, dict[str, str]]:
    if not hasattr(env, ENV_KEY):
        setattr(env, ENV_KEY, {})
    return getattr(env, ENV_KEY)


def _collect(app, doctree) -> None:
    """Remember the definition of every glossary term of this document, by its id."""
    found = {}
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            definition = next(iter(item.findall(nodes.definition)), None)
            if definition is None:
                continue
            text = tooltip_text(_without_citations(definition).astext())
            for term in item.findall(nodes.term):
                for term_id in term["ids"]:
                    found[term_id] = text
    docs = _definitions(app.env)
    docs.pop(app.env.docname, None)
    if found:
        docs[app.env.docname] = found


def _purge(app, env, docname) -> None:
    _definitions(env).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    _definitions(env).update(getattr(other, ENV_KEY, {}))


def _annotate(app, doctree, docname) -> None:
    """Put the definition into every resolved term link of this page."""
    by_id = {k: v for doc in _definitions(app.env).values() for k, v in doc.items()}
    for ref in doctree.findall(nodes.reference):
        if not any("std-term" in child.get("classes", []) for child in ref.children
                   if isinstance(child, nodes.Element)):
            continue
        target = ref.get("refid") or ref.get("refuri", "").partition("#")[2]
        if target in by_id:
            ref["reftitle"] = by_id[target]
            ref["classes"].append("term-link")


def setup(app):
    app.setup_extension("static_files")  # serves _ext/static/
    app.connect("doctree-read", _collect)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", _annotate)
    app.add_js_file("term-tooltips.js", loading_method="defer")
    app.add_css_file("term-tooltips.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0",
            "env_version": 2}
