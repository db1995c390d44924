"""Keep the committed notebooks small, stable and honest.

A notebook is committed with only the outputs nbval checks (cells marked
``# NBVAL_CHECK_OUTPUT``); every other output, every execution count and every
volatile piece of metadata is stripped. Usage::

    python tools/notebooks.py normalise [NOTEBOOK ...]   # rewrite in place
    python tools/notebooks.py check [NOTEBOOK ...]       # exit 1 if any is not normalised
    python tools/notebooks.py execute [NOTEBOOK ...]     # run, then normalise (refresh outputs)

With no notebook named, every ``chapters/*.ipynb`` is used.

Normalising also writes one generated cell into every notebook, just before its first code
cell: it installs ``maintsim`` from the repository named in ``_config.yml``
(``repository.url`` at ``repository.branch``) when the kernel does not have it, so a notebook
opened alone (in Colab, say) runs. It is tagged ``remove-cell`` (the site does not show it) and
rewritten on every normalisation, so it cannot drift from ``_config.yml``; never edit it by
hand.
"""

from __future__ import annotations

import argparse
import ast
import copy
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "_config.yml"
CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
KEEP_CELL_METADATA = ("tags",)
KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
KEEP_OUTPUT_TYPES = ("stream", "execute_result")


INSTALL_MARK = "# maintbook: install maintsim when this kernel does not have it"
INSTALL_CELL_ID = "install-maintsim"
INSTALL_TAGS = ["remove-cell"]


def repository(config_path: Path = CONFIG) -> tuple[str, str]:
    """``(url, branch)`` of the repository, from the one place it is named: ``_config.yml``."""
    repo = yaml.safe_load(config_path.read_text())["repository"]
    return repo["url"], repo.get("branch", "main")


def install_requirement(url: str, branch: str) -> str:
    """pip's requirement for maintsim from ``url`` at ``branch`` (a PEP 508 direct reference)."""
    return f"maintsim @ git+{url}@{branch}"


def install_source(url: str, branch: str) -> str:
    """The source of the generated first code cell."""
    return (
        f"{INSTALL_MARK} (Colab, or this notebook opened on its own).\n"
        "# Written by tools/notebooks.py from _config.yml; edit _config.yml, not this cell.\n"
        "import importlib\n"
        "import importlib.util\n"
        "import subprocess\n"
        "import sys\n"
        "\n"
        'if importlib.util.find_spec("maintsim") is None:\n'
        "    subprocess.run([sys.executable, \"-m\", \"pip\", \"install\", \"-q\",\n"
        f'                    "{install_requirement(url, branch)}"], check=True)\n'
        "    importlib.invalidate_caches()"
    )


def is_install_cell(cell) -> bool:
    return cell.cell_type == "code" and cell.source.startswith(INSTALL_MARK)


def with_install_cell(cells: list, source: str) -> list:
    """``cells`` with any old generated cell removed and a fresh one before the first code cell."""
    cells = [c for c in cells if not is_install_cell(c)]
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": list(INSTALL_TAGS)})
    first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), len(cells))
    return cells[:first_code] + [cell] + cells[first_code:]


def default_notebooks() -> list[Path]:
    return sorted((ROOT / "chapters").glob("*.ipynb"))


def is_checked(cell) -> bool:
    return cell.cell_type == "code" and CHECK_MARK in cell.source


HIDING_TAGS = ("remove-cell", "remove-input", "hide-input")
"""myst-nb tags that keep a cell's code off the page (``hide-input`` folds it away)."""

SETUP_MARKS = ("plotting.setup(", "KeyNumbers", CHECK_MARK, ".glue(")
"""Book scaffolding that belongs in a hidden cell, never on the page."""


def shows_code(cell) -> bool:
    """Whether a code cell's source is shown on the site."""
    tags = cell.metadata.get("tags", [])
    return cell.cell_type == "code" and not any(tag in tags for tag in HIDING_TAGS)


