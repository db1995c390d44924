"""The Binder path: an environment built from requirements.txt alone runs every notebook.

repo2docker (Binder) creates an environment from ``requirements.txt`` and
``runtime.txt`` and nothing else. This test does the same in a new virtual
environment. That environment has no pytest or nbval (a reader's kernel needs
neither), so it is registered as a Jupyter kernel in a private data folder and
the development environment's nbval runs every notebook *in that kernel*,
comparing the key-number cells. It is slow (a minute or two) and runs as the
``fresh`` stage of ``make test``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "maintbook-fresh"
ABSENT_FROM_A_READERS_KERNEL = ("pytest", "nbval", "myst_nb", "sphinx", "jupyter_book",
                                "playwright", "hypothesis", "simpy", "ruff")

pytestmark = pytest.mark.slow


def test_runtime_names_the_python_we_run():
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert runtime == f"python-{sys.version_info.major}.{sys.version_info.minor}"


@pytest.fixture(scope="module")
def fresh_kernel(tmp_path_factory):
    """A venv from requirements.txt alone, registered as kernel KERNEL; yields (python, env)."""
    tmp = tmp_path_factory.mktemp("binder")
    env_dir = tmp / "binder-env"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-r", "requirements.txt"],
        cwd=ROOT, capture_output=True, text=True)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    prefix = tmp / "kernels"
    register = subprocess.run(
        [str(python), "-m", "ipykernel", "install", "--name", KERNEL, "--prefix", str(prefix)],
        capture_output=True, text=True)
    assert register.returncode == 0, register.stderr[-3000:]
    jupyter_path = prefix / "share" / "jupyter"
    spec = json.loads((jupyter_path / "kernels" / KERNEL / "kernel.json").read_text())
    assert Path(spec["argv"][0]) == python
    env = dict(os.environ, JUPYTER_PATH=str(jupyter_path))
    env.pop("VIRTUAL_ENV", None)
    return python, env


def test_the_fresh_environment_has_no_build_or_test_tool(fresh_kernel):
    python, _ = fresh_kernel
    code = ("import importlib.util as u, sys; "
            f"print(' '.join(m for m in {ABSENT_FROM_A_READERS_KERNEL!r} if u.find_spec(m)))")
    present = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                             check=True).stdout.split()
    assert present == []


def test_the_fresh_kernel_runs_in_the_fresh_environment(fresh_kernel, monkeypatch):
    from nbclient import NotebookClient

    python, env = fresh_kernel
    monkeypatch.setenv("JUPYTER_PATH", env["JUPYTER_PATH"])
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import sys, maintsim\nprint(sys.prefix)\nprint(maintsim.__file__)")])
    NotebookClient(nb, kernel_name=KERNEL, timeout=120).execute()
    prefix, maintsim_file = nb.cells[0].outputs[0]["text"].split()
    assert Path(prefix) == python.parent.parent
    assert Path(maintsim_file).is_relative_to(ROOT / "lib"), "maintsim from this repository"


def test_a_fresh_environment_from_requirements_runs_every_notebook(fresh_kernel):
    _, env = fresh_kernel
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-kernel-name", KERNEL, "-n", "2", "--dist", "loadfile", "chapters"],
        cwd=ROOT, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
