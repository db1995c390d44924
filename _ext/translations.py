"""Sphinx's translation of a page, completed and checked.

In a translated edition (Sphinx's ``language`` is not the source's, ``tools/editions.py``):

* **Table of contents.** sphinx-external-toc inserts the toctrees of ``_toc.yml`` (priority 100)
  after Sphinx has translated the page (``Locale``, priority 20), so their part captions, which
  ``make locales`` does extract into the root document's catalogue, would stay English. A later
  transform applies that catalogue to them.
* **What stayed English.** Just before ``Locale``, every message of the page that Sphinx would
  translate (the very messages the gettext builder extracts) is looked up in the page's
  catalogue; those without a translation (missing, empty or fuzzy: a new or changed English
  string, or one nobody translated yet) are recorded, and the build writes them, page by page,
  to ``untranslated.json`` beside its doctrees (``_build/ja/untranslated.json``).
  ``tests/test_translations.py`` reads it: it catches an English edit that ``make locales`` has
  not brought into the catalogues, which the catalogues alone cannot show.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

REPORT = "untranslated.json"
ENV_KEY = "maintbook_untranslated"


def translated_edition(config) -> bool:
    return bool(config.language) and config.language != "en"


def page_catalog(env, config):
    """The gettext catalogue of the page being read (``None`` when it has none)."""
    domain = docname_to_domain(env.docname, config.gettext_compact)
    dirs = [str(Path(env.srcdir) / d) for d in config.locale_dirs]
    catalog, found = init_locale(dirs, config.language, domain)
    return catalog if found else None


def is_translated(catalog, message: str) -> bool:
    """Whether the page's catalogue has a translation of ``message``, or it has nothing to
    translate (no Latin letter: a number, or a title a Sphinx extension already wrote in the
    page's language). A translation may equal its English (an acronym, a formula, code)."""
    if not re.search(r"[A-Za-z]", message):
        return True
    return catalog is not None and bool(getattr(catalog, "_catalog", {}).get(message))


def _untranslated(env) -> dict[str, list[str]]:
    if not hasattr(env, ENV_KEY):
        setattr(env, ENV_KEY, {})
    return getattr(env, ENV_KEY)


class RecordUntranslated(SphinxTransform):
    """Note each message of the page that its catalogue does not translate."""

    default_priority = 19  # just before sphinx.transforms.i18n.Locale (20)

    def apply(self, **kwargs) -> None:
        if not translated_edition(self.config):
            return
        catalog = page_catalog(self.env, self.config)
        missing = [message for _, message in extract_messages(self.document)
                   if not is_translated(catalog, message)]
        _untranslated(self.env)[self.env.docname] = list(dict.fromkeys(missing))


class TranslateTocCaptions(SphinxTransform):
    """The table of contents' captions ("Part I: ...") from the root page's catalogue."""

    default_priority = 110  # after sphinx_external_toc.events.InsertToctrees (100)

    def apply(self, **kwargs) -> None:
        if not translated_edition(self.config):
            return
        catalog = page_catalog(self.env, self.config)
        record = _untranslated(self.env).setdefault(self.env.docname, [])
        for toctree in self.document.findall(addnodes.toctree):
            toctree.preserve_original_messages()
            for message in toctree.extract_original_messages():
                if is_translated(catalog, message):
                    toctree.apply_translated_message(message, catalog.gettext(message))
                elif message not in record:
                    record.append(message)


def _purge(app, env, docname) -> None:
    _untranslated(env).pop(docname, None)


def _merge(app, env, docnames, other) -> None:
    _untranslated(env).update(getattr(other, ENV_KEY, {}))


def _write_report(app, exception) -> None:
    if exception is not None or not translated_edition(app.config):
        return
    found = set(app.env.found_docs)
    report = {doc: messages for doc, messages in sorted(_untranslated(app.env).items())
              if doc in found}
    path = Path(app.doctreedir).parent / REPORT
    path.write_text(json.dumps({"language": app.config.language, "pages": report},
                               ensure_ascii=False, indent=1), encoding="utf-8")


def setup(app):
    app.add_transform(RecordUntranslated)
    app.add_transform(TranslateTocCaptions)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _write_report)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0",
            "env_version": 1}
