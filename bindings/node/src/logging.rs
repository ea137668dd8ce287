//! Forwards the core's `tracing` events to a JavaScript callback.
//!
//! The npm package registers `util.debuglog('realtime_finance')` here when
//! that debug log is enabled (`NODE_DEBUG=realtime_finance`), so the core's
//! events show up where Node.js developers look for a library's debug output.
//! The core never puts a secret in an event.

use std::fmt::Write as _;
use std::sync::RwLock;

use napi::bindgen_prelude::{FnArgs, Function};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::Status;
use napi_derive::napi;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// `(level, target, message)`.
type LogArgs = FnArgs<(String, String, String)>;

/// Weak, so a registered logger never keeps the process alive by itself.
type LogFunction = ThreadsafeFunction<LogArgs, (), LogArgs, Status, false, true>;

static LOG_FUNCTION: RwLock<Option<LogFunction>> = RwLock::new(None);

/// Sends the core's events (level `DEBUG` and more severe, targets under
/// `realtime_finance`) to `callback(level, target, message)`, replacing any
/// earlier callback.
///
/// Installs a global `tracing` subscriber on the first call and returns
/// `true`. When the process already has one (another addon may have set
/// it), no event reaches the callback and this returns `false`.
#[napi(
    ts_args_type = "callback: (level: string, target: string, message: string) => void",
    catch_unwind
)]
pub fn set_log_callback(callback: Function<LogArgs, ()>) -> napi::Result<bool> {
    let function: LogFunction = callback
        .build_threadsafe_function::<LogArgs>()
        .callee_handled::<false>()
        .weak::<true>()
        .build()?;
    *LOG_FUNCTION
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(function);
    Ok(install_subscriber())
}

fn install_subscriber() -> bool {
    static INSTALLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *INSTALLED.get_or_init(|| {
        let subscriber = tracing_subscriber::registry().with(ForwardLayer);
        tracing::subscriber::set_global_default(subscriber).is_ok()
    })
}

struct ForwardLayer;

impl<S: Subscriber> Layer<S> for ForwardLayer {
    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        let metadata = event.metadata();
        if *metadata.level() > Level::DEBUG || !metadata.target().starts_with("realtime_finance") {
            return;
        }
        let guard = LOG_FUNCTION
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let Some(function) = guard.as_ref() else {
            return;
        };

        let mut visitor = MessageVisitor::default();
        event.record(&mut visitor);
        let args = (
            metadata.level().to_string(),
            metadata.target().to_owned(),
            visitor.into_text(),
        );
        // The queue is unbounded, so a non-blocking call does not wait for the
        // JavaScript thread. It fails, dropping the event, only while Node.js
        // shuts down.
        function.call(args.into(), ThreadsafeFunctionCallMode::NonBlocking);
    }
}

/// Collects an event's `message` and its other fields, which
/// [`MessageVisitor::into_text`] joins as `message key=value key=value`.
#[derive(Default)]
struct MessageVisitor {
    message: String,
    fields: String,
}

impl MessageVisitor {
    fn into_text(self) -> String {
        if self.fields.is_empty() {
            self.message
        } else {
            format!("{}{}", self.message, self.fields)
        }
    }
}

impl Visit for MessageVisitor {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            let _ = write!(self.fields, " {}={value:?}", field.name());
        }
    }
}
