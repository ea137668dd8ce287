# frozen_string_literal: true

require_relative "test_helper"
require "stringio"

# Webhook verification needs no sandbox: the payloads are signed here with
# OpenSSL (IndependentSigner), not with the Rust core.
class WebhookTest < Minitest::Test
  # The bytes 1 to 32, base64-encoded: a test secret used nowhere else.
  SECRET = "whsec_#{Base64.strict_encode64((1..32).to_a.pack('C*'))}"
  OTHER_SECRET = "whsec_#{Base64.strict_encode64(([7] * 32).pack('C*'))}"

  def payload
    JSON.generate(
      id: "evt_ruby_test", object: "event", type: "payment.succeeded", created: 1_764_547_200,
      data: { object: { id: "pay_ruby_test", object: "payment", amount: 2500, currency: "EUR",
                        status: "succeeded", source_account: "acct_alice", destination_account: "acct_bob",
                        description: nil, metadata: {}, failure_code: nil, created: 1_764_547_200,
                        canceled_at: nil } }
    )
  end

  def test_verify_returns_event
    event = RealtimeFinance::Webhook.verify(payload, IndependentSigner.headers(SECRET, payload), SECRET)

    assert_instance_of RealtimeFinance::Event, event
    assert_equal "evt_ruby_test", event.id
    assert_equal "payment.succeeded", event.type
  end

  def test_verify_types_event_object
    event = RealtimeFinance::Webhook.verify(payload, IndependentSigner.headers(SECRET, payload), SECRET)

    assert_instance_of RealtimeFinance::Payment, event.data.object
    assert_equal 2500, event.data.object.amount
  end

  def test_rack_env_headers
    headers = IndependentSigner.headers(SECRET, payload)
    env = {
      "REQUEST_METHOD" => "POST",
      "rack.input" => StringIO.new(payload),
      "HTTP_WEBHOOK_ID" => headers["webhook-id"],
      "HTTP_WEBHOOK_TIMESTAMP" => headers["webhook-timestamp"],
      "HTTP_WEBHOOK_SIGNATURE" => headers["webhook-signature"]
    }

    assert_equal "evt_ruby_test", RealtimeFinance::Webhook.verify(payload, env, SECRET).id
  end

  def test_header_names_any_case
    headers = IndependentSigner.headers(SECRET, payload).transform_keys { |name| name.split("-").map(&:capitalize).join("-") }

    assert_equal "evt_ruby_test", RealtimeFinance::Webhook.verify(payload, headers, SECRET).id
  end

  def test_secret_rotation_list
    headers = IndependentSigner.headers(SECRET, payload)

    assert_equal "evt_ruby_test", RealtimeFinance::Webhook.verify(payload, headers, [OTHER_SECRET, SECRET]).id
  end

  def test_several_signatures_one_valid
    headers = IndependentSigner.headers(SECRET, payload)
    wrong = IndependentSigner.signature(OTHER_SECRET, headers["webhook-id"], headers["webhook-timestamp"], payload)
    headers["webhook-signature"] = "#{wrong} #{headers['webhook-signature']}"

    assert_equal "evt_ruby_test", RealtimeFinance::Webhook.verify(payload, headers, SECRET).id
  end

  def test_wrong_secret_rejected
    headers = IndependentSigner.headers(OTHER_SECRET, payload)

    assert_raises(RealtimeFinance::WebhookSignatureError) { RealtimeFinance::Webhook.verify(payload, headers, SECRET) }
  end

  def test_tampered_payload_rejected
    headers = IndependentSigner.headers(SECRET, payload)
    tampered = payload.sub("2500", "9500")

    assert_raises(RealtimeFinance::WebhookSignatureError) { RealtimeFinance::Webhook.verify(tampered, headers, SECRET) }
  end

  def test_stale_timestamp_rejected
    headers = IndependentSigner.headers(SECRET, payload, timestamp: Time.now.to_i - 600)

    assert_raises(RealtimeFinance::WebhookSignatureError) { RealtimeFinance::Webhook.verify(payload, headers, SECRET) }
  end

  def test_wider_tolerance_accepts_old_timestamp
    headers = IndependentSigner.headers(SECRET, payload, timestamp: Time.now.to_i - 600)

    assert_equal "evt_ruby_test", RealtimeFinance::Webhook.verify(payload, headers, SECRET, tolerance: 900).id
  end

  def test_future_timestamp_rejected
    headers = IndependentSigner.headers(SECRET, payload, timestamp: Time.now.to_i + 600)

    assert_raises(RealtimeFinance::WebhookSignatureError) { RealtimeFinance::Webhook.verify(payload, headers, SECRET) }
  end

  def test_missing_header_rejected
    headers = IndependentSigner.headers(SECRET, payload).except("webhook-timestamp")

    assert_raises(RealtimeFinance::WebhookSignatureError) { RealtimeFinance::Webhook.verify(payload, headers, SECRET) }
  end

  def test_malformed_secret_configuration_error
    headers = IndependentSigner.headers(SECRET, payload)

    assert_raises(RealtimeFinance::ConfigurationError) { RealtimeFinance::Webhook.verify(payload, headers, "not-a-secret") }
  end

  def test_zero_tolerance_rejected
    headers = IndependentSigner.headers(SECRET, payload)

    assert_raises(ArgumentError) { RealtimeFinance::Webhook.verify(payload, headers, SECRET, tolerance: 0) }
  end

  def test_binary_payload_bytes_verified
    binary_payload = payload.sub("acct_bob", "acct_b\u00f6b").b
    headers = IndependentSigner.headers(SECRET, binary_payload)

    event = RealtimeFinance::Webhook.verify(binary_payload, headers, SECRET)

    assert_equal "acct_b\u00f6b", event.data.object.destination_account
  end
end

# A delivery signed by the sandbox, a second signer that is not the core.
class SandboxWebhookTest < SandboxTest
  def test_sandbox_signature_verifies
    payload = JSON.generate(id: "evt_sandbox", object: "event", type: "payment.created", created: Time.now.to_i,
                            data: { object: { id: "pay_1", object: "payment" } })
    headers = sandbox.admin(:post, "/_sandbox/webhooks/sign", { payload: payload })

    event = RealtimeFinance::Webhook.verify(payload, headers, sandbox.credentials.fetch("webhook_secret"))

    assert_equal "evt_sandbox", event.id
  end
end
