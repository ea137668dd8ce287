# frozen_string_literal: true

require_relative "test_helper"

# Preloading servers (Puma, Unicorn) may build clients before they fork workers.
class ForkTest < SandboxTest
  # Runs the block in a forked child and returns the child's exit status.
  def in_child
    pid = fork do
      exit!(yield ? 0 : 1)
    rescue StandardError => e
      warn "fork test child failed: #{e.inspect}"
      exit!(2)
    end
    Process.wait(pid)
    $?
  end

  def test_client_from_parent_works_in_child
    id = seeded_transaction_id
    client.transactions.retrieve(id)

    status = in_child { client.transactions.retrieve(id).id == id }

    assert_predicate status, :success?
  end

  def test_new_client_in_child_works
    id = seeded_transaction_id
    client.transactions.retrieve(id)

    status = in_child do
      RealtimeFinance::Client.open(api_key: sandbox.secret_key, base_url: sandbox.base_url,
                                   ignore_environment: true) { |child_client| child_client.transactions.retrieve(id).id == id }
    end

    assert_predicate status, :success?
  end
end
