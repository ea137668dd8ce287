# frozen_string_literal: true

require_relative "test_helper"
require "logger"
require "stringio"

# No secret appears in `inspect`, in an error's message or `inspect`, or in
# the core's log events forwarded to RealtimeFinance.logger.
class RedactionTest < SandboxTest
  def setup
    @log = StringIO.new
    @saved_logger = RealtimeFinance.logger
    logger = Logger.new(@log)
    logger.level = Logger::DEBUG
    RealtimeFinance.logger = logger
  end

  def teardown
    RealtimeFinance.logger = @saved_logger
    super
  end

  def secret_values
    [sandbox.secret_key, sandbox.credentials.fetch("client_secret"), sandbox.credentials.fetch("webhook_secret")]
  end

  def assert_no_secret(text)
    secret_values.each { |secret| refute_includes text, secret }
  end

  def test_client_inspect_hides_key
    assert_no_secret client.inspect
  end

  def test_client_holds_no_key_in_ruby
    values = client.instance_variables.map { |name| client.instance_variable_get(name).inspect }.join

    assert_no_secret values
  end

  def test_oauth_client_inspect_hides_secret
    oauth = sandbox.oauth_client

    assert_no_secret oauth.inspect
  ensure
    oauth&.close
  end

  def test_invalid_key_not_in_error
    invalid_key = "sk_test_#{'q' * 30}"
    invalid = sandbox.client(api_key: invalid_key)

    error = assert_raises(RealtimeFinance::AuthenticationError) { invalid.transactions.retrieve(seeded_transaction_id) }

    refute_includes error.message, invalid_key
    refute_includes error.inspect, invalid_key
  ensure
    invalid&.close
  end

  def test_wrong_client_secret_not_in_error
    wrong_secret = "cs_test_#{'w' * 40}"
    oauth = sandbox.oauth_client(client_secret: wrong_secret)

    error = assert_raises(RealtimeFinance::AuthenticationError) { oauth.transactions.retrieve(seeded_transaction_id) }

    refute_includes error.message, wrong_secret
    refute_includes error.inspect, wrong_secret
  ensure
    oauth&.close
  end

  def test_live_key_not_in_configuration_error
    live_key = "sk_live_#{'z' * 30}"

    error = assert_raises(RealtimeFinance::Error) do
      RealtimeFinance::Client.open(api_key: live_key, environment: :sandbox, base_url: sandbox.base_url,
                                   ignore_environment: true) do |live|
        live.transactions.retrieve(seeded_transaction_id)
      end
    end

    refute_includes error.message, live_key
  end

  def test_logs_forwarded_without_secrets
    client.transactions.retrieve(seeded_transaction_id)
    client.payments.create(**payment_params)
    oauth = sandbox.oauth_client
    oauth.transactions.retrieve(seeded_transaction_id)
    oauth.close

    refute_empty @log.string
    assert_no_secret @log.string
  end

  def test_log_target_is_realtime_finance
    client.transactions.retrieve(seeded_transaction_id)

    assert_includes @log.string, "realtime_finance"
  end
end
