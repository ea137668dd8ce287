# frozen_string_literal: true

require_relative "test_helper"

class TransactionsTest < SandboxTest
  def test_retrieve_returns_transaction
    transaction = client.transactions.retrieve(seeded_transaction_id)

    assert_instance_of RealtimeFinance::Transaction, transaction
    assert_equal seeded_transaction_id, transaction.id
    assert_equal "transaction", transaction.object
    assert_kind_of Integer, transaction.amount
    assert_match(/\A[A-Z]{3}\z/, transaction.currency)
    assert_includes %w[credit debit], transaction.direction
    assert_kind_of Integer, transaction.created
  end

  def test_to_h_uses_symbol_keys
    transaction = client.transactions.retrieve(seeded_transaction_id)

    assert_equal seeded_transaction_id, transaction.to_h[:id]
    assert_equal "transaction", transaction.to_h[:object]
    assert_equal transaction.amount, transaction[:amount]
    assert_equal transaction.amount, transaction["amount"]
  end

  def test_inspect_shows_fields
    transaction = client.transactions.retrieve(seeded_transaction_id)

    assert_includes transaction.inspect, "RealtimeFinance::Transaction"
    assert_includes transaction.inspect, %(id="#{seeded_transaction_id}")
    assert_includes transaction.inspect, "amount=#{transaction.amount}"
  end

  def test_retrieve_missing_raises_not_found
    error = assert_raises(RealtimeFinance::NotFoundError) { client.transactions.retrieve("txn_doesnotexist") }

    assert_equal 404, error.http_status
    assert_equal "resource_missing", error.code
    assert_equal "id", error.param
    assert_match(/\Areq_/, error.request_id)
  end

  def test_list_pages_automatically
    ids = client.transactions.list(limit: 7).first(25).map(&:id)

    assert_equal 25, ids.size
    assert_equal ids.uniq, ids
  end

  def test_list_newest_first
    created = client.transactions.list(limit: 10).first(30).map(&:created)

    assert_equal created.sort.reverse, created
  end

  def test_list_is_enumerable
    transactions = client.transactions.list(limit: 5)

    assert_kind_of Enumerable, transactions
    assert_instance_of RealtimeFinance::Transaction, transactions.first
  end

  def test_list_lazy_crosses_pages
    amounts = client.transactions.list(limit: 5).lazy.map(&:amount).first(12)

    assert_equal 12, amounts.size
    assert(amounts.all?(Integer))
  end

  def test_list_each_page_yields_arrays
    pages = client.transactions.list(limit: 4).each_page.first(3)

    assert_equal [4, 4, 4], pages.map(&:size)
    assert_equal 12, pages.flatten.map(&:id).uniq.size
  end

  def test_list_restarts_on_each_enumeration
    transactions = client.transactions.list(limit: 3)

    assert_equal transactions.first(5).map(&:id), transactions.first(5).map(&:id)
  end

  def test_list_stopping_early_fetches_one_page
    requests = sandbox.stats_delta("requests", "GET /v1/transactions") do
      client.transactions.list(limit: 5).first(3)
    end

    assert_equal 1, requests
  end

  def test_list_filters_every_page
    statuses = client.transactions.list(status: "posted", limit: 10).first(20).map(&:status)

    assert_equal 20, statuses.size
    assert_equal ["posted"], statuses.uniq
  end

  def test_list_rejects_limit_over_100
    requests = sandbox.stats_delta("requests", "GET /v1/transactions") do
      error = assert_raises(RealtimeFinance::InvalidRequestError) { client.transactions.list(limit: 101) }
      assert_equal "limit", error.param
    end

    assert_equal 0, requests
  end

  def test_list_rejects_unknown_param
    error = assert_raises(RealtimeFinance::InvalidRequestError) { client.transactions.list(limitt: 5) }

    assert_equal "limitt", error.param
  end

  def test_retrieve_rejects_negative_timeout
    error = assert_raises(RealtimeFinance::InvalidRequestError) do
      client.transactions.retrieve(seeded_transaction_id, timeout: -1)
    end

    assert_equal "timeout", error.param
  end

  def test_retrieve_rejects_negative_max_retries
    error = assert_raises(RealtimeFinance::InvalidRequestError) do
      client.transactions.retrieve(seeded_transaction_id, max_retries: -1)
    end

    assert_equal "max_retries", error.param
  end
end
