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
"""

from __future__ import annotations

import argparse
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


def catalogue_dir(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES"


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


def catalogue_states(lang: str) -> list[CatalogueState]:
    """The state of every ``.po`` catalogue of ``lang``, by document."""
    from babel.messages.pofile import read_po

    states = []
    folder = catalogue_dir(lang)
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
    code = build_book.spawn(job, editions.SOURCE)
    if code:
        raise SystemExit(f"locales: extracting the strings failed ({code})")
    return pot_dir


def update(lang: str, pot_dir: Path) -> None:
    """Merge the ``.pot`` files into ``lang``'s catalogues and drop catalogues of documents
    that left the book."""
    intl = Path(sys.executable).parent / "sphinx-intl"
    subprocess.run([str(intl), "update", "--pot-dir", str(pot_dir), "--locale-dir",
                    str(LOCALES), "--language", lang, "--no-obsolete", "--jobs", "1"],
                   cwd=ROOT, check=True)
    documents = {p.relative_to(pot_dir).with_suffix("").as_posix()
                 for p in pot_dir.rglob("*.pot")}
    folder = catalogue_dir(lang)
    for po in folder.rglob("*.po"):
        if po.relative_to(folder).with_suffix("").as_posix() not in documents:
            print(f"locales: removing {po.relative_to(ROOT)} (its document left the book)")
            po.unlink()
            po.with_suffix(".mo").unlink(missing_ok=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Refresh or report the translation catalogues.")
    parser.add_argument("command", choices=["update", "stats"])
    args = parser.parse_args(argv)
    languages = [e.lang for e in editions.EDITIONS if e.lang != editions.SOURCE]
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
