"""Japanese text on the site is marked lang="ja" (``_ext/japanese_lang.py``)."""

from __future__ import annotations

import pytest
from japanese_lang import mark_japanese

PAGE = '<html lang="en"><body>{}</body></html>'


def test_a_quoted_japanese_heading_becomes_one_japanese_run_with_its_digits():
    html = PAGE.format("<p>It mirrors 「通常、最長で 30 秒間」 (<em>usually</em>).</p>")
    assert mark_japanese(html) == PAGE.format(
        '<p>It mirrors <span lang="ja">「通常、最長で 30 秒間」</span> (<em>usually</em>).</p>')


def test_kana_kanji_and_full_width_punctuation_are_japanese_and_english_between_them_is_not():
    html = PAGE.format("<li>ダウンタイム. Downtime; 一時停止（Freeze）</li>")
    assert mark_japanese(html) == PAGE.format(
        '<li><span lang="ja">ダウンタイム</span>. Downtime; <span lang="ja">一時停止（</span>'
        'Freeze<span lang="ja">）</span></li>')


def test_text_already_inside_a_japanese_element_is_left_alone():
    html = PAGE.format('<p lang="ja">メンテナンス <b>時間</b></p><p lang="ja-JP">秒</p>')
    assert mark_japanese(html) == html


def test_an_english_element_inside_a_japanese_one_is_marked_again():
    html = PAGE.format('<div lang="ja">日本<span lang="en">English 日本</span></div>')
    assert mark_japanese(html) == PAGE.format(
        '<div lang="ja">日本<span lang="en">English <span lang="ja">日本</span></span></div>')


def test_a_page_whose_root_language_is_japanese_is_not_changed():
    html = ('<html lang="ja"><head><title>本</title></head>'
            "<body><p>日本語の本 30 秒</p></body></html>")
    assert mark_japanese(html) == html


@pytest.mark.parametrize("raw", [
    "<script>var t = '日本';</script>",
    "<style>/* 日本 */</style>",
    "<!-- 日本 -->",
    '<img alt="日本" src="x.png">',
    "<title>日本</title>",
    "<select><option>日本</option></select>",
])
def test_scripts_comments_attributes_titles_and_options_are_not_touched(raw):
    html = PAGE.format(raw)
    assert mark_japanese(html) == html


def test_marking_twice_changes_nothing_more():
    html = PAGE.format("<p>a 「秒」 b <br>時間</p>")
    once = mark_japanese(html)
    assert once != html
    assert mark_japanese(once) == once


def test_a_page_without_japanese_is_returned_unchanged():
    html = PAGE.format("<p>30 seconds &amp; more</p>")
    assert mark_japanese(html) == html


def test_the_english_build_leaves_the_japanese_edition_inside_it_to_its_own_build(tmp_path):
    from japanese_lang import _pages

    (tmp_path / "ja" / "chapters").mkdir(parents=True)
    (tmp_path / "ja" / ".buildinfo").write_text("# Sphinx build info version 1\n")
    for page in ("intro.html", "chapters/05.html", "ja/intro.html", "ja/chapters/05.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<html></html>")
    assert sorted(p.relative_to(tmp_path).as_posix() for p in _pages(tmp_path)) == [
        "chapters/05.html", "intro.html"]
