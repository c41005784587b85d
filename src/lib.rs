//! Community Coping: a cooperative game about isolation and connection in a town.
//!
//! The crate is a pure, deterministic rules library ([`rules`]) fed by validated
//! scenario content ([`content`]), with bots ([`bots`]), a balance simulator
//! ([`sim`]), session files ([`session`]), the debrief's analysis of a
//! session ([`reflect`]), its exports ([`export`]), the cross-session
//! report ([`report`]), the guided first game's script ([`guide`]) and the
//! command line ([`cli`]); behind the `app` feature, the Bevy
//! shell that people play on.

pub mod bots;
pub mod cli;
pub mod content;
pub mod export;
pub mod guide;
pub mod i18n;
pub mod reflect;
pub mod report;
pub mod rules;
pub mod session;
pub mod sim;

#[cfg(feature = "app")]
pub mod app;
#[cfg(feature = "app")]
pub mod ui;
