"""One test per exception class, each from a real sandbox response or a check in the core."""

from __future__ import annotations

import pickle
import socket

import pytest

import realtime_finance
from realtime_finance import Client, RealTimeFinanceError

from conftest import Sandbox


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        port: int = listener.getsockname()[1]
    return port


def test_authentication_error(sandbox: Sandbox) -> None:
    with sandbox.client(api_key="sk_test_" + "x" * 32) as client:
        with pytest.raises(realtime_finance.AuthenticationError) as caught:
            client.transactions.retrieve("txn_doesnotexist")
    assert caught.value.http_status == 401
    assert caught.value.code == "api_key_invalid"
    assert isinstance(caught.value, RealTimeFinanceError)


def test_permission_error(sandbox: Sandbox) -> None:
    with sandbox.client(api_key=sandbox.create_key(["transactions:read"])) as client:
        with pytest.raises(realtime_finance.PermissionError) as caught:
            client.payments.create(
                amount=2500, currency="EUR", source_account="acct_alice", destination_account="acct_bob"
            )
    assert caught.value.http_status == 403
    assert caught.value.code == "insufficient_scope"
    assert "payments:write" in caught.value.message


def test_invalid_request_error(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.payments.create(amount=2500, currency="euro", source_account="acct_alice", destination_account="acct_bob")
    assert caught.value.param == "currency"
    assert caught.value.kind == "invalid_request"


def test_not_found_error(client: Client) -> None:
    with pytest.raises(realtime_finance.NotFoundError) as caught:
        client.payments.retrieve("pay_doesnotexist")
    assert caught.value.http_status == 404


def test_conflict_error(client: Client) -> None:
    payment = client.payments.create(
        amount=2500, currency="EUR", source_account="acct_fraud_decline", destination_account="acct_bob"
    )
    with pytest.raises(realtime_finance.ConflictError) as caught:
        client.payments.cancel(payment.id)
    assert caught.value.code == "payment_not_cancelable"


def test_rate_limit_error(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="GET", path="/v1/transactions/*", count=1, status=429, retry_after=7)
    with pytest.raises(realtime_finance.RateLimitError) as caught:
        client.transactions.retrieve("txn_doesnotexist", max_retries=0)
    assert caught.value.http_status == 429
    assert caught.value.code == "rate_limited"
    assert caught.value.retry_after == 7.0


def test_api_error(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="GET", path="/v1/transactions/*", count=1, status=503)
    with pytest.raises(realtime_finance.APIError) as caught:
        client.transactions.retrieve("txn_doesnotexist", max_retries=0)
    assert caught.value.http_status == 503


def test_connection_error(sandbox: Sandbox) -> None:
    port = closed_port()
    with realtime_finance.Client(api_key=sandbox.secret_key, base_url=f"http://127.0.0.1:{port}", max_retries=0) as client:
        with pytest.raises(realtime_finance.ConnectionError) as caught:
            client.transactions.retrieve("txn_doesnotexist")
    assert caught.value.http_status is None
    assert f"{port}" in str(caught.value) or "connect" in str(caught.value).lower()


def test_timeout_error(sandbox: Sandbox, client: Client) -> None:
    sandbox.add_fault(method="GET", path="/v1/transactions/*", count=1, action="delay", delay_ms=3000)
    with pytest.raises(realtime_finance.TimeoutError) as caught:
        client.transactions.retrieve("txn_doesnotexist", timeout=0.5, max_retries=0)
    assert caught.value.kind == "timeout"


def test_configuration_error(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        realtime_finance.Client(api_key=sandbox.publishable_key, base_url=sandbox.base_url)
    assert caught.value.kind == "configuration"


def test_webhook_signature_error() -> None:
    with pytest.raises(realtime_finance.WebhookSignatureError) as caught:
        realtime_finance.Webhook.verify(
            b"{}",
            {"webhook-id": "evt_1", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA"},
            "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
        )
    assert caught.value.kind == "webhook_signature"


def test_builtin_names_not_shadowed() -> None:
    assert not issubclass(realtime_finance.ConnectionError, ConnectionError)
    assert not issubclass(realtime_finance.TimeoutError, TimeoutError)


def test_error_pickles(client: Client) -> None:
    with pytest.raises(realtime_finance.NotFoundError) as caught:
        client.transactions.retrieve("txn_doesnotexist")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is realtime_finance.NotFoundError
    assert copy.request_id == caught.value.request_id
    assert str(copy) == str(caught.value)


def test_closed_client_raises(sandbox: Sandbox) -> None:
    client = sandbox.client()
    client.close()
    with pytest.raises(realtime_finance.ConfigurationError):
        client.transactions.retrieve("txn_doesnotexist")


def test_api_key_and_oauth_rejected(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        sandbox.client(client_id=sandbox.client_id, client_secret=sandbox.client_secret)
    assert "client_id" in caught.value.message


def test_unreadable_ca_cert(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        realtime_finance.Client(api_key=sandbox.secret_key, base_url=sandbox.base_url, ca_cert="/nonexistent/ca.pem")
    assert "/nonexistent/ca.pem" in caught.value.message


def test_negative_timeout_named(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.transactions.retrieve("txn_doesnotexist", timeout=-1)
    assert caught.value.param == "timeout"


def test_zero_timeout_named(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.transactions.retrieve("txn_doesnotexist", timeout=0)
    assert caught.value.param == "timeout"


def test_infinite_timeout_named(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.transactions.retrieve("txn_doesnotexist", timeout=float("inf"))
    assert caught.value.param == "timeout"


def test_negative_max_retries_named(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.transactions.retrieve("txn_doesnotexist", max_retries=-1)
    assert caught.value.param == "max_retries"


def test_list_negative_timeout_named(client: Client) -> None:
    with pytest.raises(realtime_finance.InvalidRequestError) as caught:
        client.transactions.list(timeout=-1)
    assert caught.value.param == "timeout"


def test_string_timeout_type_error(client: Client) -> None:
    with pytest.raises(TypeError):
        client.transactions.retrieve("txn_doesnotexist", timeout="30")  # type: ignore[arg-type]
