//! Totals the rules add up from several places (a preset's parameters, a
//! role's abilities, the coping track's bonuses) stay within fixed bounds, so
//! no deck can overflow a count or size a loop beyond reason.

use super::model::{Ability, Bonus, Difficulty, Role, Unlock};
use super::raw::RawScenario;
use super::validate::{FileCtx, Validator};

/// Most connection cards one hand may hold: `hand_limit` + a role's
/// `ExtraHandLimit` + every coping-track `HandLimit` bonus.
pub const MAX_HAND_LIMIT: u32 = 30;
/// Most actions one turn may give: `actions_per_turn` + a role's
/// `ExtraActions` + every `ActionsPerTurn` bonus.
pub const MAX_ACTIONS: u32 = 12;
/// Most free Listens per turn: a role's `FreeListens` + every `FreeListens` bonus.
pub const MAX_FREE_LISTENS: u32 = 10;
/// Most deck cards a role may look at when connecting (its `ConnectPeek`s).
pub const MAX_PEEK: u32 = 10;
/// Most abilities one role may have.
pub const MAX_ABILITIES: usize = 8;

/// One total the rules compute: its name, the parameter it starts from (if
/// any), and what roles and the coping track add.
struct Total {
    what: &'static str,
    param: Option<&'static str>,
    ability: &'static str,
    bonus: Option<&'static str>,
    max: u32,
    from_params: fn(&Difficulty) -> u32,
    from_role: fn(&Ability) -> u32,
    from_bonus: fn(&Bonus) -> u32,
}

const TOTALS: [Total; 4] = [
    Total {
        what: "hand limit",
        param: Some("hand_limit"),
        ability: "ExtraHandLimit",
        bonus: Some("HandLimit"),
        max: MAX_HAND_LIMIT,
        from_params: |d| u32::from(d.params.hand_limit),
        from_role: |a| match a {
            Ability::ExtraHandLimit(n) => u32::from(*n),
            _ => 0,
        },
        from_bonus: |b| match b {
            Bonus::HandLimit(n) => u32::from(*n),
            _ => 0,
        },
    },
    Total {
        what: "actions per turn",
        param: Some("actions_per_turn"),
        ability: "ExtraActions",
        bonus: Some("ActionsPerTurn"),
        max: MAX_ACTIONS,
        from_params: |d| u32::from(d.params.actions_per_turn),
        from_role: |a| match a {
            Ability::ExtraActions(n) => u32::from(*n),
            _ => 0,
        },
        from_bonus: |b| match b {
            Bonus::ActionsPerTurn(n) => u32::from(*n),
            _ => 0,
        },
    },
    Total {
        what: "free Listens per turn",
        param: None,
        ability: "FreeListens",
        bonus: Some("FreeListens"),
        max: MAX_FREE_LISTENS,
        from_params: |_| 0,
        from_role: |a| match a {
            Ability::FreeListens(n) => u32::from(*n),
            _ => 0,
        },
        from_bonus: |b| match b {
            Bonus::FreeListens(n) => u32::from(*n),
            _ => 0,
        },
    },
    Total {
        what: "cards seen with Connect",
        param: None,
        ability: "ConnectPeek",
        bonus: None,
        max: MAX_PEEK,
        from_params: |_| 0,
        from_role: |a| match a {
            Ability::ConnectPeek(n) => u32::from(*n),
            _ => 0,
        },
        from_bonus: |_| 0,
    },
];

impl Validator<'_> {
    /// Checks every total for every difficulty preset and every role.
    pub(super) fn sums(
        &mut self,
        sf: &FileCtx<'_>,
        s: &RawScenario,
        presets: &[Difficulty],
        track: &[Unlock],
        roles: &[Role],
        roles_file: &str,
    ) {
        let rf = self.ctx(roles_file);
        let role_offsets: Vec<Option<usize>> =
            (0..roles.len()).map(|i| rf.loc.item_at(i)).collect();
        for t in &TOTALS {
            let team: u32 = track.iter().map(|u| (t.from_bonus)(&u.bonus)).sum();
            // Where a preset's value is written: its override, else `params`.
            let at = |i: usize| {
                let raw = &s.difficulties[i];
                let name = t.param.unwrap_or("params");
                let preset = sf.loc.item(&raw.id, 0);
                match preset {
                    Some(p) if raw.overrides.contains_key(name) => {
                        Some(sf.loc.value(p, "overrides", name))
                    }
                    _ => sf.loc.top_field(name),
                }
            };
            let Some((worst, base)) = presets
                .iter()
                .enumerate()
                .map(|(i, d)| (i, (t.from_params)(d)))
                .max_by_key(|&(i, v)| (v, std::cmp::Reverse(i)))
            else {
                return;
            };
            let bonus = t.bonus.unwrap_or("");
            let param = t.param.unwrap_or("");
            if base + team > t.max && t.param.is_none() {
                self.err(
                    &sf.name,
                    sf.loc.top_field("coping_track"),
                    format!(
                        "the coping track's {bonus} bonuses add up to {team}; at most {}",
                        t.max
                    ),
                    format!(
                        "lower the {bonus} bonuses, leaving room for roles' {}",
                        t.ability
                    ),
                );
                continue;
            }
            if base + team > t.max {
                for (i, d) in presets.iter().enumerate() {
                    let v = (t.from_params)(d);
                    let own = t
                        .param
                        .is_some_and(|p| s.difficulties[i].overrides.contains_key(p));
                    if v + team > t.max && (own || i == worst) {
                        self.err(
                            &sf.name,
                            at(i),
                            format!(
                                "difficulty \"{}\": the {} comes to {} (`{param}` {v} + coping-track {bonus} {team}); at most {}",
                                d.id, t.what, v + team, t.max
                            ),
                            format!("lower `{param}` or the {bonus} bonuses, leaving room for roles' {}", t.ability),
                        );
                    }
                }
                continue;
            }
            for (r, role) in roles.iter().enumerate() {
                let own: u32 = role.abilities.iter().map(t.from_role).sum();
                let total = base + own + team;
                if own == 0 || total <= t.max {
                    continue;
                }
                let parts = match (t.param, t.bonus) {
                    (Some(p), _) => format!(
                        "`{p}` {base} in difficulty \"{}\" + {} {own} + coping-track {bonus} {team}",
                        presets[worst].id, t.ability
                    ),
                    (None, Some(_)) => format!("{} {own} + coping-track {bonus} {team}", t.ability),
                    (None, None) => format!("{} {own}", t.ability),
                };
                let at = role_offsets[r].map(|o| rf.loc.field(o, "abilities"));
                self.err(
                    roles_file,
                    at,
                    format!(
                        "role \"{}\": the {} comes to {total} ({parts}); at most {}",
                        role.key, t.what, t.max
                    ),
                    format!(
                        "lower this role's {} so the total stays at or below {}",
                        t.ability, t.max
                    ),
                );
            }
        }
    }
}
