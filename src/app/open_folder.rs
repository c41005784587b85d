//! Opening the folder that holds a written file in the computer's own file
//! manager (xdg-open on Linux and the BSDs, `open` on macOS, Explorer on
//! Windows), so a facilitator can pick up an export without typing its path.
//! Only the standard library: the file manager is started and left to run;
//! nothing goes over the network.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::i18n::Texts;

/// The folder a written file lies in (the path itself when it is a folder).
pub fn containing_folder(path: &Path) -> PathBuf {
    if path.is_dir() {
        return path.to_path_buf();
    }
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Why a folder could not be opened.
#[derive(Debug)]
pub enum OpenFolderError {
    /// The folder is not there (moved or deleted since).
    Missing(PathBuf),
    /// The file manager could not be started.
    Launch {
        folder: PathBuf,
        program: &'static str,
        error: std::io::Error,
    },
}

/// Opens the folder holding `path` in the file manager.
pub fn open_containing_folder(path: &Path) -> Result<(), OpenFolderError> {
    let folder = containing_folder(path);
    if !folder.is_dir() {
        return Err(OpenFolderError::Missing(folder));
    }
    Command::new(FILE_MANAGER)
        .arg(&folder)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map(|mut child| {
            // reap it when the file manager's launcher exits
            std::thread::spawn(move || child.wait());
        })
        .map_err(|error| OpenFolderError::Launch {
            folder,
            program: FILE_MANAGER,
            error,
        })
}

#[cfg(target_os = "windows")]
const FILE_MANAGER: &str = "explorer";
#[cfg(target_os = "macos")]
const FILE_MANAGER: &str = "open";
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
const FILE_MANAGER: &str = "xdg-open";

/// Opens the folder holding `path`; on failure, the one line to show.
pub(super) fn open_folder_message(path: &Path, texts: &Texts) -> Option<String> {
    match open_containing_folder(path) {
        Ok(()) => None,
        Err(OpenFolderError::Missing(folder)) => Some(texts.fmt(
            "debrief.open_folder_missing",
            &[("folder", &folder.display())],
        )),
        Err(OpenFolderError::Launch {
            folder,
            program,
            error,
        }) => Some(texts.fmt(
            "debrief.open_folder_failed",
            &[
                ("folder", &folder.display()),
                ("program", &program),
                ("error", &error),
            ],
        )),
    }
}
