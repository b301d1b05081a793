//! The code heap: where generated code lives.
//!
//! One large region is reserved from the kernel up front (read-write-execute,
//! committed as it fills), so that every address in it is within ±2 GiB of
//! every other and code can use `rel32` calls and `rip`-relative data:
//!
//! ```text
//!   [ data page | precodes (16 bytes each) ... | stubs and methods ...      ]
//!     trap flag
//! ```
//!
//! Code never moves once published, and publishing never changes the
//! protection of running code. Method code is assembled by the JIT for the
//! address [`CodeHeap::method_base`] returns and then copied there by
//! [`CodeHeap::publish`]; compilation is serialized by the loader lock, and
//! precodes (which the loader creates *during* compilation) have their own
//! area, so the base cannot move between the two calls.
//!
//! The heap also maps code addresses back to methods ([`CodeHeap::find`]),
//! which stack walks, stack traces and the GC use.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Mutex, RwLock};

use std::sync::Arc;

use osprey_jit::{CodeMap, GcInfo, NativeEhClause};
use osprey_kernel::Protection;

use crate::typesystem::MethodHandle;
use osprey_kernel::client::{Os, OsError};

/// Bytes reserved for the whole heap.
const RESERVE: usize = 512 << 20;
/// Bytes of the data page at the start.
const DATA_PAGE: usize = 4096;
/// Bytes set aside for precodes.
const PRECODE_AREA: usize = 64 << 20;
/// Size of one precode.
pub const PRECODE_SIZE: usize = 16;
/// Commit granularity.
const COMMIT_STEP: usize = 1 << 20;

/// Opens the perf map (`/tmp/perf-PID.map`, the format `perf report`
/// reads for JIT code, PID the host process id) when `OSPREY_PERF_MAP` is
/// set to anything but `0`; `None` otherwise or when it cannot be created
/// (a diagnostic only: the program runs the same without it).
fn open_perf_map(os: &Os) -> Option<Mutex<std::fs::File>> {
    let wanted = os
        .environment_variable("OSPREY_PERF_MAP")
        .ok()
        .flatten()
        .is_some_and(|v| v.trim() != "0");
    if !wanted {
        return None;
    }
    let path = format!("/tmp/perf-{}.map", std::process::id());
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .ok()
        .map(Mutex::new)
}

/// Appends `START LEN NAME` (hexadecimal, as perf expects) for one range;
/// optimized methods are marked `[opt]`.
fn write_perf_map_line(map: &Mutex<std::fs::File>, start: usize, len: usize, kind: &CodeKind) {
    use std::io::Write;
    let name = match kind {
        CodeKind::Method(m) if m.gc_info.tracked => format!("{} [opt]", m.method.full_name()),
        CodeKind::Method(m) => m.method.full_name(),
        CodeKind::Stub(name) => format!("stub {name}"),
    };
    let mut f = map.lock().unwrap_or_else(|p| p.into_inner());
    let _ = writeln!(f, "{start:x} {len:x} {name}");
}

/// What a range of code is.
#[derive(Clone, Debug)]
pub enum CodeKind {
    /// A JIT-compiled method.
    Method(Arc<MethodCode>),
    /// A runtime stub (named, for diagnostics).
    Stub(&'static str),
}

/// What the runtime knows about one JIT-compiled method's code: what the
/// stack walker, exception dispatch, stack traces and the GC ask.
#[derive(Debug)]
pub struct MethodCode {
    /// The method.
    pub method: MethodHandle,
    /// Address of the first byte.
    pub start: usize,
    /// Length in bytes.
    // Read by nothing since the code map keeps its own ranges; removing it
    // means editing its constructor in runtime/compile.rs, which the tiering
    // work owns this round.
    #[allow(dead_code)]
    pub len: usize,
    /// Which frame slots hold references.
    pub gc_info: GcInfo,
    /// Native offsets back to IL offsets.
    pub code_map: CodeMap,
    /// Exception-handling clauses, innermost first.
    pub eh: Vec<NativeEhClause>,
    /// Where the method saves its stack pointer after `localloc`, if it
    /// has handlers and uses `localloc`.
    pub sp_slot: Option<i32>,
}

impl MethodCode {
    /// The IL offset of the instruction that made the call returning to
    /// `return_address` (or that raised an exception from there).
    pub fn il_offset_of_return(&self, return_address: usize) -> Option<u32> {
        let native = u32::try_from(return_address.checked_sub(self.start)?).ok()?;
        self.code_map.il_offset_of_return(native)
    }

