//! Client-side checks of request parameters, run before any request so a
//! mistake costs no round trip and names its field. The sandbox enforces the
//! same rules on its own.
