"""maintsim draws in English by default and in Japanese on request, and never mixes the two.

The Japanese book build sets ``MAINTBOOK_LANG=ja`` for its kernels; every word the library draws
(figure titles, axes, legends, hover text, tables, the explorer's words, key-number units) then
comes from the one message table, and a word without a translation stops the build.
"""

from __future__ import annotations

import re
import string

import numpy as np
import pytest
from tools.locales import JAPANESE, drawn_strings, english_left

from maintsim import explorer, language, sequence, timeline, workload
from maintsim.figures import sequence as fig_sequence
from maintsim.figures import timeline as fig_timeline
from maintsim.figures import workload as fw
from maintsim.language import MissingTranslation, text, translate, unit_text
from maintsim.messages import MESSAGES, UNITS

JA = MESSAGES["ja"]


# --- choosing the language -------------------------------------------------------------------


def test_english_is_the_default_and_needs_no_table():
    assert language.current() == "en"
    assert text("no limit") == "no limit"
    assert text("a sentence nobody translated") == "a sentence nobody translated"
    assert translate("anything at all, 30 s") == "anything at all, 30 s"


def test_the_environment_variable_chooses_japanese(monkeypatch):
    monkeypatch.setenv("MAINTBOOK_LANG", "ja")
    assert language.current() == "ja"
    assert text("no limit") == "上限なし"


@pytest.mark.parametrize("value", ["jp", "JA", "fr", " ja"])
def test_an_unknown_language_in_the_environment_is_refused_by_name(monkeypatch, value):
    monkeypatch.setenv("MAINTBOOK_LANG", value)
    with pytest.raises(ValueError, match=r"MAINTBOOK_LANG must be one of 'en', 'ja'"):
        language.current()


@pytest.mark.parametrize("value", ["de", None, 1])
def test_using_an_unknown_language_is_refused_by_name(value):
    with pytest.raises(ValueError, match="lang must be one of"):
        with language.using(value):
            pass


def test_the_setter_wins_over_the_environment_until_it_is_cleared(monkeypatch):
    monkeypatch.setenv("MAINTBOOK_LANG", "ja")
    language.set_language("en")
    assert language.current() == "en"
    language.set_language(None)
    assert language.current() == "ja"


def test_using_restores_the_language_chosen_before_even_after_an_error():
    language.set_language("en")
    with pytest.raises(RuntimeError):
        with language.using("ja"):
            assert language.current() == "ja"
            raise RuntimeError("boom")
    assert language.current() == "en"


# --- text and translate ----------------------------------------------------------------------


def test_a_number_reads_the_same_in_both_languages():
    message = "Freeze of {freeze_s:g} s: {n} of {m} survive"
    english = text(message, freeze_s=30.0, n=5, m=9)
    with language.using("ja"):
        japanese = text(message, freeze_s=30.0, n=5, m=9)
    assert english == "Freeze of 30 s: 5 of 9 survive"
    assert re.findall(r"\d+", japanese) == ["30", "9", "5"]  # Japanese names the total first
    assert JAPANESE.search(japanese)


def test_a_message_without_a_translation_fails_in_japanese_and_names_itself():
    with language.using("ja"):
        with pytest.raises(MissingTranslation, match="'an untranslated axis title'.*MESSAGES"):
            text("an untranslated axis title")
        with pytest.raises(MissingTranslation, match="formatted text 'an untranslated 30 s'"):
            translate("an untranslated 30 s")


@pytest.mark.parametrize("call", [lambda: text(3), lambda: translate(None)])
def test_only_strings_are_messages(call):
    with pytest.raises(TypeError, match="must be a string"):
        call()


def test_a_formatted_model_string_is_translated_through_its_template():
    with language.using("ja"):
        assert translate("28 s behind") == "28 秒の遅れ"
        assert translate("node removed after 10 s; roles fail over") == (
            "10 秒後にノードが外され、ロールがフェールオーバーする")


def test_a_sentence_inside_a_sentence_is_translated_too():
    inner = "connection dropped at 12.6 s: no retransmission after resume"
    note = " (Azure quotes 25-50 s; with a first RTO up to 1 s Linux gives up before 26.04 s)"
    with language.using("ja"):
        whole = translate(inner + note)
        assert whole.startswith(translate(inner))
        assert "25～50 秒" in whole and "26.04 秒より前に" in whole


def _sample_values(message: str) -> dict[str, str]:
    """A distinct sample value per field of ``message`` (``_text`` fields get a sentence)."""
    values = {}
    for i, (_, field, _, _) in enumerate(string.Formatter().parse(message)):
        if field:
            values[field] = "no action" if field.endswith("_text") else f"{i + 1}.5"
    return values


def _fill(message: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}", lambda m: values[m.group(1)], message)


