"""Generate webhook signature vectors with the Python `standardwebhooks`
package (version 1.3.0 from PyPI), an implementation independent of the
core's, so the core's verifier is checked against another reading of the
Standard Webhooks scheme.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install standardwebhooks==1.3.0
    /tmp/venv/bin/python make_webhook_vectors.py > webhook_vectors.json
"""

import base64
import json
from datetime import datetime, timezone

from standardwebhooks.webhooks import Webhook

# Fixed secrets so the vectors are reproducible; they protect nothing.
SECRETS = [
    "whsec_" + base64.b64encode(bytes(range(32))).decode(),
    "whsec_" + base64.b64encode(b"rotation-secret-number-two-32byt").decode(),
]
CASES = [
    ("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", 1764547200,
     '{"id":"evt_1","object":"event","type":"payment.created","created":1764547200,"data":{"object":{"id":"pay_1"}}}'),
    ("evt_unicode", 1764547260,
     '{"id":"evt_2","object":"event","type":"payment.succeeded","created":1764547260,"data":{"object":{"description":"caf\u00e9 \u2615"}}}'),
    ("evt_3", 1700000000,
     '{"id":"evt_3","object":"event","type":"fraud_assessment.created","created":1700000000,"data":{"object":{}}}'),
]

vectors = []
for secret in SECRETS:
    webhook = Webhook(secret)
    for msg_id, timestamp, payload in CASES:
        signature = webhook.sign(msg_id, datetime.fromtimestamp(timestamp, tz=timezone.utc), payload)
        vectors.append({
            "secret": secret,
            "id": msg_id,
            "timestamp": timestamp,
            "payload": payload,
            "signature": signature,
        })

print(json.dumps({"generator": "standardwebhooks 1.3.0 (PyPI)", "vectors": vectors}, indent=2, ensure_ascii=False))
