"""Exception classes, one per error kind of the Rust core.

The native module creates them through the one kind-to-class table in
``bindings/python/src/errors.rs``. No message or ``repr`` contains a secret:
the core never puts one in a message, and these classes add only the
attributes below.
"""

from __future__ import annotations

import builtins
from typing import Any, Optional


class RealTimeFinanceError(Exception):
    """Base class of every error that the SDK raises.

    ``str(error)`` is the message followed by the request id, when the API
    returned one.
    """

    message: str
    """The developer-facing sentence: what failed, on which value, and what to do."""
    kind: Optional[str]
    """The core's error kind, such as ``"rate_limit"``; ``None`` for an internal error."""
    http_status: Optional[int]
    """The HTTP status of the response, when there was one."""
    code: Optional[str]
    """The API's error code (``"insufficient_scope"``) or the OAuth one (``"invalid_client"``)."""
    request_id: Optional[str]
    """The ``Request-Id`` of the failed response; quote it to support."""
    param: Optional[str]
    """The request parameter at fault, for invalid requests."""
    retry_after: Optional[float]
    """Seconds the server asked to wait before trying again."""

    def __init__(
        self,
        text: str,
        *,
        message: Optional[str] = None,
        kind: Optional[str] = None,
        http_status: Optional[int] = None,
        code: Optional[str] = None,
        request_id: Optional[str] = None,
        param: Optional[str] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(text)
        self.message = text if message is None else message
        self.kind = kind
        self.http_status = http_status
        self.code = code
        self.request_id = request_id
        self.param = param
        self.retry_after = retry_after

    def _attributes(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "kind": self.kind,
            "http_status": self.http_status,
            "code": self.code,
            "request_id": self.request_id,
            "param": self.param,
            "retry_after": self.retry_after,
        }

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self._attributes().items() if value is not None)
        return f"{type(self).__name__}({shown})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keeps the attributes when an error crosses a process boundary
        # (multiprocessing, concurrent.futures).
        return (_rebuild, (type(self), str(self), self._attributes()))


def _rebuild(cls: builtins.type[RealTimeFinanceError], text: str, attributes: dict[str, Any]) -> RealTimeFinanceError:
    return cls(text, **attributes)


class ConfigurationError(RealTimeFinanceError):
    """Invalid client settings or arguments, found before any request."""


class AuthenticationError(RealTimeFinanceError):
    """401: the key or token is missing, invalid, revoked or expired, or the OAuth server rejected the client."""


class PermissionError(RealTimeFinanceError):  # noqa: A001 - the name every SDK uses; shadows the builtin only here
    """403: the credential lacks the scope that the call needs."""


class InvalidRequestError(RealTimeFinanceError):
    """400, 413 or 422, or a parameter that the core rejected before sending; ``param`` names the field."""


class NotFoundError(RealTimeFinanceError):
    """404: no such resource."""


class ConflictError(RealTimeFinanceError):
    """409 and idempotency errors: a key reused with another body, a key still in use, or a state that forbids the call."""


class RateLimitError(RealTimeFinanceError):
    """429: too many requests; ``retry_after`` gives the seconds to wait."""


class APIError(RealTimeFinanceError):
    """5xx, or a response that the SDK cannot parse."""


class ConnectionError(RealTimeFinanceError):  # noqa: A001
    """The connection failed or dropped before a complete response."""


class TimeoutError(RealTimeFinanceError):  # noqa: A001
    """A connect timeout, an attempt's timeout or the call's total time budget ran out."""


class WebhookSignatureError(RealTimeFinanceError):
    """A webhook payload failed verification."""


__all__ = [
    "APIError",
    "AuthenticationError",
    "ConfigurationError",
    "ConflictError",
    "ConnectionError",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionError",
    "RateLimitError",
    "RealTimeFinanceError",
    "TimeoutError",
    "WebhookSignatureError",
]
