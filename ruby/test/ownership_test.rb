# frozen_string_literal: true

require_relative "test_helper"

# Counts the library's free functions to check that every string and error
# the library returns is released through them.
module FreeCounter
  class << self
    attr_accessor :strings, :errors, :paginators
  end
  self.strings = 0
  self.errors = 0
  self.paginators = 0

  def rtf_string_free(pointer)
    FreeCounter.strings += 1 unless pointer.null?
    super
  end

  def rtf_error_free(pointer)
    FreeCounter.errors += 1 unless pointer.null?
    super
  end

  def rtf_paginator_free(pointer)
    FreeCounter.paginators += 1 unless pointer.null?
    super
  end
end
RealtimeFinance::Native.singleton_class.prepend(FreeCounter)

class OwnershipTest < SandboxTest
  def counting
    strings_before = FreeCounter.strings
    errors_before = FreeCounter.errors
    yield
    [FreeCounter.strings - strings_before, FreeCounter.errors - errors_before]
  end

  def test_result_string_freed
    id = seeded_transaction_id

    strings, errors = counting { client.transactions.retrieve(id) }

    assert_equal 1, strings
    assert_equal 0, errors
  end

  def test_error_freed
    strings, errors = counting do
      assert_raises(RealtimeFinance::NotFoundError) { client.transactions.retrieve("txn_doesnotexist") }
    end

    assert_equal 0, strings
    assert_equal 1, errors
  end

  def test_each_page_string_freed
    strings, = counting { client.transactions.list(limit: 4).first(10) }

    # 10 elements at 4 per page span three pages.
    assert_equal 3, strings
  end

  def test_webhook_event_freed
    secret = "whsec_#{Base64.strict_encode64('k' * 32)}"
    payload = JSON.generate(id: "evt_1", object: "event", type: "payment.created", created: 1, data: { object: {} })

    strings, = counting { RealtimeFinance::Webhook.verify(payload, IndependentSigner.headers(secret, payload), secret) }

    assert_equal 1, strings
  end

  def test_paginator_freed_after_early_stop
    before = FreeCounter.paginators

    client.transactions.list(limit: 2).first(1)

    assert_equal 1, FreeCounter.paginators - before
  end
end
