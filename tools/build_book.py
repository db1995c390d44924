"""Build both editions of the book with warnings as errors, never trusting a stale execution cache.

One source, two sites (``tools/editions.py``): the English edition at ``_build/html/`` and the
Japanese one at ``_build/html/ja/`` (same page paths). Each edition is one Sphinx build through
Jupyter Book (``-W -n --keep-going``), in a process of its own with ``MAINTBOOK_LANG`` set to its
language, so the notebooks' figures and printed outputs come out in that language; a translated
edition also gets Sphinx's ``language`` (its prose comes from ``locales/<lang>/LC_MESSAGES/``).

Each edition keeps its own work folder (English: ``_build/``, Japanese: ``_build/ja/``) with its
execution cache (``.jupyter_cache``), its doctrees and its two fingerprints. jupyter-cache decides
whether to re-run a notebook from its code cells only, so a change in ``lib/`` (or in the pinned
environment) would otherwise hide behind the cache: this script clears an edition's cache when
their fingerprint changes, and always in CI (``CI`` set). Sphinx follows the catalogues itself
(a changed ``.po`` re-reads its page).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import editions  # noqa: E402

LANG_VAR = "MAINTBOOK_LANG"  # maintsim.language.ENV_VAR (not imported: the build env need not be)

# Inputs that change every page but no notebook: Sphinx does not track an extension's code, so
# when they change the pages are re-read and re-written (the execution cache stays).
PAGE_INPUTS = ("_ext/*.py", "_ext/templates/*", "tools/release.py", "tools/social_card.py",
               "tools/editions.py", "CITATION.cff", "_static/*")

# Run in a fresh interpreter per build: Sphinx, myst-nb and maintsim keep per-process state.
_CHILD = "import sys; from tools.build_book import run_sphinx; sys.exit(run_sphinx(sys.argv[1]))"


def page_inputs() -> list[Path]:
    return sorted(path for pattern in PAGE_INPUTS for path in ROOT.glob(pattern))


# What only a translated edition draws: a change here re-runs its notebooks, not the source's.
TRANSLATIONS = ROOT / "lib" / "maintsim" / "messages.py"


def library_inputs(edition: editions.Edition | None = None) -> list[Path]:
    """What the notebooks' outputs depend on besides their code: the library and the pinned
    environment; the message table only for a translated edition (English never reads it)."""
    files = sorted((ROOT / "lib").rglob("*.py")) + [ROOT / "requirements.txt",
                                                     ROOT / "requirements-dev.txt"]
    if edition is not None and edition.lang == editions.SOURCE:
        files.remove(TRANSLATIONS)
    return files


def fingerprint(files: list[Path] | None = None) -> str:
    digest = hashlib.sha256()
    if files is None:
        files = library_inputs()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def work_dir(build: Path, edition: editions.Edition) -> Path:
    """An edition's caches and doctrees: ``_build/`` for English, ``_build/<lang>/`` else."""
    return build / edition.prefix.rstrip("/") if edition.prefix else build


def site_dir(build: Path, edition: editions.Edition) -> Path:
    """Where an edition's pages go: ``_build/html/`` and ``_build/html/<lang>/``."""
    return build / "html" / edition.prefix


def run_sphinx(job_json: str) -> int:
    """One Sphinx build, as ``jupyter-book build`` runs it (``-W -n --keep-going``), with the
    configuration overrides of ``job_json``. Runs in a child process (see :data:`_CHILD`)."""
    from jupyter_book.sphinx import build_sphinx

    job = json.loads(job_json)
    result = build_sphinx(
        ROOT, Path(job["outdir"]), noconfig=True, path_config=str(ROOT / "_config.yml"),
        confoverrides=job["overrides"], doctreedir=Path(job["doctreedir"]),
        builder=job["builder"], warningiserror=job["strict"], keep_going=True)
    if isinstance(result, Exception):
        return 1
    return int(result or 0)


def sphinx_job(builder: str, outdir: Path, doctreedir: Path, cache: Path, toc: Path,
               lang: str | None, strict: bool = True) -> dict:
    overrides = {"external_toc_path": toc.as_posix(), "latex_individualpages": False,
                 "nitpicky": True, "nb_execution_cache_path": str(cache)}
    if lang and lang != editions.SOURCE:
        overrides["language"] = lang
    return {"builder": builder, "outdir": str(outdir), "doctreedir": str(doctreedir),
            "overrides": overrides, "strict": strict}


def spawn(job: dict, lang: str) -> int:
    env = dict(os.environ, **{LANG_VAR: lang})
    return subprocess.run([sys.executable, "-c", _CHILD, json.dumps(job)], cwd=ROOT,
                          env=env).returncode


def invalidate(work: Path, edition: editions.Edition) -> tuple[str, str]:
    """Clear an edition's execution cache (and doctrees) when the library or the environment
    changed since its last good build, and always in CI; clear its doctrees when the page inputs
    changed. Returns the two fingerprints to stamp once the build succeeds."""
    cache, doctrees = work / ".jupyter_cache", work / ".doctrees"
    stamp, pages_stamp = work / ".lib-fingerprint", work / ".pages-fingerprint"
    current, pages = fingerprint(library_inputs(edition)), fingerprint(page_inputs())
    stale = not stamp.exists() or stamp.read_text() != current
    if os.environ.get("CI") or stale:
        reason = "CI" if os.environ.get("CI") else "lib/ or requirements changed"
        print(f"build_book [{edition.lang}]: clearing the execution cache ({reason})")
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(doctrees, ignore_errors=True)
    if not pages_stamp.exists() or pages_stamp.read_text() != pages:
        print(f"build_book [{edition.lang}]: re-writing every page (_ext/, _static/ or release "
              "metadata changed)")
        shutil.rmtree(doctrees, ignore_errors=True)
    return current, pages


def build_edition(build: Path, edition: editions.Edition, toc: Path) -> int:
    work = work_dir(build, edition)
    work.mkdir(parents=True, exist_ok=True)
    current, pages = invalidate(work, edition)
    job = sphinx_job("html", site_dir(build, edition), work / ".doctrees",
                     work / ".jupyter_cache", toc, edition.lang)
    code = spawn(job, edition.lang)
    if code == 0:
        (work / ".lib-fingerprint").write_text(current)
        (work / ".pages-fingerprint").write_text(pages)
    return code


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Build the book's editions (warnings are errors).")
    parser.add_argument("--out", type=Path, default=ROOT,
                        help="folder that receives _build/ (the site is OUT/_build/html)")
    parser.add_argument("--toc", type=Path, default=None,
                        help="another table of contents, e.g. to build one chapter alone")
    parser.add_argument("--edition", choices=["all"] + [e.lang for e in editions.EDITIONS],
                        default="all", help="build one edition only (default: all)")
    args = parser.parse_args(argv)
    build = args.out.resolve() / "_build"
    toc = (args.toc or ROOT / "_toc.yml").resolve()
    timings, code = [], 0
    for edition in editions.EDITIONS:
        if args.edition not in ("all", edition.lang):
            continue
        start = time.perf_counter()
        code = build_edition(build, edition, toc)
        timings.append((edition, time.perf_counter() - start, code))
        if code:
            break
    for edition, seconds, result in timings:
        print(f"build_book: {edition.name} ({edition.lang}) -> "
              f"{site_dir(build, edition).relative_to(build.parent)} in {seconds:.1f} s"
              + ("" if result == 0 else f", FAILED ({result})"))
    return code


if __name__ == "__main__":
    sys.exit(main())
