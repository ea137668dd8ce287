"""Check the sandbox's webhook signatures with the `standardwebhooks` package
from PyPI, an implementation independent of the sandbox's Rust signer.

Reads the sandbox's credentials JSON line from the file named in argv[1],
starts a receiver on 127.0.0.1, registers it, creates a payment and
verifies every delivery. Also verifies a payload signed by
POST /_sandbox/webhooks/sign with the printed webhook_secret. Exits
non-zero on the first failure. All traffic stays on loopback.
"""

import json
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer

from standardwebhooks import Webhook, WebhookVerificationError

DEADLINE_SECONDS = 15


class Receiver(BaseHTTPRequestHandler):
    deliveries = []
    lock = threading.Lock()

    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = self.rfile.read(length)
        with self.lock:
            self.deliveries.append((dict(self.headers.items()), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def call(base_url, path, token, body):
    request = urllib.request.Request(
        base_url + path,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)


def main():
    with open(sys.argv[1]) as f:
        credentials = json.loads(f.readline())
    base_url = credentials["base_url"]
    if not base_url.startswith("http://127.0.0.1:"):
        sys.exit(f"webhook check: refusing non-loopback base_url {base_url}")

    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/hooks"

    endpoint = call(base_url, "/v1/webhook_endpoints", credentials["secret_key"], {"url": url})
    payment = call(
        base_url,
        "/v1/payments",
        credentials["secret_key"],
        {"amount": 1200, "currency": "EUR", "source_account": "acct_py_a", "destination_account": "acct_py_b"},
    )

    deadline = time.monotonic() + DEADLINE_SECONDS
    wanted = {"payment.created", "payment.succeeded"}
    seen = set()
    hook = Webhook(endpoint["secret"])
    while time.monotonic() < deadline and not wanted <= seen:
        with Receiver.lock:
            pending = list(Receiver.deliveries)
        for headers, body in pending:
            event = hook.verify(body, headers)
            if event["data"]["object"]["id"] == payment["id"]:
                seen.add(event["type"])
        time.sleep(0.1)
    server.shutdown()
    if not wanted <= seen:
        sys.exit(f"webhook check: verified events {sorted(seen)}, expected {sorted(wanted)}")

    headers, body = Receiver.deliveries[0]
    try:
        hook.verify(body + b" ", headers)
    except WebhookVerificationError:
        pass
    else:
        sys.exit("webhook check: a tampered body passed verification")

    payload = json.dumps({"type": "sample"})
    signed = call(base_url, "/_sandbox/webhooks/sign", credentials["admin_token"], {"payload": payload})
    Webhook(credentials["webhook_secret"]).verify(payload, signed)

    print(f"webhook check: {len(Receiver.deliveries)} deliveries verified with standardwebhooks", file=sys.stderr)


if __name__ == "__main__":
    main()
