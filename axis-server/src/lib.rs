#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod axis;
mod store;

use std::collections::BTreeMap;
use std::future::Future;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, State as Shared};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response as HttpResponse};
use axum::routing::post;
use vanthu_axis::Secret;

use crate::axis::Axis;

/// Why the local axis could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// A file or socket could not be used.
    #[error("{path}: {source}")]
    Io {
        /// The file, folder or address.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// The database failed.
    #[error("database: {0}")]
    Database(String),
    /// The configuration cannot be used.
    #[error("configuration: {0}")]
    Config(String),
}

impl ServerError {
    fn io(path: impl std::fmt::Display, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_string(),
            source,
        }
    }
}

/// What the local axis needs: where to keep its database, the systems that
/// may connect (each with its secret), the trust anchors vanthu's check of
/// the packages uses, and the window of the header timestamps.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Config {
    /// The folder of the database (`axis.sqlite3`), created when missing.
    pub data: PathBuf,
    /// The connected systems: id → secret.
    pub systems: BTreeMap<String, Secret>,
    /// Trust anchors for the signatures of the PDFs inside the packages
    /// (certificate files or folders, as `vanthu check --trust`).
    pub trust: Vec<PathBuf>,
    /// How far a call's `XroadVnpt-timestamp` may be from the server's
    /// clock; `None` accepts any time.
    pub window: Option<chrono::Duration>,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl Config {
    /// A local axis keeping its data in `data`, with no system yet, a
    /// 15-minute timestamp window and requests of at most 256 MiB.
    #[must_use]
    pub fn new(data: impl Into<PathBuf>) -> Self {
        Self {
            data: data.into(),
            systems: BTreeMap::new(),
            trust: Vec::new(),
            window: Some(chrono::Duration::minutes(15)),
            max_body_bytes: 256 << 20,
        }
    }

    /// This configuration with the system `id` connected with `secret`.
    #[must_use]
    pub fn system(mut self, id: impl Into<String>, secret: impl Into<String>) -> Self {
        self.systems.insert(id.into(), Secret::new(secret));
        self
    }

    /// This configuration with the trust anchors `path` (a certificate file
    /// or a folder of them).
    #[must_use]
    pub fn trust(mut self, path: impl Into<PathBuf>) -> Self {
        self.trust.push(path.into());
        self
    }

    /// This configuration with a timestamp window of `window` (`None`:
    /// any time).
    #[must_use]
    pub fn window(mut self, window: Option<chrono::Duration>) -> Self {
        self.window = window;
        self
    }
}

/// The local axis's HTTP routes over an opened axis.
fn router(axis: Arc<Axis>, max_body_bytes: usize) -> Router {
    Router::new()
        .route("/{operation}", post(handle))
        .route("/XrdAdapter/adapter/{operation}", post(handle))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .with_state(axis)
}

async fn handle(
    Shared(axis): Shared<Arc<Axis>>,
    UrlPath(operation): UrlPath<String>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> HttpResponse {
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let request = vanthu_axis::Request::from_parts(
        vanthu_axis::Method::Post,
        uri.to_string(),
        headers,
        body.to_vec(),
    );
    // The check of a package and SQLite block: off the async workers.
    let answer = tokio::task::spawn_blocking(move || axis.answer(&operation, &request)).await;
    let answer = answer.unwrap_or_else(|e| axis::internal(&e.to_string()));
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        answer.body,
    )
        .into_response()
}

async fn not_found(uri: Uri) -> HttpResponse {
    let answer = axis::unknown_operation(uri.path());
    (
        StatusCode::NOT_FOUND,
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        answer.body,
    )
        .into_response()
}

/// Serves the local axis on `listener` until `shutdown` completes, then
/// finishes the calls in progress and returns (a graceful shutdown). The
/// database is opened, and the trust anchors read, before the first call
/// is accepted.
///
/// # Errors
/// [`ServerError`] when the database or the trust anchors cannot be opened,
/// or the listener fails.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let max_body_bytes = config.max_body_bytes;
    let axis = Arc::new(Axis::open(config)?);
    run(listener, axis, max_body_bytes, shutdown).await
}

async fn run(
    listener: tokio::net::TcpListener,
    axis: Arc<Axis>,
    max_body_bytes: usize,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let address = listener
        .local_addr()
        .map_or_else(|_| "the listener".to_owned(), |a| a.to_string());
    axum::serve(listener, router(axis, max_body_bytes))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|e| ServerError::io(address, e))
}

/// A local axis running on its own thread (with its own tokio runtime),
/// for callers that are not async: [`Server::start`], then
/// [`Server::stop`] (or [`Server::wait_for_signal`]).
#[derive(Debug)]
pub struct Server {
    address: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServerError>>>,
}

impl Server {
    /// Opens the database, binds `address` (port 0 for any free port) and
    /// starts serving; returns once calls are accepted.
    ///
    /// # Errors
    /// [`ServerError`] when the address cannot be bound, or the database or
    /// the trust anchors cannot be opened.
    pub fn start(address: impl ToSocketAddrs, config: Config) -> Result<Self, ServerError> {
        let max_body_bytes = config.max_body_bytes;
        let axis = Arc::new(Axis::open(config)?);
        let listener = std::net::TcpListener::bind(address)
            .map_err(|e| ServerError::io("the listening address", e))?;
        let address = listener
            .local_addr()
            .map_err(|e| ServerError::io("the listening address", e))?;
        listener
            .set_nonblocking(true)
            .map_err(|e| ServerError::io(address, e))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| ServerError::io("the tokio runtime", e))?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("vanthu-axis-server".to_owned())
            .spawn(move || {
                runtime.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener)
                        .map_err(|e| ServerError::io(address, e))?;
                    run(listener, axis, max_body_bytes, async {
                        let _ = stopped.await;
                    })
                    .await
                })
            })
            .map_err(|e| ServerError::io("the server thread", e))?;
        Ok(Self {
            address,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address the server listens on.
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.address
    }

    /// The base URL of the server, `http://ADDRESS`: a client's endpoint.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Stops accepting calls, lets those in progress finish, and waits for
    /// the server to end.
    ///
    /// # Errors
    /// What ended the server, if it failed.
    pub fn stop(mut self) -> Result<(), ServerError> {
        self.shut_down()
    }

    fn shut_down(&mut self) -> Result<(), ServerError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(ServerError::Config("the server thread panicked".to_owned())),
            None => Ok(()),
        }
    }

    /// Serves until the process receives SIGINT (Ctrl-C) or SIGTERM, then
    /// stops gracefully (what `vanthu axis serve` does).
    ///
    /// # Errors
    /// What ended the server, if it failed.
    pub fn wait_for_signal(mut self) -> Result<(), ServerError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ServerError::io("the tokio runtime", e))?;
        runtime.block_on(async {
            #[cfg(unix)]
            {
                let mut term =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
                        .map_err(|e| ServerError::io("SIGTERM", e))?;
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            #[cfg(not(unix))]
            {
                let _ = tokio::signal::ctrl_c().await;
            }
            Ok::<(), ServerError>(())
        })?;
        self.shut_down()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.shut_down();
    }
}

/// Guards the database: one call writes at a time (SQLite has one writer).
type Database = Mutex<store::Store>;
