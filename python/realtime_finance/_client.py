"""``Client`` and ``AsyncClient``: the settings and the resources.

Every setting left as ``None`` is filled in by the Rust core, from the
``REALTIME_FINANCE_*`` environment variables or its defaults, so all SDKs
behave the same.
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import TYPE_CHECKING, Any, Dict, Literal, Mapping, Optional, Sequence, Type, Union

from typing_extensions import Self

from ._errors import ConfigurationError
from ._native import NativeClient, NativePaginator
from ._resources import (
    AsyncEvents,
    AsyncFraud,
    AsyncPayments,
    AsyncTransactions,
    AsyncWebhookEndpoints,
    Events,
    Fraud,
    Payments,
    Transactions,
    WebhookEndpoints,
)

if TYPE_CHECKING:
    from ._native import _ListOperation, _Operation

Environment = Literal["sandbox", "live"]
ClientAuthMethod = Literal["client_secret_basic", "client_secret_post"]


class _BaseClient:
    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        scopes: Optional[Sequence[str]] = None,
        token_url: Optional[str] = None,
        client_auth_method: Optional[ClientAuthMethod] = None,
        base_url: Optional[str] = None,
        environment: Optional[Environment] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        ca_cert: Union[str, os.PathLike[str], None] = None,
        ca_cert_pem: Union[str, bytes, None] = None,
    ) -> None:
        """Create a client. No request is sent until the first call.

        Authenticate with a secret ``api_key`` (``sk_test_…``/``sk_live_…``)
        or with OAuth 2.0 client credentials (``client_id`` and
        ``client_secret``, optional ``scopes``, ``token_url`` and
        ``client_auth_method``). Without either, the core reads
        ``REALTIME_FINANCE_SECRET_KEY`` or ``REALTIME_FINANCE_CLIENT_ID`` and
        ``REALTIME_FINANCE_CLIENT_SECRET``.

        ``base_url`` (or ``REALTIME_FINANCE_BASE_URL``) overrides the URL of
        ``environment``. ``timeout`` is a call's total budget across retries
        and ``connect_timeout`` the time to open a connection, both in
        seconds. ``max_retries`` counts retries after the first attempt.
        ``ca_cert`` is the path of a PEM file, ``ca_cert_pem`` its content,
        trusted in addition to the system's roots; pass one of them.

        Raises ``ConfigurationError`` for settings the core rejects, such as
        no credentials, ``api_key`` together with an OAuth setting, a
        publishable key or an unreadable ``ca_cert``.
        """
        self._native: Optional[NativeClient] = NativeClient(
            api_key=api_key,
            client_id=client_id,
            client_secret=client_secret,
            scopes=scopes,
            token_url=token_url,
            client_auth_method=client_auth_method,
            environment=environment,
            base_url=base_url,
            timeout=timeout,
            connect_timeout=connect_timeout,
            max_retries=max_retries,
            ca_cert=ca_cert,
            ca_cert_pem=ca_cert_pem.encode("ascii") if isinstance(ca_cert_pem, str) else ca_cert_pem,
        )
        self._base_url = self._native.base_url
        self._create_resources()

    def _create_resources(self) -> None:
        raise NotImplementedError

    @property
    def base_url(self) -> str:
        """The base URL requests go to, without a trailing slash."""
        return self._base_url

    def set_api_key(self, api_key: str) -> None:
        """Replace the API key (key rotation); calls in flight finish with the old key."""
        self._require_native().set_api_key(api_key)

    def _require_native(self) -> NativeClient:
        if self._native is None:
            message = f"this {type(self).__name__} is closed; create a new client"
            raise ConfigurationError(message, kind="configuration")
        return self._native

    def _list(
        self,
        operation: _ListOperation,
        params: Mapping[str, Any],
        *,
        timeout: Optional[float],
        max_retries: Optional[int],
    ) -> NativePaginator:
        return self._require_native().list(operation, params, timeout=timeout, max_retries=max_retries)

    def __repr__(self) -> str:
        state = " closed" if self._native is None else ""
        return f"<realtime_finance.{type(self).__name__} base_url={self._base_url!r}{state}>"


class Client(_BaseClient):
    """A blocking Real Time Finance client.

    Thread-safe: share one client between threads; calls release the GIL
    while they wait on the network, so they run in parallel. Use it as a
    context manager, or call ``close()``, to release its connections. After
    ``os.fork()``, a call in the child either works or raises
    ``ConfigurationError``; it never hangs.
    """

    transactions: Transactions
    payments: Payments
    fraud: Fraud
    events: Events
    webhook_endpoints: WebhookEndpoints

    def _create_resources(self) -> None:
        self.transactions = Transactions(self)
        self.payments = Payments(self)
        self.fraud = Fraud(self)
        self.events = Events(self)
        self.webhook_endpoints = WebhookEndpoints(self)

    def _call(
        self,
        operation: _Operation,
        argument: Union[str, Mapping[str, Any]],
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Dict[str, Any]:
        return self._require_native().call(
            operation, argument, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )

    def close(self) -> None:
        """Release the client's connections once no list iterator uses them; later calls raise ``ConfigurationError``."""
        self._native = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()


class AsyncClient(_BaseClient):
    """An asyncio Real Time Finance client with the same surface as ``Client``.

    Calls run on the Rust core's threads and complete on the caller's
    running event loop, which they never block. Use it with ``async with``,
    or call ``await close()``, to release its connections.
    """

    transactions: AsyncTransactions
    payments: AsyncPayments
    fraud: AsyncFraud
    events: AsyncEvents
    webhook_endpoints: AsyncWebhookEndpoints

    def _create_resources(self) -> None:
        self.transactions = AsyncTransactions(self)
        self.payments = AsyncPayments(self)
        self.fraud = AsyncFraud(self)
        self.events = AsyncEvents(self)
        self.webhook_endpoints = AsyncWebhookEndpoints(self)

    async def _call(
        self,
        operation: _Operation,
        argument: Union[str, Mapping[str, Any]],
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
    ) -> Dict[str, Any]:
        return await self._require_native().call_async(
            operation, argument, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )

    async def close(self) -> None:
        """Release the client's connections once no list iterator uses them; later calls raise ``ConfigurationError``."""
        self._native = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        await self.close()
