# frozen_string_literal: true

require "logger"

module RealtimeFinance
  # Forwarding of the core's log events (target `realtime_finance`) to a
  # Ruby Logger. The core never puts a secret in an event.
  module Logging
    # The C ABI's levels, 1 (error) to 5 (trace), as Logger severities.
    SEVERITIES = {
      1 => Logger::ERROR,
      2 => Logger::WARN,
      3 => Logger::INFO,
      4 => Logger::DEBUG,
      5 => Logger::DEBUG
    }.freeze

    # The native callback. Kept in a constant so the garbage collector never
    # frees it while the library stores its address.
    CALLBACK = FFI::Function.new(:void, %i[int32 string string pointer]) do |level, target, message, _user_data|
      logger = RealtimeFinance.logger
      logger&.add(SEVERITIES.fetch(level, Logger::DEBUG), message.to_s.dup.force_encoding(Encoding::UTF_8),
                  target.to_s.dup)
    rescue StandardError
      # An exception must not unwind into the native library; the event is
      # lost, as it would be with a failing log device.
      nil
    end

    @installed = false
    @install_lock = Mutex.new

    # Installs the callback when a logger is set and removes it when the
    # logger is nil, so that without a logger the core's events cost nothing
    # in Ruby.
    def self.update(logger)
      @install_lock.synchronize do
        if logger && !@installed
          Native.rtf_set_log_callback(CALLBACK, nil)
          @installed = true
        elsif logger.nil? && @installed
          Native.rtf_set_log_callback(nil, nil)
          @installed = false
        end
      end
    end

    # Stops forwarding before the interpreter shuts down, so no native thread
    # calls into a finalized VM.
    at_exit { update(nil) }
  end

  class << self
    # The Logger that receives the core's log events, or nil (the default)
    # to drop them. Messages go to `logger.add(severity, message, target)`.
    attr_reader :logger

    def logger=(logger)
      @logger = logger
      Logging.update(logger)
    end
  end
end
