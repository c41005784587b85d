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
