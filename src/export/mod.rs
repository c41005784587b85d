//! Exports of a played session, for the facilitator's training records: one
//! self-contained HTML page (printable on A4, with an inline SVG timeline),
//! Markdown with the same content, a CSV of every event (UTF-8 with BOM, so
//! Excel reads Japanese), and JSON with everything under a versioned schema.
//! The debrief screen and `community-coping export` call the same code.
//!
//! Rendering is pure and deterministic: the same session and language always
//! give the same bytes (no wall clock, no hash-map order). `--pseudonymise`
//! is [`pseudonymise`], applied to the session before it is reflected on.

mod csv;
mod csv_cell;
mod document;
mod facts;
mod html;
mod json;
mod link_work_json;
mod markdown;
mod played;
mod proposals;
mod pseudonym;
mod session;
mod svg;
mod write;

use std::fmt;

use crate::i18n::Texts;
use crate::reflect::Reflection;

pub(crate) use csv_cell::field as csv_field;
pub(crate) use html::escape as escape_html;
pub use json::{SCHEMA, SCHEMA_VERSION};
pub use pseudonym::{Pseudonyms, pseudonym, pseudonymise, replace_names};
pub use session::{ExportOptions, export_session, export_session_to};
pub use write::{ExportError, default_out_path, write_export};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// One self-contained page: inline CSS and SVG, no external assets.
    Html,
    /// The same content as the page, for pasting into a training record.
    Markdown,
    /// One row per event, UTF-8 with BOM, RFC 4180 quoting.
    Csv,
    /// Everything, as `community-coping/session-export` version 2.
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Html, Format::Markdown, Format::Csv, Format::Json];

    /// The file extension (without the dot): `html`, `md`, `csv`, `json`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    /// The format for a name as typed on the command line (`html`, `md` or
    /// `markdown`, `csv`, `json`; any case).
    pub fn parse(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// The session in `format`, in the language of `texts`. The CSV starts with
/// a byte-order mark; every format ends with a newline.
pub fn render(reflection: &Reflection, format: Format, texts: &Texts) -> String {
    match format {
        Format::Html => html::render(&document::Document::of(reflection, texts), texts),
        Format::Markdown => markdown::render(&document::Document::of(reflection, texts), texts),
        Format::Csv => csv::render(reflection, texts),
        Format::Json => json::render(reflection, texts),
    }
}
