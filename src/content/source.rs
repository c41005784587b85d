//! A scenario's files as text, and finding where an item or field sits in them
//! so diagnostics can name a line and column.

use std::collections::BTreeMap;
use std::path::Path;

use super::diagnostic::{Diagnostic, Severity};

/// The text of a scenario's files, by file name relative to the scenario directory.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// How paths are shown in diagnostics, e.g. `scenarios/default`.
    pub(crate) root: String,
    pub(crate) files: BTreeMap<String, String>,
}

impl Sources {
    /// Sources held in memory (the embedded default deck, tests).
    pub fn in_memory(root: &str, files: &[(&str, &str)]) -> Self {
        Self {
            root: root.to_owned(),
            files: files
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect(),
        }
    }

    /// Reads `scenario.ron` and the files it lists from a directory.
    /// Missing or unreadable files are reported as diagnostics later.
    pub fn read_dir(dir: &Path) -> Self {
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "ron")
                && let (Some(name), Ok(text)) = (
                    path.file_name().and_then(|n| n.to_str()),
                    std::fs::read_to_string(&path),
                )
            {
                files.insert(name.to_owned(), text);
            }
        }
        Self {
            root: dir.display().to_string(),
            files,
        }
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }

    pub(crate) fn display_path(&self, name: &str) -> String {
        if self.root.is_empty() {
            name.to_owned()
        } else {
            format!("{}/{}", self.root.trim_end_matches('/'), name)
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
        let text = self.get(file).unwrap_or("");
        let (line, column, source_line) = match offset {
            Some(off) => {
                let (l, c) = line_col(text, off);
                (l, c, text.lines().nth(l - 1).map(str::to_owned))
            }
            None => (0, 0, None),
        };
        Diagnostic {
            file: self.display_path(file),
            line,
            column,
            severity,
            message: message.into(),
            hint: hint.into(),
            source_line,
        }
    }
}

/// 1-based line and character column of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of a 1-based line and character column.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    text[start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i)
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
    /// Byte offsets of every `id: "…"` in the file, in order.
    ids: Vec<(usize, String)>,
}

impl<'a> Locator<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut ids = Vec::new();
        let mut from = 0;
        while let Some(i) = find_field(text, from, "id") {
            let rest = &text[i..];
            if let Some(q) = rest.find('"') {
                let value_start = i + q + 1;
                if let Some(len) = text[value_start..].find('"') {
                    ids.push((i, text[value_start..value_start + len].to_owned()));
                }
            }
            from = i + 2;
        }
        Self { text, ids }
    }

    /// Offset of the `n`th (0-based) item whose id is `id`.
    pub(crate) fn item(&self, id: &str, n: usize) -> Option<usize> {
        self.ids
            .iter()
            .filter(|(_, v)| v == id)
            .nth(n)
            .map(|(o, _)| *o)
    }

    /// Offset of the `index`th item (in file order) that has an `id:` field.
    pub(crate) fn item_at(&self, index: usize) -> Option<usize> {
        self.ids.get(index).map(|(o, _)| *o)
    }

    /// End of the item starting at `start`: the next item's start or the end of file.
    fn item_end(&self, start: usize) -> usize {
        self.ids
            .iter()
            .map(|(o, _)| *o)
            .find(|o| *o > start)
            .unwrap_or(self.text.len())
    }

    /// Offset of `field:` inside the item at `item` (or the item itself).
    pub(crate) fn field(&self, item: usize, field: &str) -> usize {
        match find_field(self.text, item, field) {
            Some(o) if o < self.item_end(item) => o,
            _ => item,
        }
    }

    /// Offset of the quoted string `"needle"` inside `field` of the item, else the field.
    pub(crate) fn value(&self, item: usize, field: &str, needle: &str) -> usize {
        let f = self.field(item, field);
        let quoted = format!("\"{needle}\"");
        match self.text[f..self.item_end(item)].find(&quoted) {
            Some(i) => f + i,
            None => f,
        }
    }

    /// Offset of a top-level field anywhere in the file (e.g. in `scenario.ron`).
    pub(crate) fn top_field(&self, field: &str) -> Option<usize> {
        find_field(self.text, 0, field)
    }

    /// Offset of the next `field:` at or after `from`.
    pub(crate) fn top_field_after(&self, from: usize, field: &str) -> Option<usize> {
        find_field(self.text, from, field)
    }

    /// Offset of a quoted map key `"key"` after `from`.
    pub(crate) fn key_after(&self, from: usize, key: &str) -> Option<usize> {
        let quoted = format!("\"{key}\"");
        self.text[from..].find(&quoted).map(|i| from + i)
    }
}

/// Offset of `name` used as a field (`name:` as a whole word, outside comments) at or after `from`.
fn find_field(text: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(rel) = text.get(i..)?.find(name) {
        let at = i + rel;
        let before_ok = at == 0 || !is_ident(bytes[at - 1]);
        let mut j = at + name.len();
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let in_comment = text[line_start..at].contains("//");
        if before_ok && j < bytes.len() && bytes[j] == b':' && !in_comment {
            return Some(at);
        }
        i = at + name.len();
    }
    None
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}
