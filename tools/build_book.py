"""Build the book with warnings as errors, never trusting a stale execution cache.

jupyter-cache decides whether to re-run a notebook from its code cells only, so a
change in ``lib/`` (or in the pinned environment) would otherwise hide behind the
cache. This script clears the cache when their fingerprint changes, and always
in CI (``CI`` set), then runs ``jupyter-book build . -W -n --keep-going``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
STAMP = BUILD / ".lib-fingerprint"


def fingerprint() -> str:
    digest = hashlib.sha256()
    files = sorted((ROOT / "lib").rglob("*.py")) + [ROOT / "requirements.txt"]
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main() -> int:
    BUILD.mkdir(exist_ok=True)
    current = fingerprint()
    stale = not STAMP.exists() or STAMP.read_text() != current
    if os.environ.get("CI") or stale:
        reason = "CI" if os.environ.get("CI") else "lib/ or requirements changed"
        print(f"build_book: clearing the execution cache ({reason})")
        shutil.rmtree(CACHE, ignore_errors=True)
    jb = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run([str(jb), "build", str(ROOT), "-W", "-n", "--keep-going"], cwd=ROOT)
    if result.returncode == 0:
        STAMP.write_text(current)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
