from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from typing_extensions import Unpack

from .._models import Event
from .._pagination import AsyncListIterator, ListIterator
from ..params import EventListParams

if TYPE_CHECKING:
    from .._client import AsyncClient, Client


class Events:
    """The ``/v1/events`` calls; ``client.events``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def list(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[EventListParams],
    ) -> ListIterator[Event]:
        """Iterate over every matching event, newest first, fetching pages on demand."""
        paginator = self._client._list("events.list", params, timeout=timeout, max_retries=max_retries)
        return ListIterator(paginator, Event.from_dict)


class AsyncEvents:
    """The ``/v1/events`` calls; ``async_client.events``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    def list(
        self,
        *,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[EventListParams],
    ) -> AsyncListIterator[Event]:
        """Iterate with ``async for`` over every matching event, newest first."""
        paginator = self._client._list("events.list", params, timeout=timeout, max_retries=max_retries)
        return AsyncListIterator(paginator, Event.from_dict)
