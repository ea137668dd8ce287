from __future__ import annotations

import realtime_finance
from realtime_finance import Client


def test_fraud_decline_account(client: Client) -> None:
    assessment = client.fraud.assess(
        amount=2500, currency="EUR", source_account="acct_alice", destination_account="acct_fraud_decline"
    )
    assert isinstance(assessment, realtime_finance.FraudAssessment)
    assert assessment.decision == "decline"
    assert assessment.risk_score >= 75
    assert assessment.id.startswith("fa_")


def test_fraud_reasons_typed(client: Client) -> None:
    assessment = client.fraud.assess(
        amount=2500, currency="EUR", source_account="acct_alice", destination_account="acct_fraud_decline"
    )
    assert assessment.reasons
    assert all(isinstance(reason, realtime_finance.FraudReason) for reason in assessment.reasons)
    data = assessment.to_dict()
    assert data["object"] == "fraud_assessment"
    assert data["reasons"][0]["code"] == assessment.reasons[0].code


def test_fraud_attaches_payment(client: Client) -> None:
    payment = client.payments.create(
        amount=500, currency="EUR", source_account="acct_alice", destination_account="acct_bob"
    )
    assessment = client.fraud.assess(
        amount=500, currency="EUR", source_account="acct_alice", destination_account="acct_bob", payment=payment.id
    )
    assert assessment.payment == payment.id


def test_events_after_payment(client: Client) -> None:
    payment = client.payments.create(
        amount=2500, currency="EUR", source_account="acct_alice", destination_account="acct_bob"
    )
    events = []
    for event in client.events.list(limit=20, type="payment.created"):
        events.append(event)
        if event.data.object.get("id") == payment.id or len(events) == 100:
            break
    assert all(event.type == "payment.created" for event in events)
    assert events[-1].data.object["id"] == payment.id
    assert events[-1].to_dict()["data"]["object"]["id"] == payment.id


def test_endpoint_create_fields(client: Client) -> None:
    endpoint = client.webhook_endpoints.create(
        url="http://127.0.0.1:9/fields", enabled_events=["payment.succeeded"], description="fields"
    )
    assert endpoint.id.startswith("we_")
    assert endpoint.object == "webhook_endpoint"
    assert endpoint.enabled_events == ["payment.succeeded"]
    assert endpoint.description == "fields"
    assert endpoint.status == "enabled"
    assert endpoint.to_dict()["secret"] == endpoint.secret
