'use strict';

const { ConfigurationError, toError } = require('./errors');

/**
 * Runs one addon call, resolves to `convert` applied to its result, and
 * converts what it throws or rejects with into the SDK's error classes.
 * `async`, so a synchronous throw also becomes a rejection, and the error's
 * stack shows the caller's `await` chain.
 */
async function callNative(call, convert = (result) => result) {
  let result;
  try {
    result = await call();
  } catch (error) {
    throw toError(error);
  }
  return convert(result);
}

/**
 * Returns a function that puts `object: type` in front of a result's fields,
 * unless the result already has an `object` field.
 */
function withObjectType(type) {
  return (result) => ({ object: type, ...result });
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
  #toItem;

  /**
   * `openPaginator` returns the addon's paginator, `fetchFirstPage` a
   * promise of one page, and `toItem` converts each element.
   */
  constructor(openPaginator, fetchFirstPage, toItem) {
    this.#openPaginator = openPaginator;
    this.#fetchFirstPage = fetchFirstPage;
    this.#toItem = toItem;
  }

  async *[Symbol.asyncIterator]() {
    const paginator = await callNative(this.#openPaginator);
    for (;;) {
      const page = await callNative(() => paginator.nextPage());
      if (page === null) {
        return;
      }
      yield* page.map(this.#toItem);
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
    const firstPage = callNative(this.#fetchFirstPage, (page) => ({
      object: 'list',
      ...page,
      data: page.data.map(this.#toItem),
    }));
    return firstPage.then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.then(undefined, onRejected);
  }

  finally(onFinally) {
    return this.then().finally(onFinally);
  }
}

module.exports = { ListRequest, callNative, withObjectType };
