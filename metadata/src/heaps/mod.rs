//! The four metadata heaps (ECMA-335 II.24.2.3 – II.24.2.5) and their index types.
//!
//! All heaps are zero-copy views over the stream bytes. A missing stream is
//! treated as an empty heap, in which only the null index (0) resolves.

mod blob;
mod guid;
mod strings;
mod user_strings;

pub use blob::BlobHeap;
pub use guid::{Guid, GuidHeap};
pub use strings::StringHeap;
pub use user_strings::{UserString, UserStringHeap};

macro_rules! heap_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub u32);

        impl $name {
            /// Whether this is the null index (0).
            pub fn is_null(self) -> bool {
                self.0 == 0
            }
        }

        impl From<$name> for u32 {
            fn from(index: $name) -> u32 {
                index.0
            }
        }
    };
}

heap_index!(
    /// A byte offset into the `#Strings` heap. 0 is the empty string.
    StringIndex
);
heap_index!(
    /// A byte offset into the `#Blob` heap. 0 is the empty blob.
    BlobIndex
);
heap_index!(
    /// A 1-based index into the `#GUID` heap (16-byte units). 0 is null.
    GuidIndex
);
heap_index!(
    /// A byte offset into the `#US` heap (the low 24 bits of an `ldstr` token).
    UserStringIndex
);
