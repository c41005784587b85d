//! Typed indices into a scenario's content, so ids of different kinds never mix.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub(crate) u16);

        impl $name {
            /// Position of this item in its content list.
            pub fn index(self) -> usize {
                usize::from(self.0)
            }

            /// The id of the item at `index` (as listed by the content).
            pub fn from_index(index: usize) -> Self {
                Self(u16::try_from(index).expect("content lists are limited to u16 items"))
            }
        }
    };
}

id_type!(
    /// A district of the town map.
    DistrictId
);
id_type!(
    /// A resident card.
    ResidentId
);
id_type!(
    /// One physical connection card (copies of a design are separate cards).
    ConnectionId
);
id_type!(
    /// A speciality tag.
    SpecialityId
);
id_type!(
    /// A role.
    RoleId
);
id_type!(
    /// One physical event card.
    EventId
);
