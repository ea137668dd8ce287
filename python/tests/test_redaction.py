"""No secret in the repr or str of clients, results and errors, nor in log records."""

from __future__ import annotations

import logging

import pytest

import realtime_finance

from conftest import Sandbox


def test_client_repr_hides_key(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        for text in (repr(client), str(client), repr(vars(client))):
            assert sandbox.secret_key not in text
            assert sandbox.secret_key[8:] not in text


def test_oauth_client_repr_hides_secret(sandbox: Sandbox) -> None:
    with sandbox.client(api_key=None, client_id=sandbox.client_id, client_secret=sandbox.client_secret) as client:
        assert sandbox.client_secret not in repr(client)
        assert sandbox.client_secret not in repr(vars(client))


def test_auth_error_hides_key(sandbox: Sandbox) -> None:
    wrong_key = "sk_test_" + "Q" * 32
    with sandbox.client(api_key=wrong_key) as client:
        with pytest.raises(realtime_finance.AuthenticationError) as caught:
            client.transactions.retrieve("txn_doesnotexist")
    for text in (str(caught.value), repr(caught.value), repr(caught.value.args)):
        assert "Q" * 32 not in text


def test_oauth_error_hides_secret(sandbox: Sandbox) -> None:
    wrong_secret = "cs_test_" + "Z" * 40
    with sandbox.client(api_key=None, client_id=sandbox.client_id, client_secret=wrong_secret) as client:
        with pytest.raises(realtime_finance.AuthenticationError) as caught:
            next(client.transactions.list(limit=1))
    assert "Z" * 40 not in str(caught.value)
    assert "Z" * 40 not in repr(caught.value)


def test_configuration_error_hides_key(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        realtime_finance.Client(api_key=sandbox.publishable_key, base_url=sandbox.base_url)
    assert sandbox.publishable_key[8:] not in str(caught.value)
    assert sandbox.publishable_key[8:] not in repr(caught.value)


def test_endpoint_repr_hides_secret(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        endpoint = client.webhook_endpoints.create(url="http://127.0.0.1:9/redaction")
    assert endpoint.secret is not None
    assert endpoint.secret.startswith("whsec_")
    assert endpoint.secret not in repr(endpoint)
    assert endpoint.secret not in str(endpoint)
    assert "whsec_[REDACTED]" in repr(endpoint)


def test_log_records_hide_secrets(sandbox: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="realtime_finance")
    # A retried request and an OAuth token request give the core something to log.
    sandbox.add_fault(method="GET", path="/v1/transactions", count=1, status=503, retry_after=0)
    with sandbox.client(api_key=None, client_id=sandbox.client_id, client_secret=sandbox.client_secret) as client:
        next(client.transactions.list(limit=1))
    with sandbox.client(api_key="sk_test_" + "Q" * 32) as client:
        with pytest.raises(realtime_finance.AuthenticationError):
            client.transactions.retrieve("txn_doesnotexist")
    records = [record for record in caplog.records if record.name.startswith("realtime_finance")]
    assert records, "the core logged nothing at DEBUG; the redaction check needs records"
    for record in records:
        message = record.getMessage()
        assert sandbox.client_secret not in message
        assert "Q" * 32 not in message
        assert sandbox.secret_key not in message
