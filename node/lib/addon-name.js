'use strict';

// The addon's file name for this platform, in the scheme of
// `napi build --platform`: realtime-finance.<platform>-<arch>[-abi].node.

function isMusl() {
  if (process.platform !== 'linux') {
    return false;
  }
  // glibc-based Node.js builds report the glibc version; musl builds do not.
  const header = process.report?.getReport?.().header;
  return !header?.glibcVersionRuntime;
}

function platformSuffix() {
  const base = `${process.platform}-${process.arch}`;
  if (process.platform === 'linux') {
    return `${base}-${isMusl() ? 'musl' : 'gnu'}`;
  }
  if (process.platform === 'win32') {
    return `${base}-msvc`;
  }
  return base;
}

function addonFileName() {
  return `realtime-finance.${platformSuffix()}.node`;
}

module.exports = { addonFileName };
