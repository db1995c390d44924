"""`make locales` keeps every translation through English edits, and says what is left to do.

The catalogues are merged by sphinx-intl (pinned in requirements-dev.txt); these tests run it on
small catalogues of their own.
"""

from __future__ import annotations

import textwrap

from babel.messages.pofile import read_po
from tools import editions, locales

POT_HEADER = textwrap.dedent('''\
    msgid ""
    msgstr ""
    "Content-Type: text/plain; charset=UTF-8\\n"
    ''')


def _write_pot(folder, document, messages):
    path = folder / f"{document}.pot"
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f'\nmsgid "{m}"\nmsgstr ""\n' for m in messages)
    path.write_text(POT_HEADER + body, encoding="utf-8")


def _translate(po_path, translations):
    text = po_path.read_text(encoding="utf-8")
    for english, japanese in translations.items():
        text = text.replace(f'msgid "{english}"\nmsgstr ""',
                            f'msgid "{english}"\nmsgstr "{japanese}"')
    po_path.write_text(text, encoding="utf-8")


def _messages(po_path):
    with po_path.open("rb") as handle:
        return {m.id: (m.string, m.fuzzy) for m in read_po(handle) if m.id}


def test_an_english_edit_keeps_old_translations_and_marks_the_changed_one_fuzzy(tmp_path):
    pots, catalogues = tmp_path / "gettext", tmp_path / "locales"
    _write_pot(pots, "chapters/05_percentiles",
               ["The P99 of the sample is 30 s.", "A percentile is a rank.", "Exercises"])
    _write_pot(pots, "chapters/old_page", ["Gone soon"])
    locales.update("ja", pots, catalogues)
    po = locales.catalogue_dir("ja", catalogues) / "chapters" / "05_percentiles.po"
    _translate(po, {"The P99 of the sample is 30 s.": "標本の P99 は 30 秒です。",
                    "A percentile is a rank.": "パーセンタイルは順位です。",
                    "Exercises": "演習"})

    # the English changes: one sentence edited, one new, one page gone
    for pot in pots.rglob("*.pot"):
        pot.unlink()
    _write_pot(pots, "chapters/05_percentiles",
               ["The P99 of the sample is 29.6 s.", "A percentile is a rank.", "Exercises",
                "A brand-new paragraph."])
    locales.update("ja", pots, catalogues)

    messages = _messages(po)
    assert messages["A percentile is a rank."] == ("パーセンタイルは順位です。", False)
    assert messages["Exercises"] == ("演習", False)
    assert messages["The P99 of the sample is 29.6 s."] == ("標本の P99 は 30 秒です。", True)
    assert messages["A brand-new paragraph."] == ("", False)
    assert "The P99 of the sample is 30 s." not in messages  # no obsolete entries pile up
    assert not (locales.catalogue_dir("ja", catalogues) / "chapters" / "old_page.po").exists()

    (state,) = locales.catalogue_states("ja", catalogues)
    assert (state.document, state.translated, state.fuzzy, state.untranslated) == (
        "chapters/05_percentiles", 2, 1, 1)
    assert not state.complete
    assert str(state) == ("chapters/05_percentiles: 2/4 translated (50 %), 1 fuzzy, "
                          "1 untranslated")


def test_every_edition_but_the_source_has_catalogues_in_the_repository():
    for edition in editions.EDITIONS:
        has_catalogues = any(locales.catalogue_dir(edition.lang).rglob("*.po"))
        assert has_catalogues == (edition.lang != editions.SOURCE), edition.lang


def _cell(source, outputs, tags=()):
    return {"cell_type": "code", "source": source, "outputs": outputs,
            "metadata": {"tags": list(tags)}}


