"""The API's resources, as attributes of ``Client`` and ``AsyncClient``."""

from .events import AsyncEvents, Events
from .fraud import AsyncFraud, Fraud
from .payments import AsyncPayments, Payments
from .transactions import AsyncTransactions, Transactions
from .webhook_endpoints import AsyncWebhookEndpoints, WebhookEndpoints

__all__ = [
    "AsyncEvents",
    "AsyncFraud",
    "AsyncPayments",
    "AsyncTransactions",
    "AsyncWebhookEndpoints",
    "Events",
    "Fraud",
    "Payments",
    "Transactions",
    "WebhookEndpoints",
]
