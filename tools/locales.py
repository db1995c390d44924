"""The translation catalogues: refresh them after English edits, and say how complete they are.

``python tools/locales.py update`` (``make locales``)

1. extracts every translatable string of the English book with Sphinx's gettext builder (as
   ``jupyter-book build --builder custom --custom-builder gettext`` does; the build reuses the
   English edition's execution cache, so it runs no notebook that ``make book`` has run) into
   ``_build/gettext/`` (one ``.pot`` per document; code output and API docstrings are left out,
   ``_ext/catalogue_scope.py``);
2. merges them into ``locales/<lang>/LC_MESSAGES/`` with ``sphinx-intl update``: a new string
   comes in untranslated, a changed one keeps its old translation marked fuzzy, a translated
   unchanged one stays as it is, and a string that left the English book leaves the catalogue;
3. removes the catalogue of a document that left the book, and prints the state of each.

``python tools/locales.py stats`` prints that state alone: for each catalogue, how many strings
are translated, fuzzy and untranslated. ``tests/test_translations.py`` fails until every
catalogue is complete.

``python tools/locales.py check`` names every translated string whose roles (a glued number, a
citation, a glossary link's target), link addresses or inline code differ from its English one.

``python tools/locales.py drawn`` lists what gettext cannot reach: the code cells of each chapter
whose output in the Japanese build (``_build/<lang>/jupyter_execute/``, after ``make book``)
still draws English (a figure's words, a table, a Markdown list), and the cells that print
English, to check whether a reader is meant to read it. Wrap those strings in ``text()``
(CONTRIBUTING.md).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import build_book, editions  # noqa: E402

LOCALES = ROOT / "locales"


def catalogue_dir(lang: str, locales: Path = LOCALES) -> Path:
    return locales / lang / "LC_MESSAGES"


@dataclass(frozen=True)
class CatalogueState:
    """How far one catalogue is translated.

    Attributes
    ----------
    document : str
        The document it translates (``chapters/05_percentiles``).
    translated, fuzzy, untranslated : int
        Strings translated and current; translated but marked fuzzy (the English changed since,
        or the translator was unsure): Sphinx does not use them; not translated yet.
    """

    document: str
    translated: int
    fuzzy: int
    untranslated: int

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def complete(self) -> bool:
        return self.fuzzy == 0 and self.untranslated == 0

    def __str__(self) -> str:
        percent = 100.0 * self.translated / self.total if self.total else 100.0
        return (f"{self.document}: {self.translated}/{self.total} translated ({percent:.0f} %), "
                f"{self.fuzzy} fuzzy, {self.untranslated} untranslated")


def catalogue_states(lang: str, locales: Path = LOCALES) -> list[CatalogueState]:
    """The state of every ``.po`` catalogue of ``lang``, by document."""
    from babel.messages.pofile import read_po

    states = []
    folder = catalogue_dir(lang, locales)
    for path in sorted(folder.rglob("*.po")):
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        translated = fuzzy = untranslated = 0
        for message in catalogue:
            if not message.id:
                continue  # the header
            if message.fuzzy:
                fuzzy += 1
            elif message.string:
                translated += 1
            else:
                untranslated += 1
        document = path.relative_to(folder).with_suffix("").as_posix()
        states.append(CatalogueState(document, translated, fuzzy, untranslated))
    return states


# What a translation must carry over from its English string unchanged: MyST roles with their
# targets ({glue:text}`key`, {cite:p}`key`; a {term}, {ref} or {doc} keeps its target while its
# shown text changes), inline HTML link addresses, Markdown link targets and inline code.
_ROLE = re.compile(r"\{(?P<role>[a-z:-]+)\}`(?P<body>[^`]*)`")
_HREF = re.compile(r"""href=["']([^"']*)["']""")
_LINK_TARGET = re.compile(r"\]\(([^)\s]*)\)")
_CODE = re.compile(r"(?<![`}])``?([^`]+)``?(?!`)")


def _role_target(role: str, body: str) -> str:
    if role in ("term", "ref", "doc", "numref"):  # {term}`shown <Target>` or {term}`Target`
        match = re.search(r"<([^<>]+)>\s*$", body)
        return (match.group(1) if match else body).strip()
    return body


def _carried(text: str) -> list[str]:
    """The pieces of ``text`` that a translation must keep, sorted."""
    pieces = [f"{{{m['role']}}}{_role_target(m['role'], m['body'])}" for m in _ROLE.finditer(text)]
    without_roles = _ROLE.sub("", text)
    pieces += [f"href {h}" for h in _HREF.findall(without_roles)]
    pieces += [f"link {t}" for t in _LINK_TARGET.findall(without_roles)]
    pieces += [f"code {c}" for c in _CODE.findall(without_roles)]
    return sorted(pieces)


@dataclass(frozen=True)
class Problem:
    """A translated string that lost or gained a role, a link or a piece of code."""

    catalogue: str
    line: int
    missing: tuple[str, ...]
    extra: tuple[str, ...]

    def __str__(self) -> str:
        found = [f"{what} {', '.join(pieces)}" for what, pieces in
                 (("missing", self.missing), ("not in the English", self.extra)) if pieces]
        return f"{self.catalogue}.po:{self.line}: " + "; ".join(found)


def check(lang: str, locales: Path = LOCALES) -> list[Problem]:
    """Every translated string of ``lang`` whose roles, glued numbers, citations, glossary
    targets, link addresses or inline code differ from its English string's.

    Sphinx rejects a translation with a different number of references (a warning, so a failed
    build); this names the string at once, and also catches a changed target or glue key.
    """
    from collections import Counter

    from babel.messages.pofile import read_po

    problems = []
    folder = catalogue_dir(lang, locales)
    for path in sorted(folder.rglob("*.po")):
        with path.open("rb") as handle:
            catalogue = read_po(handle)
        document = path.relative_to(folder).with_suffix("").as_posix()
        for message in catalogue:
            if not message.id or not message.string or message.fuzzy:
                continue
            want, got = Counter(_carried(message.id)), Counter(_carried(message.string))
            if want != got:
                problems.append(Problem(document, message.lineno,
                                        tuple(sorted((want - got).elements())),
                                        tuple(sorted((got - want).elements()))))
    return problems


def extract(build: Path) -> Path:
    """The English book's translatable strings as ``.pot`` files; returns their folder."""
    pot_dir = build / "gettext"
    doctrees = build / ".gettext-doctrees"
    shutil.rmtree(pot_dir, ignore_errors=True)  # a document that left the book leaves no .pot
    shutil.rmtree(doctrees, ignore_errors=True)  # Sphinx does not see a change in _ext/
    job = build_book.sphinx_job(
        "gettext", pot_dir, doctrees, build / ".jupyter_cache",
        ROOT / "_toc.yml", lang=None, strict=True)
    # myst-nb finds no mime type for a builder that writes no page; that is not a problem here.
    job["overrides"]["suppress_warnings"] = ["mystnb.mime_priority"]
    job["overrides"]["project"] = "maintbook"  # the catalogues' header names the book
    code = build_book.spawn(job, editions.SOURCE)
    if code:
        raise SystemExit(f"locales: extracting the strings failed ({code})")
    return pot_dir


