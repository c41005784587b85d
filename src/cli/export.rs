//! `community-coping export SESSION_FILE --format html|md|csv|json`: a
//! session as a self-contained page, Markdown, CSV or JSON, written beside
//! the session file (or to `--out PATH`, `-` for standard output). Errors are
//! one line saying what to do, with exit status 1.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::export::{
    ExportOptions, Format as ExportFormat, default_out_path, export_session, export_session_to,
};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The session file to export (from the game's sessions folder).
    session: PathBuf,
    /// html (one printable page), md (Markdown), csv (one row per event) or json (everything).
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Where to write (default: beside the session file, with the format's
    /// extension); `-` writes to standard output.
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Replace seat names with 参加者A/B/… (Participant A/B/…), in notes too.
    #[arg(long, visible_alias = "pseudonymize")]
    pseudonymise: bool,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
    /// The scenario folder the session was played with, when it has moved.
    #[arg(long, value_name = "DIR")]
    scenario: Option<PathBuf>,
    /// Language of the export.
    #[arg(long, value_enum, default_value_t = LangArg::Ja)]
    lang: LangArg,
    /// Export the recovered part of a session file whose end is damaged.
    #[arg(long)]
    allow_damaged: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Html,
    #[value(alias = "markdown")]
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Ja,
    En,
}

pub(super) fn run(args: &ExportArgs) -> ExitCode {
    let format = match args.format {
        FormatArg::Html => ExportFormat::Html,
        FormatArg::Md => ExportFormat::Markdown,
        FormatArg::Csv => ExportFormat::Csv,
        FormatArg::Json => ExportFormat::Json,
    };
    let options = ExportOptions {
        format,
        lang: match args.lang {
            LangArg::Ja => "ja",
            LangArg::En => "en",
        }
        .to_owned(),
        scenario: args.scenario.clone(),
        pseudonymise: args.pseudonymise,
        allow_damaged: args.allow_damaged,
    };
    let to_stdout = args.out.as_deref().is_some_and(|p| p.as_os_str() == "-");
    if to_stdout {
        return match export_session(&args.session, &options) {
            Ok(text) => {
                let mut out = std::io::stdout().lock();
                match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                    Ok(()) => ExitCode::SUCCESS,
                    // the reader stopped early (`| head`): not an error
                    Err(e) if super::out::reader_gone(&e) => ExitCode::SUCCESS,
                    Err(e) => fail(&format!("could not write to standard output: {e}")),
                }
            }
            Err(e) => fail(&e.to_string()),
        };
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| default_out_path(&args.session, format));
    match export_session_to(&args.session, &out, &options, args.force) {
        Ok(()) => {
            println!("exported {}", out.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Prints one line on stderr and returns exit status 1.
fn fail(message: &str) -> ExitCode {
    let one_line: String = message
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    eprintln!("error: {one_line}");
    ExitCode::FAILURE
}
