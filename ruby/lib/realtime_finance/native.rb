# frozen_string_literal: true

require "ffi"
require "json"

module RealtimeFinance
  # The binding to the project's C ABI (`realtime_finance.h`, library
  # `librealtime_finance_ffi`). Nothing outside this file calls `rtf_*`
  # functions directly.
  #
  # Ownership: every `char *` and `RtfError *` the library returns is read
  # into a Ruby object and then freed at once with `rtf_string_free` or
  # `rtf_error_free`, so nothing the library allocates is left to Ruby's
  # garbage collector. Client and paginator handles live in
  # `FFI::AutoPointer`s that the owning Ruby object also frees explicitly.
  #
  # Functions that may wait on the network or on the core's runtime are
  # attached with `blocking: true`, so the `ffi` gem releases the GVL
  # around them and other Ruby threads keep running.
  #
  # NOTE: the library cannot be interrupted. Thread#raise, Thread#kill,
  # Timeout.timeout and Ctrl-C take effect only when the native call returns,
  # so the call's `timeout:` is what bounds it.
  module Native
    extend FFI::Library

    # The `RTF_ABI_VERSION` this gem was written against.
    ABI_VERSION = 1

    LIBRARY_NAME = FFI.map_library_name("realtime_finance_ffi")

    # Returns the path of the shared library to load: the
    # `REALTIME_FINANCE_FFI_LIB` environment variable, else the copy bundled
    # in the gem, else the repository's `target/debug` build.
    #
    # Raises LoadError naming every place searched when none exists.
    def self.find_library
      override = ENV["REALTIME_FINANCE_FFI_LIB"]
      if override && !override.empty?
        return override if File.file?(override)

        raise ::LoadError, "REALTIME_FINANCE_FFI_LIB is set to #{override.inspect}, but no file exists there; " \
                           "point it at #{LIBRARY_NAME} or unset it"
      end

      candidates = [
        File.expand_path("native/#{LIBRARY_NAME}", __dir__),
        File.expand_path("../../../target/debug/#{LIBRARY_NAME}", __dir__)
      ]
      found = candidates.find { |path| File.file?(path) }
      return found if found

      raise ::LoadError, "#{LIBRARY_NAME} not found in #{candidates.join(' or ')}; build it with " \
                         "`cargo build -p realtime-finance-ffi` or set REALTIME_FINANCE_FFI_LIB to its path"
    end

    # Absolute path of the loaded shared library.
    LIBRARY_PATH = find_library
    ffi_lib LIBRARY_PATH

    attach_function :rtf_abi_version, [], :uint32

    loaded_abi_version = rtf_abi_version
    unless loaded_abi_version == ABI_VERSION
      raise ::LoadError, "#{LIBRARY_PATH} implements C ABI version #{loaded_abi_version}, but this gem " \
                         "needs version #{ABI_VERSION}; install the matching realtime_finance gem or rebuild " \
                         "the library from the same source tree"
    end

    # Mirrors `RtfError`. `kind` is an `RtfErrorKind` value.
    class RtfError < FFI::Struct
      layout :kind, :int32,
             :http_status, :uint16,
             :message, :pointer,
             :code, :pointer,
             :request_id, :pointer,
             :param, :pointer,
             :retry_after_seconds, :double
    end

    RTF_OK = 0

    # `void (*RtfLogCallback)(int32_t level, const char *target, const char *message, void *user_data)`
    callback :log_callback, %i[int32 string string pointer], :void

    attach_function :rtf_version, [], :string
    attach_function :rtf_error_free, [:pointer], :void
    attach_function :rtf_string_free, [:pointer], :void

    attach_function :rtf_client_new, %i[string pointer pointer], :int, blocking: true
    attach_function :rtf_client_free, [:pointer], :void, blocking: true
    attach_function :rtf_client_set_api_key, %i[pointer string pointer], :int, blocking: true
    attach_function :rtf_client_call, %i[pointer string string string pointer pointer], :int, blocking: true

    attach_function :rtf_paginator_new, %i[pointer string string string pointer pointer], :int, blocking: true
    attach_function :rtf_paginator_next_page, %i[pointer pointer pointer], :int, blocking: true
    attach_function :rtf_paginator_free, [:pointer], :void, blocking: true

    attach_function :rtf_webhook_verify, %i[pointer size_t string string int64 pointer pointer], :int, blocking: true

    # Blocking, because the library may wait for a lock that a native thread
    # holds while it calls into Ruby. Events sent from the core's own threads
    # reach Ruby through the `ffi` gem's callback dispatcher thread.
    attach_function :rtf_set_log_callback, %i[log_callback pointer], :void, blocking: true

    class << self
      # Calls `function` with the given arguments plus two trailing
      # out-parameters (a result pointer and an `RtfError *`), and returns
      # the result pointer on `RTF_OK`. Raises the mapped RealtimeFinance::Error
      # otherwise, after freeing the native error.
      def call_with_result(function, *args)
        result = FFI::MemoryPointer.new(:pointer)
        error = FFI::MemoryPointer.new(:pointer)
        status = public_send(function, *args, result, error)
        raise_error(error.read_pointer, function) unless status == RTF_OK

        result.read_pointer
      end

      # Like call_with_result, for functions with only an `RtfError **`
      # out-parameter.
      def call_without_result(function, *args)
        error = FFI::MemoryPointer.new(:pointer)
        status = public_send(function, *args, error)
        raise_error(error.read_pointer, function) unless status == RTF_OK

        nil
      end

      # Reads a library-owned UTF-8 string, frees it with `rtf_string_free`
      # and returns it; returns nil for NULL.
      def take_string(pointer)
        return nil if pointer.null?

        begin
          pointer.read_string.force_encoding(Encoding::UTF_8)
        ensure
          rtf_string_free(pointer)
        end
      end

      # Reads a library-owned JSON string, frees it and returns the parsed
      # value; returns nil for NULL.
      def take_json(pointer)
        text = take_string(pointer)
        text && JSON.parse(text)
      end

      private

      def raise_error(pointer, function)
        if pointer.null?
          raise InternalError.new("#{function} failed without describing the error; " \
                                  "this is a bug in #{LIBRARY_NAME}, please report it")
        end

        exception =
          begin
            Error.from_native(RtfError.new(pointer))
          ensure
            rtf_error_free(pointer)
          end
        raise exception
      end
    end
  end
end
