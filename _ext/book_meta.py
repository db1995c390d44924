"""Release metadata on every page: the version in the footer, the site's address, link previews.

* The version is ``maintsim.__version__`` (read by ``tools/release.py``), set as Sphinx's
  ``version`` and ``release`` (a PDF build can use them too) and shown in the footer, with
  links to ``CITATION.cff`` and ``CHANGELOG.md`` in the repository.
* ``html_baseurl`` (``html.baseurl`` in ``_config.yml``), when not set, is the GitHub Pages
  address of ``repository.url``: Sphinx then writes each page's canonical link.
* Each page gets a description and Open Graph / Twitter card tags: its title, its first
  paragraph (a chapter's one-line promise) or else the abstract of ``CITATION.cff``, and the
  social card ``_static/social-card.png`` (a real figure of the book, ``tools/social_card.py``).
* Both editions (``tools/editions.py``) know of each other: each page names its own locale and
  the others' (``og:locale``, ``og:locale:alternate``) and links to its counterparts with
  ``<link rel="alternate" hreflang>``. A translated edition's address is the site's address
  plus its folder (``ja/``), and its footer, abstract and card description come from
  ``maintsim``'s message table in its language.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from docutils import nodes

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import editions, release, social_card  # noqa: E402

from maintsim import language  # noqa: E402

DESCRIPTION_CHARS = 200
CARD_PATH = "_static/social-card.png"


def _edition(config) -> editions.Edition:
    return editions.edition(config.language)


def _configure(app, config) -> None:
    version = release.version()
    config.version = config.release = version
    options = config.html_theme_options
    repository = options.get("repository_url", "").rstrip("/")
    branch = options.get("repository_branch", "main")
    site_root = (config.html_baseurl or release.pages_url(repository)).rstrip("/") + "/"
    config.maintbook_site_root = site_root
    edition = _edition(config)
    config.html_baseurl = site_root + edition.prefix
    with language.using(edition.lang):
        labels = (("CITATION.cff", language.text("how to cite it")),
                  ("CHANGELOG.md", language.text("changes")))
    links = " · ".join(
        f'<a href="{repository}/blob/{branch}/{name}">{label}</a>' for name, label in labels)
    options["extra_footer"] = (options.get("extra_footer") or "") + (
        f'<p class="maintbook-release">maintbook {html.escape(version)} · {links}</p>')


def _check_card(app) -> None:
    if not (ROOT / CARD_PATH).exists():
        from sphinx.util import logging

        logging.getLogger(__name__).warning(
            "%s is missing: run `python tools/social_card.py`", CARD_PATH,
            type="book_meta", subtype="card")


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def first_paragraph(doctree) -> str | None:
    """The text of the page's first paragraph that stands directly in a section."""
    if doctree is None:
        return None
    for paragraph in doctree.findall(nodes.paragraph):
        if isinstance(paragraph.parent, nodes.section) and paragraph.astext().strip():
            return paragraph.astext()
    return None


def page_title(doctree, context) -> str:
    if doctree is not None:
        for section in doctree.findall(nodes.section):
            return section.next_node(nodes.title).astext()
    return html.unescape(re.sub(r"<[^>]+>", "", context.get("title", "")))


def alternate_links(site_root: str, target_uri: str) -> str:
    """``<link rel="alternate" hreflang>`` to the page ``target_uri`` in every edition, and
    ``x-default`` to the source edition."""
    links = [(e.lang, site_root + e.prefix + target_uri) for e in editions.EDITIONS]
    links.append(("x-default", site_root + editions.edition(editions.SOURCE).prefix + target_uri))
    return "".join(f'\n<link rel="alternate" hreflang="{lang}" href="{html.escape(href)}" />'
                   for lang, href in links)


def _page_meta(app, pagename, templatename, context, doctree) -> None:
    base = app.config.html_baseurl.rstrip("/") + "/"
    site = app.config.html_title or app.config.project
    title = page_title(doctree, context) or site
    edition = _edition(app.config)
    with language.using(edition.lang):
        abstract = language.text(" ".join(release.citation()["abstract"].split()))
        card_alt = language.text(social_card.ALT)
    description = shorten(first_paragraph(doctree) or abstract)
    target_uri = app.builder.get_target_uri(pagename)
    tags = [
        ("name", "description", description),
        ("property", "og:type", "website"),
        ("property", "og:site_name", site),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", base + target_uri),
        ("property", "og:locale", edition.locale),
        *(("property", "og:locale:alternate", other.locale) for other in editions.EDITIONS
          if other is not edition),
        ("property", "og:image", base + CARD_PATH),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", str(social_card.WIDTH_PX)),
        ("property", "og:image:height", str(social_card.HEIGHT_PX)),
        ("property", "og:image:alt", card_alt),
        ("name", "twitter:card", "summary_large_image"),
    ]
    context["metatags"] = context.get("metatags", "") + "".join(
        f'\n<meta {kind}="{name}" content="{html.escape(value, quote=True)}" />'
        for kind, name, value in tags) + alternate_links(app.config.maintbook_site_root,
                                                        target_uri)


def setup(app):
    app.add_config_value("maintbook_site_root", "", "html")
    app.connect("config-inited", _configure)
    app.connect("builder-inited", _check_card)
    app.connect("html-page-context", _page_meta)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
