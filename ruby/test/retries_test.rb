# frozen_string_literal: true

require_relative "test_helper"

class RetriesTest < SandboxTest
  def test_retries_503_then_creates_once
    add_fault(method: "POST", path: "/v1/payments", count: 2, status: 503, retry_after: 0)
    payment = nil

    created = sandbox.stats_delta("payments_created") do
      requests = sandbox.stats_delta("requests", "POST /v1/payments") do
        payment = client.payments.create(**payment_params)
      end
      assert_equal 3, requests
    end

    assert_equal 1, created
    assert_match(/\Apay_/, payment.id)
  end

  def test_dropped_response_retried_without_duplicate
    add_fault(method: "POST", path: "/v1/payments", count: 1, action: "drop_after_processing")
    stats_before = sandbox.stats

    payment = client.payments.create(**payment_params, idempotency_key: "ruby-drop-#{SecureRandom.hex(8)}")

    stats_after = sandbox.stats
    assert_equal 1, stats_after["payments_created"] - stats_before["payments_created"]
    assert_equal 1, stats_after["idempotent_replays"] - stats_before["idempotent_replays"]
    assert_equal payment.id, client.payments.retrieve(payment.id).id
  end

  def test_dropped_response_generated_key_no_duplicate
    add_fault(method: "POST", path: "/v1/payments", count: 1, action: "drop_after_processing")

    created = sandbox.stats_delta("payments_created") { client.payments.create(**payment_params) }

    assert_equal 1, created
  end

  def test_reset_connection_retried
    add_fault(method: "GET", path: "/v1/transactions/*", count: 1, action: "reset_before_processing")

    assert_equal seeded_transaction_id, client.transactions.retrieve(seeded_transaction_id).id
  end

  def test_no_retry_on_400
    requests = sandbox.stats_delta("requests", "GET /v1/transactions/{id}") do
      add_fault(method: "GET", path: "/v1/transactions/*", count: 3, status: 400)
      assert_raises(RealtimeFinance::InvalidRequestError) { client.transactions.retrieve(seeded_transaction_id) }
    end

    assert_equal 1, requests
  end

  def test_rate_limit_exhausts_retries
    add_fault(method: "GET", path: "/v1/transactions/*", count: 5, status: 429, retry_after: 0)

    requests = sandbox.stats_delta("requests", "GET /v1/transactions/{id}") do
      assert_raises(RealtimeFinance::RateLimitError) do
        client.transactions.retrieve(seeded_transaction_id, max_retries: 1)
      end
    end

    assert_equal 2, requests
  end
end
