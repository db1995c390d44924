"""The key-numbers table: what the prose quotes is exactly what the code formatted."""

from __future__ import annotations

import sys

import pytest
from myst_nb.core.variables import format_plain_text

from maintsim.book import GLUE_PREFIX, KeyNumbers, _Plain


@pytest.mark.parametrize("text", ["100,000", "9.10", "17.9 s", "63.4%", "1e5", "it's \"quoted\""])
def test_glued_text_reaches_the_page_unchanged(text):
    # myst-nb's {glue:text} shows format_plain_text(text/plain, ""), and text/plain is repr()
    assert format_plain_text(repr(_Plain(text)), "") == text


def test_a_thousands_separator_is_not_read_as_a_tuple():
    key = KeyNumbers("chXX").add("vms", 100_000, "{:,}")
    shown = format_plain_text(repr(_Plain(key.formatted("vms"))), "")
    assert shown == "100,000"


def test_the_table_prints_values_without_quotes():
    key = KeyNumbers("chXX").add("vms", 100_000, "{:,}", "fleet size")
    assert repr(key).splitlines()[1].split() == ["chXX_vms", "100,000", "#", "fleet", "size"]


def _captured_displays(monkeypatch, target, attribute):
    calls = []
    monkeypatch.setattr(target, attribute,
                        lambda obj, raw=False, metadata=None: calls.append((obj, raw, metadata)))
    return calls


@pytest.mark.parametrize("text", ["100,000", "17.9 s", "63.4%"])
def test_glue_emits_exactly_what_myst_nb_glue_emits(monkeypatch, text):
    import IPython.display
    import myst_nb.ext.glue as mystnb_glue

    ours = _captured_displays(monkeypatch, IPython.display, "display")
    KeyNumbers("chXX").add("value", text).glue()
    theirs = _captured_displays(monkeypatch, mystnb_glue, "ipy_display")
    mystnb_glue.glue("chXX_value", _Plain(text), display=False)
    assert ours == theirs
    bundle, _, metadata = ours[0]
    assert set(bundle) == {mystnb_glue.GLUE_PREFIX + "text/plain"}  # nothing shows in Jupyter
    assert metadata["scrapbook"] == {"name": "chXX_value", "mime_prefix": mystnb_glue.GLUE_PREFIX}


def test_glue_works_where_myst_nb_is_not_installed(monkeypatch):
    import IPython.display

    monkeypatch.setitem(sys.modules, "myst_nb", None)  # `import myst_nb` now raises ImportError
    calls = _captured_displays(monkeypatch, IPython.display, "display")
    KeyNumbers("chXX").add("vms", 100_000, "{:,}").add("p99_s", 17.94, "{:.1f} s").glue()
    names = [metadata["scrapbook"]["name"] for _, _, metadata in calls]
    assert names == ["chXX_vms", "chXX_p99_s"]
    assert calls[0][0][GLUE_PREFIX + "text/plain"] == "'100,000'"


def test_in_japanese_the_number_is_the_same_and_only_its_unit_changes(monkeypatch):
    import IPython.display

    from maintsim import language

    key = (KeyNumbers("chXX").add("p99_s", 17.94, "{:.1f} s").add("vms", 100_000, "{:,}")
           .add("budget_min", 43.2, "{:.1f} minutes").add("verdict", "met"))
    assert [key.formatted(n) for n in ("p99_s", "vms", "budget_min", "verdict")] == [
        "17.9 s", "100,000", "43.2 minutes", "met"]
    with language.using("ja"):
        calls = _captured_displays(monkeypatch, IPython.display, "display")
        key.glue()
        glued = [bundle[GLUE_PREFIX + "text/plain"] for bundle, _, _ in calls]
        assert glued == ["'17.9 秒'", "'100,000'", "'43.2 分'", "'達成'"]
        assert "17.9 秒" in repr(key)


def test_in_japanese_a_unit_without_a_translation_stops_the_glue():
    from maintsim import language

    key = KeyNumbers("chXX").add("distance", 3, "{} furlongs")
    assert key.formatted("distance") == "3 furlongs"
    with language.using("ja"), pytest.raises(language.MissingTranslation, match="furlongs"):
        key.formatted("distance")
