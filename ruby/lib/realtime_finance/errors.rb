# frozen_string_literal: true

module RealtimeFinance
  # The base class of every error the SDK raises.
  #
  # The message is a sentence for the developer: what failed, on which value
  # and what to do. It never contains a secret, because the core builds it
  # and keeps credentials out of it.
  class Error < StandardError
    # The HTTP status of the failed response (Integer), or nil when no
    # response arrived.
    attr_reader :http_status
    # The API's machine-readable error code (`"insufficient_scope"`), the
    # OAuth error code (`"invalid_client"`) for token endpoint failures, or nil.
    attr_reader :code
    # The `Request-Id` of the failed response (`"req_..."`), or nil.
    attr_reader :request_id
    # The request parameter at fault (`"amount"`), or nil.
    attr_reader :param
    # Seconds (Float) the server asked the caller to wait before trying
    # again (its Retry-After header), or nil without that header.
    attr_reader :retry_after

    KIND = "unknown"

    def initialize(message = nil, http_status: nil, code: nil, request_id: nil, param: nil, retry_after: nil)
      super(message)
      @http_status = http_status
      @code = code
      @request_id = request_id
      @param = param
      @retry_after = retry_after
    end

    # The core's stable snake_case name of the kind (`"rate_limit"`).
    def kind
      self.class::KIND
    end

    def inspect
      details = { http_status: http_status, code: code, param: param, request_id: request_id, retry_after: retry_after }
                .compact
                .map { |name, value| "#{name}=#{value.inspect}" }
      "#<#{self.class.name}: #{message}#{details.empty? ? '' : " (#{details.join(', ')})"}>"
    end
  end

  # Invalid client settings or arguments, found before any request.
  class ConfigurationError < Error
    KIND = "configuration"
  end

  # 401: the key or access token is missing, invalid, revoked or expired, or
  # the OAuth server rejected the client credentials.
  class AuthenticationError < Error
    KIND = "authentication"
  end

  # 403: the credential lacks the scope the call needs.
  class PermissionError < Error
    KIND = "permission"
  end

  # 400, 413, 422 (other than idempotency), or a parameter the core rejected
  # before sending; `param` names the field.
  class InvalidRequestError < Error
    KIND = "invalid_request"
  end

  # 404: no such resource.
  class NotFoundError < Error
    KIND = "not_found"
  end

  # 409 and idempotency errors: a key reused with another body, a key still
  # in use, or a state that forbids the operation.
  class ConflictError < Error
    KIND = "conflict"
  end

  # 429: too many requests. `retry_after` is the wait in seconds, when sent.
  class RateLimitError < Error
    KIND = "rate_limit"
  end

  # 5xx, or a response the SDK cannot parse.
  class APIError < Error
    KIND = "api"
  end

  # The connection failed or dropped before a complete response.
  class ConnectionError < Error
    KIND = "connection"
  end

  # A connect timeout, a per-attempt timeout or the call's total budget ran out.
  class TimeoutError < Error
    KIND = "timeout"
  end

  # A webhook payload failed verification.
  class WebhookSignatureError < Error
    KIND = "webhook_signature"
  end

  # A bug in the native library: a caught panic or a value it could not
  # read. Report it with the message.
  class InternalError < Error
    KIND = "internal"
  end

  class Error
    # The one mapping from the C ABI's `RtfErrorKind` values to classes.
    CLASSES_BY_NATIVE_KIND = {
      1 => ConfigurationError,
      2 => AuthenticationError,
      3 => PermissionError,
      4 => InvalidRequestError,
      5 => NotFoundError,
      6 => ConflictError,
      7 => RateLimitError,
      8 => APIError,
      9 => ConnectionError,
      10 => TimeoutError,
      11 => WebhookSignatureError,
      12 => InternalError
    }.freeze

    # Builds the exception for a native `RtfError`, copying every string out
    # of it. The caller still owns and frees the struct.
    def self.from_native(native)
      klass = CLASSES_BY_NATIVE_KIND.fetch(native[:kind], InternalError)
      message = read_optional_string(native[:message]) || "the native library returned an error without a message"
      if klass == InternalError && !CLASSES_BY_NATIVE_KIND.key?(native[:kind])
        message = "#{message} (unknown native error kind #{native[:kind]})"
      end

      klass.new(
        message,
        http_status: native[:http_status].zero? ? nil : native[:http_status],
        code: read_optional_string(native[:code]),
        request_id: read_optional_string(native[:request_id]),
        param: read_optional_string(native[:param]),
        retry_after: native[:retry_after_seconds].negative? ? nil : native[:retry_after_seconds]
      )
    end

    def self.read_optional_string(pointer)
      pointer.null? ? nil : pointer.read_string.force_encoding(Encoding::UTF_8)
    end
    private_class_method :read_optional_string
  end
end
