"""The "key numbers" of a chapter: one table that nbval checks and the prose quotes.

Every chapter ends its computations with a cell like::

    # NBVAL_CHECK_OUTPUT
    key = KeyNumbers("ch05")
    key.add("p99_s", sample_p99, "{:.1f} s", "P99 of the seeded sample")
    key

The cell's printed table is compared by nbval on every CI run, so a change in
the library that moves a number fails the build. A second cell calls
``key.glue()``, which stores each formatted value the way myst-nb's ``glue`` does so
the prose can quote it as ``{glue:text}`ch05_p99_s``` — the number in the text is
always the number the code computed. ``glue()`` needs IPython (any Jupyter kernel has it)
but not myst-nb: a reader's environment (Binder, Colab) has no book builder in it.

In another language (``MAINTBOOK_LANG=ja``, the Japanese book build) the number is formatted
exactly the same and only the words around it change: ``"{:.1f} s"`` glues ``"28.0 秒"`` where
English glues ``"28.0 s"``, through the unit table :data:`maintsim.messages.UNITS`
(:func:`maintsim.language.unit_text`); a value that is a word (``"met"``) is translated with the
message table. A unit or word without a translation fails there rather than glue English.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from maintsim.language import unit_text

GLUE_PREFIX = "application/papermill.record/"
"""Prefix of a glued, undisplayed mimetype, as ``myst_nb.ext.glue.GLUE_PREFIX`` (myst-nb 1.x)."""


def glue_output(name: str, value) -> tuple[dict, dict]:
    """The display data and metadata of ``myst_nb.glue(name, value, display=False)``.

    myst-nb's ``glue`` formats ``value`` with IPython's display formatter, prefixes every
    mimetype with :data:`GLUE_PREFIX` (so Jupyter shows nothing) and marks the output's
    metadata ``{"scrapbook": {"name": name, "mime_prefix": GLUE_PREFIX}}``; the book build
    finds glued values by that mark. This returns the same pair without importing myst-nb.
    """
    from IPython.core.formatters import format_display_data

    bundle, metadata = format_display_data(value)
    metadata["scrapbook"] = {"name": name, "mime_prefix": GLUE_PREFIX}
    return {GLUE_PREFIX + mime: data for mime, data in bundle.items()}, metadata


class _Plain(str):
    """A string glued as a quoted Python literal, so ``{glue:text}`` shows it exactly.

    myst-nb passes the glued ``text/plain`` through :func:`ast.literal_eval` before showing
    it. A bare ``100,000`` would come out as the tuple ``(100, 0)`` and a bare ``9.10`` as
    ``9.1``; the quoted literal evaluates back to the very string, quotes removed.
    """

    def __repr__(self) -> str:
        return repr(str(self))


@dataclass
class KeyNumbers:
    """An ordered table of named, formatted results for one chapter.

    Parameters
    ----------
    prefix : str
        Prefix of every glue name (for example ``"ch05"``), so names stay unique
        across the book.
    """

    prefix: str
    _rows: list[tuple[str, object, str, str]] = field(default_factory=list)

    def add(self, name: str, value, fmt: str = "{}", label: str = "") -> KeyNumbers:
        """Add one result: ``fmt.format(value)`` is what the table and the prose show."""
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"name must be an identifier-like string, got {name!r}")
        if any(row[0] == name for row in self._rows):
            raise ValueError(f"name {name!r} is already in the key numbers")
        if not isinstance(fmt, str):
            raise TypeError(f"fmt must be a format string, got {fmt!r}")
        self._rows.append((name, value, fmt, label))
        return self

    def formatted(self, name: str) -> str:
        """The formatted text of one entry, exactly as the prose shows it (in the current
        language, :mod:`maintsim.language`)."""
        for row_name, value, fmt, _ in self._rows:
            if row_name == name:
                return unit_text(fmt, value)
        raise KeyError(f"no key number named {name!r}; have {[r[0] for r in self._rows]}")

    def glue_name(self, name: str) -> str:
        return f"{self.prefix}_{name}"

    def glue(self) -> None:
        """Glue every formatted value as myst-nb's ``glue`` would (no visible output)."""
        from IPython.display import display  # imported here: only a kernel needs it

        for name, value, fmt, _ in self._rows:
            bundle, metadata = glue_output(self.glue_name(name), _Plain(unit_text(fmt, value)))
            display(bundle, raw=True, metadata=metadata)

    def __repr__(self) -> str:
        width = max((len(self.glue_name(r[0])) for r in self._rows), default=0)
        lines = [f"Key numbers ({self.prefix})"]
        for name, value, fmt, label in self._rows:
            text = unit_text(fmt, value)
            suffix = f"   # {label}" if label else ""
            lines.append(f"  {self.glue_name(name):<{width}}  {text}{suffix}")
        return "\n".join(lines)
