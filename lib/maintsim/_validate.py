"""Input checks shared by every module.

Each helper raises a ``ValueError`` or ``TypeError`` whose message names the
parameter, the value it was given and what is allowed, so that a reader who
passes nonsense learns exactly what went wrong instead of getting a NaN.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction
from numbers import Real

import numpy as np


def _describe(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_REAL_KINDS = "iuf"
"""numpy dtype kinds that hold real numbers: signed and unsigned integers, floats."""


def _not_numbers(name: str, value, what: str) -> TypeError:
    where = "" if what.endswith(_describe(value)) else f" in {_describe(value)}"
    return TypeError(
        f"{name} must be a number or an array of numbers (real: not text, bool or complex), "
        f"got {what}{where}"
    )


_KIND_NAMES = {"b": "bool", "c": "complex", "U": "text", "S": "bytes", "M": "datetime",
               "m": "timedelta", "V": "record", "O": "object"}


def _element_name(element) -> str:
    if isinstance(element, (list, tuple)):
        return f"nested sequences of uneven length ({_describe(element)})"
    return f"{type(element).__name__} {_describe(element)}"


def as_float_array(name: str, value, *, allow_empty: bool = False) -> np.ndarray:
    """Return ``value`` as a float64 array, refusing non-numbers, NaN and infinity.

    Only real numbers pass: Python ``int`` and ``float``, numpy integer and float scalars
    and arrays, and other :class:`numbers.Real` values (``fractions.Fraction``). Everything
    numpy would otherwise convert quietly is a ``TypeError`` naming the parameter, as
    :func:`scalar` (and so :func:`maintsim.fleet.simulate_fleet`) already does: numeric
    text (``["15", "20"]``, which numpy parses), ``bool`` (``True`` would count as 1),
    complex values (numpy drops the imaginary part with only a warning), ``None``, dates.
    """
    if isinstance(value, (str, bytes)) or value is None:
        raise _not_numbers(name, value, _describe(value))
    if isinstance(value, np.ndarray) or hasattr(value, "__array__"):
        arr = np.asarray(value)
    else:
        try:
            arr = np.asarray(value, dtype=object)
        except (TypeError, ValueError) as exc:  # e.g. ragged nesting numpy cannot shape
            raise _not_numbers(name, value, "a shape numpy cannot read") from exc
    if arr.dtype == object:
        for kind in set(map(type, arr.flat)):  # one check per Python type, not per element
            if issubclass(kind, (bool, np.bool_)) or not issubclass(kind, Real):
                bad = next(e for e in arr.flat if type(e) is kind)
                raise _not_numbers(name, value, _element_name(bad))
    elif arr.dtype.kind not in _REAL_KINDS:
        kind = _KIND_NAMES.get(arr.dtype.kind, str(arr.dtype))
        article = "an array of" if arr.ndim else "a"
        raise _not_numbers(name, value, f"{article} {kind}: {_describe(value)}")
    try:
        arr = arr.astype(np.float64, copy=False)
    except OverflowError as exc:  # an int too large for a float64
        raise ValueError(f"{name} must be finite, got {_describe(value)}") from exc
    except (TypeError, ValueError) as exc:
        raise _not_numbers(name, value, "a value that is not a number") from exc
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty, got {_describe(value)}")
    if not np.all(np.isfinite(arr)):
        bad = arr[~np.isfinite(arr)].flat[0].item()
        raise ValueError(f"{name} must be finite, got {bad!r} in {_describe(value)}")
    return arr


def non_negative(name: str, value) -> np.ndarray:
    """Finite values >= 0 (durations, counts, rates)."""
    arr = as_float_array(name, value)
    if np.any(arr < 0):
        bad = arr[arr < 0].flat[0].item()
        raise ValueError(f"{name} must be >= 0, got {bad!r}")
    return arr


def positive(name: str, value) -> np.ndarray:
    """Finite values > 0."""
    arr = as_float_array(name, value)
    if np.any(arr <= 0):
        bad = arr[arr <= 0].flat[0].item()
        raise ValueError(f"{name} must be > 0, got {bad!r}")
    return arr


def in_range(name: str, value, low: float, high: float, *, low_open=False, high_open=False):
    """Finite values inside [low, high] (each end optionally open)."""
    arr = as_float_array(name, value)
    too_low = arr <= low if low_open else arr < low
    too_high = arr >= high if high_open else arr > high
    if np.any(too_low | too_high):
        bad = arr[too_low | too_high].flat[0].item()
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        raise ValueError(f"{name} must be in {left}{low}, {high}{right}, got {bad!r}")
    return arr


def percent(name: str, value) -> np.ndarray:
    """A percentage in [0, 100]."""
    return in_range(name, value, 0.0, 100.0)


def scalar(name: str, value) -> float:
    """A single finite real number (bool is refused: it is almost always a mistake)."""
    if isinstance(value, bool) or not isinstance(value, (Real, np.floating, np.integer)):
        raise TypeError(f"{name} must be a real number, got {_describe(value)}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return value


def integer(name: str, value, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """A whole number, optionally bounded."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be an integer, got {_describe(value)}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return value


