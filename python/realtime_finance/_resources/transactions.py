from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from typing_extensions import Unpack

from .._models import Transaction
from .._pagination import AsyncListIterator, ListIterator
from ..params import TransactionListParams

if TYPE_CHECKING:
    from .._client import AsyncClient, Client


class Transactions:
    """The ``/v1/transactions`` calls; ``client.transactions``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def retrieve(self, id: str, *, timeout: Optional[float] = None, max_retries: Optional[int] = None) -> Transaction:
        """Fetch one transaction by its ``txn_`` id; raises ``NotFoundError`` when there is none."""
        data = self._client._call("transactions.retrieve", id, timeout=timeout, max_retries=max_retries)
        return Transaction.from_dict(data)

    def list(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[TransactionListParams],
    ) -> ListIterator[Transaction]:
        """Iterate over every matching transaction, newest first, fetching pages on demand.

        ``timeout`` and ``max_retries`` apply to each page's request.
        """
        paginator = self._client._list("transactions.list", params, timeout=timeout, max_retries=max_retries)
        return ListIterator(paginator, Transaction.from_dict)


class AsyncTransactions:
    """The ``/v1/transactions`` calls; ``async_client.transactions``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def retrieve(
        self, id: str, *, timeout: Optional[float] = None, max_retries: Optional[int] = None
    ) -> Transaction:
        """Fetch one transaction by its ``txn_`` id; raises ``NotFoundError`` when there is none."""
        data = await self._client._call("transactions.retrieve", id, timeout=timeout, max_retries=max_retries)
        return Transaction.from_dict(data)

    def list(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[TransactionListParams],
    ) -> AsyncListIterator[Transaction]:
        """Iterate with ``async for`` over every matching transaction, newest first."""
        paginator = self._client._list("transactions.list", params, timeout=timeout, max_retries=max_retries)
        return AsyncListIterator(paginator, Transaction.from_dict)
