//! A scenario's files as text, and finding where an item or field sits in them
//! so diagnostics can name a line and column.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use super::diagnostic::{Diagnostic, Severity};

/// Largest deck file read, in bytes (8 MiB): the default deck's largest file
/// is under 200 KB, so anything near this is a mistake, not a deck.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Most characters of a source line echoed under a diagnostic; longer lines
/// are cut around the column, with "…" where text was left out.
const ECHO_CHARS: usize = 200;

/// The text of a scenario's files, by file name relative to the scenario directory.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// How paths are shown in diagnostics, e.g. `scenarios/default`.
    pub(crate) root: String,
    files: BTreeMap<String, SourceFile>,
    /// Files present but not usable as text, and why.
    problems: BTreeMap<String, FileProblem>,
}

/// One file's text and where its lines start.
#[derive(Debug, Clone)]
struct SourceFile {
    text: String,
    lines: LineIndex,
}

/// Why a file that exists could not be read as deck text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FileProblem {
    /// Not UTF-8: the first bad byte and where it sits.
    NotUtf8 {
        byte: u8,
        line: usize,
        column: usize,
    },
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge { bytes: u64 },
    /// The operating system refused to read it.
    Unreadable(String),
}

impl Sources {
    /// Sources held in memory (the embedded default deck, tests).
    pub fn in_memory(root: &str, files: &[(&str, &str)]) -> Self {
        let mut s = Self {
            root: root.to_owned(),
            ..Self::default()
        };
        for (name, text) in files {
            if text.len() > MAX_FILE_BYTES {
                let bytes = text.len() as u64;
                s.problems
                    .insert((*name).to_owned(), FileProblem::TooLarge { bytes });
            } else {
                s.insert(name, (*text).to_owned());
            }
        }
        s
    }

    /// Sources from raw bytes, checked as a directory's files are (size, UTF-8).
    pub fn from_bytes(root: &str, files: &[(&str, &[u8])]) -> Self {
        let mut s = Self {
            root: root.to_owned(),
            ..Self::default()
        };
        for (name, bytes) in files {
            s.insert_bytes(name, bytes.to_vec(), bytes.len() as u64);
        }
        s
    }

