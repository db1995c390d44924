"""The language of what ``maintsim`` draws and prints: English by default, Japanese on request.

The book's prose is translated with Sphinx's gettext catalogues, but text that code draws (figure
titles, axis labels, legends, hover text, table headers and captions, the explorer's words, the
units of glued key numbers) never passes through Sphinx. It passes through here instead: one
message table, :data:`maintsim.messages.MESSAGES`, keyed by the English text itself.

* :func:`text` returns a message in the current language, formatted with its values::

      text("Freeze of {freeze_s:g} s: {n} of {m} survive", freeze_s=30.0, n=5, m=9)

  gives ``"Freeze of 30 s: 5 of 9 survive"`` in English and ``"30 秒の一時停止: 9 個中 5 個が
  耐える"`` in Japanese. Wrap every string you draw in it, in the library and in a chapter.
* :func:`translate` takes a string that a model module has already formatted in English (a phase
  label of :mod:`maintsim.sequence`, a sentence of :func:`maintsim.workload.assess_freeze`) and
  finds the message it was formatted from, so the figure layer can draw it in the current
  language while the model modules stay plain English data.
* :func:`unit_text` is how :class:`maintsim.book.KeyNumbers` turns ``"{:.1f} s"`` into
  ``"{:.1f} 秒"``: the number stays exactly as formatted, only the words around it change.

The language is the environment variable ``MAINTBOOK_LANG`` (``en`` or ``ja``; the Japanese book
build sets it for its kernels), unless :func:`set_language` or :func:`using` chose one. English
needs no table. **In any other language a message without a translation raises**
:class:`MissingTranslation`, so a Japanese build fails rather than draw English in a Japanese
figure.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import string

__all__ = [
    "ENV_VAR",
    "LANGUAGES",
    "MissingTranslation",
    "current",
    "set_language",
    "text",
    "translate",
    "unit_text",
    "using",
]

LANGUAGES = ("en", "ja")
"""The languages ``maintsim`` can draw in; English is the source of every message."""

ENV_VAR = "MAINTBOOK_LANG"
"""The environment variable that chooses the language; English when it is unset or empty."""

_chosen: str | None = None


class MissingTranslation(LookupError):
    """A message has no translation in the current language (never raised in English)."""


def _check(lang, where: str) -> str:
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(f"{where} must be one of {', '.join(map(repr, LANGUAGES))}, "
                         f"got {lang!r}")
    return lang


def current() -> str:
    """The language of drawn text: the one :func:`set_language` chose, else ``MAINTBOOK_LANG``,
    else ``"en"``.

    Raises
    ------
    ValueError
        ``MAINTBOOK_LANG`` names a language that is not in :data:`LANGUAGES`.
    """
    if _chosen is not None:
        return _chosen
    return _check(os.environ.get(ENV_VAR) or "en", f"the environment variable {ENV_VAR}")


def set_language(lang: str | None) -> None:
    """Draw in ``lang`` from now on (``"en"`` or ``"ja"``); ``None`` goes back to
    ``MAINTBOOK_LANG``."""
    global _chosen
    _chosen = None if lang is None else _check(lang, "lang")


@contextlib.contextmanager
def using(lang: str):
    """Draw in ``lang`` inside a ``with`` block, then in the language chosen before."""
    global _chosen
    before = _chosen
    _chosen = _check(lang, "lang")
    try:
        yield lang
    finally:
        _chosen = before


def _table(lang: str) -> dict[str, str]:
    from maintsim.messages import MESSAGES

    return MESSAGES[lang]


def _missing(message: str, lang: str, what: str = "message") -> MissingTranslation:
    return MissingTranslation(
        f"no {lang!r} translation of the {what} {message!r}: add it to "
        f"maintsim.messages.MESSAGES[{lang!r}] (MAINTBOOK_LANG={lang} does not fall back to "
        "English)")


def text(message: str, /, **values) -> str:
    """``message`` in the current language, formatted with ``values`` (``str.format``).

    ``message`` is the English text, the key of the table. Without ``values`` it is returned as
    written (plotly's ``%{x:g}`` placeholders and literal braces stay); with them, both the
    English and the translated template are formatted, so a number looks the same in both.

    Raises
    ------
    TypeError
        ``message`` is not a string.
    MissingTranslation
        The current language is not English and the table has no translation of ``message``.
    """
    if not isinstance(message, str):
        raise TypeError(f"message must be a string, got {type(message).__name__} {message!r:.60}")
    lang = current()
    template = message if lang == "en" else _table(lang).get(message)
    if template is None:
        raise _missing(message, lang)
    return template.format(**values) if values else template


_FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")


@functools.lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[tuple[re.Pattern, str], ...]:
    """Every message of ``lang``'s table with replacement fields, as a regular expression that
    matches the English text it formats, most specific (longest literal text) first."""
    found = []
    for english, translated in _table(lang).items():
        pieces = _FIELD.split(english)
        if len(pieces) == 1:
            continue
        regex, literal, seen = [], 0, set()
        for i, piece in enumerate(pieces):
            if i % 2 and piece in seen:  # a field used twice holds the same text both times
                regex.append(f"(?P={piece})")
            elif i % 2:  # a field: a sentence if its name ends in _text, else one word or number
                seen.add(piece)
                regex.append(f"(?P<{piece}>.+?)" if piece.endswith("_text") else
                             f"(?P<{piece}>\\S+?)")
            else:
                regex.append(re.escape(piece))
                literal += len(piece)
        found.append((literal, re.compile("".join(regex), re.DOTALL), translated))
    found.sort(key=lambda item: -item[0])
    return tuple((pattern, translated) for _, pattern, translated in found)


def translate(english: str) -> str:
    """A string that was already formatted in English, in the current language.

    Looks the whole string up first; else finds the message whose English template formats
    to it (``"28 s behind"`` is ``"{behind_s:g} s behind"``) and puts the same values into the
    translated template. A value whose field name ends in ``_text`` is itself translated (a
    sentence inside a sentence); any other value is one word or number without spaces, kept
    exactly as written (so ``"{value:g} s"`` cannot pass an English phrase ending in " s").

    Raises
    ------
    TypeError
        ``english`` is not a string.
    MissingTranslation
        Neither the string nor any template of the table matches it.
    """
    if not isinstance(english, str):
        raise TypeError(f"english must be a string, got {type(english).__name__} "
                        f"{english!r:.60}")
    lang = current()
    if lang == "en" or not english:
        return english
    table = _table(lang)
    if english in table:
        return table[english]
    for pattern, translated in _patterns(lang):
        match = pattern.fullmatch(english)
        if match:
            values = {name: translate(value) if name.endswith("_text") else value
                      for name, value in match.groupdict().items()}
            return _FIELD.sub(lambda field, found=values: found[field.group(1)], translated)
    raise _missing(english, lang, "formatted text")


def unit_text(fmt: str, value) -> str:
    """``fmt.format(value)`` in the current language: the number exactly as formatted, the
    words around it from the unit table.

    Every literal piece of ``fmt`` that holds a letter (``" s"``, ``" minutes"``,
    ``" requests a minute"``) is looked up in :data:`maintsim.messages.UNITS`; a piece without
    letters (``":00"``, ``" %"``) is looked up too and kept as it is when absent. A whole format
    in the unit table (``"one in {:,.0f}"``) is replaced whole, for a language that puts the
    words elsewhere. A string ``value`` with a letter is a word or a formatted quantity
    (``"met"``, ``"26.04 s"``), translated with :func:`translate`; one without (a version,
    ``"4.11"``) is kept as it is.

    Raises
    ------
    MissingTranslation
        In a language other than English, a literal with letters that the unit table lacks, or a
        string value that the message table lacks.
    """
    if not isinstance(fmt, str):
        raise TypeError(f"fmt must be a format string, got {fmt!r}")
    lang = current()
    if lang == "en":
        return fmt.format(value)
    from maintsim.messages import UNITS

    units = UNITS[lang]
    if isinstance(value, str) and re.search(r"[A-Za-z]", value):
        value = translate(value)
    whole = units.get(fmt)
    if whole is not None and "{" in whole:
        return whole.format(value)
    out = []
    for literal, field, spec, conversion in string.Formatter().parse(fmt):
        if literal:
            translated = units.get(literal)
            if translated is None and re.search(r"[A-Za-z]", literal):
                raise _missing(literal, lang, "unit (a literal of a key number's format)")
            kept = literal if translated is None else translated
            out.append(kept.replace("{", "{{").replace("}", "}}"))
        if field is not None:
            out.append("{" + field + (f"!{conversion}" if conversion else "")
                       + (f":{spec}" if spec else "") + "}")
    return "".join(out).format(value)
