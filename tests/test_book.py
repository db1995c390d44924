"""The key-numbers table: what the prose quotes is exactly what the code formatted."""

from __future__ import annotations

import pytest
from myst_nb.core.variables import format_plain_text

from maintsim.book import KeyNumbers, _Plain


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
