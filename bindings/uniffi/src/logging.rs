//! Forwards the core's `tracing` events (target `realtime_finance`) to a
//! logger on the JVM side.
//!
//! The core never puts a secret in an event, so records pass through as they
//! are. The subscriber is installed as the process's global default only if
//! no other subscriber was installed first, as the host application may
//! have its own.

use std::fmt::Write as _;

use tracing::field::{Field, Visit};
use tracing::level_filters::LevelFilter;
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FfiLogLevel {
    Error,
    Warn,
    Info,
    Debug,
    Trace,
}

/// One log event: its level, its `tracing` target (such as
/// `realtime_finance::http`) and its message followed by its other fields as
/// `name=value`.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FfiLogRecord {
    pub level: FfiLogLevel,
    pub target: String,
    pub message: String,
}

/// Receives log records, on whichever thread emitted the event (often one of
/// the core's runtime threads). An implementation must be thread-safe, must
/// not block for long, and must not call back into the SDK.
#[uniffi::export(callback_interface)]
pub trait LogSink: Send + Sync {
    fn log(&self, record: FfiLogRecord);
}

/// Installs `sink` for the core's events up to `max_level`. Returns `false`
/// and changes nothing when the process already has a global `tracing`
/// subscriber (an earlier call, or the host application's own).
#[uniffi::export]
pub fn install_log_sink(sink: Box<dyn LogSink>, max_level: FfiLogLevel) -> bool {
    let layer = ForwardLayer {
        sink,
        max_level: to_level(max_level),
    };
    let subscriber = tracing_subscriber::registry().with(layer);
    tracing::subscriber::set_global_default(subscriber).is_ok()
}

fn to_level(level: FfiLogLevel) -> Level {
    match level {
        FfiLogLevel::Error => Level::ERROR,
        FfiLogLevel::Warn => Level::WARN,
        FfiLogLevel::Info => Level::INFO,
        FfiLogLevel::Debug => Level::DEBUG,
        FfiLogLevel::Trace => Level::TRACE,
    }
}

fn from_level(level: Level) -> FfiLogLevel {
    match level {
        Level::ERROR => FfiLogLevel::Error,
        Level::WARN => FfiLogLevel::Warn,
        Level::INFO => FfiLogLevel::Info,
        Level::DEBUG => FfiLogLevel::Debug,
        _ => FfiLogLevel::Trace,
    }
}

struct ForwardLayer {
    sink: Box<dyn LogSink>,
    max_level: Level,
}

fn is_core_target(target: &str) -> bool {
    target == "realtime_finance" || target.starts_with("realtime_finance::")
}

impl<S: Subscriber> Layer<S> for ForwardLayer {
    fn enabled(&self, metadata: &Metadata<'_>, _context: Context<'_, S>) -> bool {
        // `tracing` orders levels by verbosity: ERROR < WARN < ... < TRACE.
        is_core_target(metadata.target()) && *metadata.level() <= self.max_level
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(LevelFilter::from_level(self.max_level))
    }

    fn on_event(&self, event: &Event<'_>, _context: Context<'_, S>) {
        let mut visitor = MessageVisitor::default();
        event.record(&mut visitor);
        let metadata = event.metadata();
        self.sink.log(FfiLogRecord {
            level: from_level(*metadata.level()),
            target: metadata.target().to_owned(),
            message: visitor.finish(),
        });
    }
}

/// Collects an event's `message` field first and its other fields after it.
#[derive(Default)]
struct MessageVisitor {
    message: String,
    fields: String,
}

impl MessageVisitor {
    fn finish(self) -> String {
        if self.fields.is_empty() {
            self.message
        } else if self.message.is_empty() {
            self.fields
        } else {
            format!("{} {}", self.message, self.fields)
        }
    }
}

impl Visit for MessageVisitor {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            if !self.fields.is_empty() {
                self.fields.push(' ');
            }
            let _ = write!(self.fields, "{}={}", field.name(), value);
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            if !self.fields.is_empty() {
                self.fields.push(' ');
            }
            let _ = write!(self.fields, "{}={:?}", field.name(), value);
        }
    }
}
