# frozen_string_literal: true

require_relative "test_helper"
require "socket"

class ClientTest < SandboxTest
  def with_environment(values)
    saved = values.keys.to_h { |name| [name, ENV.fetch(name, nil)] }
    values.each { |name, value| ENV[name] = value }
    yield
  ensure
    saved.each { |name, value| ENV[name] = value }
  end

  def test_reads_environment_variables
    environment = {
      "REALTIME_FINANCE_SECRET_KEY" => sandbox.secret_key,
      "REALTIME_FINANCE_BASE_URL" => sandbox.base_url
    }

    transaction = with_environment(environment) do
      RealtimeFinance::Client.open { |env_client| env_client.transactions.retrieve(seeded_transaction_id) }
    end

    assert_equal seeded_transaction_id, transaction.id
  end

  def test_ignore_environment_needs_credentials
    environment = {
      "REALTIME_FINANCE_SECRET_KEY" => sandbox.secret_key,
      "REALTIME_FINANCE_BASE_URL" => sandbox.base_url
    }

    with_environment(environment) do
      assert_raises(RealtimeFinance::ConfigurationError) do
        RealtimeFinance::Client.new(base_url: sandbox.base_url, ignore_environment: true)
      end
    end
  end

  def test_publishable_key_rejected
    assert_raises(RealtimeFinance::ConfigurationError) do
      RealtimeFinance::Client.open(api_key: sandbox.credentials.fetch("publishable_key"), base_url: sandbox.base_url,
                                   ignore_environment: true) do |publishable_client|
        publishable_client.transactions.retrieve(seeded_transaction_id)
      end
    end
  end

  def test_negative_max_retries_rejected
    assert_raises(RealtimeFinance::ConfigurationError) { sandbox.client(max_retries: -1) }
  end

  def test_open_returns_block_value
    result = RealtimeFinance::Client.open(api_key: sandbox.secret_key, base_url: sandbox.base_url,
                                          ignore_environment: true) { |_client| :done }

    assert_equal :done, result
  end

  def test_open_closes_client
    opened = nil
    RealtimeFinance::Client.open(api_key: sandbox.secret_key, base_url: sandbox.base_url,
                                 ignore_environment: true) { |block_client| opened = block_client }

    assert_predicate opened, :closed?
  end

  def test_call_after_close_raises
    closed_client = sandbox.client
    closed_client.close

    error = assert_raises(RealtimeFinance::ConfigurationError) { closed_client.transactions.retrieve("txn_1") }
    assert_includes error.message, "closed"
  end

  def test_close_twice_is_harmless
    twice = sandbox.client
    twice.close

    assert_nil twice.close
  end

  def test_list_after_close_raises
    transactions = client.transactions.list(limit: 2)
    client.close

    assert_raises(RealtimeFinance::ConfigurationError) { transactions.first(3) }
  end

  def test_api_key_rotation
    new_key = sandbox.create_key(["transactions:read"])
    client.api_key = new_key

    assert_equal seeded_transaction_id, client.transactions.retrieve(seeded_transaction_id).id
  end

  def test_api_key_set_to_unknown_key_fails_calls
    client.api_key = "sk_test_#{'x' * 32}"

    error = assert_raises(RealtimeFinance::AuthenticationError) { client.transactions.retrieve(seeded_transaction_id) }
    assert_equal 401, error.http_status
  end

  def test_api_key_set_to_publishable_key_rejected
    assert_raises(RealtimeFinance::ConfigurationError) do
      client.api_key = sandbox.credentials.fetch("publishable_key")
    end
  end

  def test_api_key_with_client_id_rejected
    error = assert_raises(RealtimeFinance::ConfigurationError) { sandbox.client(client_id: "client_1") }

    assert_includes error.message, "client_id"
  end

  def test_ca_file_and_ca_cert_must_agree
    assert_raises(ArgumentError) { sandbox.client(ca_file: "/a.pem", ca_cert: "/b.pem") }
  end

  def test_inspect_shows_state
    assert_equal "#<RealtimeFinance::Client open>", client.inspect
  end

  def test_native_version_present
    refute_empty RealtimeFinance.native_version
  end
end

class TlsClientTest < Minitest::Test
  def self.tls_sandbox
    @tls_sandbox ||= Sandbox.start("--tls")
  end

  def sandbox
    self.class.tls_sandbox
  end

  def test_ca_file_trusts_sandbox
    id = RealtimeFinance::Client.open(api_key: sandbox.secret_key, base_url: sandbox.base_url, ignore_environment: true,
                                      ca_file: sandbox.credentials.fetch("ca_cert")) do |tls_client|
      tls_client.transactions.list(limit: 1).first.id
    end

    assert_match(/\Atxn_/, id)
  end

  def test_ca_cert_pem_trusts_sandbox
    pem = File.read(sandbox.credentials.fetch("ca_cert"))

    id = RealtimeFinance::Client.open(api_key: sandbox.secret_key, base_url: sandbox.base_url, ignore_environment: true,
                                      ca_cert_pem: pem) do |tls_client|
      tls_client.transactions.list(limit: 1).first.id
    end

    assert_match(/\Atxn_/, id)
  end

  def test_untrusted_certificate_fails
    assert_raises(RealtimeFinance::ConnectionError) do
      RealtimeFinance::Client.open(api_key: sandbox.secret_key, base_url: sandbox.base_url, ignore_environment: true,
                                   max_retries: 0) do |tls_client|
        tls_client.transactions.list(limit: 1).first
      end
    end
  end
end
