//! The collapse rule, written once: how a district's waiting residents stand
//! against the collapse threshold. The rules, the board, the year-end
//! summary, the debrief and the exports all ask this.

/// How a district's load stands against the collapse threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pressure {
    Safe,
    /// One more resident and the district reaches the threshold.
    OneShort,
    /// At or over the threshold: at a year end the town collapses.
    Collapses,
}

impl Pressure {
    /// The pressure of `load` residents waiting in one district.
    pub fn of(load: usize, threshold: usize) -> Self {
        if collapses(load, threshold) {
            Pressure::Collapses
        } else if load.saturating_add(1) == threshold {
            Pressure::OneShort
        } else {
            Pressure::Safe
        }
    }
}

/// Whether `load` residents waiting in one district at a year end make the
/// town collapse.
pub fn collapses(load: usize, threshold: usize) -> bool {
    load >= threshold
}
