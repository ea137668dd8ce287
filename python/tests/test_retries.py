"""Retries with injected faults: the core retries, and never pays twice."""

from __future__ import annotations

import pytest

import realtime_finance
from realtime_finance import Client
from realtime_finance.params import PaymentCreateParams

from conftest import Sandbox, route_delta, stats_delta

ALICE_TO_BOB: PaymentCreateParams = {
    "amount": 2500,
    "currency": "EUR",
    "source_account": "acct_alice",
    "destination_account": "acct_bob",
}


def test_retry_on_503(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="POST", path="/v1/payments", count=2, status=503, retry_after=0)
    before = sandbox.stats()
    payment = client.payments.create(**ALICE_TO_BOB)
    after = sandbox.stats()
    assert payment.id.startswith("pay_")
    assert route_delta(before, after, "POST /v1/payments") == 3
    assert stats_delta(before, after, "payments_created") == 1


def test_dropped_connection_no_duplicate(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="POST", path="/v1/payments", count=1, action="drop_after_processing")
    before = sandbox.stats()
    payment = client.payments.create(**ALICE_TO_BOB)
    after = sandbox.stats()
    assert payment.amount == 2500
    assert stats_delta(before, after, "payments_created") == 1
    assert stats_delta(before, after, "idempotent_replays") == 1


def test_reset_before_processing_retried(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="POST", path="/v1/payments", count=1, action="reset_before_processing")
    before = sandbox.stats()
    client.payments.create(**ALICE_TO_BOB)
    after = sandbox.stats()
    assert stats_delta(before, after, "payments_created") == 1


def test_no_retry_on_400(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="POST", path="/v1/payments", count=1, status=400)
    before = sandbox.stats()
    with pytest.raises(realtime_finance.InvalidRequestError):
        client.payments.create(**ALICE_TO_BOB)
    after = sandbox.stats()
    assert route_delta(before, after, "POST /v1/payments") == 1
    assert stats_delta(before, after, "payments_created") == 0


def test_max_retries_bounds_attempts(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="GET", path="/v1/transactions", count=5, status=429, retry_after=0)
    before = sandbox.stats()
    iterator = client.transactions.list(limit=1, max_retries=1)
    with pytest.raises(realtime_finance.RateLimitError):
        next(iterator)
    assert route_delta(before, sandbox.stats(), "GET /v1/transactions") == 2