def is_imports_only(source: str) -> bool:
    """Whether a cell does nothing but import (the chapter's one visible imports cell)."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return bool(body) and all(isinstance(node, ast.Import | ast.ImportFrom) for node in body)


def _is_setup_statement(node) -> bool:
    if isinstance(node, ast.Import | ast.ImportFrom):
        return True
    if isinstance(node, ast.Assign | ast.AnnAssign):  # SEED = 2022, a constant
        value = node.value
        try:
            ast.literal_eval(value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return False
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        name = ast.unparse(node.value.func)
        return name.endswith(("setup", ".glue")) or name in ("glue",)
    return False


def is_pure_setup(source: str) -> bool:
    """Whether a cell only sets the notebook up: book scaffolding (``plotting.setup()``,
    ``KeyNumbers``, the checked key numbers, ``key.glue()``), or nothing but imports,
    constants and set-up calls with at least one of them not an import. Such a cell belongs
    in the hidden set-up cell, not on the page (the visible imports cell is imports only)."""
    if any(mark in source for mark in SETUP_MARKS):
        return True
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False
    return (bool(body) and all(_is_setup_statement(node) for node in body)
            and not is_imports_only(source))


# nbval treats a reference cell with no execution count as "unrun" and refuses to compare its
# outputs, so checked cells keep a count, always the same one so that re-runs do not churn.
CHECKED_EXECUTION_COUNT = 1


def _clean_output(output):
    output = copy.deepcopy(output)
    if output.output_type == "execute_result":
        output["execution_count"] = CHECKED_EXECUTION_COUNT
        output["metadata"] = {}
        output["data"] = {"text/plain": output["data"]["text/plain"]}
    return output


def normalised(nb, install_source_text: str | None = None):
    """Return a normalised copy of ``nb`` (the input is not changed).

    ``install_source_text`` is the generated install cell's source (by default built from
    ``_config.yml``). Cell ids number the other cells only, so adding or refreshing the
    generated cell leaves every other cell's id as it was.
    """
    if install_source_text is None:
        install_source_text = install_source(*repository())
    nb = copy.deepcopy(nb)
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": dict(LANGUAGE_INFO)}
    nb.nbformat, nb.nbformat_minor = 4, 5
    nb.cells = with_install_cell(nb.cells, install_source_text)
    index = 0
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
        if "attachments" in cell and not cell["attachments"]:
            del cell["attachments"]
        if is_install_cell(cell):
            cell["id"] = INSTALL_CELL_ID
        else:
            cell["id"] = f"cell-{index:02d}"
            index += 1
        if cell.cell_type != "code":
            continue
        cell.execution_count = None
        if is_checked(cell):
            cell.execution_count = CHECKED_EXECUTION_COUNT
            cell.outputs = [
                _clean_output(o)
                for o in cell.outputs
                if o.output_type in KEEP_OUTPUT_TYPES
                and (o.output_type != "execute_result" or "text/plain" in o.get("data", {}))
            ]
        else:
            cell.outputs = []
    return nb


def _text(nb) -> str:
    return nbformat.writes(nb) + "\n"


def check(paths: list[Path]) -> int:
    bad = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if path.read_text() != _text(normalised(nb)):
            bad.append(path)
        if not any(is_checked(c) for c in nb.cells):
            print(f"{path.relative_to(ROOT)}: no cell marked {CHECK_MARK!r}")
            bad.append(path)
        for cell in nb.cells:
            if is_checked(cell) and not cell.outputs:
                print(f"{path.relative_to(ROOT)}: a checked cell has no stored output; "
                      "run `python tools/notebooks.py execute`")
                bad.append(path)
    for path in dict.fromkeys(bad):
        print(f"not normalised: {path.relative_to(ROOT)}  (run `make notebooks`)")
    return 1 if bad else 0


def normalise(paths: list[Path]) -> int:
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        path.write_text(_text(normalised(nb)))
    return 0


def execute(paths: list[Path]) -> int:
    from nbclient import NotebookClient

    for path in paths:
        nb = nbformat.read(path, as_version=4)
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        path.write_text(_text(normalised(nb)))
        print(f"executed and normalised {path.relative_to(ROOT)}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["normalise", "check", "execute"])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    paths = [p.resolve() for p in args.notebooks] or default_notebooks()
    return {"normalise": normalise, "check": check, "execute": execute}[args.command](paths)


if __name__ == "__main__":
    sys.exit(main())
