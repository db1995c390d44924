"""Read it anywhere: a lean reader's environment that Binder builds, and a citable release."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tools import release, social_card

import maintsim

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


# --- A citable release: one version, CITATION.cff, CHANGELOG.md, the social card ---

CFFCONVERT = "cffconvert==2.0.0"  # validates against the CFF 1.2.0 schema it ships


def test_the_version_is_written_once_in_maintsim_and_read_everywhere_else():
    import tomllib

    assert release.version() == maintsim.__version__
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" not in pyproject["project"], "a second, static version"
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "maintsim.__version__"}


def test_citation_cff_agrees_with_the_version_and_the_repository(capsys):
    assert release.main(["check"]) == 0, capsys.readouterr().out
    cff = release.citation()
    assert cff["version"] == maintsim.__version__
    assert cff["repository-code"] == release.repository_url()
    assert cff["url"] == release.site_url()


def test_refresh_rewrites_only_the_derived_lines_of_citation_cff():
    text = release.CITATION.read_text()
    bumped = release.refreshed(text, {"version": "9.9.9"})
    changed = [(a, b) for a, b in zip(text.splitlines(), bumped.splitlines(), strict=True)
               if a != b]
    assert changed == [(f'version: "{maintsim.__version__}"', 'version: "9.9.9"')]
    with pytest.raises(ValueError, match="exactly one top-level 'doi'"):
        release.refreshed(text, {"doi": "10.0/x"})


def test_citation_cff_names_the_book_its_licences_and_its_source_article():
    cff = release.citation()
    assert cff["cff-version"] == "1.2.0" and cff["message"]
    assert cff["title"] == release.config()["title"]
    assert cff["authors"] and cff["abstract"]
    assert cff["license"] == ["MIT", "CC-BY-4.0"]  # code and text, as LICENSE.md says
    licence_text = (ROOT / "LICENSE.md").read_text()
    assert "MIT" in licence_text and "CC BY 4.0" in licence_text
    (article,) = cff["references"]
    assert article["authors"] == [{"family-names": "Torigoe"}] and article["year"] == 2022


@pytest.mark.slow
def test_cffconvert_validates_citation_cff(tmp_path):
    import venv

    env = tmp_path / "cff"
    venv.EnvBuilder(with_pip=True).create(env)
    install = subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q",
                              "--disable-pip-version-check", CFFCONVERT],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    run = subprocess.run([str(env / "bin" / "cffconvert"), "--validate", "-i",
                          str(release.CITATION)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "valid according to schema version 1.2.0" in run.stdout
    broken = tmp_path / "CITATION.cff"
    broken.write_text(release.CITATION.read_text().replace("cff-version: 1.2.0\n", ""))
    assert subprocess.run([str(env / "bin" / "cffconvert"), "--validate", "-i", str(broken)],
                          capture_output=True).returncode != 0


def test_the_changelog_starts_with_this_version():
    headings = re.findall(r"^## \[([^\]]+)\]", (ROOT / "CHANGELOG.md").read_text(), re.M)
    assert headings and headings[0] == maintsim.__version__


@pytest.mark.parametrize(("repository", "site"), [
    ("https://github.com/someone/book", "https://someone.github.io/book/"),
    ("https://github.com/Some-Org/Book.git", "https://some-org.github.io/Book/"),
    ("https://github.com/someone/someone.github.io", "https://someone.github.io/"),
])
def test_the_site_address_is_github_pages_of_the_repository(repository, site):
    assert release.pages_url(repository) == site
    assert release.site_url({"repository": {"url": repository}}) == site
    assert release.site_url({"repository": {"url": repository},
                             "html": {"baseurl": "https://book.example/"}}) == (
        "https://book.example/")


def test_a_repository_outside_github_needs_an_explicit_baseurl():
    with pytest.raises(ValueError, match="html.baseurl"):
        release.pages_url("https://gitlab.com/someone/book")


def test_the_social_card_shows_the_book_figure_as_the_library_draws_it_today():
    png = social_card.CARD.read_bytes()
    assert social_card.png_size(png) == (social_card.WIDTH_PX, social_card.HEIGHT_PX)
    stored = social_card.png_text(png).get(social_card.DIGEST_KEY)
    assert stored == social_card.figure_digest(social_card.card_figure()), (
        "the figure changed since the card was drawn: run `python tools/social_card.py`")


def test_a_png_text_chunk_round_trips():
    png = social_card.CARD.read_bytes()
    tagged = social_card.with_text(png, "maintbook-test", "value")
    assert social_card.png_text(tagged)["maintbook-test"] == "value"
    assert social_card.png_size(tagged) == social_card.png_size(png)
