"""Read it anywhere: a lean reader's environment that Binder builds, and a citable release."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Nothing a reader's kernel runs: test runners, browsers, the book builder, linters, benchmarks.
BUILD_AND_TEST_TOOLS = re.compile(
    r"^(pytest|pytest-.+|nbval|coverage|hypothesis|playwright|axe-playwright-.+|"
    r"sphinx.*|jupyter-book|myst-nb|myst-parser|jupyter-cache|jupytext|ruff|simpy|"
    r"jupyter-repo2docker)$")


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _requirements(name: str) -> list[str]:
    lines = [line.strip() for line in (ROOT / name).read_text().splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def test_a_readers_requirements_hold_no_build_or_test_tool():
    names = [_name(r) for r in _requirements("requirements.txt") if not r.startswith("-")]
    assert [n for n in names if BUILD_AND_TEST_TOOLS.match(n)] == []
    for needed in ("numpy", "scipy", "plotly", "ipywidgets", "anywidget", "jupyterlab",
                   "ipykernel"):
        assert needed in names, f"a reader's kernel needs {needed}"


def test_dev_requirements_add_the_build_and_test_stack_to_exactly_what_a_reader_gets():
    dev = _requirements("requirements-dev.txt")
    assert dev[0] == "-r requirements.txt"
    reader = {_name(r) for r in _requirements("requirements.txt") if not r.startswith("-")}
    extra = [_name(r) for r in dev[1:]]
    assert sorted(set(extra) & reader) == [], "pinned twice: in requirements.txt already"
    assert len(extra) == len(set(extra)), "a package pinned twice in requirements-dev.txt"
    assert [r for r in dev[1:] if "==" not in r] == [], "not pinned with =="
    for tool in ("pytest", "nbval", "playwright", "jupyter-book", "ruff", "hypothesis", "simpy"):
        assert tool in extra, f"make test needs {tool}"


def _repo2docker_plan(repo: Path) -> tuple[str, str]:
    """The Dockerfile repo2docker would build for ``repo`` (without Docker), and its log."""
    run = subprocess.run([str(BIN / "jupyter-repo2docker"), "--no-build", str(repo)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout, run.stderr


def test_binder_installs_requirements_txt_on_the_python_of_runtime_txt():
    runtime = (ROOT / "runtime.txt").read_text().strip()
    assert runtime == "python-3.11"
    dockerfile, log = _repo2docker_plan(ROOT)
    assert "Building conda environment for python=3.11" in log
    # the environment file it installs is the lock of python 3.11 (names are escaped with "-")
    import escapism

    copied = [escapism.unescape(m.rsplit("-", 1)[0], escape_char="-")
              for m in re.findall(r"build_script_files/(\S+)", dockerfile)]
    assert any(p.endswith("environment.py-3.11-linux-64.lock") for p in copied), copied
    assert 'bin/pip install --no-cache-dir -r "requirements.txt"' in dockerfile
    assert "requirements-dev" not in dockerfile


def test_binder_would_follow_runtime_txt_to_another_python(tmp_path):
    # the check above is not a coincidence of repo2docker's default: change runtime.txt, and
    # the planned image changes with it
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, repo / name)
    (repo / "runtime.txt").write_text("python-3.12\n")
    dockerfile, log = _repo2docker_plan(repo)
    assert "python=3.12" in log and "python=3.11" not in log


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_requirement_files_pin_every_package_exactly(name):
    loose = [r for r in _requirements(name) if not r.startswith("-") and "==" not in r]
    assert loose == []


def test_a_reader_gets_maintsim_from_this_repository():
    assert "-e ." in _requirements("requirements.txt")
