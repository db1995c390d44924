"""`make book` builds two editions fast on an unchanged tree, and never shows stale outputs.

jupyter-cache re-runs a notebook only when its code cells change; ``tools/build_book.py`` keeps
one cache per edition and clears it when the library or the environment changed.
"""

from __future__ import annotations

import pytest
from tools import build_book, editions

ENGLISH, JAPANESE = editions.edition("en"), editions.edition("ja")


def _work(tmp_path, edition, lib_stamp, pages_stamp):
    work = build_book.work_dir(tmp_path / "_build", edition)
    (work / ".jupyter_cache").mkdir(parents=True)
    (work / ".doctrees").mkdir()
    (work / ".lib-fingerprint").write_text(lib_stamp)
    (work / ".pages-fingerprint").write_text(pages_stamp)
    return work


@pytest.fixture
def not_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)


def test_each_edition_has_its_own_cache_and_its_site_under_the_english_one(tmp_path):
    build = tmp_path / "_build"
    assert build_book.work_dir(build, ENGLISH) == build
    assert build_book.work_dir(build, JAPANESE) == build / "ja"
    assert build_book.site_dir(build, ENGLISH) == build / "html"
    assert build_book.site_dir(build, JAPANESE) == build / "html" / "ja"


def test_an_unchanged_tree_keeps_the_cache_and_the_doctrees(tmp_path, not_ci):
    lib = build_book.fingerprint(build_book.library_inputs(JAPANESE))
    work = _work(tmp_path, JAPANESE, lib, build_book.fingerprint(build_book.page_inputs()))
    build_book.invalidate(work, JAPANESE)
    assert (work / ".jupyter_cache").exists() and (work / ".doctrees").exists()


def test_a_library_change_clears_the_execution_cache(tmp_path, not_ci):
    pages = build_book.fingerprint(build_book.page_inputs())
    work = _work(tmp_path, JAPANESE, "the library as it was", pages)
    stamps = build_book.invalidate(work, JAPANESE)
    assert not (work / ".jupyter_cache").exists()
    assert stamps[0] == build_book.fingerprint(build_book.library_inputs(JAPANESE))


def test_ci_always_starts_from_an_empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "1")
    lib = build_book.fingerprint(build_book.library_inputs(ENGLISH))
    work = _work(tmp_path, ENGLISH, lib, build_book.fingerprint(build_book.page_inputs()))
    build_book.invalidate(work, ENGLISH)
    assert not (work / ".jupyter_cache").exists()


def test_a_new_translation_re_runs_the_japanese_notebooks_only():
    assert build_book.TRANSLATIONS in build_book.library_inputs(JAPANESE)
    assert build_book.TRANSLATIONS not in build_book.library_inputs(ENGLISH)
    assert set(build_book.library_inputs(JAPANESE)) - set(build_book.library_inputs(ENGLISH)) \
        == {build_book.TRANSLATIONS}


def test_an_extension_change_rewrites_the_pages_but_keeps_the_cache(tmp_path, not_ci):
    lib = build_book.fingerprint(build_book.library_inputs(ENGLISH))
    work = _work(tmp_path, ENGLISH, lib, "the extensions as they were")
    build_book.invalidate(work, ENGLISH)
    assert (work / ".jupyter_cache").exists() and not (work / ".doctrees").exists()


def test_the_language_reaches_the_kernels_of_each_edition(monkeypatch):
    seen = []
    monkeypatch.setattr(build_book.subprocess, "run",
                        lambda command, cwd, env: seen.append(env["MAINTBOOK_LANG"]) or
                        type("Done", (), {"returncode": 0})())
    monkeypatch.setenv("MAINTBOOK_LANG", "ja")  # a shell's setting must not leak into English
    build_book.spawn({}, "en")
    build_book.spawn({}, "ja")
    assert seen == ["en", "ja"]


def test_a_translated_edition_builds_with_its_language_and_its_own_cache(tmp_path):
    job = build_book.sphinx_job("html", tmp_path / "out", tmp_path / "doctrees",
                                tmp_path / "cache", tmp_path / "_toc.yml", "ja")
    assert job["overrides"]["language"] == "ja"
    assert job["overrides"]["nb_execution_cache_path"] == str(tmp_path / "cache")
    assert job["strict"] and job["overrides"]["nitpicky"]
    english = build_book.sphinx_job("html", tmp_path / "out", tmp_path / "doctrees",
                                    tmp_path / "cache", tmp_path / "_toc.yml", "en")
    assert "language" not in english["overrides"]


@pytest.mark.parametrize(("page", "here", "there", "href"), [
    ("intro", "en", "ja", "ja/intro.html"),
    ("intro", "ja", "en", "../intro.html"),
    ("chapters/05_percentiles", "en", "ja", "../ja/chapters/05_percentiles.html"),
    ("chapters/05_percentiles", "ja", "en", "../../chapters/05_percentiles.html"),
])
def test_a_page_links_to_the_same_page_of_the_other_edition(page, here, there, href):
    assert editions.counterpart_href(page, here, there) == href


def test_an_unknown_edition_is_refused_by_name():
    with pytest.raises(ValueError, match="lang must be one of"):
        editions.edition("fr")
