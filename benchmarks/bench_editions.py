"""How long `make book` takes per edition, cold and on an unchanged tree; what drawing in Japanese
costs the library.

* **Unchanged**: ``tools/build_book.py`` is run once to bring both editions up to date, then again;
  the second run's time per edition is what an author waits for after touching nothing.
* **Cold** (``--cold``): each edition's execution cache and doctrees are moved aside to a
  temporary folder, the edition is built from nothing, and they are put back. Minutes.
* **Drawing**: the 60-step survival figure of chapter 6 (540 hover sentences, each translated
  through the message table's templates) in English and in Japanese, best of 5.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import build_book, editions  # noqa: E402


def _build(edition: editions.Edition) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_book.py"), "--edition",
                    edition.lang], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _cold(edition: editions.Edition) -> float:
    work = build_book.work_dir(ROOT / "_build", edition)
    with tempfile.TemporaryDirectory() as aside:
        moved = []
        for name in (".jupyter_cache", ".doctrees", ".lib-fingerprint", ".pages-fingerprint"):
            if (work / name).exists():
                shutil.move(str(work / name), str(Path(aside) / name))
                moved.append(name)
        try:
            return _build(edition)
        finally:
            for name in (".jupyter_cache", ".doctrees"):
                shutil.rmtree(work / name, ignore_errors=True)
            for name in moved:
                target = work / name
                if target.is_file():
                    target.unlink()
                shutil.move(str(Path(aside) / name), str(target))


def _drawing() -> dict[str, float]:
    from maintsim import language
    from maintsim.figures import workload as fw

    best = {}
    for lang in ("en", "ja"):
        with language.using(lang):
            runs = []
            for _ in range(5):
                start = time.perf_counter()
                fw.survival_figure(range(1, 61), app_timeout_s=20.0, active_s=30.0, x_max_s=65)
                runs.append(time.perf_counter() - start)
        best[lang] = min(runs)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="also build each edition from nothing")
    args = parser.parse_args(argv)
    print("edition    unchanged s" + ("   cold s" if args.cold else ""))
    for edition in editions.EDITIONS:
        _build(edition)  # up to date first
        line = f"{edition.lang:<10} {_build(edition):11.1f}"
        if args.cold:
            line += f" {_cold(edition):8.1f}"
        print(line, flush=True)
    drawing = _drawing()
    print(f"\nsurvival figure, 60 steps: English {drawing['en'] * 1000:.0f} ms, "
          f"Japanese {drawing['ja'] * 1000:.0f} ms (x{drawing['ja'] / drawing['en']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
