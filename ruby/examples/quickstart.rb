# frozen_string_literal: true

# Fetches one transaction and prints it, or prints the error and exits with
# status 1.
#
# The client reads REALTIME_FINANCE_SECRET_KEY and REALTIME_FINANCE_BASE_URL
# (a local sandbox's, from the first line `rtf sandbox` prints) itself,
# retries what is safe to retry, and raises one exception class per kind of
# error.
#
# Usage: ruby quickstart.rb [TRANSACTION_ID]
# Without an id, it fetches the newest transaction.

require "realtime_finance"

# This example is meant for a local sandbox, so it stops rather than fall
# back to the hosted API's URL.
if ENV.fetch("REALTIME_FINANCE_BASE_URL", "").empty?
  warn "error: REALTIME_FINANCE_BASE_URL is not set; start `rtf sandbox` and set it to the base_url it prints"
  exit 1
end

begin
  transaction = RealtimeFinance::Client.open do |client|
    transaction_id = ARGV[0] || client.transactions.list(limit: 1).first&.id
    if transaction_id.nil?
      warn "error: the account has no transactions; pass a transaction id"
      exit 1
    end

    client.transactions.retrieve(transaction_id)
  end
rescue RealtimeFinance::Error => e
  warn "error: #{e.class.name.split('::').last}: #{e.message}"
  exit 1
end

# Amounts are Integers in minor units of the currency (cents for EUR).
puts "#{transaction.id}: #{transaction.direction} of #{transaction.amount} minor units of #{transaction.currency}"
p transaction
