"""What a Binder reader does, end to end: JupyterLab, run the explorer page, move a slider.

JupyterLab is started from the pinned environment (``sys.executable -m jupyter lab``) on
127.0.0.1 with a random token and a free port, in a temporary root holding a copy of
chapters/explorer.ipynb, with its own config, runtime, settings and workspace folders and no
news or update checks, so it asks no other host for anything. Chromium opens the notebook, runs
all cells from the Run menu, waits for the live explorer, types a new freeze-time scale into
the slider's read-out and checks that the read-out text and the plotly FigureWidget change to
what ``maintsim.explorer`` computes for the new settings.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from maintsim import explorer, sla

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "chapters" / "explorer.ipynb"
SERVER_START_S = 120
KERNEL_START_S = 120
RUN_ALL_S = 180
UPDATE_S = 30
SHUTDOWN_S = 30

JS_EXPLORERS = """() => Array.from(document.querySelectorAll('.widget-html-content'))
    .filter(e => e.innerHTML.startsWith('P50 ')).length"""


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
    shutil.copy(NOTEBOOK, root / NOTEBOOK.name)
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


def _expected(**fields) -> str:
    return explorer.readout_text(explorer.readouts(explorer.Settings(**fields)))


def test_the_live_explorer_runs_in_jupyterlab_and_follows_its_slider(lab, browser,
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

        slider = page.locator(".widget-slider", has=page.locator(
            ".widget-label", has_text="freeze × scale")).first
        box = slider.locator("xpath=ancestor::div[contains(@class,'widget-vbox')]"
                             "[.//div[contains(@class,'widget-html-content')]][1]")
        readout = box.locator(".widget-html-content").first
        figure = box.locator(".js-plotly-plot").first
        figure.wait_for(timeout=UPDATE_S * 1000)
        box.scroll_into_view_if_needed()
        assert readout.evaluate("e => e.innerHTML") == _expected()
        box.screenshot(path=str(screenshots_dir / "binder_explorer_before.png"))

        value = slider.locator(".widget-readout")
        value.click()
        page.keyboard.press("Control+A")
        page.keyboard.type("1.5")
        page.keyboard.press("Enter")
        expected = _expected(scale=1.5)
        page.wait_for_function("([e, text]) => e.innerHTML === text",
                               arg=[readout.element_handle(), expected],
                               timeout=UPDATE_S * 1000)

        r = explorer.readouts(explorer.Settings(scale=1.5))
        page.wait_for_function("([gd, x]) => gd.layout.shapes[2].x0 === x",
                               arg=[figure.element_handle(), round(r.p99_s, 4)],
                               timeout=UPDATE_S * 1000)

        tier = box.locator(".widget-dropdown", has=page.locator(
            ".widget-label", has_text="SLA tier")).locator("select")
        tier.select_option(label=f"99.99 %: {sla.TIERS['availability_zones'].label}")
        page.wait_for_function("([e, text]) => e.innerHTML === text",
                               arg=[readout.element_handle(),
                                    _expected(scale=1.5, tier="availability_zones")],
                               timeout=UPDATE_S * 1000)
        box.screenshot(path=str(screenshots_dir / "binder_explorer_after.png"))
        assert foreign == [], f"JupyterLab asked other hosts: {foreign}"
        assert errors == [], f"page errors: {errors}"
    except Exception:
        page.screenshot(path=str(screenshots_dir / "binder_explorer_failure.png"))
        raise
    finally:
        context.close()