@pytest.mark.parametrize("english", [m for m in JA if "{" in m])
def test_every_template_translates_the_english_it_formats(english):
    values = _sample_values(english)
    with language.using("ja"):
        expected = _fill(JA[english], {k: translate(v) if k.endswith("_text") else v
                                       for k, v in values.items()})
        assert translate(_fill(english, values)) == expected


def _fields(message: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(message) if f)


@pytest.mark.parametrize("english", list(JA))
def test_a_translation_keeps_every_field_placeholder_and_tag_of_its_message(english):
    japanese = JA[english]
    assert _fields(japanese) == _fields(english)
    for pattern in (r"%\{[^}]*\}", r"</?\w+>"):
        assert sorted(re.findall(pattern, japanese)) == sorted(re.findall(pattern, english))
    words = re.sub(r"\{[^{}]*\}|<[^>]*>", "", english)  # without fields and tags
    if re.search(r"[A-Za-z]{3,}", words) and english not in ("VM", "Linux TCP", "Windows TCP",
                                                              "Pacemaker/Corosync", "-"):
        assert JAPANESE.search(japanese), f"{english!r} has no Japanese: {japanese!r}"


# --- terminology -------------------------------------------------------------------------------

# Microsoft's Japanese terms for the ones the glossary gives no Japanese for (yet); the glossary's
# own Japanese column wins wherever it has one (appendix/glossary.md is the one reference).
MICROSOFT_TERMS = {
    "availability zone": "可用性ゾーン",
    "availability set": "可用性セット",
    "update domain": "更新ドメイン",
    "service credit": "サービス クレジット",
    "scheduled events": "スケジュールされたイベント",
}
CHECKED_TERMS = ("hot patch", "live migration", "memory-preserving maintenance", "maintenance",
                 "reboot maintenance", "downtime", "freeze", "monthly uptime", "percentile",
                 *MICROSOFT_TERMS)


def glossary_japanese() -> dict[str, str]:
    """The glossary's Japanese column: ``{english term (lower case): japanese term}``."""
    from book_pages import ROOT

    found = {}
    source = (ROOT / "appendix" / "glossary.md").read_text(encoding="utf-8")
    for term, first_line in re.findall(r"^(\S[^\n]*)\n  ([^\n]+)", source, re.M):
        head = first_line.split(". ")[0]
        if JAPANESE.search(head):
            found[term.strip().lower()] = re.sub(r"\s*\([^)]*\)\s*$", "", head).strip()
    return found


def test_the_glossary_gives_japanese_for_the_terms_it_should():
    terms = glossary_japanese()
    assert terms["hot patch"] == "ホット パッチ"
    assert terms["memory-preserving maintenance"] == "メモリ保持メンテナンス"


def _every_message() -> list[tuple[str, str]]:
    pairs = list(JA.items()) + list(zip(explorer.TEXT["en"].values(),
                                        explorer.TEXT["ja"].values(), strict=True))
    return pairs + list(UNITS["ja"].items())


@pytest.mark.parametrize("term", CHECKED_TERMS)
def test_a_term_is_translated_as_the_glossary_or_microsoft_translates_it(term):
    japanese_term = glossary_japanese().get(term) or MICROSOFT_TERMS[term]
    pattern = re.compile(rf"\b{re.escape(term)}(s|es)?\b", re.I)
    wrong = [(en, ja) for en, ja in _every_message()
             if pattern.search(en) and japanese_term not in ja]
    assert wrong == [], f"{term!r} is {japanese_term!r} in Japanese: {wrong}"


# --- the library draws Japanese ----------------------------------------------------------------


def _library_figures():
    rng = np.random.default_rng(2022)
    ladders = [workload.tcp_retransmission_times_s(),
               workload.tcp_retransmission_times_s(5),
               workload.tcp_retransmission_times_s(user_timeout_s=30.0),
               workload.windows_retransmission_times_s()]
    return {
        "sequence, memory-preserving": fig_sequence.sequence_figure(
            sequence.memory_preserving_sequence()),
        "sequence, live migration": fig_sequence.sequence_figure(
            sequence.live_migration_sequence()),
        "year": fig_timeline.year_figure(timeline.onprem_year(rng), timeline.cloud_year(rng)),
        "survival, time sync": fw.survival_figure(range(0, 61), app_timeout_s=20.0),
        "survival, chrony": fw.survival_figure([0.5, 3.0, 30.0], app_timeout_s=20.0,
                                               time_sync=False, windows_rto_initial_s=3.0),
        "ladders": fw.ladder_figure(ladders, 30.0),
        "stalls": fw.stall_figure(ladders, np.arange(0.0, 60.0, 0.5)),
    }


def _library_tables():
    return {
        "assessment": fw.assessment_table(workload.assess_freeze(30.0, app_timeout_s=20.0)),
        "assessment, short freeze, chrony": fw.assessment_table(
            workload.assess_freeze(3.0, app_timeout_s=20.0, time_sync=False)),
        "tuning": fw.tuning_table(),
    }


