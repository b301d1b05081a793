//! A thread's blocks of `[ThreadStatic]` fields: the data a thread record
//! owns (the blocks are made and found by `runtime/thread_statics.rs`).

use crate::typesystem::TypeHandle;

/// One thread's block of a type's thread statics.
pub(crate) struct ThreadStaticBlock {
    /// The storage (8-byte aligned, zeroed when made).
    pub(crate) data: Box<[u64]>,
    /// The type (its static layout says where the references are).
    pub(crate) owner: TypeHandle,
}

impl ThreadStaticBlock {
    /// The addresses of the block's reference slots.
    pub(crate) fn gc_slots(&mut self) -> impl Iterator<Item = *mut usize> + '_ {
        let base = self.data.as_mut_ptr() as usize;
        self.owner
            .statics
            .gc_refs
            .iter()
            .map(move |&off| (base + off as usize) as *mut usize)
    }
}
