//! `[ThreadStatic]` fields (docs/runtime.md, "Thread statics").
//!
//! Each type with thread-static fields gets a *thread-static index* the
//! first time the JIT compiles an access to one. Every thread record holds
//! an array of block pointers, by index; a type's block is a private copy
//! of the type's static storage layout (same size, same offsets, same
//! reference slots), made zeroed on the thread's first access by
//! [`thread_static_base`] (the helper behind the JIT's inline fast path).
//! So a thread-static field starts at its default value on every thread,
//! and a static initializer sets it on the thread that runs the class
//! constructor only, as in the CLR.
//!
//! The blocks' reference slots are GC roots of their thread
//! (`stackwalk::enumerate_thread_roots`); a block lives as long as its
//! thread record.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::loader::TypeHandle;
use crate::thread::Thread;

/// The types with thread statics, by index.
#[derive(Default)]
pub(crate) struct ThreadStaticTypes {
    inner: Mutex<(HashMap<TypeHandle, u32>, Vec<TypeHandle>)>,
}

impl ThreadStaticTypes {
    /// The thread-static index of `t`, assigned on first use.
    pub(crate) fn index_of(&self, t: TypeHandle) -> u32 {
        let mut g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let (map, types) = &mut *g;
        *map.entry(t).or_insert_with(|| {
            types.push(t);
            (types.len() - 1) as u32
        })
    }

    fn type_at(&self, index: u32) -> Option<TypeHandle> {
        let g = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        g.1.get(index as usize).copied()
    }
}

use crate::thread::ThreadStaticBlock;

/// `Helper::ThreadStaticBase(thread, index)`: the calling thread's block of
/// thread statics `index`, made on first use.
pub(crate) extern "C" fn thread_static_base(thread: &mut Thread, index: u32) -> *mut u8 {
    super::guard(thread, std::ptr::null_mut(), |thread| {
        let i = index as usize;
        if let Some(Some(b)) = thread.thread_static_blocks.get_mut(i) {
            return b.data.as_mut_ptr() as *mut u8;
        }
        let Some(owner) = thread.runtime().thread_statics.type_at(index) else {
            thread.raise_fatal(super::RuntimeError::Internal(format!(
                "no type has thread-static index {index}"
            )));
            return std::ptr::null_mut();
        };
        let words = owner.statics.data.len().max(1);
        if thread.thread_static_blocks.len() <= i {
            thread.thread_static_blocks.resize_with(i + 1, || None);
            thread.thread_static_array.resize(i + 1, 0);
        }
        let mut block = ThreadStaticBlock {
            data: vec![0u64; words].into_boxed_slice(),
            owner,
        };
        let at = block.data.as_mut_ptr() as usize;
        thread.thread_static_blocks[i] = Some(block);
        thread.thread_static_array[i] = at;
        // The JIT's fast path reads the array through these two words.
        thread.thread_statics_ptr = thread.thread_static_array.as_ptr() as usize;
        thread.thread_statics_len = thread.thread_static_array.len();
        at as *mut u8
    })
}
