//! What each lesson of link work is worth: the same games (same seeds)
//! played with every lesson, and again with one lesson switched off
//! (`simulate --lessons`).

use std::sync::Arc;

use serde::Serialize;

use super::{RunOptions, SimConfig, SimError, SimReport, simulate};
use crate::bots::{Lesson, Lessons};
use crate::content::Content;

/// The lessons the table switches off, one row each: every lesson alone,
/// then sharing and case conferences together (both are "no problem is
/// solved alone").
pub const LESSON_SETS: [&[Lesson]; 6] = [
    &[Lesson::Share],
    &[Lesson::Conference],
    &[Lesson::Create],
    &[Lesson::Informal],
    &[Lesson::Trust],
    &[Lesson::Share, Lesson::Conference],
];

/// One row of the table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LessonRow {
    /// The lessons switched off (their `--without` names).
    pub without: Vec<String>,
    /// Win rate of the run as asked for, and of the same games without them.
    pub win_rate_with: f64,
    pub win_rate_without: f64,
    /// `win_rate_with - win_rate_without`.
    pub difference: f64,
}

/// The lesson table for the run whose report is `base`: each set of
/// [`LESSON_SETS`] switched off on top of what `options` already switches
/// off, over the same games.
pub fn lesson_table(
    content: &Arc<Content>,
    config: &SimConfig,
    options: &RunOptions,
    base: &SimReport,
) -> Result<Vec<LessonRow>, SimError> {
    LESSON_SETS
        .iter()
        .map(|set| {
            let mut off = options.lessons.off();
            off.extend_from_slice(set);
            let without = RunOptions {
                lessons: Lessons::without(&off),
                ..options.clone()
            };
            let r = simulate(content, config, &without)?;
            Ok(LessonRow {
                without: set.iter().map(|l| l.key().to_owned()).collect(),
                win_rate_with: base.win_rate,
                win_rate_without: r.win_rate,
                difference: base.win_rate - r.win_rate,
            })
        })
        .collect()
}
