# frozen_string_literal: true

require_relative "test_helper"

class OAuthTest < SandboxTest
  def short_lived_client(scopes: ["transactions:read"])
    oauth = sandbox.create_oauth_client(scopes: scopes, token_ttl_seconds: 2)
    @oauth_client_id = oauth.fetch("client_id")
    RealtimeFinance::Client.new(client_id: oauth.fetch("client_id"), client_secret: oauth.fetch("client_secret"),
                                scopes: scopes, base_url: sandbox.base_url, ignore_environment: true)
  end

  def token_requests
    sandbox.stats.dig("token_requests_by_client", @oauth_client_id) || 0
  end

  def test_client_credentials_list
    oauth = sandbox.oauth_client

    assert_equal 3, oauth.transactions.list(limit: 3).first(3).size
  ensure
    oauth&.close
  end

  def test_client_secret_post
    oauth = sandbox.oauth_client(client_auth_method: :client_secret_post)

    assert_equal seeded_transaction_id, oauth.transactions.retrieve(seeded_transaction_id).id
  ensure
    oauth&.close
  end

  def test_token_reused_before_expiry
    oauth = short_lived_client
    3.times { oauth.transactions.retrieve(seeded_transaction_id) }

    assert_equal 1, token_requests
  ensure
    oauth&.close
  end

  def test_expired_token_refreshed
    oauth = short_lived_client
    oauth.transactions.retrieve(seeded_transaction_id)
    sleep 2.5

    assert_equal seeded_transaction_id, oauth.transactions.retrieve(seeded_transaction_id).id
    assert_equal 2, token_requests
  ensure
    oauth&.close
  end

  def test_32_threads_at_expiry_one_token_request
    oauth = short_lived_client
    oauth.transactions.retrieve(seeded_transaction_id)
    before = token_requests
    sleep 2.5

    gate = Queue.new
    threads = Array.new(32) do
      Thread.new do
        gate.pop
        oauth.transactions.retrieve(seeded_transaction_id).id
      end
    end
    32.times { gate << :go }
    ids = threads.map(&:value)

    assert_equal [seeded_transaction_id], ids.uniq
    assert_equal before + 1, token_requests
  ensure
    oauth&.close
  end

  def test_wrong_secret_invalid_client
    oauth = RealtimeFinance::Client.new(client_id: sandbox.credentials.fetch("client_id"),
                                        client_secret: "wrong-secret", base_url: sandbox.base_url,
                                        ignore_environment: true)

    error = assert_raises(RealtimeFinance::AuthenticationError) { oauth.transactions.retrieve(seeded_transaction_id) }

    assert_equal "invalid_client", error.code
    assert_equal 401, error.http_status
  ensure
    oauth&.close
  end

  def test_scope_outside_grant_permission_error
    oauth = short_lived_client(scopes: ["transactions:read"])

    assert_raises(RealtimeFinance::PermissionError) { oauth.payments.create(**payment_params) }
  ensure
    oauth&.close
  end
end
