// What the CLI bundle takes from undici, without undici's index.js. That index loads every part
// (fetch, WebSocket, cookies, mocks, caches), and its cookies module reads globalThis.Headers,
// which makes Node load its own bundled copy of undici too: 40-100 ms of a cold `check` spent on
// code a probe never runs. scripts/bundle-cli.mjs aliases `undici` to this file; the library
// (dist/*.js) and the tests import undici itself. `request` is undici's own, as its index builds it.
'use strict';

const Dispatcher = require('undici/lib/dispatcher/dispatcher');
const api = require('undici/lib/api');
const Agent = require('undici/lib/dispatcher/agent');
const buildConnector = require('undici/lib/core/connect');
const errors = require('undici/lib/core/errors');
const util = require('undici/lib/core/util');
const { getGlobalDispatcher } = require('undici/lib/global');

Object.assign(Dispatcher.prototype, api);

// Copied from undici 7's index.js (makeDispatcher), so `request` behaves exactly as undici's.
function makeDispatcher(fn) {
  return (url, opts, handler) => {
    if (typeof opts === 'function') {
      handler = opts;
      opts = null;
    }
    if (!url || (typeof url !== 'string' && typeof url !== 'object' && !(url instanceof URL))) {
      throw new errors.InvalidArgumentError('invalid url');
    }
    if (opts != null && typeof opts !== 'object') throw new errors.InvalidArgumentError('invalid opts');
    if (opts && opts.path != null) {
      if (typeof opts.path !== 'string') throw new errors.InvalidArgumentError('invalid opts.path');
      const path = opts.path.startsWith('/') ? opts.path : `/${opts.path}`;
      url = new URL(util.parseOrigin(url).origin + path);
    } else {
      if (!opts) opts = typeof url === 'object' ? url : {};
      url = util.parseURL(url);
    }
    const { agent, dispatcher = getGlobalDispatcher() } = opts;
    if (agent) throw new errors.InvalidArgumentError('unsupported opts.agent. Did you mean opts.client?');
    return fn.call(dispatcher, { ...opts, origin: url.origin, path: url.search ? `${url.pathname}${url.search}` : url.pathname, method: opts.method || (opts.body ? 'PUT' : 'GET') }, handler);
  };
}

module.exports = { Agent, Dispatcher, buildConnector, errors, request: makeDispatcher(api.request) };
