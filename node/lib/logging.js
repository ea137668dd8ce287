'use strict';

const util = require('node:util');

const addon = require('./native');

// The core's log events go to Node.js's standard debug log: run with
// NODE_DEBUG=realtime_finance to see them on stderr.
const debug = util.debuglog('realtime_finance');

if (debug.enabled) {
  addon.setLogCallback((level, target, message) => debug('%s %s %s', level, target, message));
}
