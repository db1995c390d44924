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


JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
FENCE = r"(?:```|:::)"


def _tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def _admonitions(text: str, title: str) -> list[str]:
    """Bodies of every ``:::{admonition} TITLE`` (or a backtick fence) in ``text``."""
    pattern = (rf"^(?P<fence>{FENCE})\{{admonition\}} {re.escape(title)}[ \t]*\n"
               r"(?P<body>.*?)^(?P=fence)\s*$")
    return [m.group("body") for m in re.finditer(pattern, text, re.M | re.S)]


def _section(text: str, heading: str) -> str:
    """The text under ``## heading`` up to the next ``## `` heading."""
    match = re.search(rf"^## {re.escape(heading)}\s*$(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else ""


def _key_names(checked_source: str) -> list[str]:
    return re.findall(r"""\.add\(\s*["']([A-Za-z_]\w*)["']""", checked_source)


def _solutions_without_a_result(nb) -> list[str]:
    """Solutions that show no result on the site: neither a glued number nor, in a gated
    solution (``solution-start`` ... ``solution-end``), a code cell whose output is shown."""
    missing, gated, shown = [], None, False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for m in re.finditer(rf"^{FENCE}\{{solution\}} *(\S*)[^\n]*\n(.*?)^{FENCE}\s*$",
                                 cell.source, re.M | re.S):
                if "{glue" not in m.group(2):
                    missing.append(m.group(1) or "a solution")
            start = re.search(rf"^{FENCE}\{{solution-start\}} *(\S*)", cell.source, re.M)
            if start:
                gated = start.group(1) or "a gated solution"
                shown = "{glue" in cell.source[start.end():]
            if gated and re.search(rf"^{FENCE}\{{solution-end\}}", cell.source, re.M):
                if not shown:
                    missing.append(gated)
                gated = None
        elif gated and not any(t in _tags(cell) for t in ("remove-cell", "remove-output")):
            shown = True
    return missing


def chapter_problems(nb) -> list[str]:
    """Every way ``nb`` departs from the chapter template of CONTRIBUTING.md (empty if none)."""
    problems = []
    text = _markdown(nb)
    first = nb.cells[0] if nb.cells else None
    if not (first and first.cell_type == "markdown" and first.source.startswith("# ")):
        return ["the chapter does not start with its title (# ...)"]
    after_title = first.source.split("\n", 1)[1].strip() if "\n" in first.source else ""
    promise = after_title.split("\n\n", 1)[0].strip()
    if not (promise.startswith("*") and promise.endswith("*") and not promise.startswith("**")):
        problems.append("no one-line promise in italics under the title")
    boxes = _admonitions(text, "In the source article")
    if len(boxes) != 1 or not JAPANESE.search(boxes[0]) or ":class: seealso" not in boxes[0]:
        problems.append('no "In the source article" box (:class: seealso) with the Japanese '
                        "heading")
    if not ("**Learning goals.**" in text or "## Learning goals" in text):
        problems.append("no learning goals")
    if "Prerequisites" not in text:
        problems.append("no prerequisites")

    code = [c for c in nb.cells if c.cell_type == "code" and not nbtool.is_install_cell(c)]
    if not code or not (nbtool.shows_code(code[0]) and nbtool.is_imports_only(code[0].source)
                        and re.search(r"^from maintsim\b|^import maintsim\b", code[0].source,
                                      re.M)):
        problems.append("the first code cell is not a visible imports cell of maintsim modules")
    elif any(mark in code[0].source for mark in nbtool.SETUP_MARKS):
        problems.append("the imports cell holds set-up (KeyNumbers or plotting.setup belong in "
                        "the hidden set-up cell)")
    setup = code[1] if len(code) > 1 else None
    if not (setup is not None and "remove-cell" in _tags(setup)
            and "plotting.setup()" in setup.source and "KeyNumbers" in setup.source):
        problems.append("the second code cell is not the hidden set-up cell (remove-cell, "
                        "plotting.setup() and the KeyNumbers import)")
    for cell in code:
        if nbtool.shows_code(cell) and nbtool.is_pure_setup(cell.source):
            problems.append(f"a visible code cell is pure set-up: {cell.source.splitlines()[0]!r}")

    assumptions = _admonitions(text, "Assumptions")
    if len(assumptions) != 1:
        problems.append(f"{len(assumptions)} Assumptions boxes, not exactly one")
    elif ":class: assumptions" not in assumptions[0] or "maintsim.facts" not in assumptions[0]:
        problems.append("the Assumptions box lacks :class: assumptions or where each lives in "
                        "maintsim.facts")
    sources = _admonitions(text, "Sources and confidence")
    if len(sources) != 1:
        problems.append(f"{len(sources)} Sources and confidence boxes, not exactly one")
    elif not (":class: sources" in sources[0] and all(
            re.search(rf"\b{word}\b", sources[0], re.I)
            for word in ("confirmed", "secondary", "unconfirmed"))):
        problems.append("the Sources and confidence box lacks :class: sources or one of "
                        "confirmed / secondary / unconfirmed")

    checked = [c for c in nb.cells if nbtool.is_checked(c)]
    if len(checked) != 1 or "KeyNumbers(" not in checked[0].source:
        problems.append("not exactly one key-numbers cell (# NBVAL_CHECK_OUTPUT, KeyNumbers)")
    else:
        if "remove-cell" not in _tags(checked[0]):
            problems.append("the key-numbers cell is not hidden (remove-cell)")
        summary = _section(text, "Summary")
        prefix = re.search(r"""KeyNumbers\(\s*["'](\w+)["']""", checked[0].source)
        quoted_in_summary = 0
        for name in _key_names(checked[0].source):
            glued = f"{prefix.group(1)}_{name}" if prefix else name
            pattern = rf"\{{glue(?::text)?\}}`{glued}`"
            prose = text.replace(_section(text, "Exercises"), "")  # solutions may quote again
            in_summary, on_page = len(re.findall(pattern, summary)), len(re.findall(pattern, prose))
            quoted_in_summary += in_summary
            if in_summary > 1 or on_page > 2:
                problems.append(f"key number {glued} is quoted {on_page} times ({in_summary} in "
                                "the Summary): once where it is used and once in the Summary")
        if quoted_in_summary < 2:
            problems.append("the Summary quotes fewer than two key numbers")
    if re.search(r"^## Key numbers\s*$", text, re.M):
        problems.append('a visible "## Key numbers" heading (the table is hidden)')
    if not _section(text, "Summary"):
        problems.append("no ## Summary")
    glue_cells = [c for c in code if re.search(r"\.glue\(\)", c.source)]
    if not glue_cells or not all("remove-cell" in _tags(c) for c in glue_cells):
        problems.append("key.glue() is missing or not in a remove-cell cell")
    if "{glue:text}" not in text:
        problems.append("the prose quotes no key number through glue")

    exercises = _section(text, "Exercises")
    n_exercises = len(re.findall(rf"^{FENCE}\{{exercise\}}", text, re.M))
    n_solutions = len(re.findall(
        rf"^{FENCE}\{{solution(?:-start)?\}}[^\n]*\n(?::[a-z]+:[^\n]*\n)*:class: dropdown",
        text, re.M))
    if not exercises or not 2 <= n_exercises <= 4:
        problems.append(f"## Exercises has {n_exercises} exercises, not 2 to 4")
    if n_solutions != n_exercises:
        problems.append("not every exercise has a solution folded in a dropdown")
    for label in _solutions_without_a_result(nb):
        problems.append(f"solution {label} shows no result on the site (a glued number or "
                        "a gated solution with a code cell)")
    if "{cite" not in text:
        problems.append("nothing is cited")
    return problems


def _template_chapter():
    """A small chapter that follows every rule of the template (the rules' own test)."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    hidden = {"tags": ["remove-cell"]}
    return nbformat.v4.new_notebook(cells=[
        md("# A chapter\n\n*One promise, in italics.*\n\n"
           ":::{admonition} In the source article\n:class: seealso\n"
           "It mirrors 「メンテナンス」 (*maintenance*) in {cite:t}`torigoe2022`.\n:::\n\n"
           "**Learning goals.** You can\n\n1. read it.\n\n**Prerequisites.** None."),
        code("from maintsim import sla"),
        code("from maintsim.book import KeyNumbers\nfrom maintsim.figures import plotting\n\n"
             "plotting.setup()", metadata=hidden),
        md("## A section\n\nProse first."),
        code("uptime = sla.monthly_uptime_pct(22, 43_200)\nprint(uptime)"),
        md("What to notice: {glue:text}`chXX_uptime`, {glue:text}`chXX_budget`.\n\n"
           ":::{admonition} Assumptions\n:class: assumptions\n"
           "A 30-day month (`maintsim.facts`).\n:::\n\n"
           ":::{admonition} Sources and confidence\n:class: sources\n"
           "Confirmed: the SLA {cite:p}`azure_sla_vm_v19`. Secondary: none. Unconfirmed: none.\n"
           ":::"),
        code('# NBVAL_CHECK_OUTPUT\nkey = KeyNumbers("chXX")\n'
             'key.add("uptime", uptime, "{:.3f} %")\n'
             'key.add("budget", 43.2, "{:.1f} minutes")\nkey', metadata=hidden),
        code("key.glue()", metadata=hidden),
        md("## Summary\n\n- 22 minutes is {glue:text}`chXX_uptime`; 99.9 % allows "
           "{glue:text}`chXX_budget`.\n\n## Exercises\n\n"
           "```{exercise}\n:label: ex-a\n\nA?\n```\n\n"
           "```{solution} ex-a\n:class: dropdown\n\nIt is {glue:text}`chXX_uptime`.\n```\n\n"
           "```{exercise}\n:label: ex-b\n\nB?\n```\n\n"
           "```{solution-start} ex-b\n:class: dropdown\n```"),
        code("print(sla.monthly_uptime_pct(300, 43_200))"),
        md("```{solution-end}\n```"),
    ])


def test_the_template_rules_accept_a_chapter_that_follows_them():
    assert chapter_problems(_template_chapter()) == []


@pytest.mark.parametrize("break_it, problem", [
    (lambda nb: nb.cells[2].metadata.update(tags=[]),
     "a visible code cell is pure set-up: 'from maintsim.book import KeyNumbers'"),
    (lambda nb: nb.cells[6].metadata.update(tags=[]),
     "the key-numbers cell is not hidden (remove-cell)"),
    (lambda nb: setattr(nb.cells[3], "source", "## Key numbers\n\nProse first."),
     'a visible "## Key numbers" heading (the table is hidden)'),
    (lambda nb: setattr(nb.cells[5], "source", nb.cells[5].source.replace(
        "Assumptions\n", "Assumption\n")), "0 Assumptions boxes, not exactly one"),
    (lambda nb: setattr(nb.cells[8], "source", nb.cells[8].source.replace(
        "- 22 minutes is {glue:text}`chXX_uptime`;", "- 22 minutes;")),
     "the Summary quotes fewer than two key numbers"),
    (lambda nb: setattr(nb.cells[3], "source", "## A section\n\n{glue:text}`chXX_uptime` first."),
     "key number chXX_uptime is quoted 3 times (1 in the Summary): once where it is used and "
     "once in the Summary"),
    (lambda nb: nb.cells[9].metadata.update(tags=["remove-cell"]),
     "solution ex-b shows no result on the site (a glued number or a gated solution with a "
     "code cell)"),
    (lambda nb: nb.cells.insert(5, nbformat.v4.new_code_cell("SEED = 2022")),
     "a visible code cell is pure set-up: 'SEED = 2022'"),
])
def test_the_template_rules_name_what_a_chapter_breaks(break_it, problem):
    nb = _template_chapter()
    break_it(nb)
    assert problem in chapter_problems(nb)


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_follows_the_template(path):
    problems = chapter_problems(nbformat.read(path, as_version=4))
    assert problems == [], f"{path.name} departs from CONTRIBUTING.md:\n- " + "\n- ".join(problems)


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
