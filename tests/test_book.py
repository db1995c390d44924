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
