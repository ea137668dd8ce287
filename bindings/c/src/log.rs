//! Forwarding of the core's `tracing` events to a C callback.

use std::ffi::{c_char, c_void, CString};
use std::fmt::Write as _;
use std::sync::{Once, RwLock};

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

/// Receives one log record. `level` is 1 (error), 2 (warn), 3 (info),
/// 4 (debug) or 5 (trace). `target` is the emitting module, such as
/// "realtime_finance::client". Both strings are valid only during the call.
pub type RtfLogCallback = Option<
    unsafe extern "C" fn(
        level: i32,
        target: *const c_char,
        message: *const c_char,
        user_data: *mut c_void,
    ),
>;

#[derive(Clone, Copy)]
struct Sink {
    callback: unsafe extern "C" fn(i32, *const c_char, *const c_char, *mut c_void),
    user_data: *mut c_void,
}

// SAFETY: the caller of `rtf_set_log_callback` promises that the callback
// and its user data may be used from any thread.
unsafe impl Send for Sink {}
unsafe impl Sync for Sink {}

static SINK: RwLock<Option<Sink>> = RwLock::new(None);
static INSTALL: Once = Once::new();

/// Sets the function that receives the core's log records (targets starting
/// with "realtime_finance"), replacing any previous one; NULL removes it.
///
/// The callback may run on any thread, including the library's own runtime
/// threads and concurrently with itself, so it must be thread-safe, return
/// quickly and not call back into this library. Records never contain a
/// secret. The forwarding works only when the process has no other global
/// `tracing` subscriber; otherwise this function has no effect on logging.
///
/// # Safety
/// `callback` is NULL or a function that stays callable, with `user_data`,
/// until it is replaced or removed.
#[no_mangle]
pub unsafe extern "C" fn rtf_set_log_callback(callback: RtfLogCallback, user_data: *mut c_void) {
    let sink = callback.map(|callback| Sink {
        callback,
        user_data,
    });
    // A poisoned lock only means a callback panicked; the slot is still valid.
    *SINK
        .write()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = sink;
    if sink.is_some() {
        INSTALL.call_once(|| {
            let subscriber = tracing_subscriber::registry().with(CallbackLayer);
            // Fails when the host installed its own subscriber; it then wins.
            let _ = tracing::subscriber::set_global_default(subscriber);
        });
    }
}

struct CallbackLayer;

impl<S: Subscriber> Layer<S> for CallbackLayer {
    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        let metadata = event.metadata();
        if !metadata.target().starts_with("realtime_finance") {
            return;
        }
        let Some(sink) = *SINK.read().unwrap_or_else(|poisoned| poisoned.into_inner()) else {
            return;
        };

        let mut visitor = MessageVisitor::default();
        event.record(&mut visitor);
        let target = CString::new(metadata.target()).unwrap_or_default();
        let message = CString::new(visitor.text.replace('\0', "")).unwrap_or_default();
        let level = match *metadata.level() {
            Level::ERROR => 1,
            Level::WARN => 2,
            Level::INFO => 3,
            Level::DEBUG => 4,
            Level::TRACE => 5,
        };
        // A panic must not unwind into the core's code that logged.
        let _ = std::panic::catch_unwind(|| {
            // SAFETY: the pointers are valid for the call; the callback's
            // contract is the caller's promise in `rtf_set_log_callback`.
            unsafe { (sink.callback)(level, target.as_ptr(), message.as_ptr(), sink.user_data) };
        });
    }
}

/// Renders an event as its message followed by ` name=value` fields.
#[derive(Default)]
struct MessageVisitor {
    text: String,
    fields: String,
}

impl Visit for MessageVisitor {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.text.insert_str(0, value);
        } else {
            let _ = write!(self.fields, " {}={}", field.name(), value);
        }
        self.flush_fields();
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.text.insert_str(0, &format!("{value:?}"));
        } else {
            let _ = write!(self.fields, " {}={:?}", field.name(), value);
        }
        self.flush_fields();
    }
}

impl MessageVisitor {
    fn flush_fields(&mut self) {
        self.text.push_str(&self.fields);
        self.fields.clear();
    }
}
