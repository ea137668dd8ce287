# frozen_string_literal: true

require "json"

module RealtimeFinance
  # A Real Time Finance API client.
  #
  #   client = RealtimeFinance::Client.new(api_key: "sk_test_...", base_url: "http://127.0.0.1:8080")
  #   client.transactions.retrieve("txn_0001a9f3")
  #
  # Unless `ignore_environment: true`, the core reads settings not given
  # from the environment variables `REALTIME_FINANCE_SECRET_KEY`,
  # `REALTIME_FINANCE_CLIENT_ID`, `REALTIME_FINANCE_CLIENT_SECRET` and
  # `REALTIME_FINANCE_BASE_URL`. Every default (timeouts, retries,
  # environment) is the core's, the same in every language.
  #
  # Thread safety: one client may be shared by any number of threads. Calls
  # release the GVL while they wait on the network, so calls from several
  # threads run in parallel. `close` waits for calls in flight to finish.
  class Client
    # Each keyword maps to one core setting; nil leaves it to the
    # environment or the core's default.
    #
    # - api_key: secret API key (`sk_test_...` or `sk_live_...`).
    # - client_id, client_secret, scopes (Array of String), token_url,
    #   client_auth_method (`:client_secret_basic` or `:client_secret_post`):
    #   OAuth 2.0 client credentials, used in place of an API key.
    # - base_url: send requests here (such as a local sandbox) instead of an
    #   environment's URL; `https` is required except on loopback hosts.
    # - environment: `:sandbox` or `:live`.
    # - timeout: total seconds (Numeric) one call may take across retries.
    # - connect_timeout: seconds allowed to open a connection.
    # - max_retries: retries after the first attempt.
    # - ca_file (alias ca_cert): path of a PEM file of extra trusted CA
    #   certificates; ca_cert_pem: the same as a String.
    # - ignore_environment: true to read no `REALTIME_FINANCE_*` variable.
    #
    # Raises ConfigurationError for missing or invalid settings. No request
    # is sent.
    def initialize(api_key: nil, client_id: nil, client_secret: nil, scopes: nil, token_url: nil,
                   client_auth_method: nil, base_url: nil, environment: nil, timeout: nil,
                   connect_timeout: nil, max_retries: nil, ca_file: nil, ca_cert: nil, ca_cert_pem: nil,
                   ignore_environment: false)
      if ca_file && ca_cert && ca_file != ca_cert
        raise ArgumentError, "ca_file and ca_cert name the same setting but differ " \
                             "(#{ca_file.inspect} and #{ca_cert.inspect}); pass only one"
      end

      config = {
        api_key: api_key,
        client_id: client_id,
        client_secret: client_secret,
        scopes: scopes&.map(&:to_s),
        token_url: token_url,
        client_auth_method: client_auth_method&.to_s,
        base_url: base_url,
        environment: environment&.to_s,
        timeout_seconds: timeout,
        connect_timeout_seconds: connect_timeout,
        max_retries: max_retries,
        ca_cert_path: (ca_file || ca_cert)&.to_s,
        ca_cert_pem: ca_cert_pem,
        language: "ruby",
        language_version: RUBY_VERSION,
        ignore_environment: ignore_environment ? true : nil
      }.compact

      pointer = Native.call_with_result(:rtf_client_new, JSON.generate(config))
      @handle = FFI::AutoPointer.new(pointer, Native.method(:rtf_client_free))
      @lock = Mutex.new
      @idle = ConditionVariable.new
      @calls_in_flight = 0
      @closed = false
    end

    # Creates a client, yields it and closes it when the block ends, even on
    # an exception. Returns the block's value.
    def self.open(**settings)
      client = new(**settings)
      begin
        yield client
      ensure
        client.close
      end
    end

    # Replaces the API key for later calls (key rotation without a
    # restart). Calls in flight finish with the old key.
    #
    # Raises ConfigurationError for a publishable key or a key for the
    # other environment.
    def api_key=(api_key)
      with_native_handle do |handle|
        Native.call_without_result(:rtf_client_set_api_key, handle, api_key.to_s)
      end
    end

    # Closes the client and releases its connections. Waits for calls in
    # flight on other threads; later calls raise ConfigurationError. Closing
    # twice does nothing.
    def close
      @lock.synchronize do
        return nil if @closed

        @closed = true
        @idle.wait(@lock) while @calls_in_flight.positive?
      end
      @handle.free
      nil
    end

    def closed?
      @closed
    end

    def transactions
      @transactions ||= Transactions.new(self)
    end

    def payments
      @payments ||= Payments.new(self)
    end

    def fraud
      @fraud ||= Fraud.new(self)
    end

    def events
      @events ||= Events.new(self)
    end

    def webhook_endpoints
      @webhook_endpoints ||= WebhookEndpoints.new(self)
    end

    def inspect
      "#<#{self.class.name} #{closed? ? 'closed' : 'open'}>"
    end
    alias to_s inspect

    # @api private
    # Calls the C ABI operation `operation` (such as `"payments.create"`)
    # with `params` and request `options` (Hashes) and returns the parsed
    # JSON result. For the resource classes.
    def call_operation(operation, params, options)
      with_native_handle do |handle|
        pointer = Native.call_with_result(:rtf_client_call, handle, operation, JSON.generate(params),
                                          encode_options(options))
        Native.take_json(pointer)
      end
    end

    # @api private
    # Yields the native `RtfClient *` while counting the call as in flight,
    # so `close` cannot free it underneath. Raises ConfigurationError once
    # the client is closed.
    def with_native_handle
      @lock.synchronize do
        if @closed
          raise ConfigurationError, "this RealtimeFinance::Client is closed; create a new client to make more calls"
        end

        @calls_in_flight += 1
      end
      begin
        yield @handle
      ensure
        @lock.synchronize do
          @calls_in_flight -= 1
          @idle.broadcast if @calls_in_flight.zero?
        end
      end
    end

    # @api private
    # Returns the `options_json` argument for a call: nil when no option is
    # set, so the core uses the client's settings.
    def encode_options(options)
      options = {
        idempotency_key: options[:idempotency_key],
        max_retries: options[:max_retries],
        timeout_seconds: options[:timeout]
      }.compact
      options.empty? ? nil : JSON.generate(options)
    end
  end
end
