"""Fixtures: one local sandbox (`rtf sandbox`) per test session, over real sockets.

The sandbox binary comes from RTF_BIN, or <repo>/target/debug/rtf.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

import realtime_finance

REPO = Path(__file__).resolve().parents[2]


def rtf_binary() -> str:
    return os.environ.get("RTF_BIN") or str(REPO / "target" / "debug" / "rtf")


@dataclass
class Sandbox:
    """A running sandbox: its credentials and its admin API."""

    process: subprocess.Popen[str]
    base_url: str
    secret_key: str
    publishable_key: str
    client_id: str
    client_secret: str
    webhook_secret: str
    admin_token: str
    ca_cert: Optional[str]

    def admin(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        """Call the admin API under /_sandbox/ and return the decoded JSON response."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        request.add_header("Authorization", f"Bearer {self.admin_token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=10, context=self._ssl_context()) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            raise AssertionError(f"admin {method} {path} failed: {error.code} {error.read()!r}") from error

    def _ssl_context(self) -> Any:
        if self.ca_cert is None:
            return None
        import ssl

        return ssl.create_default_context(cafile=self.ca_cert)

    def stats(self) -> Dict[str, Any]:
        result: Dict[str, Any] = self.admin("GET", "/_sandbox/stats")
        return result

    def add_fault(self, **fault: Any) -> None:
        self.admin("POST", "/_sandbox/faults", fault)

    def clear_faults(self) -> None:
        self.admin("DELETE", "/_sandbox/faults")

    def create_key(self, scopes: List[str]) -> str:
        created: Dict[str, Any] = self.admin("POST", "/_sandbox/keys", {"scopes": scopes})
        return str(created["secret_key"])

    def client(self, **settings: Any) -> realtime_finance.Client:
        settings.setdefault("api_key", self.secret_key)
        return realtime_finance.Client(base_url=self.base_url, ca_cert=self.ca_cert, **settings)

    def async_client(self, **settings: Any) -> realtime_finance.AsyncClient:
        settings.setdefault("api_key", self.secret_key)
        return realtime_finance.AsyncClient(base_url=self.base_url, ca_cert=self.ca_cert, **settings)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def start_sandbox(*arguments: str) -> Sandbox:
    """Start `rtf sandbox` on a free loopback port and read its JSON line."""
    process = subprocess.Popen(
        [rtf_binary(), "sandbox", "--port", "0", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        process.kill()
        raise RuntimeError(f"{rtf_binary()} sandbox printed no JSON line; exit code {process.wait(timeout=10)}")
    info = json.loads(line)
    return Sandbox(
        process=process,
        base_url=info["base_url"],
        secret_key=info["secret_key"],
        publishable_key=info["publishable_key"],
        client_id=info["client_id"],
        client_secret=info["client_secret"],
        webhook_secret=info["webhook_secret"],
        admin_token=info["admin_token"],
        ca_cert=info.get("ca_cert"),
    )


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    running = start_sandbox()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(autouse=True)
def _clear_faults(request: pytest.FixtureRequest) -> Iterator[None]:
    # A failed test must not leave faults behind for the next one.
    yield
    if "sandbox" in request.fixturenames:
        sandbox: Sandbox = request.getfixturevalue("sandbox")
        sandbox.clear_faults()


@pytest.fixture(autouse=True)
def _no_environment_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    # The core reads these for settings not passed explicitly; tests pass
    # everything they mean to use.
    for name in (
        "REALTIME_FINANCE_SECRET_KEY",
        "REALTIME_FINANCE_CLIENT_ID",
        "REALTIME_FINANCE_CLIENT_SECRET",
        "REALTIME_FINANCE_BASE_URL",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[realtime_finance.Client]:
    with sandbox.client() as opened:
        yield opened


def stats_delta(before: Dict[str, Any], after: Dict[str, Any], key: str) -> int:
    return int(after[key]) - int(before[key])


def route_delta(before: Dict[str, Any], after: Dict[str, Any], route: str) -> int:
    return int(after["requests"].get(route, 0)) - int(before["requests"].get(route, 0))
