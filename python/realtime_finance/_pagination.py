"""Auto-paging iterators over the core's paginators.

The core decides where each page starts and when the list ends; these
classes only hand out the elements of each page in order.
"""

from __future__ import annotations

from collections import deque
from typing import Any, AsyncIterator, Callable, Deque, Generic, Iterator, List, Mapping, Optional, TypeVar

from ._native import NativePaginator

T = TypeVar("T")


class ListIterator(Generic[T]):
    """Iterates over every element of a list call, fetching pages on demand.

    Not thread-safe: give each thread its own iterator. After an error, the
    next ``next()`` fetches the same page again.
    """

    def __init__(self, paginator: NativePaginator, convert: Callable[[Mapping[str, Any]], T]) -> None:
        self._paginator = paginator
        self._convert = convert
        self._buffer: Deque[T] = deque()
        self._exhausted = False

    def __iter__(self) -> ListIterator[T]:
        return self

    def __next__(self) -> T:
        while not self._buffer:
            page = self._next_page()
            if page is None:
                raise StopIteration
            self._buffer.extend(page)
        return self._buffer.popleft()

    def pages(self) -> Iterator[List[T]]:
        """Iterate page by page instead of element by element, from the next unread page."""
        while True:
            page = self._next_page()
            if page is None:
                return
            yield page

    def _next_page(self) -> Optional[List[T]]:
        if self._exhausted:
            return None
        page = self._paginator.next_page()
        if page is None:
            self._exhausted = True
            return None
        return [self._convert(item) for item in page]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} buffered={len(self._buffer)} exhausted={self._exhausted}>"


class AsyncListIterator(Generic[T]):
    """Like ``ListIterator``, for ``async for``; each page is fetched without blocking the event loop."""

    def __init__(self, paginator: NativePaginator, convert: Callable[[Mapping[str, Any]], T]) -> None:
        self._paginator = paginator
        self._convert = convert
        self._buffer: Deque[T] = deque()
        self._exhausted = False

    def __aiter__(self) -> AsyncListIterator[T]:
        return self

    async def __anext__(self) -> T:
        while not self._buffer:
            page = await self._next_page()
            if page is None:
                raise StopAsyncIteration
            self._buffer.extend(page)
        return self._buffer.popleft()

    async def pages(self) -> AsyncIterator[List[T]]:
        """Iterate page by page instead of element by element, from the next unread page."""
        while True:
            page = await self._next_page()
            if page is None:
                return
            yield page

    async def _next_page(self) -> Optional[List[T]]:
        if self._exhausted:
            return None
        page = await self._paginator.next_page_async()
        if page is None:
            self._exhausted = True
            return None
        return [self._convert(item) for item in page]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} buffered={len(self._buffer)} exhausted={self._exhausted}>"
