'use strict';

// Loads the napi-rs addon that `npm run build` or scripts/install.js put in
// native/ for this platform.

const fs = require('node:fs');
const path = require('node:path');

const { addonFileName } = require('./addon-name');

function loadAddon() {
  const fileName = addonFileName();
  const addonPath = path.join(__dirname, '..', 'native', fileName);
  if (!fs.existsSync(addonPath)) {
    throw new Error(
      `the realtime-finance native addon ${fileName} is missing from ${path.dirname(addonPath)}; ` +
        'reinstall the package on a machine with Rust (cargo) so that its install script builds it, ' +
        'or run `npm run build` in the package folder',
    );
  }
  return require(addonPath);
}

module.exports = loadAddon();
