# frozen_string_literal: true

require_relative "test_helper"
require "socket"

class ErrorsTest < SandboxTest
  KINDS = {
    1 => [RealtimeFinance::ConfigurationError, "configuration"],
    2 => [RealtimeFinance::AuthenticationError, "authentication"],
    3 => [RealtimeFinance::PermissionError, "permission"],
    4 => [RealtimeFinance::InvalidRequestError, "invalid_request"],
    5 => [RealtimeFinance::NotFoundError, "not_found"],
    6 => [RealtimeFinance::ConflictError, "conflict"],
    7 => [RealtimeFinance::RateLimitError, "rate_limit"],
    8 => [RealtimeFinance::APIError, "api"],
    9 => [RealtimeFinance::ConnectionError, "connection"],
    10 => [RealtimeFinance::TimeoutError, "timeout"],
    11 => [RealtimeFinance::WebhookSignatureError, "webhook_signature"],
    12 => [RealtimeFinance::InternalError, "internal"]
  }.freeze

  def test_native_kinds_map_to_classes
    KINDS.each do |native_kind, (klass, _kind)|
      assert_equal klass, RealtimeFinance::Error::CLASSES_BY_NATIVE_KIND.fetch(native_kind)
    end
  end

  def test_kind_names_match_core
    KINDS.each_value do |klass, kind|
      assert_equal kind, klass.new("x").kind
    end
  end

  def test_classes_derive_from_error
    KINDS.each_value do |klass, _kind|
      assert_operator klass, :<, RealtimeFinance::Error
    end
  end

  def test_error_is_standard_error
    assert_operator RealtimeFinance::Error, :<, StandardError
  end

  def test_invalid_key_authentication_error
    bad_client = sandbox.client(api_key: "sk_test_#{'a' * 30}")

    error = assert_raises(RealtimeFinance::AuthenticationError) { bad_client.transactions.retrieve(seeded_transaction_id) }

    assert_equal 401, error.http_status
    assert_equal "api_key_invalid", error.code
  ensure
    bad_client&.close
  end

  def test_missing_scope_permission_error
    restricted = sandbox.client(api_key: sandbox.create_key(["transactions:read"]))

    error = assert_raises(RealtimeFinance::PermissionError) { restricted.payments.create(**payment_params) }

    assert_equal 403, error.http_status
    assert_equal "insufficient_scope", error.code
    assert_includes error.message, "payments:write"
  ensure
    restricted&.close
  end

  def test_rate_limit_error_carries_retry_after
    add_fault(method: "GET", path: "/v1/transactions/*", count: 1, status: 429, retry_after: 7)

    error = assert_raises(RealtimeFinance::RateLimitError) do
      client.transactions.retrieve(seeded_transaction_id, max_retries: 0)
    end

    assert_equal 429, error.http_status
    assert_equal "rate_limited", error.code
    assert_in_delta 7.0, error.retry_after
  end

  def test_service_unavailable_api_error
    add_fault(method: "GET", path: "/v1/transactions/*", count: 1, status: 503)

    error = assert_raises(RealtimeFinance::APIError) do
      client.transactions.retrieve(seeded_transaction_id, max_retries: 0)
    end

    assert_equal 503, error.http_status
    assert_equal "service_unavailable", error.code
    assert_match(/\Areq_/, error.request_id)
  end

  def test_closed_port_connection_error
    server = TCPServer.new("127.0.0.1", 0)
    port = server.addr[1]
    server.close
    unreachable = sandbox.client(base_url: "http://127.0.0.1:#{port}", max_retries: 0)

    error = assert_raises(RealtimeFinance::ConnectionError) { unreachable.transactions.retrieve(seeded_transaction_id) }

    assert_nil error.http_status
  ensure
    unreachable&.close
  end

  def test_slow_response_timeout_error
    add_fault(method: "GET", path: "/v1/transactions/*", count: 1, action: "delay", delay_ms: 3000)

    assert_raises(RealtimeFinance::TimeoutError) do
      client.transactions.retrieve(seeded_transaction_id, timeout: 0.5, max_retries: 0)
    end
  end

  def test_invalid_utf8_internal_error
    error = assert_raises(RealtimeFinance::InternalError) { client.api_key = "sk_test_\xff#{'a' * 30}".b }

    assert_includes error.message.downcase, "utf-8"
  end

  def test_inspect_shows_details
    error = assert_raises(RealtimeFinance::NotFoundError) { client.transactions.retrieve("txn_doesnotexist") }

    assert_includes error.inspect, "http_status=404"
    assert_includes error.inspect, %(code="resource_missing")
  end
end
