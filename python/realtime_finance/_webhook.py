"""Webhook verification (Standard Webhooks), done by the Rust core."""

from __future__ import annotations

from typing import Iterable, List, Mapping, Sequence, Tuple, Union

from . import _native
from ._models import Event

Headers = Union[Mapping[str, str], Mapping[bytes, bytes], Iterable[Tuple[str, str]], Iterable[Tuple[bytes, bytes]]]


class Webhook:
    """Verifies webhook deliveries."""

    DEFAULT_TOLERANCE: float = _native.DEFAULT_WEBHOOK_TOLERANCE
    """Seconds that a delivery's timestamp may be from the local clock, in either direction."""

    @staticmethod
    def verify(
        payload: Union[bytes, str],
        headers: Headers,
        secret: Union[str, Sequence[str]],
        tolerance: float = DEFAULT_TOLERANCE,
    ) -> Event:
        """Verify a delivery and return its event.

        ``payload`` is the raw request body, unparsed. ``headers`` is any
        mapping of the request's headers (names match case-insensitively),
        or a list of ``(name, value)`` pairs; ``bytes`` are decoded as
        Latin-1, as HTTP does. ``secret`` is the endpoint's ``whsec_…``
        secret, or a list of them during a rotation. ``tolerance`` is in
        seconds.

        Raises ``WebhookSignatureError`` for a missing or malformed header,
        a stale timestamp or no matching signature, and
        ``ConfigurationError`` for a malformed secret.
        """
        body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
        secrets = [secret] if isinstance(secret, str) else list(secret)
        event = _native.verify_webhook(body, _header_pairs(headers), secrets, float(tolerance))
        return Event.from_dict(event)


def _header_pairs(headers: Headers) -> List[Tuple[str, str]]:
    items = headers.items() if isinstance(headers, Mapping) else headers
    return [(_text(name), _text(value)) for name, value in items]


def _text(value: Union[str, bytes]) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else value
