//! The lessons of link work a bot plays by, each of which a simulation can
//! switch off to measure what it is worth (`simulate --without …`).

use std::fmt;
use std::str::FromStr;

/// One lesson of the game.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lesson {
    /// Pass cards to one another (一人で解決できる問題はない).
    Share,
    /// Hold case conferences that pool hands.
    Conference,
    /// Found new local resources (創る).
    Create,
    /// Prefer informal ties, which keep people from drifting back.
    Informal,
    /// Visit residents who need trust before help (寄り添う).
    Trust,
}

impl Lesson {
    /// Every lesson, in the order reports list them.
    pub const ALL: [Lesson; 5] = [
        Lesson::Share,
        Lesson::Conference,
        Lesson::Create,
        Lesson::Informal,
        Lesson::Trust,
    ];

    /// The name `--without` takes.
    pub fn key(self) -> &'static str {
        match self {
            Lesson::Share => "share",
            Lesson::Conference => "conference",
            Lesson::Create => "create",
            Lesson::Informal => "informal",
            Lesson::Trust => "trust",
        }
    }
}

impl fmt::Display for Lesson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Lesson {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lesson::ALL
            .into_iter()
            .find(|l| l.key() == s.trim())
            .ok_or_else(|| {
                format!("unknown lesson {s:?}: use share, conference, create, informal or trust")
            })
    }
}

/// Which lessons a bot plays by: all of them unless switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lessons {
    off: u8,
}

impl Default for Lessons {
    fn default() -> Self {
        Self::ALL
    }
}

impl Lessons {
    /// Every lesson on: how the bots normally play.
    pub const ALL: Lessons = Lessons { off: 0 };

    /// These lessons switched off.
    pub fn without(lessons: &[Lesson]) -> Self {
        Self {
            off: lessons.iter().fold(0, |m, l| m | (1 << *l as u8)),
        }
    }

    /// Whether the bot plays by `lesson`.
    pub fn on(self, lesson: Lesson) -> bool {
        self.off & (1 << lesson as u8) == 0
    }

    /// The lessons switched off, in [`Lesson::ALL`] order.
    pub fn off(self) -> Vec<Lesson> {
        Lesson::ALL.into_iter().filter(|l| !self.on(*l)).collect()
    }
}
