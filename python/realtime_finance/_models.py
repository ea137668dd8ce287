"""Typed results: one frozen dataclass per API object.

Fields mirror the Rust core's structs, including the API's ``object`` type
name, which the core sets. Amounts are integers in minor units and times are
Unix seconds. ``to_dict()`` returns the wire form; ``repr`` hides secret
fields.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar, Dict, List, Literal, Mapping, Optional, Tuple

from typing_extensions import Self

TransactionStatus = Literal["pending", "posted", "failed", "reversed"]
TransactionDirection = Literal["credit", "debit"]
PaymentStatus = Literal["pending", "succeeded", "failed", "canceled"]
FraudDecision = Literal["approve", "review", "decline"]

@dataclass(frozen=True, repr=False)
class APIObject:
    """Base class of the API's objects."""

    _SECRET_FIELDS: ClassVar[Tuple[str, ...]] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Build the object from its wire form, ignoring fields that this version does not know."""
        names = {item.name for item in dataclasses.fields(cls)}
        return cls(**{name: value for name, value in data.items() if name in names})

    def to_dict(self) -> Dict[str, Any]:
        """Return the wire form. It contains secret fields in clear, so never log it."""
        return {item.name: _plain(getattr(self, item.name)) for item in dataclasses.fields(self)}

    def __repr__(self) -> str:
        shown = []
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if item.name in self._SECRET_FIELDS and value is not None:
                shown.append(f"{item.name}='{_redacted_prefix(value)}[REDACTED]'")
            else:
                shown.append(f"{item.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"


def _plain(value: Any) -> Any:
    if isinstance(value, APIObject):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _redacted_prefix(secret: str) -> str:
    # The same prefixes as the core's SecretString: only the type of secret shows.
    for prefix in ("whsec_", "sk_test_", "sk_live_", "pk_test_", "pk_live_"):
        if secret.startswith(prefix):
            return prefix
    return ""


@dataclass(frozen=True, repr=False)
class Transaction(APIObject):
    """A posted or pending movement of money on an account."""

    object: Literal["transaction"]
    id: str
    amount: int
    """Minor units of ``currency``, always positive; ``direction`` gives the sign."""
    currency: str
    status: TransactionStatus
    direction: TransactionDirection
    account: str
    counterparty: Optional[str]
    description: Optional[str]
    created: int


@dataclass(frozen=True, repr=False)
class Payment(APIObject):
    """A transfer of money between two accounts."""

    object: Literal["payment"]
    id: str
    amount: int
    """Minor units of ``currency``."""
    currency: str
    status: PaymentStatus
    source_account: str
    destination_account: str
    description: Optional[str]
    metadata: Dict[str, str]
    failure_code: Optional[str]
    """The reason for a failure (``"insufficient_funds"``, ``"fraud_declined"``), set only when ``status`` is ``"failed"``."""
    created: int
    canceled_at: Optional[int]


@dataclass(frozen=True, repr=False)
class FraudReason(APIObject):
    """One rule that added to a risk score."""

    code: str
    message: str


@dataclass(frozen=True, repr=False)
class FraudAssessment(APIObject):
    """The fraud engine's verdict on a payment."""

    object: Literal["fraud_assessment"]
    id: str
    risk_score: int
    """0 (no risk seen) to 100."""
    decision: FraudDecision
    reasons: List[FraudReason]
    amount: int
    currency: str
    source_account: str
    destination_account: str
    payment: Optional[str]
    created: int

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        reasons = [FraudReason.from_dict(reason) for reason in data.get("reasons", [])]
        return super().from_dict({**data, "reasons": reasons})


@dataclass(frozen=True, repr=False)
class EventData(APIObject):
    """The resource that an event is about."""

    object: Dict[str, Any] = field(default_factory=dict)
    """The resource's wire form; its ``"object"`` key names the type."""


@dataclass(frozen=True, repr=False)
class Event(APIObject):
    """Something that happened to a resource, from ``events.list`` or a verified webhook."""

    object: Literal["event"]
    id: str
    type: str
    """Such as ``"payment.succeeded"``."""
    created: int
    data: EventData

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        return super().from_dict({**data, "data": EventData.from_dict(data.get("data", {}))})


@dataclass(frozen=True, repr=False)
class WebhookEndpoint(APIObject):
    """A URL that receives signed event deliveries."""

    _SECRET_FIELDS: ClassVar[Tuple[str, ...]] = ("secret",)

    object: Literal["webhook_endpoint"]
    id: str
    url: str
    enabled_events: List[str]
    description: Optional[str]
    secret: Optional[str]
    """The ``whsec_`` signing secret, returned only at creation; ``repr`` hides it."""
    status: str
    created: int


__all__ = [
    "APIObject",
    "Event",
    "EventData",
    "FraudAssessment",
    "FraudDecision",
    "FraudReason",
    "Payment",
    "PaymentStatus",
    "Transaction",
    "TransactionDirection",
    "TransactionStatus",
    "WebhookEndpoint",
]