    /// Whether code returning to `return_address` runs a filter of this
    /// method as a funclet (called by the exception dispatcher on top of the
    /// stack, with the method's frame pointer).
    pub fn is_funclet(&self, return_address: usize) -> bool {
        match self.il_offset_of_return(return_address) {
            Some(il) => self.eh.iter().any(|c| c.clause.in_filter(il)),
            None => false,
        }
    }

    /// The stack pointer the method body runs with, for the frame whose
    /// frame pointer is `fp`: where a handler resumes.
    ///
    /// # Safety
    /// `fp` must be the frame pointer of a live activation of this method.
    pub unsafe fn body_sp(&self, fp: usize) -> usize {
        if let Some(slot) = self.sp_slot {
            // SAFETY: the slot lies in the live frame (caller's contract).
            let saved = unsafe { *((fp as isize + slot as isize) as *const usize) };
            if saved != 0 {
                return saved;
            }
        }
        fp - self.gc_info.frame_size as usize
    }
}

/// A published range of code.
#[derive(Clone, Debug)]
pub struct CodeRange {
    /// First byte.
    pub start: usize,
    /// Length in bytes.
    pub len: usize,
    /// What it is.
    pub kind: CodeKind,
}

struct Area {
    /// Next free byte.
    top: usize,
    /// End of the committed part of the area.
    committed: usize,
    /// End of the area.
    end: usize,
}

struct State {
    precodes: Area,
    code: Area,
}

/// The runtime-wide data at the start of the code heap.
#[repr(C)]
pub struct Globals {
    /// Non-zero while a GC or suspension is pending: safepoint polls and
    /// returning QCalls test it.
    pub trap: AtomicU32,
}

/// The code heap of one runtime.
pub struct CodeHeap {
    os: Os,
    base: usize,
    state: Mutex<State>,
    ranges: RwLock<Vec<CodeRange>>,
    /// `/tmp/perf-PID.map`, when `OSPREY_PERF_MAP=1` asked for it: one
    /// line per published range, so `perf report` names JIT-compiled code.
    perf_map: Option<Mutex<std::fs::File>>,
}

// SAFETY: the raw region is only written under `state`'s lock (allocation,
// publication) or through atomic stores (precode patching, globals).
unsafe impl Send for CodeHeap {}
// SAFETY: as above.
unsafe impl Sync for CodeHeap {}

/// Why code could not be placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeHeapError {
    /// The kernel refused memory.
    Os(OsError),
    /// The reserved region is full.
    Full,
    /// Code was assembled for a different address than it was published at
    /// (an internal error).
    Moved,
}

impl std::fmt::Display for CodeHeapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodeHeapError::Os(e) => write!(f, "{e}"),
            CodeHeapError::Full => f.write_str("the code heap is full"),
            CodeHeapError::Moved => f.write_str("code was assembled for another address"),
        }
    }
}

/// [`CodeHeap::try_find`] found the range table locked by a writer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableBusy;

impl CodeHeap {
    /// Reserves the region and commits the data page.
    pub fn new(os: Os) -> Result<CodeHeap, CodeHeapError> {
        let base = os.reserve(RESERVE).map_err(CodeHeapError::Os)? as usize;
        // The data page and the first precodes.
        os.commit(base as *mut u8, COMMIT_STEP, Protection::ReadWriteExecute)
            .map_err(CodeHeapError::Os)?;
        let code_start = base + DATA_PAGE + PRECODE_AREA;
        Ok(CodeHeap {
            os,
            base,
            state: Mutex::new(State {
                precodes: Area {
                    top: base + DATA_PAGE,
                    committed: base + COMMIT_STEP,
                    end: code_start,
                },
                code: Area {
                    top: code_start,
                    committed: code_start,
                    end: base + RESERVE,
                },
            }),
            ranges: RwLock::new(Vec::new()),
            perf_map: open_perf_map(&os),
        })
    }

