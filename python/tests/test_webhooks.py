"""Webhook verification against an independent Standard Webhooks signer and live deliveries."""

from __future__ import annotations

import json
import queue
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, Iterator, Tuple

import pytest
import standardwebhooks

import realtime_finance
from realtime_finance import Client, Webhook

from conftest import Sandbox

SECRET = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="
OTHER_SECRET = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
PAYLOAD = (
    '{"id":"evt_test_0001","object":"event","type":"payment.succeeded","created":1764547200,'
    '"data":{"object":{"id":"pay_test","object":"payment","amount":2500,"currency":"EUR"}}}'
)


def signed_headers(payload: str, secret: str = SECRET, offset_seconds: int = 0) -> Dict[str, str]:
    """Sign with the `standardwebhooks` package, independent of the Rust core."""
    timestamp = datetime.now(tz=timezone.utc) + timedelta(seconds=offset_seconds)
    signature = standardwebhooks.Webhook(secret).sign("evt_test_0001", timestamp, payload)
    return {
        "webhook-id": "evt_test_0001",
        "webhook-timestamp": str(int(timestamp.timestamp())),
        "webhook-signature": signature,
    }


def test_verify_independent_signature() -> None:
    event = Webhook.verify(PAYLOAD, signed_headers(PAYLOAD, offset_seconds=-10), SECRET)
    assert event.id == "evt_test_0001"
    assert event.type == "payment.succeeded"
    assert event.data.object["amount"] == 2500
    assert event.object == "event"


def test_verify_bytes_and_mixed_case() -> None:
    headers = {name.title(): value for name, value in signed_headers(PAYLOAD).items()}
    event = Webhook.verify(PAYLOAD.encode(), headers, SECRET)
    assert event.id == "evt_test_0001"


def test_verify_header_pairs_as_bytes() -> None:
    pairs = [(name.encode(), value.encode()) for name, value in signed_headers(PAYLOAD).items()]
    assert Webhook.verify(PAYLOAD, pairs, SECRET).id == "evt_test_0001"


def test_verify_secret_rotation() -> None:
    event = Webhook.verify(PAYLOAD, signed_headers(PAYLOAD), [OTHER_SECRET, SECRET])
    assert event.id == "evt_test_0001"


def test_reject_wrong_secret() -> None:
    with pytest.raises(realtime_finance.WebhookSignatureError):
        Webhook.verify(PAYLOAD, signed_headers(PAYLOAD, secret=OTHER_SECRET), SECRET)


def test_reject_tampered_payload() -> None:
    headers = signed_headers(PAYLOAD)
    with pytest.raises(realtime_finance.WebhookSignatureError):
        Webhook.verify(PAYLOAD.replace("2500", "9500"), headers, SECRET)


def test_reject_stale_timestamp() -> None:
    headers = signed_headers(PAYLOAD, offset_seconds=-301)
    with pytest.raises(realtime_finance.WebhookSignatureError):
        Webhook.verify(PAYLOAD, headers, SECRET)


def test_tolerance_widens_window() -> None:
    headers = signed_headers(PAYLOAD, offset_seconds=-600)
    assert Webhook.verify(PAYLOAD, headers, SECRET, tolerance=900).id == "evt_test_0001"


def test_reject_missing_header() -> None:
    headers = signed_headers(PAYLOAD)
    del headers["webhook-timestamp"]
    with pytest.raises(realtime_finance.WebhookSignatureError):
        Webhook.verify(PAYLOAD, headers, SECRET)


def test_malformed_secret_configuration() -> None:
    with pytest.raises(realtime_finance.ConfigurationError):
        Webhook.verify(PAYLOAD, signed_headers(PAYLOAD), "not-a-secret")


Delivery = Tuple[Dict[str, str], bytes]


@pytest.fixture
def receiver() -> Iterator[Tuple[str, "queue.Queue[Delivery]"]]:
    """An HTTP server on loopback that records each delivery and responds with 200."""
    deliveries: "queue.Queue[Delivery]" = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            deliveries.put((dict(self.headers.items()), body))
            self.send_response(200)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hooks", deliveries
    finally:
        server.shutdown()
        server.server_close()


def test_live_delivery_verifies(
    sandbox: Sandbox, client: Client, receiver: Tuple[str, "queue.Queue[Delivery]"]
) -> None:
    url, deliveries = receiver
    endpoint = client.webhook_endpoints.create(url=url, enabled_events=["payment.created"])
    assert endpoint.secret is not None
    payment = client.payments.create(
        amount=2500, currency="EUR", source_account="acct_alice", destination_account="acct_bob"
    )
    deadline = time.monotonic() + 15
    event = None
    while event is None and time.monotonic() < deadline:
        headers, body = deliveries.get(timeout=max(0.1, deadline - time.monotonic()))
        verified = Webhook.verify(body, headers, endpoint.secret)
        if verified.data.object.get("id") == payment.id:
            event = verified
    assert event is not None
    assert event.type == "payment.created"
    assert json.loads(body)["id"] == event.id
