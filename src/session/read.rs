//! Reading a session file's bytes within bounds: regular files only, never
//! more than [`MAX_SESSION_BYTES`](super::limits::MAX_SESSION_BYTES), and the
//! lines of the bytes read (after any UTF-8 byte order mark).

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use super::error::SessionError;
use super::limits::MAX_SESSION_BYTES;

/// The whole file at `path`, refusing a device, pipe or folder and anything
/// over the size limit before reading more than the limit.
pub(super) fn read_bounded(path: &Path) -> Result<Vec<u8>, SessionError> {
    let read = |source| SessionError::Read {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(path).map_err(read)?;
    if !meta.is_file() {
        return Err(SessionError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    if meta.len() > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    let file = File::open(path).map_err(read)?;
    // the file may grow after the size check: read one byte past the limit to see
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_SESSION_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read)?;
    if bytes.len() as u64 > MAX_SESSION_BYTES {
        return Err(SessionError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// One line of the file: its bytes without the line end, its number
/// (the header is line 1) and whether it has a line end.
pub(super) struct Line<'a> {
    pub text: &'a [u8],
    pub number: usize,
    pub terminated: bool,
}

/// The lines of `bytes`, skipping a UTF-8 byte order mark at the start.
pub(super) fn lines(bytes: &[u8]) -> impl Iterator<Item = Line<'_>> {
    let mut start = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut number = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = &bytes[start..];
        let (len, terminated) = match rest.iter().position(|b| *b == b'\n') {
            Some(i) => (i, true),
            None => (rest.len(), false),
        };
        let mut text = &rest[..len];
        if let [head @ .., b'\r'] = text {
            text = head;
        }
        start += len + usize::from(terminated);
        number += 1;
        Some(Line {
            text,
            number,
            terminated,
        })
    })
}
