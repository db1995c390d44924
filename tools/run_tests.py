"""Run every test stage of maintbook and print how long each took.

Stages, in order (``--only NAME`` runs one):

lint     ruff over lib/, tests/, tools/, benchmarks/ and the notebooks
unit     pytest: maintsim's unit and property tests, notebook hygiene, chapter template
nbval    pytest --nbval-lax: every notebook runs; key-number cells are compared
book     jupyter-book build -W -n --keep-going (see tools/build_book.py)
browser  Playwright + Debian's Chromium against _build/html, and JupyterLab end to end
fresh    a new virtual environment from requirements.txt alone runs every notebook
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]

STAGES = {
    "lint": [[str(BIN / "ruff"), "check", "lib", "tests", "tools", "benchmarks", "_ext",
              "chapters"]],
    "unit": [PYTEST + ["tests", "-m", "not browser and not slow", "-n", "2"]],
    "nbval": [PYTEST + ["--nbval-lax", "chapters", "-n", "2", "--dist", "loadfile"]],
    "book": [[sys.executable, "tools/build_book.py"]],
    "browser": [PYTEST + ["tests", "-m", "browser"]],
    "fresh": [PYTEST + ["tests", "-m", "slow and not browser"]],
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Run maintbook's test stages.")
    parser.add_argument("--only", choices=list(STAGES))
    args = parser.parse_args(argv)
    names = [args.only] if args.only else list(STAGES)
    env = dict(os.environ, PYTHONHASHSEED="0")
    timings, failed = [], []
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
    print("\nstage      seconds  result")
    for name, seconds, code in timings:
        print(f"{name:<9} {seconds:8.1f}  {'ok' if code == 0 else f'FAILED ({code})'}")
    print(f"{'total':<9} {sum(t for _, t, _ in timings):8.1f}")
    if failed:
        print(f"\nfailed stages: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
