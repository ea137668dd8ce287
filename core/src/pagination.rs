//! Automatic pagination over the API's cursor lists.
//!
//! The cursor rule lives here and nowhere else: the next page starts after
//! the id of the last element of the previous one, and the list ends when a
//! page says `has_more: false` (or comes back empty). Bindings wrap a
//! [`Paginator`] in their language's iterator and only call
//! [`Paginator::next_page`].

use std::future::Future;
use std::pin::Pin;

use futures_core::Stream;

use crate::error::Result;
use crate::resources::Page;

type PageFuture<T> = Pin<Box<dyn Future<Output = Result<Page<T>>> + Send>>;
type FetchPage<T> = Box<dyn FnMut(Option<String>) -> PageFuture<T> + Send>;

/// A cursor over every page of a list call, fetching each page on demand.
///
/// Not `Sync`: share it behind a mutex if several threads must advance it.
pub struct Paginator<T> {
    fetch: FetchPage<T>,
    id_of: fn(&T) -> &str,
    /// `starting_after` of the next request; `None` before the first page
    /// unless the caller set one.
    cursor: Option<String>,
    done: bool,
}

impl<T> std::fmt::Debug for Paginator<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Paginator")
            .field("cursor", &self.cursor)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Paginator<T> {
    /// Creates a paginator that calls `fetch(starting_after)` for each page,
    /// starting after `cursor`.
    pub(crate) fn new<F, Fut>(cursor: Option<String>, id_of: fn(&T) -> &str, mut fetch: F) -> Self
    where
        F: FnMut(Option<String>) -> Fut + Send + 'static,
        Fut: Future<Output = Result<Page<T>>> + Send + 'static,
    {
        Paginator {
            fetch: Box::new(move |cursor| Box::pin(fetch(cursor))),
            id_of,
            cursor,
            done: false,
        }
    }

    /// Fetches the next page. Returns `Ok(None)` once the list is exhausted;
    /// an error leaves the cursor where it was, so calling again retries the
    /// same page.
    pub async fn next_page(&mut self) -> Result<Option<Vec<T>>> {
        if self.done {
            return Ok(None);
        }

        let page = (self.fetch)(self.cursor.clone()).await?;

        let Some(last) = page.data.last() else {
            self.done = true;
            return Ok(None);
        };
        self.cursor = Some((self.id_of)(last).to_owned());
        self.done = !page.has_more;
        Ok(Some(page.data))
    }

    /// Turns the paginator into a stream of elements across all pages. The
    /// stream ends after the first error.
    pub fn into_stream(self) -> impl Stream<Item = Result<T>> + Send {
        use futures_util::stream::{self, StreamExt};

        let pages = stream::unfold(Some(self), |paginator| async move {
            let mut paginator = paginator?;
            match paginator.next_page().await {
                Ok(Some(items)) => Some((Ok(items), Some(paginator))),
                Ok(None) => None,
                Err(error) => Some((Err(error), None)),
            }
        });

        pages.flat_map(|page| match page {
            Ok(items) => stream::iter(items.into_iter().map(Ok).collect::<Vec<_>>()),
            Err(error) => stream::iter(vec![Err(error)]),
        })
    }
}
