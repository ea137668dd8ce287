from __future__ import annotations

import uuid
from typing import Any, Dict

import pytest

import realtime_finance
from realtime_finance import Client, Payment
from realtime_finance.params import PaymentCreateParams

from conftest import Sandbox, route_delta, stats_delta

ALICE_TO_BOB: PaymentCreateParams = {
    "amount": 2500,
    "currency": "EUR",
    "source_account": "acct_alice",
    "destination_account": "acct_bob",
}


def alice_to_bob(**changes: Any) -> Dict[str, Any]:
    """Return the payment parameters with `changes` applied, as an untyped dict."""
    return {**ALICE_TO_BOB, **changes}


def test_create_returns_payment(client: Client) -> None:
    payment = client.payments.create(
        amount=2500,
        currency="EUR",
        source_account="acct_alice",
        destination_account="acct_bob",
        description="Invoice 42",
        metadata={"order": "42"},
    )
    assert isinstance(payment, Payment)
    assert payment.id.startswith("pay_")
    assert payment.amount == 2500
    assert payment.status == "pending"
    assert payment.metadata == {"order": "42"}
    assert payment.to_dict()["object"] == "payment"


def test_retrieve_created(client: Client) -> None:
    created = client.payments.create(**ALICE_TO_BOB)
    fetched = client.payments.retrieve(created.id)
    assert fetched.id == created.id
    assert fetched.amount == created.amount


def test_list_contains_created(client: Client) -> None:
    created = client.payments.create(**ALICE_TO_BOB)
    ids = [payment.id for _, payment in zip(range(20), client.payments.list(limit=10))]
    assert created.id in ids


def test_cancel_pending(client: Client) -> None:
    payment = client.payments.create(
        amount=2500, currency="EUR", source_account="acct_alice", destination_account="acct_stays_pending"
    )
    canceled = client.payments.cancel(payment.id)
    assert canceled.status == "canceled"
    assert canceled.canceled_at is not None
    assert client.payments.retrieve(payment.id).status == "canceled"


def test_cancel_failed_conflict(client: Client) -> None:
    payment = client.payments.create(
        amount=2500, currency="EUR", source_account="acct_insufficient_funds", destination_account="acct_bob"
    )
    assert payment.status == "failed"
    assert payment.failure_code == "insufficient_funds"
    with pytest.raises(realtime_finance.ConflictError) as caught:
        client.payments.cancel(payment.id)
    assert caught.value.http_status == 409
    assert caught.value.code == "payment_not_cancelable"


def test_idempotent_replay(sandbox: Sandbox, client: Client) -> None:
    key = f"replay-{uuid.uuid4()}"
    before = sandbox.stats()
    first = client.payments.create(idempotency_key=key, **ALICE_TO_BOB)
    second = client.payments.create(idempotency_key=key, **ALICE_TO_BOB)
    after = sandbox.stats()
    assert second.id == first.id
    assert stats_delta(before, after, "payments_created") == 1
    assert stats_delta(before, after, "idempotent_replays") == 1


def test_key_reused_other_body(sandbox: Sandbox, client: Client) -> None:
    key = f"reuse-{uuid.uuid4()}"
    client.payments.create(idempotency_key=key, **alice_to_bob(amount=100))
    with pytest.raises(realtime_finance.ConflictError) as caught:
        client.payments.create(idempotency_key=key, **alice_to_bob(amount=200))
    assert caught.value.http_status == 422
    assert caught.value.code == "idempotency_key_reused"


def test_zero_amount_no_request(sandbox: Sandbox, client: Client) -> None:
    before = sandbox.stats()
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.payments.create(**alice_to_bob(amount=0))
    assert caught.value.param == "amount"
    assert route_delta(before, sandbox.stats(), "POST /v1/payments") == 0


def test_unknown_field_named(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.payments.create(**alice_to_bob(amout=2500))
    assert caught.value.param == "amout"


def test_wrong_type_named(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.payments.create(**alice_to_bob(amount="25.00"))
    assert caught.value.param == "amount"


def test_unsupported_python_type(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.payments.create(**alice_to_bob(metadata={"order": object()}))
    assert caught.value.param == "metadata.order"


def test_succeeds_after_settle(client: Client) -> None:
    import time

    payment = client.payments.create(**ALICE_TO_BOB)
    deadline = time.monotonic() + 10
    status = payment.status
    while status == "pending" and time.monotonic() < deadline:
        time.sleep(0.2)
        status = client.payments.retrieve(payment.id).status
    assert status == "succeeded"
