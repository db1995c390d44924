"""Two editions of one book: a language switcher on every page, and the Japanese site's chrome.

``tools/build_book.py`` builds the book once per edition of ``tools/editions.py``: English at the
site's root, Japanese in ``ja/`` with Sphinx's ``language`` set to ``ja`` (so its prose comes from
``locales/ja/LC_MESSAGES/``, ``<html lang="ja">`` and the search index uses Sphinx's Japanese
splitter) and ``MAINTBOOK_LANG=ja`` in the kernels (so its figures are drawn in Japanese).

* **Switcher.** The article header of every page links to the same page in every other edition
  (``templates/language-switcher.html``): the link names the language in that language and
  marks it with ``lang`` and ``hreflang``, so a screen reader says 「日本語」 in Japanese.
* **Chrome.** The words that come from ``_config.yml`` rather than from a document (the book's
  title, the logo's alternative text, the footer) are drawn from ``maintsim``'s message table
  (:mod:`maintsim.language`) in the edition's language; a missing translation fails the build.
* **Scratch folders.** myst-nb keeps its executed notebooks beside the output folder; the
  Japanese output folder lies inside the English site, so they are moved next to its doctrees.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import editions  # noqa: E402

from maintsim import language  # noqa: E402

TEMPLATES = Path(__file__).resolve().parent / "templates"
SWITCHER = "language-switcher.html"
READ_IN = {"en": "Read this page in English", "ja": "Read this page in Japanese"}
"""The tooltip of a link to each edition; drawn in the language it leads to."""


def current(app) -> editions.Edition:
    return editions.edition(app.config.language)


def _translate_chrome(app, config) -> None:
    """The configured words of the page frame in the edition's language."""
    if str(TEMPLATES) not in config.templates_path:
        config.templates_path.append(str(TEMPLATES))
    options = config.html_theme_options
    header = list(options.get("article_header_end") or ["article-header-buttons.html"])
    if SWITCHER not in header:
        options["article_header_end"] = [SWITCHER, *header]
    lang = current(app).lang
    if lang == editions.SOURCE:
        return
    with language.using(lang):
        config.html_title = language.text(config.html_title)
        logo = options.get("logo")
        if isinstance(logo, dict) and logo.get("alt_text"):
            options["logo"] = {**logo, "alt_text": language.text(logo["alt_text"])}
        if options.get("extra_footer"):
            options["extra_footer"] = language.text(options["extra_footer"].strip())


def _keep_scratch_out_of_the_site(app) -> None:
    """myst-nb writes executed notebooks to ``<outdir>/../jupyter_execute``: for ``_build/html/ja``
    that is inside the English site, so each edition keeps them beside its own doctrees."""
    config = getattr(app.env, "mystnb_config", None)
    if config is None:
        return
    scratch = Path(app.doctreedir).parent / "jupyter_execute"
    app.env.mystnb_config = config.copy(output_folder=str(scratch.resolve()))


def switcher_links(pagename: str, lang: str) -> list[dict[str, str]]:
    """The switcher's links from page ``pagename`` of edition ``lang``: one per other edition."""
    links = []
    for other in editions.EDITIONS:
        if other.lang == editions.edition(lang).lang:
            continue
        with language.using(other.lang):
            title = language.text(READ_IN[other.lang])
        links.append({"lang": other.lang, "name": other.name, "short": other.short, "title": title,
                      "href": editions.counterpart_href(pagename, lang, other.lang)})
    return links


def _add_switcher(app, pagename, templatename, context, doctree) -> None:
    lang = current(app).lang
    context["maintbook_editions"] = switcher_links(pagename, lang)
    with language.using(lang):
        context["maintbook_editions_label"] = language.text("Language")


def setup(app):
    app.setup_extension("static_files")  # serves _ext/static/
    app.add_css_file("editions.css")
    app.connect("config-inited", _translate_chrome, priority=400)  # before book_meta's footer
    app.connect("builder-inited", _keep_scratch_out_of_the_site, priority=900)  # after myst-nb
    app.connect("html-page-context", _add_switcher)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
