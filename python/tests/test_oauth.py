"""OAuth 2.0 client credentials: short-lived tokens and one refresh for many threads."""

from __future__ import annotations

import threading
import time
from typing import Any, Dict, List

import pytest

import realtime_finance

from conftest import Sandbox


def token_requests(sandbox: Sandbox, client_id: str) -> int:
    return int(sandbox.stats()["token_requests_by_client"].get(client_id, 0))


def short_lived_client(sandbox: Sandbox, ttl_seconds: int) -> Dict[str, Any]:
    created: Dict[str, Any] = sandbox.admin(
        "POST", "/_sandbox/oauth_clients", {"scopes": ["transactions:read"], "token_ttl_seconds": ttl_seconds}
    )
    return created


def test_oauth_lists(sandbox: Sandbox) -> None:
    with sandbox.client(api_key=None, client_id=sandbox.client_id, client_secret=sandbox.client_secret) as client:
        items = [t for _, t in zip(range(3), client.transactions.list(limit=3))]
    assert len(items) == 3


def test_oauth_client_secret_post(sandbox: Sandbox) -> None:
    with sandbox.client(
        api_key=None,
        client_id=sandbox.client_id,
        client_secret=sandbox.client_secret,
        client_auth_method="client_secret_post",
    ) as client:
        assert next(client.transactions.list(limit=1)).id.startswith("txn_")


def test_oauth_wrong_secret(sandbox: Sandbox) -> None:
    with sandbox.client(api_key=None, client_id=sandbox.client_id, client_secret="wrong-secret") as client:
        with pytest.raises(realtime_finance.AuthenticationError) as caught:
            next(client.transactions.list(limit=1))
    assert caught.value.http_status == 401
    assert caught.value.code == "invalid_client"


def test_token_refreshed_after_expiry(sandbox: Sandbox) -> None:
    oauth = short_lived_client(sandbox, ttl_seconds=2)
    with sandbox.client(api_key=None, client_id=oauth["client_id"], client_secret=oauth["client_secret"]) as client:
        next(client.transactions.list(limit=1))
        next(client.transactions.list(limit=1))
        assert token_requests(sandbox, oauth["client_id"]) == 1
        time.sleep(2.5)
        next(client.transactions.list(limit=1))
        assert token_requests(sandbox, oauth["client_id"]) == 2


def test_threads_share_one_refresh(sandbox: Sandbox) -> None:
    oauth = short_lived_client(sandbox, ttl_seconds=2)
    threads_count = 64
    with sandbox.client(api_key=None, client_id=oauth["client_id"], client_secret=oauth["client_secret"]) as client:
        next(client.transactions.list(limit=1))
        time.sleep(2.5)
        before = token_requests(sandbox, oauth["client_id"])
        barrier = threading.Barrier(threads_count)
        failures: List[BaseException] = []

        def call() -> None:
            try:
                barrier.wait(timeout=30)
                next(client.transactions.list(limit=1))
            except BaseException as error:  # noqa: BLE001 - reported by the assert below
                failures.append(error)

        threads = [threading.Thread(target=call) for _ in range(threads_count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert failures == []
    assert token_requests(sandbox, oauth["client_id"]) - before == 1
