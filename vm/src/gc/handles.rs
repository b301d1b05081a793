//! GC handles: a table of object slots the collector treats as roots
//! (strong, pinned) or clears when their target dies (weak). Managed code
//! holds them as `GCHandle`s; native code holds strong ones as
//! [`crate::handles::ObjectHandle`]s (kind [`HandleKind::Runtime`], which
//! managed code can neither read nor free). A handle's value is its
//! index + 1, so 0 is never a valid handle.

/// The kind of a handle (the values of `System.Runtime.InteropServices.GCHandleType`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum HandleKind {
    /// Cleared when the target is unreachable, before finalization.
    Weak = 0,
    /// Cleared when the target is unreachable after finalization (it
    /// tracks a resurrected object).
    WeakTrackResurrection = 1,
    /// A strong root.
    Normal = 2,
    /// A strong root whose target does not move.
    Pinned = 3,
    /// A strong root held by native code (`ObjectHandle`); not a
    /// `GCHandleType`, so `GCHandle` operations reject it.
    Runtime = 4,
    /// A weak handle held by native code, cleared like
    /// [`HandleKind::WeakTrackResurrection`] (`WeakObjectHandle`: a sync
    /// block's object); `GCHandle` operations reject it too.
    RuntimeWeak = 5,
}

impl HandleKind {
    /// Whether native code owns handles of this kind (managed code cannot
    /// reach them).
    pub fn is_runtime(self) -> bool {
        matches!(self, HandleKind::Runtime | HandleKind::RuntimeWeak)
    }
}

impl HandleKind {
    /// From `GCHandleType`'s value.
    pub fn from_i32(v: i32) -> Option<HandleKind> {
        Some(match v {
            0 => HandleKind::Weak,
            1 => HandleKind::WeakTrackResurrection,
            2 => HandleKind::Normal,
            3 => HandleKind::Pinned,
            _ => return None,
        })
    }
}

/// Why a handle operation failed.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum HandleError {
    /// The value is not a live handle.
    Invalid,
}

/// The handle table.
#[derive(Default)]
pub struct HandleTable {
    entries: Vec<(usize, Option<HandleKind>)>,
    free: Vec<usize>,
}

impl HandleTable {
    /// A new handle of `kind` for `obj` (an object reference or 0).
    pub fn alloc(&mut self, obj: usize, kind: HandleKind) -> usize {
        let i = match self.free.pop() {
            Some(i) => {
                self.entries[i] = (obj, Some(kind));
                i
            }
            None => {
                self.entries.push((obj, Some(kind)));
                self.entries.len() - 1
            }
        };
        i + 1
    }

    /// The entry of a live handle: of a native code's kind
    /// ([`HandleKind::is_runtime`]) when `runtime`, of any other kind
    /// otherwise (managed code passes any value; it must not reach native
    /// code's handles).
    fn index_of(&self, handle: usize, runtime: bool) -> Result<usize, HandleError> {
        let i = handle.checked_sub(1).ok_or(HandleError::Invalid)?;
        match self.entries.get(i) {
            Some((_, Some(k))) if k.is_runtime() == runtime => Ok(i),
            _ => Err(HandleError::Invalid),
        }
    }

    fn index(&self, handle: usize) -> Result<usize, HandleError> {
        self.index_of(handle, false)
    }

    fn release(&mut self, i: usize) {
        self.entries[i] = (0, None);
        self.free.push(i);
    }

    /// Frees a handle.
    pub fn free(&mut self, handle: usize) -> Result<(), HandleError> {
        let i = self.index(handle)?;
        self.release(i);
        Ok(())
    }

    /// The target of a native code's handle (kind [`HandleKind::Runtime`]
    /// or [`HandleKind::RuntimeWeak`]; 0 once a weak one is cleared).
    pub fn get_runtime(&self, handle: usize) -> Result<usize, HandleError> {
        Ok(self.entries[self.index_of(handle, true)?].0)
    }

    /// Sets the target of a native code's handle.
    pub fn set_runtime(&mut self, handle: usize, obj: usize) {
        if let Ok(i) = self.index_of(handle, true) {
            self.entries[i].0 = obj;
        }
    }

    /// Frees a native code's handle.
    pub fn free_runtime(&mut self, handle: usize) -> Result<(), HandleError> {
        let i = self.index_of(handle, true)?;
        self.release(i);
        Ok(())
    }

    /// The target of a handle (0 if cleared).
    pub fn get(&self, handle: usize) -> Result<usize, HandleError> {
        Ok(self.entries[self.index(handle)?].0)
    }

    /// The kind of a handle.
    pub fn kind(&self, handle: usize) -> Result<HandleKind, HandleError> {
        self.entries[self.index(handle)?]
            .1
            .ok_or(HandleError::Invalid)
    }

    /// Sets the target of a handle.
    pub fn set(&mut self, handle: usize, obj: usize) -> Result<(), HandleError> {
        let i = self.index(handle)?;
        self.entries[i].0 = obj;
        Ok(())
    }

    /// Every live handle's slot and kind (for the collector).
    pub fn slots_mut(&mut self) -> impl Iterator<Item = (*mut usize, HandleKind)> + '_ {
        self.entries
            .iter_mut()
            .filter_map(|(o, k)| k.map(|k| (o as *mut usize, k)))
    }
}