def update(lang: str, pot_dir: Path, locales: Path = LOCALES) -> None:
    """Merge the ``.pot`` files into ``lang``'s catalogues and drop catalogues of documents
    that left the book."""
    intl = Path(sys.executable).parent / "sphinx-intl"
    subprocess.run([str(intl), "update", "--pot-dir", str(pot_dir), "--locale-dir",
                    str(locales), "--language", lang, "--no-obsolete", "--jobs", "1"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    documents = {p.relative_to(pot_dir).with_suffix("").as_posix()
                 for p in pot_dir.rglob("*.pot")}
    folder = catalogue_dir(lang, locales)
    for po in folder.rglob("*.po"):
        if po.relative_to(folder).with_suffix("").as_posix() not in documents:
            print(f"locales: removing {po} (its document left the book)")
            po.unlink()
            po.with_suffix(".mo").unlink(missing_ok=True)


# --- what code draws ----------------------------------------------------------------------------

JAPANESE = re.compile("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# plotly placeholders (%{x:g}), HTML tags and entities: not words a reader reads
_NOT_WORDS = re.compile(r"%\{[^}]*\}|<[^>]*>|&[a-z]+;")
# a lowercase word of three letters or more that is not part of an identifier (tcp_retries2), a
# path or a call: names and acronyms ("Linux TCP", "WSFC", "P99") are not English prose
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z0-9_./=-])[a-z]{3,}(?![A-Za-z0-9_./=(-])")
# the keys of plotly's JSON whose strings a reader sees
DRAWN_KEYS = {"text", "name", "hovertemplate", "hovertext", "prefix", "suffix", "label",
              "ticktext", "customdata"}
SKIPPED_KEYS = {"template", "font", "meta"}  # the theme's defaults, fonts: nothing drawn as words
HIDDEN_TAGS = {"remove-cell", "remove-output"}
PLOTLY_MIME = "application/vnd.plotly.v1+json"
CHECKED_CELL = "# NBVAL_CHECK_OUTPUT"


def english_left(text: str) -> bool:
    """Whether ``text`` still reads as English: no Japanese character and an English word."""
    words = _NOT_WORDS.sub(" ", text)
    return not JAPANESE.search(words) and bool(_ENGLISH_WORD.search(words))


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def drawn_strings(figure_json) -> list[str]:
    """Every string a plotly figure (its JSON) draws: titles, axis titles, legend names,
    annotations, hover templates and hover data, bar texts, slider labels and prefixes, also
    inside the slider steps' updates."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in SKIPPED_KEYS:
                    continue
                if key in DRAWN_KEYS or key.endswith(".text"):
                    found.extend(_strings(item))
                elif key == "title" and isinstance(item, str):
                    found.append(item)
                else:
                    walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(figure_json)
    return found


@dataclass(frozen=True)
class DrawnEnglish:
    """English that one code cell's output still shows in a translated build.

    Attributes
    ----------
    cell : int
        The cell's index in the notebook (as ``nbformat`` counts, from 0).
    kind : str
        ``"figure"``, ``"table"``, ``"markdown"`` or ``"printed"`` (text a cell prints: code,
        data or a sentence for readers; only a person can tell).
    strings : tuple of str
        The English strings, each once.
    """

    cell: int
    kind: str
    strings: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(repr(s[:60]) for s in self.strings[:4])
        more = f" and {len(self.strings) - 4} more" if len(self.strings) > 4 else ""
        return f"cell {self.cell} ({self.kind}): {shown}{more}"


def _output_strings(output) -> dict[str, list[str]]:
    data = output.get("data", {})
    if output.get("output_type") == "stream":
        return {"printed": output.get("text", "").splitlines()}
    if PLOTLY_MIME in data:
        return {"figure": drawn_strings(data[PLOTLY_MIME])}
    if "text/html" in data and "<table" in data["text/html"]:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(data["text/html"], "html.parser")
        return {"table": [cell.get_text(" ", strip=True)
                          for cell in soup.find_all(["th", "td", "caption"])]}
    if "text/markdown" in data:
        return {"markdown": data["text/markdown"].splitlines()}
    if "text/plain" in data and not any(key.startswith("application/") for key in data):
        return {"printed": data["text/plain"].splitlines()}
    return {}


def notebook_english(notebook: dict) -> list[DrawnEnglish]:
    """The cells of an executed notebook whose shown output still holds English."""
    found = []
    for index, cell in enumerate(notebook.get("cells", [])):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell.get("cell_type") != "code" or tags & HIDDEN_TAGS:
            continue
        if cell.get("source", "").startswith(CHECKED_CELL):
            continue  # the key-numbers table: nbval's, never shown (CONTRIBUTING.md)
        by_kind: dict[str, list[str]] = {}
        for output in cell.get("outputs", []):
            for kind, strings in _output_strings(output).items():
                by_kind.setdefault(kind, []).extend(s.strip() for s in strings if s.strip())
        for kind, strings in by_kind.items():
            english = tuple(dict.fromkeys(s for s in strings if english_left(s)))
            if english:
                found.append(DrawnEnglish(index, kind, english))
    return found


def executed_notebooks(lang: str, build: Path | None = None) -> dict[str, object]:
    """The chapters as the ``lang`` build executed them (with their outputs), by document
    (``chapters/05_percentiles``), from that build's execution cache.

    Raises
    ------
    LookupError
        A chapter whose code has no run in the cache (not built since it changed: ``make book``).
    """
    import nbformat
    from jupyter_cache import get_cache

    from tools.build_book import work_dir

    cache = get_cache(work_dir(build or ROOT / "_build", editions.edition(lang)) / ".jupyter_cache")
    executed = {}
    for notebook in sorted((ROOT / "chapters").glob("*.ipynb")):
        source = nbformat.read(notebook, as_version=4)
        try:
            _, merged = cache.merge_match_into_notebook(source)
        except KeyError as missing:
            raise LookupError(f"{notebook.name} has not been run by the {lang!r} build since its "
                              "code changed: run `make book`") from missing
        executed[notebook.relative_to(ROOT).with_suffix("").as_posix()] = merged
    return executed


def drawn_report(lang: str) -> dict[str, list[DrawnEnglish]]:
    """For each chapter the ``lang`` build executed, its cells that still draw English."""
    return {doc: notebook_english(notebook)
            for doc, notebook in executed_notebooks(lang).items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Refresh or report the translation catalogues.")
    parser.add_argument("command", choices=["update", "stats", "drawn", "check"])
    args = parser.parse_args(argv)
    languages = [e.lang for e in editions.EDITIONS if e.lang != editions.SOURCE]
    if args.command == "drawn":
        for lang in languages:
            for doc, cells in drawn_report(lang).items():
                print(f"\n{doc} ({len(cells)} cells draw or print English in {lang})")
                for cell in cells:
                    print(f"  {cell}")
        return 0
    if args.command == "check":
        problems = [p for lang in languages for p in check(lang)]
        for problem in problems:
            print(problem)
        print(f"{len(problems)} translated strings differ from their English in roles, links "
              "or code")
        return 1 if problems else 0
    if args.command == "update":
        pot_dir = extract(ROOT / "_build")
        for lang in languages:
            update(lang, pot_dir)
    for lang in languages:
        states = catalogue_states(lang)
        print(f"\n{lang}: {sum(s.complete for s in states)} of {len(states)} catalogues complete")
        for state in states:
            print(("  ok  " if state.complete else "  ..  ") + str(state))
    return 0


if __name__ == "__main__":
    sys.exit(main())
