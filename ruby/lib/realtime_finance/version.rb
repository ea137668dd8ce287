# frozen_string_literal: true

module RealtimeFinance
  VERSION = "0.1.0"
end
