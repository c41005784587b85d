//! From a session file to export bytes, as the command line and the
//! debrief screen both do it: read the file (refusing a damaged one unless
//! asked), find and check its deck, pseudonymise when asked, reflect, render.

use std::path::{Path, PathBuf};

use super::write::{ExportError, same_file, write_export};
use super::{Format, pseudonymise, render};
use crate::i18n::Texts;
use crate::reflect::{OpenError, Reflection, content_for};
use crate::session::load_session;

/// How to export a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub format: Format,
    /// `ja` or `en` (anything else gets Japanese).
    pub lang: String,
    /// The deck's folder, when it is not where the session says.
    pub scenario: Option<PathBuf>,
    /// Replace seat names by 参加者A/B/… everywhere.
    pub pseudonymise: bool,
    /// Export the good part of a session whose file has a damaged tail.
    pub allow_damaged: bool,
}

impl ExportOptions {
    /// Japanese, names kept, damaged files refused.
    pub fn new(format: Format) -> Self {
        Self {
            format,
            lang: "ja".to_owned(),
            scenario: None,
            pseudonymise: false,
            allow_damaged: false,
        }
    }
}

/// The export of the session file at `path`.
pub fn export_session(path: &Path, options: &ExportOptions) -> Result<String, ExportError> {
    let mut session = load_session(path).map_err(OpenError::from)?;
    if let Some(damage) = &session.damage
        && !options.allow_damaged
    {
        return Err(OpenError::Damaged {
            path: path.to_path_buf(),
            damage: damage.clone(),
        }
        .into());
    }
    let content = content_for(&session.header, options.scenario.as_deref())?;
    let texts = Texts::load(&options.lang);
    if options.pseudonymise {
        pseudonymise(&mut session, texts.language());
    }
    let reflection = Reflection::of_session(&session, content).map_err(OpenError::from)?;
    Ok(render(&reflection, options.format, &texts))
}

/// Exports the session at `path` to the file `out` (atomically; an existing
/// file only with `force`; never over the session file itself; never into a
/// folder given as `out`).
pub fn export_session_to(
    path: &Path,
    out: &Path,
    options: &ExportOptions,
    force: bool,
) -> Result<(), ExportError> {
    if out.is_dir() {
        let name = super::default_out_path(path, options.format);
        let name = name.file_name().map_or_else(
            || format!("session.{}", options.format.extension()).into(),
            |n| n.to_owned(),
        );
        return Err(ExportError::OutIsFolder {
            path: out.to_path_buf(),
            example: out.join(name),
        });
    }
    if same_file(out, path) {
        return Err(ExportError::OverSession {
            path: out.to_path_buf(),
        });
    }
    if !force && out.exists() {
        return Err(ExportError::Exists {
            path: out.to_path_buf(),
        });
    }
    let text = export_session(path, options)?;
    write_export(out, text.as_bytes(), force)
}
