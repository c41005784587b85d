//! Appending to a session file: one JSON line per record, on disk
//! (`sync_data`) before `append` returns, so a crash or power cut loses no
//! completed action.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::atomic::{parent, sync_dir, write_atomic};
use super::error::SessionError;
use super::load::LoadedSession;
use super::paths::{SESSION_EXTENSION, safe_file_stem};
use super::record::{Record, SESSION_FORMAT, SessionHeader};

/// An open session file that records are appended to.
#[derive(Debug)]
pub struct SessionWriter {
    path: PathBuf,
    file: File,
}

impl SessionWriter {
    /// Creates a new session file in `dir` (created if missing), named after
    /// the header's creation time and id, with the header as its first line.
    pub fn create(dir: &Path, header: &SessionHeader) -> Result<SessionWriter, SessionError> {
        let path = dir.join(file_name(header));
        let mut line = encode(header, "the session header")?;
        line.push('\n');
        write_atomic(&path, line.as_bytes(), true)?;
        Self::open_append(path)
    }

    /// Reopens a session to go on recording; pass the `session` of
    /// [`LoadedSession::verify`]'s result. When the file is not exactly its
    /// header and records (skipped damaged lines, records left out, an
    /// older format), the original is first copied beside it
    /// (`….damaged`, synced to disk) and the file is rewritten atomically
    /// from what was read, in the current format, so new records follow the
    /// last good one.
    pub fn reopen(session: &LoadedSession) -> Result<SessionWriter, SessionError> {
        let path = session.path.clone();
        if session.header.format != SESSION_FORMAT {
            return Err(SessionError::Encode {
                what: "an older session for resuming",
                problem: "it was not verified first".into(),
            });
        }
        if session.rewrite || session.damage.is_some() {
            let suffix = if session.damage.is_some() {
                "damaged".to_owned()
            } else {
                format!("format{}", session.read_format)
            };
            let backup = backup_path(&path, &suffix);
            copy_synced(&path, &backup)?;
            let mut text = encode(&session.header, "the session header")?;
            text.push('\n');
            for r in &session.records {
                text.push_str(&encode(r, "a session record")?);
                text.push('\n');
            }
            write_atomic(&path, text.as_bytes(), false)?;
            return Self::open_append(path);
        }
        let write = |source| SessionError::Write {
            path: path.clone(),
            source,
        };
        let mut writer = Self::open_append(path.clone())?;
        if !session.ends_with_newline {
            writer.file.write_all(b"\n").map_err(write)?;
            writer.file.sync_data().map_err(write)?;
        }
        Ok(writer)
    }

    /// Writes a whole session at once (header, then `records`) as a new
    /// file in `dir`, atomically: for games recorded elsewhere, such as the
    /// simulator's bot games. Refuses to replace an existing file.
    pub fn write_complete(
        dir: &Path,
        header: &SessionHeader,
        records: &[Record],
    ) -> Result<PathBuf, SessionError> {
        let path = dir.join(file_name(header));
        let mut text = encode(header, "the session header")?;
        text.push('\n');
        for r in records {
            text.push_str(&encode(r, "a session record")?);
            text.push('\n');
        }
        write_atomic(&path, text.as_bytes(), true)?;
        Ok(path)
    }

    fn open_append(path: PathBuf) -> Result<SessionWriter, SessionError> {
        let file = OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(|source| SessionError::Write {
                path: path.clone(),
                source,
            })?;
        sync_dir(&parent(&path));
        Ok(SessionWriter { path, file })
    }

    /// The session file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one record and waits until it is on disk.
    pub fn append(&mut self, record: &Record) -> Result<(), SessionError> {
        let mut line = encode(record, "a session record")?;
        line.push('\n');
        let write = |source| SessionError::Write {
            path: self.path.clone(),
            source,
        };
        self.file.write_all(line.as_bytes()).map_err(write)?;
        self.file.flush().map_err(write)?;
        self.file.sync_data().map_err(write)
    }
}

fn encode<T: serde::Serialize>(value: &T, what: &'static str) -> Result<String, SessionError> {
    serde_json::to_string(value).map_err(|e| SessionError::Encode {
        what,
        problem: e.to_string(),
    })
}

/// `20250401T093045Z-0123456789abcdef.ccsession`: sorts by creation time.
fn file_name(header: &SessionHeader) -> String {
    let when: String = header
        .created
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let when: String = when.chars().take(32).collect();
    let id = safe_file_stem(&header.session_id);
    format!("{when}-{id}.{SESSION_EXTENSION}")
}

/// Copies `from` to `to` and syncs the copy (and its folder) to disk, so
/// the original may be replaced safely afterwards.
fn copy_synced(from: &Path, to: &Path) -> Result<(), SessionError> {
    let write = |source| SessionError::Write {
        path: to.to_path_buf(),
        source,
    };
    fs::copy(from, to).map_err(write)?;
    File::open(to).and_then(|f| f.sync_all()).map_err(write)?;
    sync_dir(&parent(to));
    Ok(())
}

/// A free name beside `path` for the copy of a damaged or older file
/// (`….damaged`, `….damaged2`, …).
fn backup_path(path: &Path, suffix: &str) -> PathBuf {
    let with = |suffix: &str| {
        let mut s = path.as_os_str().to_owned();
        s.push(suffix);
        PathBuf::from(s)
    };
    let mut candidate = with(&format!(".{suffix}"));
    let mut n = 1;
    while candidate.exists() {
        n += 1;
        candidate = with(&format!(".{suffix}{n}"));
    }
    candidate
}
