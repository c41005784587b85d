//! The player's settings (language, UI scale, theme, motion, bot pace,
//! stopping at year ends, the seat names used last), kept as RON
//! beside the sessions and written atomically. A missing file means the
//! defaults; a broken or out-of-range one falls back with a visible notice.

use std::ops::RangeInclusive;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::error::SessionError;
use super::paths::settings_path;
use crate::i18n::{LANGUAGES, Texts};

/// Allowed UI scale factors.
pub const UI_SCALE_RANGE: RangeInclusive<f32> = 0.75..=2.5;

/// The slowest bot pace, in milliseconds per action.
pub const BOT_PACE_MAX_MS: u32 = 10_000;

/// Most seat names remembered (a game has at most six seats).
const SEAT_NAMES_MAX: usize = 6;

/// What the player chose, remembered between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// `"ja"` or `"en"`.
    pub language: String,
    pub ui_scale: f32,
    pub high_contrast: bool,
    /// Pause between a bot's actions, so people can follow.
    pub bot_pace_ms: u32,
    /// No animations: changes show at once.
    pub reduced_motion: bool,
    /// The year-end summary waits for a click even when a bot plays next.
    pub stop_at_year_end: bool,
    /// The seat names of the last game set up, in seat order, so the next
    /// setup starts with them. Older files lack it: the default names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub seat_names: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            language: "ja".into(),
            ui_scale: 1.0,
            high_contrast: false,
            bot_pace_ms: 800,
            reduced_motion: false,
            stop_at_year_end: true,
            seat_names: Vec::new(),
        }
    }
}

impl Settings {
    /// Brings every value into range; returns what was changed, one entry each.
    fn clamp(&mut self) -> Vec<String> {
        let mut fixed = Vec::new();
        let default = Settings::default();
        if !LANGUAGES.iter().any(|(code, _)| *code == self.language) {
            fixed.push(format!(
                "language \"{}\" → \"{}\"",
                self.language, default.language
            ));
            self.language = default.language;
        }
        let scale = if self.ui_scale.is_nan() {
            default.ui_scale
        } else {
            self.ui_scale
                .clamp(*UI_SCALE_RANGE.start(), *UI_SCALE_RANGE.end())
        };
        if scale != self.ui_scale || self.ui_scale.is_nan() {
            fixed.push(format!("ui_scale {} → {scale}", self.ui_scale));
            self.ui_scale = scale;
        }
        if self.bot_pace_ms > BOT_PACE_MAX_MS {
            fixed.push(format!(
                "bot_pace_ms {} → {BOT_PACE_MAX_MS}",
                self.bot_pace_ms
            ));
            self.bot_pace_ms = BOT_PACE_MAX_MS;
        }
        if self.seat_names.len() > SEAT_NAMES_MAX {
            fixed.push(format!(
                "seat_names: {} → {SEAT_NAMES_MAX}",
                self.seat_names.len()
            ));
            self.seat_names.truncate(SEAT_NAMES_MAX);
        }
        fixed
    }
}

/// Loads the settings from their usual place (see [`settings_path`]).
pub fn load_settings() -> (Settings, Option<String>) {
    match settings_path() {
        Ok(path) => load_settings_from(&path),
        Err(e) => {
            let texts = Texts::load(&Settings::default().language);
            let notice = texts.fmt("settings.notice_no_dir", &[("problem", &e)]);
            (Settings::default(), Some(notice))
        }
    }
}

/// Loads settings from `path`: defaults without a notice when the file is
/// missing; defaults with a notice naming the file and the problem when it is
/// broken; clamped values with a notice when some were out of range. The
/// notice is in the language of the settings returned.
pub fn load_settings_from(path: &Path) -> (Settings, Option<String>) {
    let broken = |problem: &dyn std::fmt::Display| {
        let texts = Texts::load(&Settings::default().language);
        let notice = texts.fmt(
            "settings.notice_broken",
            &[("path", &path.display()), ("problem", problem)],
        );
        (Settings::default(), Some(notice))
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Settings::default(), None),
        Err(e) => return broken(&e),
    };
    let mut settings: Settings = match ron::from_str(&text) {
        Ok(s) => s,
        Err(e) => return broken(&e),
    };
    let fixed = settings.clamp();
    if fixed.is_empty() {
        return (settings, None);
    }
    let texts = Texts::load(&settings.language);
    let notice = texts.fmt(
        "settings.notice_clamped",
        &[("path", &path.display()), ("fields", &fixed.join(", "))],
    );
    (settings, Some(notice))
}

/// Saves the settings to their usual place.
pub fn save_settings(settings: &Settings) -> Result<(), SessionError> {
    save_settings_to(&settings_path()?, settings)
}

/// Saves the settings to `path` atomically (a crash leaves the old file or the new one).
pub fn save_settings_to(path: &Path, settings: &Settings) -> Result<(), SessionError> {
    let body =
        ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default()).map_err(|e| {
            SessionError::Encode {
                what: "the settings",
                problem: e.to_string(),
            }
        })?;
    let text = format!(
        "// Community Coping settings. Delete this file to go back to the defaults.\n{body}\n"
    );
    write_atomic(path, text.as_bytes(), false)
}
