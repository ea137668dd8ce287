"""Parameter types of the API calls, for type checkers.

Each call takes these as keyword arguments; the Rust core checks them before
any request and raises ``InvalidRequestError`` naming the field, including
an unknown field.
"""

from __future__ import annotations

from typing import Dict, List

from typing_extensions import NotRequired, Required, TypedDict

from ._models import PaymentStatus, TransactionStatus


class TransactionListParams(TypedDict, total=False):
    limit: int
    """Page size, 1 to 100."""
    starting_after: str
    """Start after this ``txn_`` id; later pages set it themselves."""
    status: TransactionStatus
    created_gte: int
    """Only transactions created at or after this Unix time in seconds."""
    created_lte: int
    """Only transactions created at or before this Unix time in seconds."""


class PaymentCreateParams(TypedDict):
    amount: Required[int]
    """Minor units, 1 to 100 000 000 000."""
    currency: Required[str]
    """ISO 4217 code in upper case, such as ``"EUR"``."""
    source_account: Required[str]
    destination_account: Required[str]
    description: NotRequired[str]
    """At most 500 characters."""
    metadata: NotRequired[Dict[str, str]]
    """At most 20 keys of up to 40 characters, values up to 500 characters."""


class PaymentListParams(TypedDict, total=False):
    limit: int
    starting_after: str
    status: PaymentStatus


class FraudAssessmentCreateParams(TypedDict):
    amount: Required[int]
    currency: Required[str]
    source_account: Required[str]
    destination_account: Required[str]
    payment: NotRequired[str]
    """A ``pay_`` id to attach the assessment to."""


class EventListParams(TypedDict, total=False):
    limit: int
    starting_after: str
    type: str
    """Only events of this type, such as ``"payment.succeeded"``."""


class WebhookEndpointCreateParams(TypedDict):
    url: Required[str]
    """``https``, or ``http`` on a loopback host."""
    enabled_events: NotRequired[List[str]]
    """Event types to deliver, or ``["*"]`` (the API's default) for all."""
    description: NotRequired[str]


__all__ = [
    "EventListParams",
    "FraudAssessmentCreateParams",
    "PaymentCreateParams",
    "PaymentListParams",
    "TransactionListParams",
    "WebhookEndpointCreateParams",
]
