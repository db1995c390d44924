"""What a Binder reader does, end to end: JupyterLab, run the explorer page, use the widget.

JupyterLab is started from the pinned environment (``sys.executable -m jupyter lab``) on
127.0.0.1 with a random token and a free port, in a temporary root holding a copy of
chapters/explorer.ipynb with one more cell (``w = explorer.Explorer(...)``), with its own config,
runtime, settings and workspace folders and no news or update checks, so it asks no other host
for anything. Chromium opens the notebook and runs all cells from the Run menu. The explorers are
anywidgets whose front end is the site's ES module: the test moves one through its controls and
through the page's contract (``window.maintbook.explorers``), checks the browser's read-outs
against ``maintsim.explorer.readouts``, then asks the kernel for ``w.settings`` and
``w.readouts`` (the traitlets followed the page) and moves it from Python (the page follows).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from maintsim import explorer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "chapters" / "explorer.ipynb"
SERVER_START_S = 120
KERNEL_START_S = 120
RUN_ALL_S = 180
UPDATE_S = 30
SHUTDOWN_S = 30

JS_EXPLORERS = """() => (window.maintbook && window.maintbook.explorers
    ? window.maintbook.explorers.length : 0)"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:  # 127.0.0.1 only
        return json.loads(response.read())


def _wait(what: str, predicate, timeout_s: float, interval_s: float = 0.5, sleep=time.sleep):
    """Poll ``predicate`` until it is truthy. With a page open, pass ``sleep`` as
    ``lambda s: page.wait_for_timeout(1000 * s)``: Playwright's sync API runs the route handler
    only while it is called, so a plain ``time.sleep`` would hold every request of the page."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except OSError:
            value = None
        if value:
            return value
        sleep(interval_s)
    raise TimeoutError(f"gave up after {timeout_s:.0f} s waiting for {what}")


@pytest.fixture()
def lab(tmp_path):
    """A JupyterLab server on 127.0.0.1 that knows nothing outside tmp_path; always stopped."""
    root = tmp_path / "root"
    root.mkdir()
    _notebook_with_a_handle(root / NOTEBOOK.name)
    settings = tmp_path / "settings"
    notification = settings / "@jupyterlab" / "apputils-extension"
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ,  # lab extensions and the kernel still come from sys.prefix
               JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_DATA_DIR=str(tmp_path / "data"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), IPYTHONDIR=str(tmp_path / "ipython"))
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
        f"--port={port}", "--port-retries=0", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        f"--LabServerApp.user_settings_dir={settings}",
        f"--LabServerApp.workspaces_dir={tmp_path / 'workspaces'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers and some CI runners run as root
    log_path = tmp_path / "lab.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env,
                                   cwd=root, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        def up():
            if process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {process.returncode}")
            return _get_json(f"{base}/api/status?token={token}")

        _wait("JupyterLab to answer", up, SERVER_START_S)
        yield {"base": base, "token": token, "log": log_path}
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # the server stops its kernels
            try:
                process.wait(SHUTDOWN_S)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(SHUTDOWN_S)
        print("---- JupyterLab log ----")  # shown by pytest only when the test fails
        print(log_path.read_text()[-20_000:])


def _kernel_connected(lab):
    kernels = _get_json(f"{lab['base']}/api/kernels?token={lab['token']}")
    return any(k["connections"] > 0 and k["execution_state"] == "idle" for k in kernels)


def _run_all(page):
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()


def _notebook_with_a_handle(path: Path) -> None:
    """The explorer page plus a cell that keeps a second explorer in ``w``."""
    import nbformat

    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        'w = explorer.Explorer(view="percentiles", threshold_s=20.0)\nw'))
    nbformat.write(nb, path)


def _close(a, b, rel=1e-9):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    return abs(a - b) <= 1e-300 or abs(a - b) <= rel * max(abs(a), abs(b))


def _mismatches(browser: dict, python: dict) -> dict:
    return {k: (browser.get(k), v) for k, v in python.items() if not _close(browser.get(k), v)}


def _run_code(page, code: str) -> str:
    """Type ``code`` into a new cell at the end of the notebook, run it, return its output."""
    page.locator(".jp-Notebook .jp-Cell").last.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")  # a new cell below, in command mode
    page.keyboard.press("Enter")
    page.keyboard.type(code)
    page.keyboard.press("Shift+Enter")
    output = page.locator(".jp-Notebook .jp-Cell").nth(-2).locator(".jp-OutputArea-output")
    output.first.wait_for(timeout=UPDATE_S * 1000)
    return output.first.inner_text()


def test_the_explorer_widget_runs_in_jupyterlab_and_agrees_with_maintsim(lab, browser,
                                                                         screenshots_dir):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    foreign, errors = [], []
    local = urlparse(lab["base"]).netloc

    def route(route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == local:
            route.continue_()
        else:  # JupyterLab must not need any other host; record it if it tries
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{lab['base']}/lab/tree/{NOTEBOOK.name}?token={lab['token']}")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=SERVER_START_S * 1000)
        _wait("the notebook's kernel to connect", lambda: _kernel_connected(lab), KERNEL_START_S,
              sleep=lambda s: page.wait_for_timeout(1000 * s))
        _run_all(page)
        try:
            page.wait_for_function(f"({JS_EXPLORERS})() >= 1", timeout=60_000)
        except Exception:  # a Run All sent while the kernel was still settling: once more
            _run_all(page)
        page.wait_for_function(f"({JS_EXPLORERS})() >= 2", timeout=RUN_ALL_S * 1000)
        page.wait_for_function("() => document.querySelectorAll('.mbx-plot .main-svg').length >= 2",
                               timeout=UPDATE_S * 1000)

        # The page's explorer starts at the book's defaults, computed as maintsim computes them.
        first = page.evaluate("() => window.maintbook.explorers[0].readouts()")
        assert _mismatches(first, explorer.readouts().numbers()) == {}

        # A reader types into the widget's controls; the read-outs follow.
        widget = page.locator("[data-maintbook-explorer]").nth(1)
        widget.scroll_into_view_if_needed()
        widget.locator("input[type='text'][id$='-scale']").fill("1.5")
        widget.locator("input[type='text'][id$='-fleet_vms']").fill("400")
        expected = explorer.Settings(threshold_s=20.0, scale=1.5, fleet_vms=400)
        browser_readouts = page.evaluate("() => window.maintbook.explorers[1].readouts()")
        assert _mismatches(browser_readouts, explorer.readouts(expected).numbers()) == {}
        widget.screenshot(path=str(screenshots_dir / "binder_explorer_widget.png"))
        # its figure: plotly's frame with the explorer's curve and T on it, at the T it shows
        assert widget.locator(".mbx-line-curve").get_attribute("d").count("L") == 160
        assert widget.locator(".mbx-t").inner_text() == "T = 20 s"

        # A few settings through the contract, each checked against maintsim.
        for fields in ({"heavy_share": 0.3, "median_s": 4.0},
                       {"events_per_month": 12.0, "scale": 0.5}):
            page.evaluate("s => window.maintbook.explorers[1].set(s)", fields)
            expected = expected.replace(**fields)
            browser_readouts = page.evaluate("() => window.maintbook.explorers[1].readouts()")
            assert _mismatches(browser_readouts, explorer.readouts(expected).numbers()) == {}

        # The kernel's traitlets followed the page: Python computes the same numbers.
        printed = _run_code(page, "import json; print(json.dumps({'settings': "
                                  "w.settings.__dict__, 'readouts': w.readouts.numbers()}))")
        kernel = json.loads(printed)
        assert kernel["settings"] == {**explorer.Settings().__dict__, **expected.__dict__}
        assert _mismatches(browser_readouts, kernel["readouts"]) == {}

        # And Python moves the page.
        _run_code(page, "w.threshold_s = 10.0; print('moved')")
        page.wait_for_function("() => window.maintbook.explorers[1].settings().threshold_s === 10",
                               timeout=UPDATE_S * 1000)
        moved = page.evaluate("() => window.maintbook.explorers[1].readouts()")
        now = explorer.readouts(expected.replace(threshold_s=10.0)).numbers()
        assert _mismatches(moved, now) == {}
        assert foreign == [], f"JupyterLab asked other hosts: {foreign}"
        assert errors == [], f"page errors: {errors}"
    except Exception:
        page.screenshot(path=str(screenshots_dir / "binder_explorer_failure.png"))
        raise
    finally:
        context.close()
