"""Schemathesis hooks for the sandbox contract run.

They shape generated data where the schema cannot express what the API needs,
so the fuzzer reaches the handlers instead of stopping at one validation
rule. Invalid values are left alone, so negative cases still reach the
server.

- Idempotency-Key: the fuzzer draws keys from a small space, so most POSTs
  would reuse a key with another body and get 422 idempotency_key_reused.
  Each valid key gets a unique suffix.
- source_account and destination_account must differ, which JSON Schema
  cannot express; equal generated values get a suffix on the destination.
- Authentication: requests to POST /v1/oauth/token without client
  credentials in the body authenticate as the sandbox's OAuth client by
  HTTP Basic (RTF_CLIENT_ID, RTF_CLIENT_SECRET). Every other request gets
  `Authorization: Bearer RTF_SECRET_KEY`. A global `--header` cannot do
  this because it would override the Basic credentials.
"""

import base64
import os
import re
import uuid

import schemathesis

VALID_KEY = re.compile(r"^[\x20-\x7e]{1,255}$")


def _unique_idempotency_key(headers):
    for name in list(headers):
        if name.lower() != "idempotency-key":
            continue
        value = headers[name]
        if isinstance(value, str) and VALID_KEY.match(value):
            headers[name] = f"{value[:200]}-{uuid.uuid4().hex}"


def _distinct_accounts(body):
    if not isinstance(body, dict):
        return
    source = body.get("source_account")
    destination = body.get("destination_account")
    if isinstance(source, str) and source == destination and len(destination) <= 60:
        body["destination_account"] = destination + "_dst"


def _client_basic_auth(case):
    client_id = os.environ.get("RTF_CLIENT_ID")
    client_secret = os.environ.get("RTF_CLIENT_SECRET")
    if not client_id or not client_secret:
        return
    body = case.body if isinstance(case.body, dict) else {}
    if "client_id" in body or "client_secret" in body:
        return
    pair = f"{client_id}:{client_secret}".encode()
    case.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()


def _bearer_auth(case):
    secret_key = os.environ.get("RTF_SECRET_KEY")
    if secret_key and not any(name.lower() == "authorization" for name in case.headers):
        case.headers["Authorization"] = f"Bearer {secret_key}"


@schemathesis.hook
def before_call(ctx, case, **kwargs):
    if case.headers is None:
        case.headers = {}
    _unique_idempotency_key(case.headers)
    _distinct_accounts(case.body)
    if case.path == "/v1/oauth/token":
        _client_basic_auth(case)
    else:
        _bearer_auth(case)
