//! Writing a whole file so that a crash leaves either the old file or the
//! new one, never a half-written mix: temp file, sync, rename, sync folder.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::SessionError;

/// Writes `bytes` to `path` atomically. With `fresh`, refuses to replace an
/// existing file.
pub fn write_atomic(path: &Path, bytes: &[u8], fresh: bool) -> Result<(), SessionError> {
    let dir = parent(path);
    fs::create_dir_all(&dir).map_err(|source| SessionError::CreateDir {
        path: dir.clone(),
        source,
    })?;
    if fresh && path.exists() {
        return Err(SessionError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let write = |source| SessionError::Write {
        path: path.to_path_buf(),
        source,
    };
    let result = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        // best effort: the temp file is useless now
        let _ = fs::remove_file(&tmp);
        return Err(write(e));
    }
    sync_dir(&dir);
    Ok(())
}

/// The folder holding `path` (`.` for a bare file name).
pub(super) fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename durable where the OS allows syncing a folder (not on Windows).
pub(super) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}
