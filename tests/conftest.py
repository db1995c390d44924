"""Shared fixtures: the built site served on 127.0.0.1 and Debian's Chromium via Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import settings

# No property test has a deadline: a test that fails because the machine is busy measures the
# machine, not the code (speed is measured in benchmarks/). In CI the property tests replay the
# same examples every run (a failure there is then a change in the code, not a new random
# draw); locally they explore new examples each time.
settings.register_profile("local", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "local")

ROOT = Path(__file__).resolve().parent.parent
# MAINTBOOK_SITE points the browser tests at another build (e.g. a private one-page build).
SITE = Path(os.environ.get("MAINTBOOK_SITE") or ROOT / "_build" / "html")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
INSTALL_HINT = "apt-get update && apt-get install -y chromium"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url():
    """Serve _build/html on a free port of 127.0.0.1 for the whole session."""
    if not (SITE / "index.html").exists():
        pytest.fail("the book is not built: run `make book` first (make test does it)")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Never skips: a missing browser is a failure."""
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        pytest.fail(f"Chromium is missing at {CHROMIUM}; install it with: {INSTALL_HINT}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots_dir():
    path = ROOT / "_build" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


@pytest.fixture(autouse=True)
def _english_unless_a_test_chooses(monkeypatch):
    """Every test starts in English, whatever MAINTBOOK_LANG the shell has (a test that wants
    Japanese sets it or calls maintsim.language.using)."""
    from maintsim import language

    monkeypatch.delenv(language.ENV_VAR, raising=False)
    language.set_language(None)
    yield
    language.set_language(None)
