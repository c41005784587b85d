//! Where sessions and settings live: the OS data and config folders, or one
//! folder named by an environment variable (tests, portable installs).

use std::path::PathBuf;

use directories::ProjectDirs;

use super::error::SessionError;

/// Environment variable naming a folder for sessions and settings instead of
/// the OS folders.
pub const DATA_DIR_ENV: &str = "COMMUNITY_COPING_DATA_DIR";

/// File extension of session files.
pub const SESSION_EXTENSION: &str = "ccsession";

fn override_dir() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

fn project_dirs() -> Result<ProjectDirs, SessionError> {
    ProjectDirs::from("", "", "community-coping").ok_or(SessionError::NoDataDir)
}

/// The folder for saved data: `$COMMUNITY_COPING_DATA_DIR`, else the OS data folder.
pub fn data_dir() -> Result<PathBuf, SessionError> {
    match override_dir() {
        Some(d) => Ok(d),
        None => Ok(project_dirs()?.data_dir().to_path_buf()),
    }
}

/// The folder of session files (created when the first session is written).
pub fn sessions_dir() -> Result<PathBuf, SessionError> {
    Ok(data_dir()?.join("sessions"))
}

/// The settings file: `$COMMUNITY_COPING_DATA_DIR/settings.ron`, else in the
/// OS config folder.
pub fn settings_path() -> Result<PathBuf, SessionError> {
    let dir = match override_dir() {
        Some(d) => d,
        None => project_dirs()?.config_dir().to_path_buf(),
    };
    Ok(dir.join("settings.ron"))
}

/// The longest file stem [`safe_file_stem`] returns, in characters.
pub const FILE_STEM_MAX: usize = 64;

/// A session id (or any name read from a file) made safe to use as part of
/// a file name: ASCII letters, digits, `-` and `_` only, at most
/// [`FILE_STEM_MAX`] characters, never empty (`"session"` then). Path
/// separators, `..`, drive letters and control characters cannot survive,
/// so the name stays inside the folder it is joined to.
pub fn safe_file_stem(id: &str) -> String {
    let stem: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(FILE_STEM_MAX)
        .collect();
    if stem.is_empty() {
        "session".to_owned()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_ids_stay_one_plain_name() {
        for (id, want) in [
            ("../../x", "x"),
            ("/etc/passwd", "etcpasswd"),
            ("C:\\x", "Cx"),
            ("", "session"),
            ("..", "session"),
            ("a\u{0}b\nc\u{7f}", "abc"),
            ("0123456789abcdef", "0123456789abcdef"),
        ] {
            assert_eq!(safe_file_stem(id), want, "{id:?}");
        }
        assert_eq!(safe_file_stem(&"y".repeat(10_000)).len(), FILE_STEM_MAX);
    }
}