def test_the_drawn_english_report_names_each_cell_and_what_it_draws():
    figure = {"data": [{"name": "requests per minute", "type": "scatter"}],
              "layout": {"title": {"text": "負荷 (仮定)"}, "template": {"layout": {
                  "font": {"family": "sans-serif"}}}}}
    notebook = {"cells": [
        {"cell_type": "markdown", "source": "prose is gettext's"},
        _cell("fig.show()", [{"output_type": "display_data",
                              "data": {locales.PLOTLY_MIME: figure, "text/html": "<div></div>"}}]),
        _cell("table", [{"output_type": "execute_result", "data": {
            "text/html": "<table><caption>見出し</caption><tr><th>Time left</th></tr></table>",
            "text/plain": "..."}}]),
        _cell("print(x)", [{"output_type": "stream", "name": "stdout",
                            "text": "tcp_retries2 = 15\nrollout 40 min\n"}]),
        _cell("hidden", [{"output_type": "stream", "name": "stdout", "text": "secret words"}],
              tags=["remove-output"]),
        _cell("# NBVAL_CHECK_OUTPUT\nkey", [{"output_type": "execute_result",
                                             "data": {"text/plain": "Key numbers (ch05)"}}]),
    ]}
    report = locales.notebook_english(notebook)
    assert [(r.cell, r.kind, r.strings) for r in report] == [
        (1, "figure", ("requests per minute",)),
        (2, "table", ("Time left",)),
        (3, "printed", ("rollout 40 min",)),
    ]
    assert str(report[0]) == "cell 1 (figure): 'requests per minute'"


def test_a_name_an_acronym_or_an_identifier_is_not_english_left_untranslated():
    for drawn in ("Linux TCP、tcp_retries2 = 15 (既定)", "P99", "WSFC", "tcp_retries2 = 5",
                  "%{x:g} 秒", "30 s", "Premium SSD", "99.9 %"):
        assert not locales.english_left(drawn), drawn
    for drawn in ("freeze (seconds)", "start %{x}:00<br>%{y:,.0f} requests", "0 fit"):
        assert locales.english_left(drawn), drawn


def test_code_output_and_docstrings_stay_out_of_the_catalogues():
    from catalogue_scope import written_by_code
    from docutils import nodes
    from sphinx import addnodes

    prose = nodes.paragraph("The P99 is 30 s.", "The P99 is 30 s.")
    prose.source = "chapters/05_percentiles.ipynb"
    printed = nodes.paragraph("- **2020**: all IaaS VMs", "- **2020**: all IaaS VMs")
    nodes.container("", nodes.container("", printed), classes=["cell_output"])
    docstring = nodes.paragraph("Freeze-time models.", "Freeze-time models.")
    docstring.source = "lib/maintsim/freeze.py:docstring of maintsim.freeze"
    field = nodes.paragraph("Parameters", "Parameters")
    addnodes.desc("", addnodes.desc_content("", field))
    assert not written_by_code(prose)
    assert written_by_code(printed) and written_by_code(docstring) and written_by_code(field)


def test_check_names_a_translation_that_lost_a_role_or_changed_a_target(tmp_path):
    folder = tmp_path / "xx" / "LC_MESSAGES" / "chapters"
    folder.mkdir(parents=True)
    (folder / "page.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "P99 is {glue:text}`ch05_p99_s` ({term}`P99`)."\n'
        'msgstr "P99 は 29.6 秒 ({term}`P99`)。"\n\n'
        'msgid "See {ref}`chapter 4 <ch04-rates>` and {term}`a freeze <Freeze>`."\n'
        'msgstr "{ref}`4 章 <ch04-rates>` と {term}`一時停止 <Freeze>` を参照。"\n\n'
        'msgid "Run `make book` {cite:p}`ms_maint`."\n'
        'msgstr "`make docs` を実行します {cite:p}`ms_other`。"\n',
        encoding="utf-8")
    problems = locales.check("xx", locales=tmp_path)
    assert [(p.line, p.missing, p.extra) for p in problems] == [
        (5, ("{glue:text}ch05_p99_s",), ()),
        (11, ("code make book", "{cite:p}ms_maint"), ("code make docs", "{cite:p}ms_other")),
    ]
    assert "page.po:5: missing {glue:text}ch05_p99_s" in str(problems[0])


def test_a_translation_may_equal_its_english_and_a_message_without_letters_needs_none():
    import gettext
    import io

    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from translations import is_translated  # _ext/ is on pytest's path (pyproject.toml)
    catalog = Catalog(locale="ja")
    catalog.add("SLA", "SLA")  # an acronym, kept
    catalog.add("Exercise 1", "練習 1")
    catalog.add("Solution", "")  # not translated yet
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    translations = gettext.GNUTranslations(buffer)
    assert is_translated(translations, "SLA")
    assert is_translated(translations, "Exercise 1")
    assert not is_translated(translations, "Solution")
    assert not is_translated(translations, "A new English sentence")
    assert is_translated(translations, "練習")  # written in Japanese by an extension
    assert is_translated(None, "3")  # nothing to translate
    assert not is_translated(None, "Azure")
