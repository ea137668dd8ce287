# frozen_string_literal: true

require_relative "realtime_finance/version"
require_relative "realtime_finance/errors"
require_relative "realtime_finance/native"
require_relative "realtime_finance/objects"
require_relative "realtime_finance/paginator"
require_relative "realtime_finance/resources"
require_relative "realtime_finance/client"
require_relative "realtime_finance/webhook"
require_relative "realtime_finance/logging"

# The Real Time Finance SDK for Ruby: a thin layer over the project's Rust
# core, reached through its C ABI. Start with RealtimeFinance::Client.
module RealtimeFinance
  # Returns the version String of the native core library.
  def self.native_version
    Native.rtf_version
  end
end
