"""The release's metadata, each piece written in one place and derived everywhere else.

* the version: ``maintsim.__version__`` in ``lib/maintsim/__init__.py`` (pyproject.toml,
  the site footer and CITATION.cff read it);
* the repository: ``repository.url`` and ``repository.branch`` in ``_config.yml`` (the
  launch buttons, the notebooks' install cell, the site's address and CITATION.cff read it);
* the site's address: GitHub Pages of that repository, unless ``html.baseurl`` says otherwise;
* what the book is (title, abstract, authors, licences, keywords): ``CITATION.cff``, which the
  site's link previews read and a future PDF edition can read too.

``CITATION.cff`` repeats the version and the two addresses because a citation file must stand
alone; ``refresh`` rewrites those lines from their sources and ``check`` (a unit test runs it)
fails when they have drifted::

    python tools/release.py refresh   # rewrite version, repository-code and url in CITATION.cff
    python tools/release.py check     # exit 1 if CITATION.cff disagrees with its sources
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "_config.yml"
CITATION = ROOT / "CITATION.cff"
VERSION_FILE = ROOT / "lib" / "maintsim" / "__init__.py"


def version(path: Path = VERSION_FILE) -> str:
    """``__version__`` of maintsim, read without importing it (as setuptools reads it)."""
    for node in ast.parse(path.read_text()).body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and getattr(node.targets[0], "id", None) == "__version__"):
            return ast.literal_eval(node.value)
    raise ValueError(f"no __version__ = '...' in {path}")


def config(path: Path = CONFIG) -> dict:
    return yaml.safe_load(path.read_text())


def repository_url(cfg: dict | None = None) -> str:
    return (cfg or config())["repository"]["url"].rstrip("/")


def pages_url(repository: str) -> str:
    """GitHub Pages address of a GitHub repository, with a trailing slash.

    ``https://github.com/OWNER/REPO`` is published at ``https://OWNER.github.io/REPO/``
    (and ``OWNER/OWNER.github.io`` at ``https://OWNER.github.io/``).
    """
    parsed = urlparse(repository)
    parts = [p for p in parsed.path.split("/") if p]
    if parsed.netloc.lower() != "github.com" or len(parts) != 2:
        raise ValueError(f"repository must be https://github.com/OWNER/REPO, got {repository!r}"
                         " (or set html.baseurl in _config.yml)")
    owner, repo = parts[0], parts[1].removesuffix(".git")
    host = f"{owner.lower()}.github.io"
    return f"https://{host}/" if repo.lower() == host else f"https://{host}/{repo}/"


def site_url(cfg: dict | None = None) -> str:
    """Where the site is published: ``html.baseurl`` if set, else GitHub Pages of the repo."""
    cfg = cfg or config()
    base = (cfg.get("html") or {}).get("baseurl")
    if base:
        return base.rstrip("/") + "/"
    return pages_url(repository_url(cfg))


def citation_fields(cfg: dict | None = None, release: str | None = None) -> dict[str, str]:
    """The lines of CITATION.cff that are derived, as ``{key: value}``."""
    cfg = cfg or config()
    return {"version": release or version(), "repository-code": repository_url(cfg),
            "url": site_url(cfg)}


def refreshed(text: str, fields: dict[str, str]) -> str:
    """``text`` (a CITATION.cff) with each top-level ``key: value`` line of ``fields`` rewritten."""
    for key, value in fields.items():
        line = f'{key}: "{value}"'
        text, count = re.subn(rf"^{re.escape(key)}:.*$", line, text, flags=re.M)
        if count != 1:
            raise ValueError(f"CITATION.cff must have exactly one top-level {key!r} line, "
                             f"found {count}")
    return text


def citation(path: Path = CITATION) -> dict:
    return yaml.safe_load(path.read_text())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["refresh", "check"])
    args = parser.parse_args(argv)
    text = CITATION.read_text()
    fresh = refreshed(text, citation_fields())
    if args.command == "refresh":
        CITATION.write_text(fresh)
        return 0
    if fresh != text:
        print("CITATION.cff disagrees with maintsim.__version__ or _config.yml: "
              "run `python tools/release.py refresh`")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
