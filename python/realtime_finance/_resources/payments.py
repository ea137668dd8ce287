from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from typing_extensions import Unpack

from .._models import Payment
from .._pagination import AsyncListIterator, ListIterator
from ..params import PaymentCreateParams, PaymentListParams

if TYPE_CHECKING:
    from .._client import AsyncClient, Client


class Payments:
    """The ``/v1/payments`` calls; ``client.payments``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def create(
        self,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[PaymentCreateParams],
    ) -> Payment:
        """Create a payment.

        Every retry of this call sends the same ``Idempotency-Key``
        (``idempotency_key``, or one the core generates), so a retry never
        creates a second payment.
        """
        data = self._client._call(
            "payments.create", params, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )
        return Payment.from_dict(data)

    def retrieve(self, id: str, *, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> Payment:
        """Fetch one payment by its ``pay_`` id."""
        return Payment.from_dict(self._client._call("payments.retrieve", id, timeout=timeout, max_retries=max_retries))

    def list(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[PaymentListParams],
    ) -> ListIterator[Payment]:
        """Iterate over every matching payment, newest first, fetching pages on demand."""
        paginator = self._client._list("payments.list", params, timeout=timeout, max_retries=max_retries)
        return ListIterator(paginator, Payment.from_dict)

    def cancel(self, id: str, *, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> Payment:
        """Cancel a pending payment; raises ``ConflictError`` (``payment_not_cancelable``) otherwise."""
        return Payment.from_dict(self._client._call("payments.cancel", id, timeout=timeout, max_retries=max_retries))


class AsyncPayments:
    """The ``/v1/payments`` calls; ``async_client.payments``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[PaymentCreateParams],
    ) -> Payment:
        """Create a payment; retries send the same ``Idempotency-Key``, as in ``Payments.create``."""
        data = await self._client._call(
            "payments.create", params, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )
        return Payment.from_dict(data)

    async def retrieve(
        self, id: str, *, timeout: Optional[float] = None, max_retries: Optional[int] = None
    ) -> Payment:
        """Fetch one payment by its ``pay_`` id."""
        data = await self._client._call("payments.retrieve", id, timeout=timeout, max_retries=max_retries)
        return Payment.from_dict(data)

    def list(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[PaymentListParams],
    ) -> AsyncListIterator[Payment]:
        """Iterate with ``async for`` over every matching payment, newest first."""
        paginator = self._client._list("payments.list", params, timeout=timeout, max_retries=max_retries)
        return AsyncListIterator(paginator, Payment.from_dict)

    async def cancel(
        self, id: str, *, timeout: Optional[float] = None, max_retries: Optional[int] = None
    ) -> Payment:
        """Cancel a pending payment; raises ``ConflictError`` (``payment_not_cancelable``) otherwise."""
        data = await self._client._call("payments.cancel", id, timeout=timeout, max_retries=max_retries)
        return Payment.from_dict(data)
