from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from typing_extensions import Unpack

from .._models import FraudAssessment
from ..params import FraudAssessmentCreateParams

if TYPE_CHECKING:
    from .._client import AsyncClient, Client


class Fraud:
    """The ``/v1/fraud`` calls; ``client.fraud``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def assess(
        self,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[FraudAssessmentCreateParams],
    ) -> FraudAssessment:
        """Score a payment for fraud risk; retries send the same ``Idempotency-Key``."""
        data = self._client._call(
            "fraud.assess", params, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )
        return FraudAssessment.from_dict(data)


class AsyncFraud:
    """The ``/v1/fraud`` calls; ``async_client.fraud``."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def assess(
        self,
        *,
        idempotency_key: Optional[str] = None,
        timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        **params: Unpack[FraudAssessmentCreateParams],
    ) -> FraudAssessment:
        """Score a payment for fraud risk; retries send the same ``Idempotency-Key``."""
        data = await self._client._call(
            "fraud.assess", params, idempotency_key=idempotency_key, timeout=timeout, max_retries=max_retries
        )
        return FraudAssessment.from_dict(data)
