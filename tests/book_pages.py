"""The pages of the book, read from _toc.yml (the single list of what the site holds)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# What the tests count as Japanese (kept apart from _ext/japanese_lang.py, which they check):
# CJK punctuation, kana, kanji with extension A and compatibility forms, full-width forms.
JAPANESE_CHARS = ("\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                  "\uff00-\uffef")


def toc_files() -> list[str]:
    """Every file in the table of contents, root first, without extension."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]
    for part in toc.get("parts", []):
        for chapter in part.get("chapters", []):
            files.append(chapter["file"])
            files.extend(section["file"] for section in chapter.get("sections", []))
    return files


def page_paths() -> list[str]:
    """Site paths of every page: ``intro`` is served as ``intro.html``."""
    return [f"{name}.html" for name in toc_files()]


def edition_prefixes() -> list[str]:
    """Where each edition's pages live under the site (``tools/editions.py``): ``""``, ``"ja/"``."""
    from tools.editions import EDITIONS

    return [edition.prefix for edition in EDITIONS]


def site_paths() -> list[str]:
    """Site paths of every page of every edition: ``intro.html``, ..., ``ja/intro.html``, ..."""
    return [prefix + path for prefix in edition_prefixes() for path in page_paths()]


def edition_of(path: str):
    """The edition (``tools.editions.Edition``) a site path belongs to."""
    from tools.editions import EDITIONS

    return max((e for e in EDITIONS if path.startswith(e.prefix)), key=lambda e: len(e.prefix))


def chapter_notebooks() -> list[Path]:
    """The numbered chapters (NN_topic.ipynb) that follow the chapter template."""
    return sorted((ROOT / "chapters").glob("[0-9][0-9]_*.ipynb"))


def repository_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    return config["repository"]["url"]
