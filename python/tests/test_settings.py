"""Client settings: environment variables, custom CA over TLS, key rotation."""

from __future__ import annotations

from typing import Iterator

import pytest

import realtime_finance

from conftest import Sandbox, start_sandbox


@pytest.fixture(scope="module")
def tls_sandbox() -> Iterator[Sandbox]:
    running = start_sandbox("--tls")
    try:
        yield running
    finally:
        running.stop()


def test_credentials_from_environment(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALTIME_FINANCE_SECRET_KEY", sandbox.secret_key)
    monkeypatch.setenv("REALTIME_FINANCE_BASE_URL", sandbox.base_url)
    with realtime_finance.Client() as client:
        assert client.base_url == sandbox.base_url
        assert next(client.transactions.list(limit=1)).id.startswith("txn_")


def test_oauth_from_environment(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALTIME_FINANCE_CLIENT_ID", sandbox.client_id)
    monkeypatch.setenv("REALTIME_FINANCE_CLIENT_SECRET", sandbox.client_secret)
    with realtime_finance.Client(base_url=sandbox.base_url) as client:
        assert next(client.transactions.list(limit=1)).id.startswith("txn_")


def test_no_credentials_configuration(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError):
        realtime_finance.Client(base_url=sandbox.base_url)


def test_unknown_environment(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        realtime_finance.Client(api_key=sandbox.secret_key, environment="staging")  # type: ignore[arg-type]
    assert "staging" in caught.value.message


def test_api_key_with_scopes(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        sandbox.client(scopes=["payments:read"])
    assert "scopes" in caught.value.message


def test_client_id_without_secret(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        realtime_finance.Client(client_id=sandbox.client_id, base_url=sandbox.base_url)
    assert "client secret" in caught.value.message


def test_unknown_client_auth_method(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        realtime_finance.Client(
            client_id=sandbox.client_id,
            client_secret=sandbox.client_secret,
            client_auth_method="private_key_jwt",  # type: ignore[arg-type]
            base_url=sandbox.base_url,
        )
    assert "client_auth_method" in caught.value.message


def test_negative_connect_timeout(sandbox: Sandbox) -> None:
    with pytest.raises(realtime_finance.ConfigurationError) as caught:
        sandbox.client(connect_timeout=-1)
    assert "connect_timeout" in caught.value.message


def test_custom_ca_over_tls(tls_sandbox: Sandbox) -> None:
    assert tls_sandbox.base_url.startswith("https://")
    assert tls_sandbox.ca_cert is not None
    with tls_sandbox.client() as client:
        assert next(client.transactions.list(limit=1)).id.startswith("txn_")


def test_ca_cert_pem_over_tls(tls_sandbox: Sandbox) -> None:
    assert tls_sandbox.ca_cert is not None
    with open(tls_sandbox.ca_cert, "rb") as file:
        pem = file.read()
    with realtime_finance.Client(api_key=tls_sandbox.secret_key, base_url=tls_sandbox.base_url, ca_cert_pem=pem) as client:
        assert next(client.transactions.list(limit=1)).id.startswith("txn_")


def test_untrusted_tls_fails(tls_sandbox: Sandbox) -> None:
    with realtime_finance.Client(api_key=tls_sandbox.secret_key, base_url=tls_sandbox.base_url, max_retries=0) as client:
        with pytest.raises(realtime_finance.ConnectionError):
            next(client.transactions.list(limit=1))


def test_set_api_key_rotates(sandbox: Sandbox) -> None:
    with sandbox.client(api_key="sk_test_" + "R" * 32) as client:
        with pytest.raises(realtime_finance.AuthenticationError):
            next(client.transactions.list(limit=1))
        client.set_api_key(sandbox.secret_key)
        assert next(client.transactions.list(limit=1)).id.startswith("txn_")
