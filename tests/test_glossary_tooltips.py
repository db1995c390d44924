"""The definition a glossary link shows on hover and focus (``_ext/glossary_tooltips.py``)."""

from __future__ import annotations

from glossary_tooltips import MAX_CHARS, tooltip_text


def test_a_short_definition_is_shown_whole_on_one_line():
    text = "A pause of the whole VM:\n  its virtual CPUs stop ."
    assert tooltip_text(text) == "A pause of the whole VM: its virtual CPUs stop."


def test_a_long_definition_is_cut_after_its_last_whole_sentence_that_fits():
    first = ("The first sentence carries the meaning of the term on its own, which is all that a "
             "tooltip beside a link has to say.")
    text = f"{first} " + "A second sentence goes on " + "and on " * 60 + "."
    assert tooltip_text(text) == first


def test_a_long_sentence_is_cut_at_a_word_and_marked_as_cut():
    text = "word " * 200
    cut = tooltip_text(text)
    assert cut.endswith(" …") and len(cut) <= MAX_CHARS + 2
    assert set(cut.removesuffix(" …").split()) == {"word"}


def test_a_first_sentence_too_short_to_stand_alone_is_continued_to_a_word():
    text = "Short. " + "More words follow here " * 30
    cut = tooltip_text(text)
    assert cut.startswith("Short. More words") and cut.endswith(" …")
