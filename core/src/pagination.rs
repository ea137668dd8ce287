//! Automatic pagination over the API's cursor lists.
//!
//! The cursor rule lives here and nowhere else: the next page starts after
//! the id of the last element of the previous one, and the list ends when a
//! page says `has_more: false`. Bindings wrap a [`Paginator`] in their
//! language's iterator and only call [`Paginator::next_page`].

use futures_core::Stream;

use crate::error::Result;

/// A cursor over every page of a list call, fetching each page on demand.
///
/// Not `Sync`: share it behind a mutex if several threads must advance it.
pub struct Paginator<T> {
    _marker: std::marker::PhantomData<T>,
}

impl<T> std::fmt::Debug for Paginator<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator").finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Paginator<T> {
    /// Fetches the next page. Returns `Ok(None)` once the list is exhausted;
    /// an error leaves the cursor where it was, so calling again retries the
    /// same page.
    pub async fn next_page(&mut self) -> Result<Option<Vec<T>>> {
        todo!("core: fetch the next page")
    }

    /// Turns the paginator into a stream of elements across all pages.
    pub fn into_stream(self) -> impl Stream<Item = Result<T>> + Send {
        futures_util::stream::empty()
    }
}