    /// Reads the `.ron` files of a directory. Missing, oversized, unreadable
    /// or non-UTF-8 files are reported as diagnostics later.
    pub fn read_dir(dir: &Path) -> Self {
        let mut s = Self {
            root: dir.display().to_string(),
            ..Self::default()
        };
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if path.extension().is_none_or(|e| e != "ron") {
                continue;
            }
            let size = entry.metadata().map_or(0, |m| m.len());
            // Never read more than the limit (plus one byte to notice the excess).
            let mut bytes = Vec::new();
            let read = std::fs::File::open(&path)
                .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes));
            match read {
                Ok(_) => s.insert_bytes(name, bytes, size),
                Err(e) => {
                    s.problems
                        .insert(name.to_owned(), FileProblem::Unreadable(e.to_string()));
                }
            }
        }
        s
    }

    fn insert_bytes(&mut self, name: &str, bytes: Vec<u8>, size: u64) {
        if bytes.len() > MAX_FILE_BYTES || size > MAX_FILE_BYTES as u64 {
            let bytes = size.max(bytes.len() as u64);
            self.problems
                .insert(name.to_owned(), FileProblem::TooLarge { bytes });
            return;
        }
        match String::from_utf8(bytes) {
            Ok(text) => self.insert(name, text),
            Err(e) => {
                let good = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
                let prefix = prefix.strip_prefix('\u{FEFF}').unwrap_or(prefix);
                let (line, column) = LineIndex::new(prefix).line_col(prefix, prefix.len());
                self.problems.insert(
                    name.to_owned(),
                    FileProblem::NotUtf8 {
                        byte: bytes[good],
                        line,
                        column,
                    },
                );
            }
        }
    }

    /// Adds a file's text; a UTF-8 byte-order mark at its start is dropped.
    fn insert(&mut self, name: &str, mut text: String) {
        if text.starts_with('\u{FEFF}') {
            text.drain(..'\u{FEFF}'.len_utf8());
        }
        let lines = LineIndex::new(&text);
        self.files
            .insert(name.to_owned(), SourceFile { text, lines });
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(|f| f.text.as_str())
    }

    /// Why a file that exists could not be used, if so.
    pub(crate) fn problem(&self, name: &str) -> Option<&FileProblem> {
        self.problems.get(name)
    }

    pub(crate) fn display_path(&self, name: &str) -> String {
        if self.root.is_empty() {
            name.to_owned()
        } else {
            format!("{}/{}", self.root.trim_end_matches('/'), name)
        }
    }

    /// `path:line:column` of a byte offset, for messages that point elsewhere.
    pub(crate) fn place(&self, file: &str, offset: usize) -> String {
        let (line, column) = self
            .files
            .get(file)
            .map_or((0, 0), |f| f.lines.line_col(&f.text, offset));
        format!("{}:{line}:{column}", self.display_path(file))
    }

    /// A diagnostic at a known line and column of a file whose text is not held.
    pub(crate) fn diag_at(
        &self,
        file: &str,
        (line, column): (usize, usize),
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: self.display_path(file),
            line,
            column,
            severity: Severity::Error,
            message: message.into(),
            hint: hint.into(),
            source_line: None,
            source_column: 0,
        }
    }

    /// Why `file` cannot be used, as one diagnostic: missing (`create` says
    /// how to add it), too large, unreadable, or not UTF-8 (at the byte, with
    /// how to re-save it). `what` names the file's part ("residents", "guide").
    pub(crate) fn unusable(&self, file: &str, what: &str, create: &str) -> Diagnostic {
        match self.problem(file) {
            None => self.diag(
                file,
                None,
                Severity::Error,
                format!("the {what} file `{file}` is missing"),
                create,
            ),
            Some(FileProblem::TooLarge { bytes }) => self.diag(
                file,
                None,
                Severity::Error,
                format!(
                    "the {what} file `{file}` is {:.1} MB; a deck file may be at most {} MB",
                    *bytes as f64 / 1_048_576.0,
                    MAX_FILE_BYTES / 1_048_576
                ),
                "a file this large is not a card list: look for pasted or repeated text, or split the deck into smaller scenarios",
            ),
            Some(FileProblem::Unreadable(why)) => self.diag(
                file,
                None,
                Severity::Error,
                format!("the {what} file `{file}` cannot be read: {why}"),
                "check that the file is not open in another program and that you may read it",
            ),
            Some(FileProblem::NotUtf8 { byte, line, column }) => self.diag_at(
                file,
                (*line, *column),
                format!(
                    "the {what} file `{file}` is not UTF-8 text (byte 0x{byte:02X} here); it was probably saved as Shift_JIS"
                ),
                "re-save it as UTF-8: in Notepad (メモ帳), 名前を付けて保存 → 文字コード: UTF-8; in VS Code, click the encoding in the status bar → Save with Encoding → UTF-8",
            ),
        }
    }

    /// A diagnostic at a byte offset of a file (or the file as a whole).
    pub(crate) fn diag(
        &self,
        file: &str,
        offset: Option<usize>,
        severity: Severity,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Diagnostic {
        let (line, column, source_line, source_column) = match (offset, self.files.get(file)) {
            (Some(off), Some(f)) => {
                let (l, c) = f.lines.line_col(&f.text, off);
                let (echo, caret) = echo(f.lines.line_text(&f.text, l), c);
                (l, c, Some(echo), caret)
            }
            _ => (0, 0, None, 0),
        };
        Diagnostic {
            file: self.display_path(file),
            line,
            column,
            severity,
            message: message.into(),
            hint: hint.into(),
            source_line,
            source_column,
        }
    }
}

/// The part of a line to show under a diagnostic, and the caret's column in it:
/// lines up to [`ECHO_CHARS`] characters whole, longer ones cut around `column`.
fn echo(line: &str, column: usize) -> (String, usize) {
    let len = line.chars().count();
    if len <= ECHO_CHARS {
        return (line.to_owned(), column);
    }
    let half = ECHO_CHARS / 2;
    let start = column
        .saturating_sub(1)
        .saturating_sub(half)
        .min(len - ECHO_CHARS);
    let end = start + ECHO_CHARS;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(line.chars().skip(start).take(ECHO_CHARS));
    if end < len {
        out.push('…');
    }
    (out, column - start + usize::from(start > 0))
}

