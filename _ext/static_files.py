"""The book's own static files (``_ext/static/``): served from ``_static/``, kept fresh.

Sphinx copies static files only when it writes pages, and it writes only the pages whose
source changed; a change to a script here alone would leave the old copy on the site. The
digest of this folder is a configuration value that asks for the HTML to be rewritten, so a
changed script or stylesheet reaches every page at the next build.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"


def digest(files=None) -> str:
    """A short digest of ``files`` (default: every file of ``_ext/static/``), names and bytes."""
    h = hashlib.sha256()
    for file in sorted(STATIC.iterdir()) if files is None else files:
        h.update(file.name.encode() + b"\0" + file.read_bytes())
    return h.hexdigest()[:16]


def _add_static(app) -> None:
    if str(STATIC) not in app.config.html_static_path:
        app.config.html_static_path.append(str(STATIC))


def setup(app):
    app.add_config_value("maintbook_static_digest", digest(), "html")
    app.connect("builder-inited", _add_static)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
