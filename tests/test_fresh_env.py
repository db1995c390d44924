"""The Binder path: an environment built from requirements.txt alone runs every notebook.

repo2docker (Binder) creates an environment from ``requirements.txt`` and
``runtime.txt`` and nothing else. This test does the same in a new virtual
environment, then runs every notebook with nbval inside it, comparing the
key-number cells. It is slow (a minute or two) and runs as the ``fresh`` stage
of ``make test``.
"""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_runtime_names_the_python_we_run():
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"


def test_requirements_pin_every_package_exactly():
    lines = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    packages = [line for line in lines if line and not line.startswith("#")]
    assert "-e ." in packages, "requirements.txt installs maintsim from the repository"
    loose = [p for p in packages if p != "-e ." and "==" not in p]
    assert loose == [], f"not pinned with ==: {loose}"


def test_a_fresh_environment_from_requirements_runs_every_notebook(tmp_path):
    env_dir = tmp_path / "binder-env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-r", "requirements.txt"],
        cwd=ROOT, capture_output=True, text=True)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    run = subprocess.run(
        [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "-n", "2", "--dist", "loadfile", "chapters"],
        cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
