from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from typing_extensions import Unpack

from .._models import WebhookEndpoint
from ..params import WebhookEndpointCreateParams

if TYPE_CHECKING:
    from .._client import AsyncClient, Client


class WebhookEndpoints:
    """The ``/v1/webhook_endpoints`` calls; ``client.webhook_endpoints``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def create(
        self,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[WebhookEndpointCreateParams],
    ) -> WebhookEndpoint:
        """Register an endpoint. Its ``secret`` is returned only here: store it to verify deliveries."""
        data = self._client._call(
            "webhook_endpoints.create", params, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )
        return WebhookEndpoint.from_dict(data)


class AsyncWebhookEndpoints:
    """The ``/v1/webhook_endpoints`` calls; ``async_client.webhook_endpoints``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[WebhookEndpointCreateParams],
    ) -> WebhookEndpoint:
        """Register an endpoint. Its ``secret`` is returned only here: store it to verify deliveries."""
        data = await self._client._call(
            "webhook_endpoints.create", params, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )
        return WebhookEndpoint.from_dict(data)
