# frozen_string_literal: true

require_relative "test_helper"

class FraudTest < SandboxTest
  def test_assess_small_amount_approves
    assessment = client.fraud.assess(**payment_params(amount: 500, source_account: "acct_ruby_#{SecureRandom.hex(4)}"))

    assert_instance_of RealtimeFinance::FraudAssessment, assessment
    assert_equal "fraud_assessment", assessment.object
    assert_equal "approve", assessment.decision
    assert_kind_of Integer, assessment.risk_score
  end

  def test_assess_decline_account_declines
    assessment = client.fraud.assess(**payment_params(destination_account: "acct_fraud_decline"))

    assert_equal "decline", assessment.decision
    assert_operator assessment.risk_score, :>=, 75
  end

  def test_reasons_are_objects
    assessment = client.fraud.assess(**payment_params(destination_account: "acct_fraud_decline"))

    refute_empty assessment.reasons
    assert(assessment.reasons.all?(RealtimeFinance::FraudReason))
    assert_kind_of String, assessment.reasons.first.code
    assert_kind_of Hash, assessment.to_h[:reasons].first
  end
end

class EventsTest < SandboxTest
  def test_list_contains_payment_created
    payment = client.payments.create(**payment_params)

    event = client.events.list(type: "payment.created", limit: 20).first(100).find do |candidate|
      candidate.data.object.id == payment.id
    end

    refute_nil event
    assert_instance_of RealtimeFinance::Event, event
    assert_equal "event", event.object
    assert_equal "payment.created", event.type
    assert_instance_of RealtimeFinance::Payment, event.data.object
  end

  def test_list_filters_by_type
    client.payments.create(**payment_params)

    types = client.events.list(type: "payment.created", limit: 5).first(5).map(&:type)

    refute_empty types
    assert_equal ["payment.created"], types.uniq
  end
end

class WebhookEndpointsTest < SandboxTest
  def create_endpoint
    client.webhook_endpoints.create(url: "http://127.0.0.1:9/hooks", enabled_events: ["payment.canceled"],
                                    description: "ruby test")
  end

  def test_create_returns_secret
    endpoint = create_endpoint

    assert_instance_of RealtimeFinance::WebhookEndpoint, endpoint
    assert_match(/\Awe_/, endpoint.id)
    assert_equal "webhook_endpoint", endpoint.object
    assert_match(/\Awhsec_/, endpoint.secret)
    assert_equal ["payment.canceled"], endpoint.enabled_events
  end

  def test_inspect_hides_secret
    endpoint = create_endpoint

    refute_includes endpoint.inspect, endpoint.secret
    assert_includes endpoint.inspect, "secret=[REDACTED]"
  end

  def test_to_h_includes_secret
    endpoint = create_endpoint

    assert_equal endpoint.secret, endpoint.to_h[:secret]
  end

  def test_ftp_url_rejected
    assert_raises(RealtimeFinance::InvalidRequestError) do
      client.webhook_endpoints.create(url: "ftp://127.0.0.1/hooks")
    end
  end
end
