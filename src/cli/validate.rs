//! `community-coping validate`: exit 0 when the deck is valid (warnings
//! printed), 1 when it has errors. A deck folder with a `guide.ron` (a
//! guided first game) has its guide checked too.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use super::{Format, LoadFailure, load_scenario};
use crate::content::{Content, Diagnostic, Sources};
use crate::guide;

pub(super) fn run(dir: Option<&Path>, format: Format) -> ExitCode {
    let (diags, ok, summary) = match load_scenario(dir) {
        Ok(l) => {
            let guide = dir.and_then(|d| check_guide(d, &l.content));
            if let Some(Err(errors)) = guide {
                let mut all = l.warnings;
                all.extend(errors);
                let n = all.iter().filter(|x| x.is_error()).count();
                return finish(
                    &all,
                    false,
                    format!("error: the guide has {n} error(s)"),
                    format,
                );
            }
            let c = &l.content;
            // Reserve cards (`copies: 0`) come into play only through events.
            let in_deck = c.connections().iter().filter(|x| x.in_deck).count();
            let reserve = c.connections().len() - in_deck;
            let steps = match guide {
                Some(Ok(n)) => format!(", a guide of {n} steps"),
                _ => String::new(),
            };
            let summary = format!(
                "ok: scenario \"{}\" ({}) — {} districts, {} residents, {} connection cards ({in_deck} in the deck, {reserve} in reserve), {} roles, {} events, {} difficulty presets, {} debrief questions{steps}",
                c.id(),
                c.content_hash(),
                c.districts().len(),
                c.residents().len(),
                c.connections().len(),
                c.roles().len(),
                c.events().len(),
                c.difficulties().len(),
                c.debrief_questions().len(),
            );
            (l.warnings, true, summary)
        }
        Err(LoadFailure::Invalid(d)) => {
            let n = d.iter().filter(|x| x.is_error()).count();
            (d, false, format!("error: the scenario has {n} error(s)"))
        }
        Err(f @ LoadFailure::NotADirectory(_)) => {
            f.report();
            return ExitCode::FAILURE;
        }
    };
    finish(&diags, ok, summary, format)
}

/// The guide's step count, or its problems; `None` when the folder has no guide.
fn check_guide(dir: &Path, content: &Content) -> Option<Result<usize, Vec<Diagnostic>>> {
    if !dir.join(guide::GUIDE_FILE).exists() {
        return None;
    }
    let sources = Sources::read_dir(dir);
    let content = Arc::new(content.clone());
    Some(
        guide::load(&sources, &content)
            .map(|s| s.steps.len())
            .map_err(|e| e.0),
    )
}

fn finish(diags: &[Diagnostic], ok: bool, summary: String, format: Format) -> ExitCode {
    match format {
        Format::Json => println!("{}", to_json(diags)),
        Format::Text => {
            for d in diags {
                print!("{}", d.render());
                println!();
            }
            println!("{summary}");
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn to_json(diags: &[Diagnostic]) -> String {
    serde_json::to_string_pretty(diags).unwrap_or_else(|_| "[]".to_owned())
}
