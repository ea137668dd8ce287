"""Runs the cross-language scenarios of tests/conformance/scenarios.json through the Python SDK.

The file format is described in tests/conformance/README.md.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from typing import Any, Dict, List, Optional, Type

import pytest

import realtime_finance
from realtime_finance import Client

from conftest import REPO, Sandbox

SCENARIO_FILE = REPO / "tests" / "conformance" / "scenarios.json"
SCENARIOS: List[Dict[str, Any]] = (
    json.loads(SCENARIO_FILE.read_text())["scenarios"] if SCENARIO_FILE.exists() else []
)
RUN_ID = uuid.uuid4().hex[:12]
ERROR_CLASSES: Dict[str, Type[realtime_finance.RealTimeFinanceError]] = {
    "configuration": realtime_finance.ConfigurationError,
    "authentication": realtime_finance.AuthenticationError,
    "permission": realtime_finance.PermissionError,
    "invalid_request": realtime_finance.InvalidRequestError,
    "not_found": realtime_finance.NotFoundError,
    "conflict": realtime_finance.ConflictError,
    "rate_limit": realtime_finance.RateLimitError,
    "api": realtime_finance.APIError,
    "connection": realtime_finance.ConnectionError,
    "timeout": realtime_finance.TimeoutError,
    "webhook_signature": realtime_finance.WebhookSignatureError,
}
PLACEHOLDER = re.compile(r"\$\{([^}]+)\}")


def lookup(saved: Dict[str, Any], path: str) -> Any:
    value: Any = saved
    for part in path.split("."):
        value = value[int(part)] if isinstance(value, list) else value[part]
    return value


def substitute(value: Any, saved: Dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {key: substitute(item, saved) for key, item in value.items()}
    if isinstance(value, list):
        return [substitute(item, saved) for item in value]
    if not isinstance(value, str):
        return value
    whole = PLACEHOLDER.fullmatch(value)
    if whole:
        return lookup(saved, whole.group(1))
    return PLACEHOLDER.sub(lambda match: str(lookup(saved, match.group(1))), value)


def sign(sign_args: Dict[str, Any], payload: str) -> Dict[str, str]:
    """Standard Webhooks signature made with Python's hmac, independent of the core."""
    body = sign_args.get("payload", payload)
    timestamp = str(int(time.time()) + int(sign_args.get("timestamp_offset", 0)))
    key = base64.b64decode(sign_args["secret"].split("_", 1)[1])
    signed = f"{sign_args['id']}.{timestamp}.{body}".encode()
    signature = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return {"webhook-id": sign_args["id"], "webhook-timestamp": timestamp, "webhook-signature": f"v1,{signature}"}


def build_client(sandbox: Sandbox, credential: Any) -> Client:
    if credential == "secret_key":
        return sandbox.client()
    if credential == "publishable_key":
        return sandbox.client(api_key=sandbox.publishable_key)
    if credential == "oauth":
        return sandbox.client(api_key=None, client_id=sandbox.client_id, client_secret=sandbox.client_secret)
    if credential == "oauth_wrong_secret":
        return sandbox.client(api_key=None, client_id=sandbox.client_id, client_secret="wrong-secret")
    return sandbox.client(api_key=sandbox.create_key(credential["scopes"]))


def run_call(client: Optional[Client], call: str, args: Dict[str, Any]) -> Any:
    if call == "webhook.verify":
        headers = args.get("headers") or sign(args["sign"], args["payload"])
        return realtime_finance.Webhook.verify(args["payload"], headers, args["secrets"], args["tolerance"]).to_dict()
    assert client is not None
    options: Dict[str, Any] = {}
    if "max_retries" in args:
        options["max_retries"] = args["max_retries"]
    resource_name, method_name = call.split(".")
    method = getattr(getattr(client, resource_name), method_name)
    if method_name in ("retrieve", "cancel"):
        return method(args["id"], **options).to_dict()
    if method_name == "list":
        items = []
        for item in method(**args.get("params", {}), **options):
            items.append(item.to_dict())
            if len(items) >= args["max_items"]:
                break
        return items
    if "idempotency_key" in args:
        options["idempotency_key"] = args["idempotency_key"]
    return method(**args["params"], **options).to_dict()


def check_result(step: Dict[str, Any], result: Any, saved: Dict[str, Any]) -> None:
    for key, expected in substitute(step.get("expect", {}), saved).items():
        assert result.get(key) == expected, f"{key}: {result.get(key)!r} != {expected!r}"
    for key, prefix in step.get("expect_prefix", {}).items():
        assert str(result.get(key)).startswith(prefix), f"{key} does not start with {prefix!r}"
    if "expect_count" in step:
        assert len(result) == step["expect_count"]
    if "expect_min_count" in step:
        assert len(result) >= step["expect_min_count"]
    for key, expected in step.get("expect_all", {}).items():
        assert all(item.get(key) == expected for item in result), f"not every {key} is {expected!r}"
    if "expect_unique" in step:
        values = [item[step["expect_unique"]] for item in result]
        assert len(values) == len(set(values)), f"{step['expect_unique']} repeats"


def check_error(expected: Dict[str, Any], error: realtime_finance.RealTimeFinanceError) -> None:
    assert isinstance(error, ERROR_CLASSES[expected["kind"]]), f"{error!r} is not {expected['kind']}"
    for key in ("http_status", "code", "param"):
        if key in expected:
            assert getattr(error, key) == expected[key], f"{key}: {getattr(error, key)!r} != {expected[key]!r}"


def stats_delta(before: Dict[str, Any], after: Dict[str, Any], expected: Dict[str, Any]) -> None:
    for key, value in expected.items():
        if key == "requests":
            for route, count in value.items():
                actual = after["requests"].get(route, 0) - before["requests"].get(route, 0)
                assert actual == count, f"requests to {route}: {actual} != {count}"
        else:
            assert after[key] - before[key] == value, f"{key}: {after[key] - before[key]} != {value}"


@pytest.mark.skipif(not SCENARIOS, reason="tests/conformance/scenarios.json is missing")
@pytest.mark.parametrize("scenario", SCENARIOS, ids=[scenario["name"] for scenario in SCENARIOS])
def test_scenario(sandbox: Sandbox, scenario: Dict[str, Any]) -> None:
    saved: Dict[str, Any] = {"run_id": RUN_ID}
    steps = scenario["steps"]
    try:
        client: Optional[Client] = build_client(sandbox, scenario["credential"])
    except realtime_finance.RealTimeFinanceError as error:
        assert "expect_error" in steps[0], f"building the client failed: {error!r}"
        check_error(steps[0]["expect_error"], error)
        return

    before = sandbox.stats() if "expect_stats_delta" in scenario else None
    for fault in scenario.get("faults", []):
        sandbox.add_fault(**fault)
    try:
        for step in steps:
            args = substitute(step.get("args", {}), saved)
            if "expect_error" in step:
                with pytest.raises(realtime_finance.RealTimeFinanceError) as caught:
                    run_call(client, step["call"], args)
                check_error(step["expect_error"], caught.value)
                continue
            result = run_call(client, step["call"], args)
            if "save_as" in step:
                saved[step["save_as"]] = result
            check_result(step, result, saved)
    finally:
        sandbox.clear_faults()
        if client is not None:
            client.close()
    if before is not None:
        stats_delta(before, sandbox.stats(), scenario["expect_stats_delta"])
