//! Writing an export to disk: atomically (temporary file, sync, rename), and
//! never over an existing file unless asked to, nor ever over the session
//! file it was made from. Its errors speak of `--out`, never of the game's
//! data folder setting.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::reflect::OpenError;
use crate::session::{SessionError, write_atomic};

/// Why an export could not be made or written.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The session could not be read, its deck found, or it was damaged.
    #[error("{0}")]
    Open(#[from] OpenError),
    #[error(
        "{} already exists: choose another path with --out PATH, or pass --force to replace it",
        path.display()
    )]
    Exists { path: PathBuf },
    #[error(
        "{} is the session file itself: choose another path with --out PATH",
        path.display()
    )]
    OverSession { path: PathBuf },
    #[error(
        "--out {} is a folder: give a file name, e.g. {}",
        path.display(),
        example.display()
    )]
    OutIsFolder { path: PathBuf, example: PathBuf },
    #[error(
        "could not create the folder {} for the export: {source}. Check the path, or choose another with --out PATH",
        path.display()
    )]
    CreateDir { path: PathBuf, source: io::Error },
    #[error(
        "could not write {}: {source}. Check that the folder is writable and the disk not full, or choose another path with --out PATH",
        path.display()
    )]
    Write { path: PathBuf, source: io::Error },
    /// Anything else the writer reported.
    #[error("{0}")]
    Other(SessionError),
}

/// Writes `bytes` to `path` atomically: readers see the old file or the
/// whole new one, never a part. Without `force`, an existing file is left
/// alone and [`ExportError::Exists`] returned.
pub fn write_export(path: &Path, bytes: &[u8], force: bool) -> Result<(), ExportError> {
    if path.is_dir() {
        return Err(ExportError::OutIsFolder {
            path: path.to_path_buf(),
            example: path.join("session.html"),
        });
    }
    if !force && path.exists() {
        return Err(ExportError::Exists {
            path: path.to_path_buf(),
        });
    }
    write_atomic(path, bytes, !force).map_err(|e| match e {
        SessionError::AlreadyExists { path } => ExportError::Exists { path },
        SessionError::CreateDir { path, source } => ExportError::CreateDir { path, source },
        SessionError::Write { path, source } => ExportError::Write { path, source },
        other => ExportError::Other(other),
    })
}

/// Where an export goes by default: beside the session file, with the
/// format's extension (`2025….ccsession` → `2025….html`).
pub fn default_out_path(session: &Path, format: super::Format) -> PathBuf {
    session.with_extension(format.extension())
}

/// Whether `out` names the same file as `session` (so writing would destroy it).
pub(super) fn same_file(out: &Path, session: &Path) -> bool {
    match (out.canonicalize(), session.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => out == session,
    }
}
