"""A PNG of the map, taken by headless Chromium: ``geokg render GRAPH --png map.png``.

Chromium is driven over its DevTools pipe (``--remote-debugging-pipe``: JSON
messages on file descriptors 3 and 4), so nothing beyond the browser itself
is needed: no selenium, no driver, no port. The page is opened from disk with
the network emulated offline, the picture is taken once the map is laid out
and frozen (``window.geokg.ready``), and a script error in the page fails
the snapshot instead of giving a blank picture.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._atomic import atomic_path

__all__ = ["BrowserNotFound", "SnapshotError", "find_chromium", "screenshot"]

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
ENV_BROWSER = "GEOKG_CHROMIUM"


class SnapshotError(RuntimeError):
    """The browser could not take the picture; the message says why."""


class BrowserNotFound(SnapshotError):
    """No headless Chromium to take the picture with."""


def find_chromium() -> str:
    """The Chromium to use: ``$GEOKG_CHROMIUM``, else the first of :data:`BROWSER_NAMES` on the PATH.

    Raises :class:`BrowserNotFound` with what to install when there is none.
    """
    chosen = os.environ.get(ENV_BROWSER)
    if chosen:
        if not (Path(chosen).is_file() and os.access(chosen, os.X_OK)):
            raise BrowserNotFound(f"{ENV_BROWSER}={chosen}: no such program")
        return chosen
    for name in BROWSER_NAMES:
        if found := shutil.which(name):
            return found
    raise BrowserNotFound(
        "a PNG needs headless Chromium and none was found: install it (Debian/Ubuntu: "
        "apt-get install chromium fonts-noto-cjk) or set GEOKG_CHROMIUM=/path/to/chrome"
    )


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What :func:`screenshot` did: the picture, its size, the time taken, and what the map showed."""

    path: Path
    width: int
    height: int
    seconds: float
    actors: int = 0  # drawn
    labels: int = 0  # names written on the map


def screenshot(
    html: str | os.PathLike[str],
    png: str | os.PathLike[str],
    *,
    width: int = 1400,
    height: int = 900,
    timeout: float = 120.0,
    browser: str | None = None,
    view: str = "",
) -> Snapshot:
    """Open the map ``html`` in headless Chromium and save what it shows to ``png`` (atomically).

    ``view`` is the view the page opens with, as in its address (``top=40``:
    the 40 actors with the most evidence; see graph.render). Raises
    :class:`BrowserNotFound` when there is no browser and
    :class:`SnapshotError` when the page fails, or is not ready within
    ``timeout`` seconds.
    """
    binary = browser or find_chromium()
    started = time.monotonic()
    deadline = started + timeout
    url = Path(html).resolve().as_uri() + (f"#{view}" if view else "")
    with tempfile.TemporaryDirectory(prefix="geokg-chromium-") as profile:
        with _Chromium(binary, profile, width, height) as cdp:
            session = cdp.page_session()
            for method, params in (
                ("Page.enable", {}),
                ("Runtime.enable", {}),
                ("Network.enable", {}),
                ("Network.emulateNetworkConditions", _OFFLINE),
                ("Emulation.setDeviceMetricsOverride", _metrics(width, height)),
                ("Page.navigate", {"url": url}),
            ):
                cdp.call(method, params, session=session, deadline=deadline)
            while not _ready(cdp, session, deadline):
                if time.monotonic() > deadline:
                    raise SnapshotError(f"{html}: the map was not laid out within {timeout:g} s")
                time.sleep(0.1)
            shown = _evaluate(cdp, session, _SHOWN, deadline) or {}
            shot = cdp.call("Page.captureScreenshot", {"format": "png"}, session=session, deadline=deadline)
            data = base64.b64decode(shot["data"])
    with atomic_path(png) as tmp:
        tmp.write_bytes(data)
    seconds = round(time.monotonic() - started, 2)
    return Snapshot(Path(png), width, height, seconds, int(shown.get("actors", 0)), int(shown.get("labels", 0)))


_OFFLINE = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
_READY = "!!(window.geokg && window.geokg.ready)"
_SHOWN = (
    "({actors: geokg.nodesView.getIds().filter(function (id) { return geokg.nodes.get(id).hidden !== true; }).length,"
    " labels: geokg.labels ? geokg.labels().length : 0})"
)


