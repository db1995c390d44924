"""Run every test stage of maintbook and print how long each took.

Stages (``--only NAME`` runs one):

lint     ruff over lib/, tests/, tools/, benchmarks/ and the notebooks
unit     pytest: maintsim's unit and property tests, notebook hygiene, chapter template
book     jupyter-book build -W -n --keep-going (see tools/build_book.py)
pdf      the built site printed as one PDF per edition (tools/build_pdf.py), before the browser
         stage, whose tests read the PDF and follow the site's link to it
browser  the built pages of both editions read as HTML, then Playwright + Debian's Chromium
         against _build/html (and _build/html/ja), and JupyterLab end to end
translations  the Japanese edition is complete: every catalogue string translated (none
         fuzzy), nothing left English in the last build, no chapter drawing English
         (fails until the translators finish; each failure names the pages and cells)
fresh    a new virtual environment from requirements.txt alone (as Binder builds it, with no
         test tools) is registered as a Jupyter kernel; nbval runs every notebook in that
         kernel, comparing the key-number cells (and cffconvert validates CITATION.cff)
nbval    the same nbval run in .venv (not part of the default run: `fresh` does it)

``fresh`` spends most of its time waiting for pip, so by default it starts first, in
the background, and the other stages run meanwhile; its output is printed at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]

STAGES = {
    "lint": [[str(BIN / "ruff"), "check", "lib", "tests", "tools", "benchmarks", "_ext",
              "chapters"]],
    "unit": [PYTEST + ["tests", "-m", "not browser and not slow and not built and not translations",
                       "-n", "2"]],
    "nbval": [PYTEST + ["--nbval-lax", "chapters", "-n", "2", "--dist", "loadfile"]],
    "book": [[sys.executable, "tools/build_book.py"]],
    "pdf": [[sys.executable, "tools/build_pdf.py"]],
    "browser": [PYTEST + ["tests", "-m", "(built or browser) and not translations"]],
    "translations": [PYTEST + ["tests", "-m", "translations"]],
    "fresh": [PYTEST + ["tests", "-m", "slow and not browser"]],
}


DEFAULT = ["lint", "unit", "book", "pdf", "browser", "translations"]
BACKGROUND = "fresh"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run maintbook's test stages.")
    parser.add_argument("--only", choices=list(STAGES))
    args = parser.parse_args(argv)
    names = [args.only] if args.only else DEFAULT
    env = dict(os.environ, PYTHONHASHSEED="0")
    timings, failed = [], []
    wall_start = time.perf_counter()
    background = None
    if not args.only:
        log = tempfile.NamedTemporaryFile("w+", prefix="maintbook-fresh-", suffix=".log",
                                          delete=False)
        print(f"=== {BACKGROUND} (in the background, log {log.name}) ===", flush=True)
        started = time.perf_counter()
        (command,) = STAGES[BACKGROUND]
        background = (subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                       stderr=subprocess.STDOUT), log, started)
    for name in names:
        print(f"\n=== {name} ===", flush=True)
        start = time.perf_counter()
        code = 0
        for command in STAGES[name]:
            code = subprocess.run(command, cwd=ROOT, env=env).returncode
            if code:
                break
        timings.append((name, time.perf_counter() - start, code))
        if code:
            failed.append(name)
    if background:
        process, log, started = background
        code = process.wait()
        timings.append((BACKGROUND, time.perf_counter() - started, code))
        log.seek(0)
        print(f"\n=== {BACKGROUND} (ran in the background) ===\n{log.read()}", flush=True)
        if code:
            failed.append(BACKGROUND)
    print("\nstage      seconds  result")
    for name, seconds, code in timings:
        print(f"{name:<9} {seconds:8.1f}  {'ok' if code == 0 else f'FAILED ({code})'}")
    print(f"{'wall':<9} {time.perf_counter() - wall_start:8.1f}  (fresh overlaps the others)")
    if failed:
        print(f"\nfailed stages: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
