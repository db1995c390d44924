"""Notebook hygiene and the chapter template (see CONTRIBUTING.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import tools.notebooks as nbtool

from book_pages import chapter_notebooks, toc_files

CHAPTERS = chapter_notebooks()


def _markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_every_notebook_is_normalised(capsys):
    assert nbtool.check(nbtool.default_notebooks()) == 0, capsys.readouterr().out


def test_normaliser_strips_unchecked_outputs_and_keeps_checked_ones():
    nb = nbformat.v4.new_notebook()
    plain = nbformat.v4.new_code_cell("1 + 1", execution_count=3)
    plain.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"},
                                            execution_count=3)]
    checked = nbformat.v4.new_code_cell("# NBVAL_CHECK_OUTPUT\nprint(2)", execution_count=4)
    checked.outputs = [nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    nb.cells = [plain, checked]
    clean_plain, clean_checked = nbtool.normalised(nb).cells[1:]  # after the install cell
    assert clean_plain.outputs == [] and clean_plain.execution_count is None
    assert clean_checked.outputs[0]["text"] == "2\n"
    assert clean_checked.execution_count == nbtool.CHECKED_EXECUTION_COUNT  # nbval needs one


def test_every_chapter_notebook_is_in_the_table_of_contents():
    listed = set(toc_files())
    missing = [p.stem for p in CHAPTERS if f"chapters/{p.stem}" not in listed]
    assert missing == [], f"chapters not in _toc.yml: {missing}"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_follows_the_template(path):
    nb = nbformat.read(path, as_version=4)
    text = _markdown(nb)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "title first"
    assert "In the source article" in text, "the box naming the article section"
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), "the article's Japanese heading"
    assert "**Learning goals.**" in text or "## Learning goals" in text
    assert "Prerequisites" in text
    for heading in ("## Key numbers", "## Summary", "## Exercises"):
        assert heading in text, f"missing section {heading!r}"
    checked = [c for c in nb.cells if nbtool.is_checked(c)]
    assert len(checked) == 1, "exactly one key-numbers cell marked # NBVAL_CHECK_OUTPUT"
    assert "KeyNumbers(" in checked[0].source
    glue_cells = [c for c in nb.cells if c.cell_type == "code" and ".glue()" in c.source]
    assert glue_cells and all("remove-cell" in c.metadata.get("tags", []) for c in glue_cells)
    assert "{glue:text}" in text, "the prose quotes the key numbers through glue"
    exercises = re.findall(r"```\{exercise\}", text)
    solutions = re.findall(r"```\{solution\}[^\n]*\n:class: dropdown", text)
    assert 2 <= len(exercises) <= 4, f"{len(exercises)} exercises"
    assert len(solutions) == len(exercises), "every exercise has a folded solution"
    assert "{cite" in text, "facts from outside are cited"


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_live_widgets_are_kept_off_the_static_site(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and re.search(r"\blive\(", cell.source):
            assert "remove-output" in cell.metadata.get("tags", []), (
                f"{path.name}: a cell showing a live widget must be tagged remove-output")


# --- The generated first code cell: install maintsim when the kernel lacks it (Colab) ---

ROOT = Path(__file__).resolve().parent.parent


def _first_code_cell(nb):
    return next(c for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("path", nbtool.default_notebooks(), ids=lambda p: p.stem)
def test_first_code_cell_installs_maintsim_from_the_repository_in_config(path):
    nb = nbformat.read(path, as_version=4)
    cell = _first_code_cell(nb)
    assert cell.source == nbtool.install_source(*nbtool.repository()), (
        f"{path.name}: run `python tools/notebooks.py normalise` to refresh the install cell")
    assert cell.metadata.get("tags") == ["remove-cell"], "the site must not show the install cell"
    assert sum(nbtool.is_install_cell(c) for c in nb.cells) == 1


def _run_install_cell(source, monkeypatch, *, installed: bool) -> list:
    import importlib.util

    commands = []
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: (
        real_find_spec(name, *a) if installed or name != "maintsim" else None))
    monkeypatch.setattr(subprocess, "run", lambda command, **kw: commands.append((command, kw)))
    exec(compile(source, "<install cell>", "exec"), {})
    return commands


def test_install_cell_pip_installs_the_configured_repository_only_when_maintsim_is_missing(
        tmp_path, monkeypatch):
    config = tmp_path / "_config.yml"
    config.write_text("repository:\n  url: https://github.com/someone/fork\n  branch: draft\n")
    source = nbtool.install_source(*nbtool.repository(config))
    assert _run_install_cell(source, monkeypatch, installed=True) == []
    (command, options), = _run_install_cell(source, monkeypatch, installed=False)
    assert command == [sys.executable, "-m", "pip", "install", "-q",
                       "maintsim @ git+https://github.com/someone/fork@draft"]
    assert options == {"check": True}


def test_normalising_refreshes_the_install_cell_and_keeps_every_other_cell_id():
    path = CHAPTERS[0]
    nb = nbformat.read(path, as_version=4)
    stale = nbtool.normalised(nb, nbtool.install_source("https://example.org/old/repo", "x"))
    assert "example.org/old/repo" in _first_code_cell(stale).source
    fresh = nbtool.normalised(stale)
    assert _first_code_cell(fresh).source == nbtool.install_source(*nbtool.repository())
    others = [c.id for c in fresh.cells if not nbtool.is_install_cell(c)]
    assert others == [f"cell-{i:02d}" for i in range(len(nb.cells) - 1)]
    assert [c.source for c in fresh.cells] == [c.source for c in nb.cells]


def test_the_repository_url_is_typed_only_in_config():
    url, _ = nbtool.repository()
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    typed = []
    for name in filter(None, tracked):
        path = ROOT / name
        if name == "_config.yml" or not path.is_file():
            continue
        if path.suffix == ".ipynb":  # the generated install cell may name it, nothing else
            text = "".join(c.source for c in nbformat.read(path, as_version=4).cells
                           if not nbtool.is_install_cell(c))
        elif name == "CITATION.cff":  # written from _config.yml by tools/release.py
            continue
        else:
            text = path.read_text(errors="replace")
        if url.removeprefix("https://") in text:
            typed.append(name)
    assert typed == [], f"the repository is named outside _config.yml in {typed}"
