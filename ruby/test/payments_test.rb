# frozen_string_literal: true

require_relative "test_helper"

class PaymentsTest < SandboxTest
  def test_create_returns_pending_payment
    payment = client.payments.create(**payment_params(metadata: { "order" => "42" }, description: "Invoice 42"))

    assert_instance_of RealtimeFinance::Payment, payment
    assert_match(/\Apay_/, payment.id)
    assert_equal "payment", payment.object
    assert_equal 2500, payment.amount
    assert_equal "pending", payment.status
    assert_equal({ "order" => "42" }, payment.metadata)
    assert_equal "Invoice 42", payment.description
  end

  def test_retrieve_returns_created_payment
    created = client.payments.create(**payment_params)

    assert_equal created.id, client.payments.retrieve(created.id).id
  end

  def test_list_includes_created_payment
    created = client.payments.create(**payment_params(destination_account: "acct_stays_pending"))

    listed = client.payments.list(status: "pending", limit: 20).first(100).map(&:id)

    assert_includes listed, created.id
  end

  def test_same_idempotency_key_replays
    key = "ruby-replay-#{SecureRandom.hex(8)}"
    first = nil
    second = nil

    created = sandbox.stats_delta("payments_created") do
      first = client.payments.create(**payment_params, idempotency_key: key)
      second = client.payments.create(**payment_params, idempotency_key: key)
    end

    assert_equal first.id, second.id
    assert_equal 1, created
  end

  def test_idempotency_key_with_other_body_conflicts
    key = "ruby-reused-#{SecureRandom.hex(8)}"
    client.payments.create(**payment_params, idempotency_key: key)

    error = assert_raises(RealtimeFinance::ConflictError) do
      client.payments.create(**payment_params(amount: 9999), idempotency_key: key)
    end
    assert_equal "idempotency_key_reused", error.code
  end

  def test_cancel_pending_payment
    payment = client.payments.create(**payment_params(destination_account: "acct_stays_pending"))

    canceled = client.payments.cancel(payment.id)

    assert_equal "canceled", canceled.status
    assert_kind_of Integer, canceled.canceled_at
  end

  def test_cancel_twice_conflicts
    payment = client.payments.create(**payment_params(destination_account: "acct_stays_pending"))
    client.payments.cancel(payment.id)

    error = assert_raises(RealtimeFinance::ConflictError) { client.payments.cancel(payment.id) }

    assert_equal "payment_not_cancelable", error.code
    assert_equal 409, error.http_status
  end

  def test_insufficient_funds_fails
    payment = client.payments.create(**payment_params(source_account: "acct_insufficient_funds"))

    assert_equal "failed", payment.status
    assert_equal "insufficient_funds", payment.failure_code
  end

  def test_zero_amount_rejected_before_request
    requests = sandbox.stats_delta("requests", "POST /v1/payments") do
      error = assert_raises(RealtimeFinance::InvalidRequestError) { client.payments.create(**payment_params(amount: 0)) }
      assert_equal "amount", error.param
    end

    assert_equal 0, requests
  end

  def test_misspelled_field_named
    error = assert_raises(RealtimeFinance::InvalidRequestError) { client.payments.create(**payment_params, amout: 1) }

    assert_equal "amout", error.param
  end
end
