'use strict';

// Loads the napi-rs addon built by `npm run build` (or by scripts/install.js)
// for this platform, as `native/realtime-finance.<platform>-<arch>[-abi].node`,
// the file name scheme of `napi build --platform`.

const fs = require('node:fs');
const path = require('node:path');

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

function loadAddon() {
  const fileName = `realtime-finance.${platformSuffix()}.node`;
  const addonPath = path.join(__dirname, '..', 'native', fileName);
  if (!fs.existsSync(addonPath)) {
    throw new Error(
      `the realtime-finance native addon ${fileName} is missing from ${path.dirname(addonPath)}; ` +
        'reinstall the package on a machine with Rust (cargo) so its install script can build it, ' +
        'or run `npm run build` in the package folder',
    );
  }
  return require(addonPath);
}

module.exports = loadAddon();
module.exports.addonFileName = `realtime-finance.${platformSuffix()}.node`;
