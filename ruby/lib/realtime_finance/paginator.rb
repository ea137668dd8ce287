# frozen_string_literal: true

require "json"

module RealtimeFinance
  # Every object of a list endpoint, fetched page by page as it is
  # enumerated: `each`, `first(n)`, `lazy` and the rest of Enumerable.
  #
  #   client.transactions.list(limit: 50).lazy.select { |txn| txn.amount > 10_000 }.first(3)
  #
  # Each enumeration starts again from the first page; stopping early (as
  # `first(n)` does) fetches no further page. The core builds the page
  # requests and follows the cursor. Parameters were already checked when
  # `list` returned.
  #
  # Thread safety: a Paginator may be enumerated by several threads at once,
  # because each enumeration has its own native paginator.
  class Paginator
    include Enumerable

    # @api private
    # `operation` is the C ABI operation (such as `"transactions.list"`) and
    # `object_class` the APIObject subclass of its elements.
    def initialize(client, operation, object_class, params, options)
      @client = client
      @operation = operation
      @object_class = object_class
      @params_json = JSON.generate(params)
      @options = options
      @lock = Mutex.new
      # Opened now so that invalid parameters raise from `list`; the first
      # enumeration takes it over.
      @prepared_handle = open_native_paginator
    end

    # Yields every object of every page in order. Returns an Enumerator
    # without a block.
    def each(&block)
      return enum_for(:each) unless block

      each_page { |page| page.each(&block) }
    end

    # Yields each page as an Array of objects, fetching the next page only
    # when the block returns. Returns an Enumerator without a block.
    def each_page
      return enum_for(:each_page) unless block_given?

      handle = take_prepared_handle || open_native_paginator
      begin
        while (page = fetch_next_page(handle))
          yield page
        end
      ensure
        handle.free
      end
      self
    end

    def inspect
      "#<#{self.class.name} #{@operation}>"
    end

    private

    def take_prepared_handle
      @lock.synchronize do
        handle = @prepared_handle
        @prepared_handle = nil
        handle
      end
    end

    def open_native_paginator
      @client.with_native_handle do |client_handle|
        pointer = Native.call_with_result(:rtf_paginator_new, client_handle, @operation, @params_json,
                                          @client.encode_options(@options))
        FFI::AutoPointer.new(pointer, Native.method(:rtf_paginator_free))
      end
    end

    # Returns the next page as an Array of objects, or nil after the last.
    def fetch_next_page(handle)
      objects = @client.with_native_handle do
        Native.take_json(Native.call_with_result(:rtf_paginator_next_page, handle))
      end
      objects&.map { |values| @object_class.construct(values) }
    end
  end
end
