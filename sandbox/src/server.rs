//! The accept loop. It serves each connection with hyper directly (not
//! `axum::serve`) so a fault can close a connection without sending a byte
//! of the response, and so TLS and plain TCP share one path.

use std::time::Duration;

use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

/// Largest request head (request line plus headers) in bytes; hyper responds
/// 431 past it.
pub const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Maximum header fields in one request; hyper responds 431 past it.
pub const MAX_HEADERS: usize = 100;

/// Closes the connection a request arrived on, from inside its handler.
#[derive(Clone)]
pub struct ConnectionHandle(CancellationToken);

impl ConnectionHandle {
    pub fn close(&self) {
        self.0.cancel();
    }
}

pub struct AcceptLoop {
    pub listener: TcpListener,
    pub router: Router,
    pub tls: Option<tokio_rustls::TlsAcceptor>,
    pub shutdown: CancellationToken,
    pub connections: TaskTracker,
}

impl AcceptLoop {
    pub async fn run(self) {
        loop {
            let accepted = tokio::select! {
                accepted = self.listener.accept() => accepted,
                _ = self.shutdown.cancelled() => break,
            };
            let (stream, peer) = match accepted {
                Ok(pair) => pair,
                Err(error) => {
                    // Typically EMFILE; back off instead of spinning.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let _ = stream.set_nodelay(true);
            let router = self.router.clone();
            let shutdown = self.shutdown.clone();
            let tls = self.tls.clone();
            self.connections.spawn(async move {
                match tls {
                    None => serve(stream, router, shutdown).await,
                    Some(acceptor) => {
                        let handshake =
                            tokio::time::timeout(Duration::from_secs(10), acceptor.accept(stream));
                        match handshake.await {
                            Ok(Ok(stream)) => serve(stream, router, shutdown).await,
                            Ok(Err(error)) => tracing::info!(%peer, %error, "TLS handshake failed"),
                            Err(_) => tracing::info!(%peer, "TLS handshake timed out"),
                        }
                    }
                }
            });
        }
    }
}

async fn serve<S>(stream: S, router: Router, shutdown: CancellationToken)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let close = CancellationToken::new();
    let handle = ConnectionHandle(close.clone());
    let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(handle.clone());
        router.clone().oneshot(request.map(axum::body::Body::new))
    });
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .max_buf_size(MAX_HEADER_BYTES)
        .max_headers(MAX_HEADERS)
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30));
    builder
        .http2()
        .max_header_list_size(MAX_HEADER_BYTES as u32);
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let mut draining = false;
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    tracing::debug!(%error, "connection ended with an error");
                }
                return;
            }
            // Dropping the connection closes the socket without writing the
            // pending response.
            _ = close.cancelled() => return,
            _ = shutdown.cancelled(), if !draining => {
                draining = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}
