"""Notebook hygiene and the chapter template (see CONTRIBUTING.md)."""

from __future__ import annotations

import re

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
    clean = nbtool.normalised(nb)
    assert clean.cells[0].outputs == [] and clean.cells[0].execution_count is None
    assert clean.cells[1].outputs[0]["text"] == "2\n"
    assert clean.cells[1].execution_count == nbtool.CHECKED_EXECUTION_COUNT  # nbval needs one


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