    /// The runtime globals in the data page.
    pub fn globals(&self) -> &Globals {
        // SAFETY: the data page is committed, zeroed, aligned, and lives as
        // long as `self`; Globals holds only atomics.
        unsafe { &*(self.base as *const Globals) }
    }

    /// Allocates `N` bytes (rounded up to 16) in the precode area (stubs and
    /// data cells that code reaches `rip`-relative), filled with `make(address)`:
    /// the bytes are built under the heap's lock, from their final address.
    fn alloc_small<const N: usize>(
        &self,
        make: impl FnOnce(usize) -> [u8; N],
    ) -> Result<usize, CodeHeapError> {
        let size = N.next_multiple_of(PRECODE_SIZE);
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let at = st.precodes.top;
        if at + size > st.precodes.end {
            return Err(CodeHeapError::Full);
        }
        commit_area(&self.os, &mut st.precodes, at + size)?;
        st.precodes.top += size;
        let bytes = make(at);
        // SAFETY: [at, at+size) is committed, inside the precode area, and
        // allocated to this caller alone; nothing executes or reads it yet.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), at as *mut u8, N) };
        Ok(at)
    }

    /// Creates a precode for the method descriptor at `method`: it loads the
    /// descriptor into R10 and jumps to `prestub`.
    pub fn alloc_precode(&self, method: usize, prestub: usize) -> Result<usize, CodeHeapError> {
        self.alloc_small(|at| {
            let mut bytes = [0xCCu8; PRECODE_SIZE];
            bytes[0] = 0x49; // mov r10, imm64
            bytes[1] = 0xBA;
            bytes[2..10].copy_from_slice(&(method as u64).to_le_bytes());
            bytes[10] = 0xE9; // jmp rel32
            let rel = prestub as i64 - (at as i64 + 15);
            bytes[11..15].copy_from_slice(&(rel as i32).to_le_bytes());
            bytes
        })
    }

    /// Creates an unboxing stub: adds 8 to `this` (RCX, or RDX when the
    /// method has a hidden return buffer) so that it points at the value
    /// inside a boxed value type, and jumps to `target` (the method's precode).
    pub fn alloc_unboxing_stub(
        &self,
        target: usize,
        this_in_rdx: bool,
    ) -> Result<usize, CodeHeapError> {
        self.alloc_small(|at| {
            let mut bytes = [0xCCu8; PRECODE_SIZE];
            bytes[..4].copy_from_slice(if this_in_rdx {
                &[0x48, 0x83, 0xC2, 0x08]
            } else {
                &[0x48, 0x83, 0xC1, 0x08]
            });
            bytes[4] = 0xE9; // jmp rel32
            let rel = target as i64 - (at as i64 + 9);
            bytes[5..9].copy_from_slice(&(rel as i32).to_le_bytes());
            bytes
        })
    }

    /// Creates an instantiating stub: `mov r8, context; jmp target`. It
    /// stands in front of shared generic code for one instantiation,
    /// passing its generic context (a method table or method descriptor)
    /// the way the code expects it (docs/generics.md).
    pub fn alloc_instantiating_stub(
        &self,
        context: usize,
        target: usize,
    ) -> Result<usize, CodeHeapError> {
        self.alloc_small(|at| {
            let mut bytes = [0xCCu8; PRECODE_SIZE];
            bytes[0] = 0x49; // mov r8, imm64
            bytes[1] = 0xB8;
            bytes[2..10].copy_from_slice(&(context as u64).to_le_bytes());
            bytes[10] = 0xE9; // jmp rel32
            let rel = target as i64 - (at as i64 + 15);
            bytes[11..15].copy_from_slice(&(rel as i32).to_le_bytes());
            bytes
        })
    }

    /// Allocates a zeroed 32-byte data cell near the code (interface-call
    /// inline caches: read and written by generated code and the runtime).
    pub fn alloc_data_cell(&self) -> Result<usize, CodeHeapError> {
        self.alloc_small(|_| [0u8; 32])
    }

