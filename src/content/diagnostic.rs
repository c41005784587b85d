//! Problems found in a scenario, each pointing at a file, line and column
//! with a hint on how to fix it.

use std::fmt::{self, Write as _};

use serde::Serialize;

/// How bad a problem is: errors stop the deck from loading, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in a scenario's files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// File path as given to the loader (e.g. `scenarios/default/residents.ron`).
    pub file: String,
    /// 1-based line; 0 when the problem concerns the file as a whole.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    pub hint: String,
    /// The source line (cut around the column when very long) shown under the message.
    #[serde(skip)]
    pub(crate) source_line: Option<String>,
    /// 1-based character column of the caret within `source_line`.
    #[serde(skip)]
    pub(crate) source_column: usize,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Render like a compiler message, with the source line and a caret.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{kind}: {}", self.message);
        let gutter = " ".repeat(self.line.to_string().len());
        if self.line > 0 {
            let _ = writeln!(
                out,
                "{gutter}--> {}:{}:{}",
                self.file, self.line, self.column
            );
        } else {
            let _ = writeln!(out, "{gutter}--> {}", self.file);
        }
        if let Some(src) = &self.source_line {
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{} | {}", self.line, src);
            let pad: String = src
                .chars()
                .take(self.source_column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{gutter} | {pad}^");
        }
        if !self.hint.is_empty() {
            let _ = writeln!(out, "{gutter} = help: {}", self.hint);
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// Problems that kept a scenario from loading (at least one error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckErrors(pub Vec<Diagnostic>);

impl fmt::Display for DeckErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.0.iter().filter(|d| d.is_error()).count();
        write!(f, "the scenario has {errors} error(s)")
    }
}

impl std::error::Error for DeckErrors {}
