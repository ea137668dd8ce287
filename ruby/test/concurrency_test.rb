# frozen_string_literal: true

require_relative "test_helper"

# Checks that native calls release the GVL: Ruby threads overlap while each
# one waits on the network inside the library.
class ConcurrencyTest < SandboxTest
  DELAY_MS = 1000
  THREADS = 6

  def test_slow_calls_overlap
    add_fault(method: "GET", path: "/v1/transactions/*", count: THREADS, action: "delay", delay_ms: DELAY_MS)
    started = Process.clock_gettime(Process::CLOCK_MONOTONIC)

    threads = Array.new(THREADS) { Thread.new { client.transactions.retrieve(seeded_transaction_id) } }
    threads.each(&:join)

    elapsed = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
    # Run one after another, the calls would take at least THREADS seconds;
    # the margin of two seconds absorbs a loaded CI machine.
    assert_operator elapsed, :<, (THREADS - 2) * DELAY_MS / 1000.0
  end

  def test_ruby_thread_runs_during_call
    add_fault(method: "GET", path: "/v1/transactions/*", count: 1, action: "delay", delay_ms: DELAY_MS)
    ticks = 0
    ticker = Thread.new do
      loop do
        ticks += 1
        sleep 0.01
      end
    end

    client.transactions.retrieve(seeded_transaction_id)
    ticker.kill

    # About 100 ticks fit in one second; a held GVL would allow almost none.
    assert_operator ticks, :>, 30
  end

  def test_shared_client_many_threads
    ids = Array.new(16) { Thread.new { client.transactions.list(limit: 3).first(6).map(&:id) } }.map(&:value)

    assert_equal 1, ids.uniq.size
    assert_equal 6, ids.first.size
  end
end
