"""Python SDK for the Real Time Finance API.

The work happens in the shared Rust core (``realtime_finance._native``):
authentication, OAuth token refresh, retries, idempotency keys, pagination
and webhook verification behave the same as in the other languages' SDKs.

Logs go to the ``realtime_finance`` logger of the standard ``logging``
module; they never contain a secret.
"""

from __future__ import annotations

import logging

from ._client import AsyncClient, Client
from ._errors import (
    APIError,
    AuthenticationError,
    ConfigurationError,
    ConflictError,
    ConnectionError,
    InvalidRequestError,
    NotFoundError,
    PermissionError,
    RateLimitError,
    RealTimeFinanceError,
    TimeoutError,
    WebhookSignatureError,
)
from ._models import (
    APIObject,
    Event,
    EventData,
    FraudAssessment,
    FraudReason,
    Payment,
    Transaction,
    WebhookEndpoint,
)
from ._native import CORE_VERSION
from ._pagination import AsyncListIterator, ListIterator
from ._webhook import Webhook

__version__ = CORE_VERSION

# A library adds no handler of its own; the application configures logging.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "APIError",
    "APIObject",
    "AsyncClient",
    "AsyncListIterator",
    "AuthenticationError",
    "Client",
    "ConfigurationError",
    "ConflictError",
    "ConnectionError",
    "Event",
    "EventData",
    "FraudAssessment",
    "FraudReason",
    "InvalidRequestError",
    "ListIterator",
    "NotFoundError",
    "Payment",
    "PermissionError",
    "RateLimitError",
    "RealTimeFinanceError",
    "TimeoutError",
    "Transaction",
    "Webhook",
    "WebhookEndpoint",
    "WebhookSignatureError",
    "__version__",
]
