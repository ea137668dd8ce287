'use strict';

// npm install script. A packed tarball ships the addon for the platform it
// was packed on, and then there is nothing to do. Otherwise, in a checkout
// of the repository (`npm install ./node`), it builds the addon from
// ../bindings/node with cargo, in the dev profile and the workspace's shared
// target directory, and copies it into native/.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { addonFileName } = require('../lib/addon-name');

const packageDir = path.resolve(__dirname, '..');
const repoDir = path.resolve(packageDir, '..');
const addonPath = path.join(packageDir, 'native', addonFileName());

function libraryFileName() {
  if (process.platform === 'win32') {
    return 'realtime_finance_node.dll';
  }
  if (process.platform === 'darwin') {
    return 'librealtime_finance_node.dylib';
  }
  return 'librealtime_finance_node.so';
}

function main() {
  if (fs.existsSync(addonPath)) {
    return;
  }
  if (!fs.existsSync(path.join(repoDir, 'bindings', 'node', 'Cargo.toml'))) {
    console.error(
      `realtime-finance: no prebuilt addon for this platform (${addonFileName()}) and no Rust sources to build it; ` +
        'install from a tarball packed on this platform, or from a checkout of the repository on a machine with Rust',
    );
    process.exit(1);
  }

  console.error('realtime-finance: building the native addon with cargo (dev profile)');
  try {
    execFileSync('cargo', ['build', '-p', 'realtime-finance-node'], { cwd: repoDir, stdio: 'inherit' });
  } catch (error) {
    console.error(`realtime-finance: cargo build -p realtime-finance-node failed: ${error.message}; install Rust from rustup.rs and retry`);
    process.exit(1);
  }
  const targetDir = process.env.CARGO_TARGET_DIR
    ? path.resolve(repoDir, process.env.CARGO_TARGET_DIR)
    : path.join(repoDir, 'target');
  fs.mkdirSync(path.dirname(addonPath), { recursive: true });
  fs.copyFileSync(path.join(targetDir, 'debug', libraryFileName()), addonPath);
}

main();
