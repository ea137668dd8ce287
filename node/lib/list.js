'use strict';

const { ConfigurationError, toError } = require('./errors');

/**
 * Runs one addon call, resolves to its result, and converts what it throws
 * or rejects with into the SDK's error classes. `async`, so a synchronous
 * throw also becomes a rejection, and the error's stack shows the caller's
 * `await` chain.
 */
async function callNative(call) {
  try {
    return await call();
  } catch (error) {
    throw toError(error);
  }
}

/**
 * The result of a `list()` call.
 *
 * - `for await (const item of list)` walks every element of every page,
 *   fetching pages on demand.
 * - `await list` fetches only the first page, as
 *   `{ object: 'list', data, has_more, url }`.
 * - `await list.autoPagingToArray({ limit })` collects up to `limit`
 *   elements.
 *
 * No request is sent until one of these starts. Invalid parameters reject
 * the first of them.
 */
class ListRequest {
  #openPaginator;
  #fetchFirstPage;

  /**
   * `openPaginator` returns the addon's paginator and `fetchFirstPage` a
   * promise of one page.
   */
  constructor(openPaginator, fetchFirstPage) {
    this.#openPaginator = openPaginator;
    this.#fetchFirstPage = fetchFirstPage;
  }

  async *[Symbol.asyncIterator]() {
    const paginator = await callNative(this.#openPaginator);
    for (;;) {
      const page = await callNative(() => paginator.nextPage());
      if (page === null) {
        return;
      }
      yield* page;
    }
  }

  /**
   * Collects elements across pages until `limit` elements or the end of
   * the list. `limit` is required so that a large list cannot fill memory
   * by accident.
   */
  async autoPagingToArray({ limit } = {}) {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new ConfigurationError(
        `autoPagingToArray needs a positive integer limit, got ${String(limit)}; pass { limit: 100 } for example`,
      );
    }
    const items = [];
    for await (const item of this) {
      items.push(item);
      if (items.length >= limit) {
        break;
      }
    }
    return items;
  }

  /** Makes `await list` resolve to the first page. */
  then(onFulfilled, onRejected) {
    return callNative(this.#fetchFirstPage).then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.then(undefined, onRejected);
  }

  finally(onFinally) {
    return this.then().finally(onFinally);
  }
}

module.exports = { ListRequest, callNative };