def _table_strings(table) -> list[str]:
    return [*table.headers, table.caption, *(cell for row in table.rows for cell in row)]


def test_in_japanese_no_library_figure_or_table_draws_english():
    with language.using("ja"):
        drawn = {name: drawn_strings(fig.to_plotly_json())
                 for name, fig in _library_figures().items()}
        drawn |= {name: _table_strings(t) for name, t in _library_tables().items()}
        spec = explorer.spec()
    drawn["explorer"] = ([p["label"] for p in spec["presets"]]
                         + [t["label"] for t in spec["tiers"].values()]
                         + list(spec["text"].values()))
    english = {name: [s for s in strings if english_left(s)] for name, strings in drawn.items()}
    assert {name: left for name, left in english.items() if left} == {}
    assert all(any(JAPANESE.search(s) for s in strings) for strings in drawn.values())


def test_in_english_the_same_figures_draw_english():
    drawn = [s for fig in _library_figures().values() for s in drawn_strings(fig.to_plotly_json())]
    assert not any(JAPANESE.search(s) for s in drawn)
    assert any(english_left(s) for s in drawn)  # the check above can see English


def test_the_figures_draw_the_same_numbers_in_both_languages():
    def numbers(fig):
        return [re.findall(r"\d+(?:\.\d+)?", s) for s in drawn_strings(fig.to_plotly_json())]

    english = fw.survival_figure(range(1, 61), app_timeout_s=20.0, active_s=30.0)
    with language.using("ja"):
        japanese = fw.survival_figure(range(1, 61), app_timeout_s=20.0, active_s=30.0)
    assert english.data[0].x.tolist() == japanese.data[0].x.tolist()
    assert sorted(map(sorted, numbers(english))) == sorted(map(sorted, numbers(japanese)))


def test_a_japanese_figure_fails_rather_than_draw_a_word_the_table_lacks(monkeypatch):
    monkeypatch.delitem(JA, "How long a connection stalls")
    ladders = [workload.tcp_retransmission_times_s()]
    fw.stall_figure(ladders, [1.0, 2.0])  # English needs no table
    with language.using("ja"), pytest.raises(MissingTranslation, match="connection stalls"):
        fw.stall_figure(ladders, [1.0, 2.0])


def test_a_label_the_caller_passes_is_drawn_as_given():
    ladders = [workload.tcp_retransmission_times_s()]
    with language.using("ja"):
        fig = fw.ladder_figure(ladders, 30.0, labels=["既定の Linux"])
    assert "既定の Linux" in drawn_strings(fig.to_plotly_json())


# --- units of key numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "value", "english", "japanese"), [
    ("{:.1f} s", 28.04, "28.0 s", "28.0 秒"),
    ("{:,.0f} minutes", 1234.4, "1,234 minutes", "1,234 分"),
    ("{:g} %", 99.9, "99.9 %", "99.9%"),
    ("{:.1%}", 0.0267, "2.7%", "2.7%"),
    ("{:02d}:00", 3, "03:00", "03:00"),
    ("{:g}x", 1.5, "1.5x", "1.5 倍"),
    ("one in {:,.0f}", 1176.2, "one in 1,176", "1,176 回に一度"),
    ("{}", "met", "met", "達成"),
    ("{}", "4.11", "4.11", "4.11"),  # a version is not a word
])
def test_a_key_number_keeps_its_digits_and_changes_only_its_words(fmt, value, english, japanese):
    assert unit_text(fmt, value) == english == fmt.format(value)
    with language.using("ja"):
        assert unit_text(fmt, value) == japanese
    assert re.findall(r"\d", english) == re.findall(r"\d", japanese)


def test_a_unit_without_a_translation_fails_in_japanese_and_names_it():
    assert unit_text("{:.0f} furlongs", 3) == "3 furlongs"
    with language.using("ja"), pytest.raises(MissingTranslation, match="' furlongs'"):
        unit_text("{:.0f} furlongs", 3)


def test_every_unit_translation_is_a_literal_or_a_whole_format():
    for english, japanese in UNITS["ja"].items():
        if "{" in english:
            assert _fields(english) == _fields(japanese), english
            assert english.format(1.0) != japanese.format(1.0)
        else:
            assert "{" not in japanese, english


def test_a_template_may_use_a_field_twice(monkeypatch):
    from maintsim import messages

    table = {**messages.MESSAGES["ja"], "{n} of {n} freezes": "{n} 回中 {n} 回の一時停止"}
    monkeypatch.setitem(messages.MESSAGES, "ja", table)
    language._patterns.cache_clear()
    try:
        with language.using("ja"):
            assert translate("7 of 7 freezes") == "7 回中 7 回の一時停止"
            with pytest.raises(language.MissingTranslation):
                translate("7 of 8 freezes")  # the same field, two different values: no match
    finally:
        language._patterns.cache_clear()
