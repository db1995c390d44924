"""Fetch the plotly.js partial bundle the site serves, from the npm registry, and check it.

The site draws every figure with a partial build of plotly.js (the cartesian traces only:
scatter, bar, histogram, box, heatmap, ...), not the 4.8 MB full build inside the ``plotly``
Python package. The bundle is committed under ``lib/maintsim/figures/vendor/`` so that the book
builds offline; this script is how it got there and how to refresh it after a plotly upgrade::

    python tools/vendor_plotly.py fetch   # npm pack NAME@VERSION, verify, unpack, record
    python tools/vendor_plotly.py check   # the committed files match the record (no network)

VERSION is always the plotly.js version of the pinned ``plotly`` package
(``plotly.offline.get_plotlyjs_version()``), so the figures the notebooks produce and the
library that draws them on the site agree. ``fetch`` checks the tarball against the
registry's published ``dist.integrity`` (SHA-512) before it unpacks anything, then records the
SHA-256 of the unpacked file in ``bundle.json``; ``check`` recomputes it.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "lib" / "maintsim" / "figures" / "vendor"
PACKAGE = "plotly.js-cartesian-dist-min"
BUNDLE_FILE = "plotly-cartesian.min.js"
RECORD = VENDOR / "bundle.json"


def plotlyjs_version() -> str:
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _npm(*args: str, cwd: Path | None = None) -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to fetch the bundle (apt-get install npm)")
    return subprocess.run([npm, *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout.strip()


def fetch() -> int:
    version = plotlyjs_version()
    spec = f"{PACKAGE}@{version}"
    integrity = _npm("view", spec, "dist.integrity")
    algorithm, _, digest_b64 = integrity.partition("-")
    if algorithm != "sha512":
        raise SystemExit(f"unexpected integrity {integrity!r} for {spec}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        tarball = tmp / _npm("pack", spec, "--silent", cwd=tmp).splitlines()[-1]
        actual = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if actual != digest_b64:
            raise SystemExit(f"{tarball.name}: SHA-512 {actual} != registry's {digest_b64}")
        with tarfile.open(tarball) as archive:
            for name in (BUNDLE_FILE, "LICENSE"):
                member = archive.getmember(f"package/{name}")
                (VENDOR / ("LICENSE-plotly.js" if name == "LICENSE" else name)).write_bytes(
                    archive.extractfile(member).read())
    record = {
        "package": PACKAGE,
        "version": version,
        "file": BUNDLE_FILE,
        "npm_integrity": integrity,
        "sha256": _sha256(VENDOR / BUNDLE_FILE),
        "refetch": "python tools/vendor_plotly.py fetch",
    }
    RECORD.write_text(json.dumps(record, indent=2) + "\n")
    print(f"vendored {spec} ({(VENDOR / BUNDLE_FILE).stat().st_size:,} bytes), integrity ok")
    return 0


def check() -> list[str]:
    """Problems with the committed bundle (an empty list when it is the recorded file)."""
    if not RECORD.exists():
        return [f"{RECORD.relative_to(ROOT)} is missing: run `python tools/vendor_plotly.py fetch`"]
    record = json.loads(RECORD.read_text())
    problems = []
    bundle = VENDOR / record["file"]
    if not bundle.exists():
        return [f"{bundle.relative_to(ROOT)} is missing"]
    if _sha256(bundle) != record["sha256"]:
        problems.append(f"{bundle.name} differs from the file fetched from npm")
    if record["version"] != plotlyjs_version():
        problems.append(f"bundle is plotly.js {record['version']}, the plotly package uses "
                        f"{plotlyjs_version()}: run `python tools/vendor_plotly.py fetch`")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["fetch", "check"])
    args = parser.parse_args(argv)
    if args.command == "fetch":
        return fetch()
    problems = check()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
