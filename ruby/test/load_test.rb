# frozen_string_literal: true

require_relative "test_helper"
require "open3"
require "rbconfig"

# Loading the gem in a child Ruby process with a given native library.
class LoadTest < Minitest::Test
  LIB_DIR = File.expand_path("../lib", __dir__)

  def require_with_library(path)
    Open3.capture2e({ "REALTIME_FINANCE_FFI_LIB" => path }, RbConfig.ruby, "-I", LIB_DIR,
                    "-e", 'require "realtime_finance"; print RealtimeFinance::Native::LIBRARY_PATH')
  end

  def test_missing_override_names_path
    output, status = require_with_library("/nonexistent/librealtime_finance_ffi.so")

    refute_predicate status, :success?
    assert_includes output, "REALTIME_FINANCE_FFI_LIB is set to \"/nonexistent/librealtime_finance_ffi.so\""
  end

  def test_abi_version_mismatch_rejected
    skip "no C compiler to build a library with another ABI version" unless system("cc --version", out: File::NULL)

    Dir.mktmpdir do |dir|
      source = File.join(dir, "abi.c")
      library = File.join(dir, "libother_abi.so")
      File.write(source, "unsigned int rtf_abi_version(void) { return 99; }\n")
      assert system("cc", "-shared", "-fPIC", "-o", library, source), "cc failed to build #{library}"

      output, status = require_with_library(library)

      refute_predicate status, :success?
      assert_includes output, "implements C ABI version 99, but this gem needs version 1"
    end
  end

  def test_override_library_loaded
    library = RealtimeFinance::Native::LIBRARY_PATH

    output, status = require_with_library(library)

    assert_predicate status, :success?
    assert_equal library, output
  end
end