def text(name: str, value, *, allow_empty: bool = False) -> str:
    """A string (names, labels, ids), non-empty unless ``allow_empty``."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {_describe(value)}")
    if not value and not allow_empty:
        raise ValueError(f"{name} must be a non-empty string, got ''")
    return value


def choice(name: str, value, allowed: Iterable[str]):
    """One of a fixed set of names (tiers, methods, rules, kinds)."""
    allowed = list(allowed)
    if value not in allowed:
        raise ValueError(f"{name} must be one of {allowed}, got {_describe(value)}")
    return value


def generator(name: str, rng) -> np.random.Generator:
    """A ``numpy.random.Generator``: everything random in the book is seeded explicitly."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{name} must be a numpy.random.Generator (e.g. numpy.random.default_rng(42)), "
            f"got {_describe(rng)}"
        )
    return rng


def broadcast(**arrays) -> list[np.ndarray]:
    """Broadcast named arrays together, or say which names do not fit."""
    try:
        return np.broadcast_arrays(*arrays.values())
    except ValueError:
        shapes = ", ".join(f"{name} {np.shape(a)}" for name, a in arrays.items())
        raise ValueError(f"shapes do not broadcast together: {shapes}") from None


WHOLE_RTOL = 1e-9
"""Relative slack before a computed value counts as a whole number (binary rounding)."""


def snap_whole(x):
    """Values within a relative :data:`WHOLE_RTOL` of a whole number become that number.

    ``0.1 * 30`` is ``3.0000000000000004`` in binary floating point; rounding it up
    to a whole minute must give 3, not 4. The slack is relative to ``x`` itself,
    :math:`|x - \\mathrm{round}(x)| \\le 10^{-9} |x|`, so a small positive value is never
    snapped to 0, and the slack is only as large as the value it forgives. Use it for a
    value whose size is the quantity itself (an outage's length in minutes); where the
    slack would grow with something else (a rank in a million samples, a time late in
    the month), compute exactly instead (:func:`decimal_fraction`).
    """
    x = np.asarray(x, dtype=np.float64)
    nearest = np.round(x)
    return np.where(np.abs(x - nearest) <= WHOLE_RTOL * np.abs(x), nearest, x)


def decimal_fraction(x) -> Fraction:
    """``x`` read as the shortest decimal that rounds to it, as an exact fraction.

    ``99.9`` is stored in binary as 99.900000000000005684...; the reader typed 99.9, and
    Python's ``repr`` prints the shortest decimal that rounds back to the same float,
    ``"99.9"``. So ``decimal_fraction(99.9) == Fraction(999, 10)`` exactly, and
    arithmetic on it has no rounding left: ``ceil(999/10 * 1001999 / 100)`` is 1000998,
    and ``900 // decimal_fraction(0.1)`` is 9000. A value computed in binary keeps its
    noise (``0.1 * 3`` reads as 0.30000000000000004).
    """
    return Fraction(repr(float(x)))


def as_python(arr):
    """A 0-d result as a Python ``bool``, ``int`` or ``float``; any other array unchanged."""
    arr = np.asarray(arr)
    if arr.ndim:
        return arr
    if arr.dtype == np.bool_:
        return bool(arr)
    if np.issubdtype(arr.dtype, np.integer):
        return int(arr)
    return float(arr)
