"""Build the book with warnings as errors, never trusting a stale execution cache.

jupyter-cache decides whether to re-run a notebook from its code cells only, so a
change in ``lib/`` (or in the pinned environment) would otherwise hide behind the
cache. This script clears the cache when their fingerprint changes, and always
in CI (``CI`` set), then runs ``jupyter-book build . -W -n --keep-going``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# Inputs that change every page but no notebook: Sphinx does not track an extension's code, so
# when they change the pages are re-read and re-written (the execution cache stays).
PAGE_INPUTS = ("_ext/*.py", "tools/release.py", "tools/social_card.py", "CITATION.cff",
               "_static/*")


def page_inputs() -> list[Path]:
    return sorted(path for pattern in PAGE_INPUTS for path in ROOT.glob(pattern))


def fingerprint(files: list[Path] | None = None) -> str:
    digest = hashlib.sha256()
    if files is None:
        files = sorted((ROOT / "lib").rglob("*.py")) + [ROOT / "requirements.txt",
                                                         ROOT / "requirements-dev.txt"]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the book (warnings are errors).")
    parser.add_argument("--out", type=Path, default=ROOT,
                        help="folder that receives _build/ (the site is OUT/_build/html)")
    parser.add_argument("--toc", type=Path, default=None,
                        help="another table of contents, e.g. to build one chapter alone")
    args = parser.parse_args(argv)
    build = args.out.resolve() / "_build"
    cache = build / ".jupyter_cache"  # jupyter-book's default place for the cache
    stamp = build / ".lib-fingerprint"
    build.mkdir(parents=True, exist_ok=True)
    current = fingerprint()
    stale = not stamp.exists() or stamp.read_text() != current
    if os.environ.get("CI") or stale:
        reason = "CI" if os.environ.get("CI") else "lib/ or requirements changed"
        print(f"build_book: clearing the execution cache ({reason})")
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(build / ".doctrees", ignore_errors=True)
    pages_stamp, pages = build / ".pages-fingerprint", fingerprint(page_inputs())
    if not pages_stamp.exists() or pages_stamp.read_text() != pages:
        print("build_book: re-writing every page (_ext/, _static/ or release metadata changed)")
        shutil.rmtree(build / ".doctrees", ignore_errors=True)
    jb = Path(sys.executable).parent / "jupyter-book"
    command = [str(jb), "build", str(ROOT), "-W", "-n", "--keep-going",
               "--path-output", str(build.parent)]
    if args.toc:
        command += ["--toc", str(args.toc.resolve())]
    result = subprocess.run(command, cwd=ROOT)
    if result.returncode == 0:
        stamp.write_text(current)
        pages_stamp.write_text(pages)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
