"""The site's plotly.js bundle is the committed npm file, of the plotly package's version."""

from __future__ import annotations

import re

import tools.vendor_plotly as vendor
from plotly.offline import get_plotlyjs_version

from maintsim.figures.plotting import PLOTLY_JS_PATH


def test_the_site_draws_with_the_same_plotly_js_version_as_the_plotly_package():
    header = PLOTLY_JS_PATH.read_text(encoding="utf-8")[:300]
    version = re.search(r"plotly\.js \(cartesian - minified\) v(\S+)", header)
    assert version, f"no version in the bundle's header: {header[:120]!r}"
    assert version.group(1) == get_plotlyjs_version()


def test_the_bundle_is_the_file_fetched_from_npm_and_checked_against_its_integrity():
    assert vendor.check() == []


def test_the_bundle_ships_with_its_licence():
    licence = (PLOTLY_JS_PATH.parent / "LICENSE-plotly.js").read_text()
    assert "MIT" in licence or "Permission is hereby granted" in licence