    /// Rewrites a precode into a jump to `target` (after its method is compiled).
    pub fn patch_precode(&self, precode: usize, target: usize) {
        let rel = target as i64 - (precode as i64 + 5);
        let mut word = [0xCCu8; 8];
        word[0] = 0xE9;
        word[1..5].copy_from_slice(&(rel as i32).to_le_bytes());
        // SAFETY: precodes are 16-byte aligned and live in the committed
        // precode area; an aligned 8-byte atomic store means a thread running
        // the precode sees either the old `mov r10` prefix (and goes through
        // the prestub, which finds the method compiled) or the new jump.
        unsafe {
            (*(precode as *const AtomicU64)).store(u64::from_le_bytes(word), Ordering::Release)
        };
    }

    /// The address the next method's code will be published at (16-byte aligned).
    pub fn method_base(&self) -> usize {
        let st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        st.code.top.next_multiple_of(16)
    }

    /// Copies code assembled for `base` into the heap and records it.
    pub fn publish(
        &self,
        base: usize,
        code: &[u8],
        kind: CodeKind,
    ) -> Result<usize, CodeHeapError> {
        let mut st = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if base != st.code.top.next_multiple_of(16) {
            return Err(CodeHeapError::Moved);
        }
        let end = base + code.len();
        if end > st.code.end {
            return Err(CodeHeapError::Full);
        }
        commit_area(&self.os, &mut st.code, end)?;
        // SAFETY: [base, end) is committed, inside the code area, above every
        // published range (so no running code is overwritten), and reserved
        // for this code by the lock we hold.
        unsafe { std::ptr::copy_nonoverlapping(code.as_ptr(), base as *mut u8, code.len()) };
        st.code.top = end;
        drop(st);
        if let Some(map) = &self.perf_map {
            write_perf_map_line(map, base, code.len(), &kind);
        }
        let mut ranges = self.ranges.write().unwrap_or_else(|p| p.into_inner());
        ranges.push(CodeRange {
            start: base,
            len: code.len(),
            kind,
        });
        Ok(base)
    }

    /// The JIT-compiled method whose code contains `ip`, if any.
    pub fn method_code(&self, ip: usize) -> Option<Arc<MethodCode>> {
        let ranges = self.ranges.read().unwrap_or_else(|p| p.into_inner());
        let i = ranges.partition_point(|r| r.start <= ip);
        let r = ranges.get(i.checked_sub(1)?)?;
        match &r.kind {
            CodeKind::Method(code) if ip < r.start + r.len => Some(code.clone()),
            _ => None,
        }
    }

    /// [`CodeHeap::find`] without waiting: [`TableBusy`] if the table is
    /// being written (a fault handler, in signal context, must not block on
    /// a lock its own thread may hold).
    pub fn try_find(&self, ip: usize) -> Result<Option<CodeRange>, TableBusy> {
        let ranges = self.ranges.try_read().map_err(|_| TableBusy)?;
        let i = ranges.partition_point(|r| r.start <= ip);
        Ok(i.checked_sub(1)
            .and_then(|i| ranges.get(i))
            .filter(|r| ip < r.start + r.len)
            .cloned())
    }

    /// The range containing `ip`, if it is generated code.
    pub fn find(&self, ip: usize) -> Option<CodeRange> {
        let ranges = self.ranges.read().unwrap_or_else(|p| p.into_inner());
        // Ranges are appended in increasing address order.
        let i = ranges.partition_point(|r| r.start <= ip);
        let r = ranges.get(i.checked_sub(1)?)?;
        (ip < r.start + r.len).then(|| r.clone())
    }
}

/// Commits `area` up to `upto`, in steps of [`COMMIT_STEP`]. The precode
/// and code areas commit independently, so neither pays for the other.
fn commit_area(os: &Os, area: &mut Area, upto: usize) -> Result<(), CodeHeapError> {
    if upto <= area.committed {
        return Ok(());
    }
    let new_end =
        (area.committed + (upto - area.committed).next_multiple_of(COMMIT_STEP)).min(area.end);
    os.commit(
        area.committed as *mut u8,
        new_end - area.committed,
        Protection::ReadWriteExecute,
    )
    .map_err(CodeHeapError::Os)?;
    area.committed = new_end;
    Ok(())
}

impl Drop for CodeHeap {
    fn drop(&mut self) {
        // SAFETY: nothing can run here any more: the runtime drops the
        // heap last, after its finalizer thread has been joined.
        let _ = unsafe { self.os.free(self.base as *mut u8, RESERVE) };
    }
}