/// Where each line of a text starts, so a byte offset becomes a line and
/// column by binary search instead of rescanning the text.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineIndex {
    /// Byte offset of the start of every line; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { starts }
    }

    /// 0-based line holding a byte offset.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where a 0-based line starts.
    pub(crate) fn start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(usize::MAX)
    }

    /// 1-based line and character column of a byte offset.
    pub(crate) fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let column = text[self.starts[line]..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The text of a 1-based line, without its line break.
    pub(crate) fn line_text<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let start = self.start(line.saturating_sub(1)).min(text.len());
        let end = self
            .start(line)
            .min(text.len() + 1)
            .saturating_sub(1)
            .max(start);
        let end = end.min(text.len());
        text[start..end].trim_end_matches('\r')
    }

    /// Byte offset of a 1-based line and character column.
    pub(crate) fn offset_of(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        text[start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| start + i)
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Finds items and fields in one file's text by their ids.
pub(crate) struct Locator<'a> {
    text: &'a str,
    lines: LineIndex,
    /// Per line, the byte offset of its first `//` (or `usize::MAX`).
    comments: Vec<usize>,
    /// Byte offsets of every `id: "…"` in the file, in order.
    ids: Vec<usize>,
    /// The same offsets by id value, in file order.
    by_id: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let lines = LineIndex::new(text);
        let comments = (0..lines.starts.len())
            .map(|l| {
                let start = lines.starts[l];
                let end = lines.start(l + 1).min(text.len());
                text[start..end]
                    .find("//")
                    .map_or(usize::MAX, |i| start + i)
            })
            .collect();
        let mut loc = Self {
            text,
            lines,
            comments,
            ids: Vec::new(),
            by_id: BTreeMap::new(),
        };
        let mut from = 0;
        while let Some(i) = loc.find_field(from, text.len(), "id") {
            let rest = &text[i..];
            if let Some(q) = rest.find('"') {
                let value_start = i + q + 1;
                if let Some(len) = text[value_start..].find('"') {
                    loc.ids.push(i);
                    loc.by_id
                        .entry(&text[value_start..value_start + len])
                        .or_default()
                        .push(i);
                }
            }
            from = i + 2;
        }
        loc
    }

    /// Offset of the `n`th (0-based) item whose id is `id`.
    pub(crate) fn item(&self, id: &str, n: usize) -> Option<usize> {
        self.by_id.get(id).and_then(|v| v.get(n)).copied()
    }

    /// Offset of the `index`th item (in file order) that has an `id:` field.
    pub(crate) fn item_at(&self, index: usize) -> Option<usize> {
        self.ids.get(index).copied()
    }

    /// End of the item starting at `start`: the next item's start or the end of file.
    fn item_end(&self, start: usize) -> usize {
        let i = self.ids.partition_point(|&o| o <= start);
        self.ids.get(i).copied().unwrap_or(self.text.len())
    }

    /// Offset of `field:` inside the item at `item` (or the item itself).
    pub(crate) fn field(&self, item: usize, field: &str) -> usize {
        self.find_field(item, self.item_end(item), field)
            .unwrap_or(item)
    }

    /// Offset of the quoted string `"needle"` inside `field` of the item, else the field.
    pub(crate) fn value(&self, item: usize, field: &str, needle: &str) -> usize {
        let f = self.field(item, field);
        let quoted = format!("\"{needle}\"");
        match self.text[f..self.item_end(item).max(f)].find(&quoted) {
            Some(i) => f + i,
            None => f,
        }
    }

    /// Offset of a top-level field anywhere in the file (e.g. in `scenario.ron`).
    pub(crate) fn top_field(&self, field: &str) -> Option<usize> {
        self.find_field(0, self.text.len(), field)
    }

    /// Offset of the next `field:` at or after `from`.
    pub(crate) fn top_field_after(&self, from: usize, field: &str) -> Option<usize> {
        self.find_field(from, self.text.len(), field)
    }

    /// Offset of a quoted map key `"key"` after `from`.
    pub(crate) fn key_after(&self, from: usize, key: &str) -> Option<usize> {
        let quoted = format!("\"{key}\"");
        self.text.get(from..)?.find(&quoted).map(|i| from + i)
    }

    /// Offset of the `n`th (0-based) `open` bracket after `from` that is not
    /// inside a string or comment and sits directly inside the first list
    /// opened after `from` (e.g. the `n`th `(x, y)` point of an outline).
    pub(crate) fn nth_in_list(&self, from: usize, open: u8, n: usize) -> Option<usize> {
        super::lexical::nth_in_list(self.text, from, open, n)
    }

    /// Offset of `name` used as a field (`name:` as a whole word, outside
    /// comments) in `from..end`.
    fn find_field(&self, from: usize, end: usize, name: &str) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = end.min(text.len());
        let mut i = from;
        while let Some(rel) = text.get(i..end)?.find(name) {
            let at = i + rel;
            let before_ok = at == 0 || !is_ident(bytes[at - 1]);
            let mut j = at + name.len();
            while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
                j += 1;
            }
            let in_comment = self.comments[self.lines.line_of(at)] < at;
            if before_ok && j < bytes.len() && bytes[j] == b':' && !in_comment {
                return Some(at);
            }
            i = at + name.len();
        }
        None
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
