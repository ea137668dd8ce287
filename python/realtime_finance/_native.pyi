# Stub of the compiled module built from bindings/python (PyO3).
import os
from typing import Any, Awaitable, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, Union, final

__all__ = ["CORE_VERSION", "DEFAULT_WEBHOOK_TOLERANCE", "NativeClient", "NativePaginator", "verify_webhook"]

CORE_VERSION: str
DEFAULT_WEBHOOK_TOLERANCE: float

_Operation = Literal[
    "transactions.retrieve",
    "payments.create",
    "payments.retrieve",
    "payments.cancel",
    "fraud.assess",
    "webhook_endpoints.create",
]
_ListOperation = Literal["transactions.list", "payments.list", "events.list"]

@final
class NativeClient:
    def __new__(
        cls,
        *,
        api_key: Optional[str] = None,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        scopes: Optional[Sequence[str]] = None,
        token_url: Optional[str] = None,
        client_auth_method: Optional[str] = None,
        environment: Optional[str] = None,
        base_url: Optional[str] = None,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        ca_cert: Union[str, os.PathLike[str], None] = None,
        ca_cert_pem: Optional[bytes] = None,
    ) -> NativeClient: ...
    @property
    def base_url(self) -> str: ...
    def set_api_key(self, api_key: str) -> None: ...
    def call(
        self,
        operation: _Operation,
        argument: Union[str, Mapping[str, Any]],
        *,
        idempotency_key: Optional[str] = None,
        max_retries: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Dict[str, Any]: ...
    def call_async(
        self,
        operation: _Operation,
        argument: Union[str, Mapping[str, Any]],
        *,
        idempotency_key: Optional[str] = None,
        max_retries: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> Awaitable[Dict[str, Any]]: ...
    def list(
        self,
        operation: _ListOperation,
        params: Mapping[str, Any],
        *,
        max_retries: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> NativePaginator: ...

@final
class NativePaginator:
    def next_page(self) -> Optional[List[Dict[str, Any]]]: ...
    def next_page_async(self) -> Awaitable[Optional[List[Dict[str, Any]]]]: ...

def verify_webhook(
    payload: bytes,
    headers: Sequence[Tuple[str, str]],
    secrets: Sequence[str],
    tolerance: float,
) -> Dict[str, Any]: ...