def _metrics(width: int, height: int) -> dict[str, Any]:
    return {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}


def _ready(cdp: _Chromium, session: str, deadline: float) -> bool:
    for event in cdp.take_events("Runtime.exceptionThrown"):
        details = event.get("exceptionDetails", {})
        text = details.get("exception", {}).get("description") or details.get("text", "an error")
        raise SnapshotError(f"the map failed in the browser: {str(text).splitlines()[0]}")
    return _evaluate(cdp, session, _READY, deadline) is True


def _evaluate(cdp: _Chromium, session: str, expression: str, deadline: float) -> Any:
    result = cdp.call(
        "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session, deadline=deadline
    )
    return result.get("result", {}).get("value")


class _Chromium:
    """A headless Chromium spoken to over ``--remote-debugging-pipe`` (fd 3: commands in, fd 4: replies out)."""

    def __init__(self, binary: str, profile: str, width: int, height: int) -> None:
        self.binary = binary
        self.args = [
            binary,
            "--headless=new",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "--disable-gpu",
            "--hide-scrollbars",
            "--mute-audio",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            self.args.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
        self.args.append("about:blank")
        self.profile = profile
        self._next_id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []

    def __enter__(self) -> _Chromium:
        to_child_r, self._w = os.pipe()
        self._r, from_child_w = os.pipe()
        self._stderr = open(os.path.join(self.profile, "stderr.log"), "w+b")

        def wire() -> None:
            # In the child, before exec: the pipe ends become fds 3 and 4, the only
            # inheritable descriptors besides stdio (Python opens the others non-inheritable).
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        try:
            self.proc = subprocess.Popen(
                self.args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=self._stderr,
                preexec_fn=wire,  # geokg is single-threaded when it takes a snapshot
                close_fds=False,  # close_fds would close fds 3 and 4 after wire() made them
            )
        except OSError as e:
            self._close_fds(to_child_r, from_child_w)
            raise SnapshotError(f"cannot start {self.binary}: {e.strerror or e}") from None
        os.close(to_child_r)
        os.close(from_child_w)
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(SnapshotError, OSError):
            self.send("Browser.close")
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._close_fds(self._r, self._w)
        self._stderr.close()

    @staticmethod
    def _close_fds(*fds: int) -> None:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)

    def _died(self) -> SnapshotError:
        self._stderr.flush()
        self._stderr.seek(0)
        lines = [
            line
            for line in self._stderr.read().decode("utf-8", "replace").splitlines()
            if line.strip() and "dbus" not in line.lower()
        ]
        tail = ("; " + " | ".join(lines[-3:])) if lines else ""
        return SnapshotError(f"{self.binary} stopped before the picture was taken{tail}")

    def send(self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None) -> int:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode("utf-8") + b"\0"
        try:
            while data:
                data = data[os.write(self._w, data) :]
        except BrokenPipeError:
            raise self._died() from None
        return self._next_id

    def call(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None, deadline: float
    ) -> dict[str, Any]:
        wanted = self.send(method, params, session=session)
        while True:
            message = self._receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise SnapshotError(f"{method}: {message['error'].get('message', message['error'])}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self._events.append(message)

    def take_events(self, method: str) -> list[dict[str, Any]]:
        taken = [e.get("params", {}) for e in self._events if e.get("method") == method]
        self._events = [e for e in self._events if e.get("method") != method]
        return taken

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            wait = deadline - time.monotonic()
            if wait <= 0:
                raise SnapshotError(f"{self.binary} did not answer in time")
            ready, _, _ = select.select([self._r], [], [], min(wait, 1.0))
            if not ready:
                if self.proc.poll() is not None:
                    raise self._died()
                continue
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise self._died()
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def page_session(self) -> str:
        far = time.monotonic() + 30
        targets = self.call("Target.getTargets", deadline=far).get("targetInfos", [])
        page = next((t["targetId"] for t in targets if t.get("type") == "page"), None)
        if page is None:
            page = self.call("Target.createTarget", {"url": "about:blank"}, deadline=far)["targetId"]
        attached = self.call("Target.attachToTarget", {"targetId": page, "flatten": True}, deadline=far)
        session: str = attached["sessionId"]
        return session
