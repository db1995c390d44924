"""Run every benchmark in this folder, one after the other (``make bench``).

Benchmarks measure; they never fail because a machine is slow. Each script
prints its own table; this runner adds the wall time of each.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = sorted(HERE.glob("bench_*.py")) + [HERE / "simpy_fleet.py"]


def main() -> int:
    failed = []
    for script in SCRIPTS:
        print(f"\n=== {script.name} ===", flush=True)
        start = time.perf_counter()
        code = subprocess.run([sys.executable, str(script), ]).returncode
        print(f"--- {script.name}: {time.perf_counter() - start:.1f} s", flush=True)
        if code:
            failed.append(script.name)
    if failed:
        print(f"benchmarks that crashed: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
