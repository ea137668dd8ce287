# frozen_string_literal: true

# Fetches one transaction and prints it, or prints the error and exits 1.
#
#   REALTIME_FINANCE_SECRET_KEY=sk_test_... REALTIME_FINANCE_BASE_URL=http://127.0.0.1:PORT \
#     ruby examples/quickstart.rb [txn_id]
#
# Without an id it fetches the newest transaction. Start a local sandbox with
# `rtf sandbox`; its first output line has the key and the base URL.

require "realtime_finance"

%w[REALTIME_FINANCE_SECRET_KEY REALTIME_FINANCE_BASE_URL].each do |name|
  next if ENV.fetch(name, "") != ""

  warn "#{name} is not set; start a sandbox with `rtf sandbox` and copy secret_key and base_url from its first line"
  exit 1
end

begin
  # The client reads both variables itself.
  RealtimeFinance::Client.open do |client|
    transaction_id = ARGV[0] || client.transactions.list(limit: 1).first&.id
    if transaction_id.nil?
      warn "The account has no transactions to show."
      exit 1
    end

    transaction = client.transactions.retrieve(transaction_id)
    puts "#{transaction.id}: #{transaction.direction} #{transaction.amount} #{transaction.currency} " \
         "(#{transaction.status}) #{transaction.description}"
    p transaction
  end
rescue RealtimeFinance::Error => e
  warn "Request failed: #{e.class}: #{e.message}"
  exit 1
end
