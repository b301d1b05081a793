//! osprey-jit: compiles CIL to x86-64.
//!
//! The JIT is a pipeline of small stages, each in its own module:
//!
//! 1. [`import`]: decode the IL, find basic blocks, resolve tokens through the
//!    [`JitHost`], compute the kind of every evaluation-stack value, and turn
//!    each instruction into a typed [`ops::Op`] ([`opdump`] prints them:
//!    `osprey run --import-dump`, the importer's golden filetests).
//! 2. [`frame`]: lay out the frame (argument homes, locals, one slot per
//!    evaluation-stack depth and slot class) and derive the GC info.
//! 3. [`codegen`]: emit x86-64 with dynasm, one op at a time, keeping
//!    constants and local loads deferred and the top of the stack in a
//!    register where that avoids memory traffic.
//! 4. finish: resolve labels at the final address and return the code, its
//!    GC info and its IL-to-native map.
//!
//! `pipeline` (jit/src/pipeline.rs) runs the stages in order (and the optimizing tier's, in
//! [`opt`]); debug builds check each stage's output before the next stage
//! reads it ([`checks`]).
//!
//! The JIT knows the runtime only through [`JitHost`] (the analogue of
//! CoreCLR's JIT-EE interface): it never touches method tables or the heap.
//! See docs/jit.md for the calling convention and the code shapes.

// dynasm expands register operands such as `Rq(r)` to `r.into()`, which
// clippy reports for every `u8` register variable.
pub mod checks;
#[allow(clippy::useless_conversion)]
mod codegen;
pub mod disasm;
pub mod eh;
mod error;
mod flags;
mod frame;
pub mod gcinfo;
pub mod host;
mod import;
mod opcode_types;
pub mod opdump;
pub mod ops;
pub mod opt;
mod pipeline;
pub mod types;
pub mod verify;
// dynasm expands register operands such as `Rq(r)` to `r.into()`, which
// clippy reports for every `u8` register variable.
#[allow(clippy::useless_conversion)]
mod x64;

pub use eh::{CodeMap, EhClause, EhKind, NativeEhClause, OutOfLine};
pub use error::{InvalidIl, JitError};
pub use gcinfo::{GcInfo, GcLive, GcLoc, GcSafepoint, GcSlot, GcSlotKind};
pub use host::*;
pub use opt::{DeclineReason, OptError};
pub use types::{JitType, StackKind};

/// A local variable of the method being compiled.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct LocalVar {
    /// Its type.
    pub ty: JitType,
    /// Declared `pinned` (the target of a `fixed` statement).
    pub pinned: bool,
}

/// Everything the JIT needs to know about the method it compiles.
#[derive(Clone, Debug)]
pub struct MethodInput<'a> {
    /// The CIL code.
    pub il: &'a [u8],
    /// Argument types, `this` first for instance methods (`Ref` for classes,
    /// `ByRef` for value types).
    pub args: Vec<JitType>,
    /// Local variables.
    pub locals: Vec<LocalVar>,
    /// Return type (`JitType::Void` for none).
    pub ret: JitType,
    /// A class-initialization check to make on entry (static methods and
    /// constructors of classes with precise static-constructor semantics).
    pub class_init: Option<ClassInitCheck>,
    /// The same check in shared generic code: a runtime lookup whose slow
    /// path runs the exact class's static constructor.
    pub class_init_lookup: Option<RuntimeLookup>,
    /// Exception-handling clauses, nested before enclosing (ECMA-335 order).
    pub eh: Vec<EhClause>,
    /// For shared generic code: where the generic context comes from (the
    /// prologue saves it for runtime lookups). `None` for other code.
    pub generic_context: Option<GenericContextSource>,
    /// Tiered compilation: the baseline tier counts the method's calls in
    /// this cell and calls [`Helper::TierUp`] when the count reaches zero.
    /// Ignored by the optimizing tier.
    pub call_counter: Option<CallCounter>,
}

/// A call counter of tiered compilation (docs/jit.md, "Tiers").
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CallCounter {
    /// Address of a 32-bit counter, decremented on every call.
    pub cell: usize,
    /// The method, passed to [`Helper::TierUp`].
    pub method: MethodHandle,
}

/// The result of compiling one method.
#[derive(Clone, Debug)]
pub struct CompiledMethod {
    /// Machine code, valid only at the base address it was compiled for.
    pub code: Vec<u8>,
    /// GC information.
    pub gc_info: GcInfo,
    /// Native offset → IL offset, for exception dispatch and stack traces.
    pub code_map: CodeMap,
    /// The exception-handling clauses as compiled, in the input's order.
    pub eh: Vec<NativeEhClause>,
    /// Where the method keeps its stack pointer after a `localloc` (0 until
    /// the first one), when it has both `localloc` and handlers: a handler
    /// must resume with the stack pointer the method body had.
    pub sp_slot: Option<i32>,
    /// Bytes of stack arguments the method pops on return.
    pub stack_arg_bytes: u32,
    /// The `call rel32` instructions to managed callees whose target the
    /// runtime may redirect (docs/jit.md, "Direct calls"): the optimizing
    /// tier records each, with its displacement inside one cache line so
    /// that one atomic store retargets it. Empty for baseline code.
    pub call_sites: Vec<CallSite>,
}

/// A `call rel32` of compiled code that the runtime may retarget.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct CallSite {
    /// Code offset of the 32-bit displacement (whose 4 bytes do not cross
    /// a 64-byte line once the code is at its base address).
    pub offset: u32,
    /// The address the call targets as compiled (the callee's code or its
    /// precode).
    pub target: usize,
}

/// A callee the optimizing tier may inline (docs/jit.md, "Inlining"): its
/// signature and locals and its IL as the importer typed it (the importer
/// stays the one place that decodes IL). Made by [`import_inlinee`], for
/// [`JitHost::inlinee`].
#[derive(Debug)]
pub struct Inlinee {
    pub(crate) args: Vec<JitType>,
    pub(crate) locals: Vec<JitType>,
    pub(crate) ret: JitType,
    pub(crate) imported: import::Imported,
}

/// Imports `method` (through `host`, whose context is `method`'s own) as an
/// inline candidate. Whether the optimizing tier inlines it depends on
/// what the body does (the rules in `opt/build/inline.rs`).
pub fn import_inlinee(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
) -> Result<Inlinee, JitError> {
    let imported = import::import(host, method)?;
    Ok(Inlinee {
        args: method.args.clone(),
        locals: method.locals.iter().map(|l| l.ty).collect(),
        ret: method.ret,
        imported,
    })
}

/// Imports `method` without generating code: decodes and types its IL and,
/// when the host verifies it, verifies it. What the runtime runs on the
/// exact instantiations of a generic method before letting them share code
/// compiled once for all of them (docs/verification.md).
pub fn check(host: &mut dyn JitHost, method: &MethodInput<'_>) -> Result<(), JitError> {
    pipeline::import(host, method).map(|_| ())
}

/// Compiles `method` into code that will run at `base_address`.
///
/// The code uses `rip`-relative and `rel32` references, so it must be copied
/// to exactly `base_address` before it runs.
pub fn compile(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    base_address: usize,
) -> Result<CompiledMethod, JitError> {
    let imported = pipeline::import(host, method)?;
    pipeline::baseline(host, method, &imported, base_address)
}

/// The two compilers (docs/jit.md, "Tiers").
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tier {
    /// The one-pass baseline: fast to compile, every value in memory.
    Baseline,
    /// The optimizing tier: SSA IR, optimizations, register allocation.
    Optimizing,
}

/// What [`compile_tier`] produced.
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The code.
    pub method: CompiledMethod,
    /// The tier that compiled it.
    pub tier: Tier,
    /// Why the optimizing tier declined, when it was asked and did.
    pub declined: Option<OptError>,
}

/// Which tier [`compile_tier`] should use.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TierRequest {
    /// The baseline tier.
    Baseline,
    /// The optimizing tier (the baseline for what it declines).
    Optimizing,
    /// The optimizing tier if the method has a loop (a backward branch),
    /// else the baseline: tiered compilation's first compilation, since a
    /// method called once may run its loop for long (CoreCLR's
    /// `TieredCompilation.QuickJitForLoops=false`).
    OptimizingIfLoops,
}

/// Compiles `method` as `request` asks. The optimizing tier declines what
/// it does not handle; the baseline then compiles the method as
/// [`compile`] would.
pub fn compile_tier(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    base_address: usize,
    request: TierRequest,
) -> Result<Compiled, JitError> {
    let imported = pipeline::import(host, method)?;
    let mut declined = None;
    let tier = match request {
        TierRequest::Baseline => Tier::Baseline,
        TierRequest::Optimizing => Tier::Optimizing,
        TierRequest::OptimizingIfLoops if imported.loop_heads.is_empty() => Tier::Baseline,
        TierRequest::OptimizingIfLoops => Tier::Optimizing,
    };
    if tier == Tier::Optimizing {
        match pipeline::optimizing(host, method, &imported, base_address) {
            Ok(m) => {
                return Ok(Compiled {
                    method: m,
                    tier,
                    declined: None,
                })
            }
            Err(OptError::Jit(e)) => return Err(e),
            Err(e) => declined = Some(e),
        }
    }
    let m = pipeline::baseline(host, method, &imported, base_address)?;
    Ok(Compiled {
        method: m,
        tier: Tier::Baseline,
        declined,
    })
}

/// Compiles `method` with the optimizing tier only (tiering up a hot
/// method): [`OptError::Declined`] when the tier does not handle it.
pub fn compile_optimized(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    base_address: usize,
) -> Result<CompiledMethod, OptError> {
    let imported = pipeline::import(host, method).map_err(OptError::Jit)?;
    pipeline::optimizing(host, method, &imported, base_address)
}

/// The optimizing tier's IR of `method` after its passes, as text (golden
/// tests, `--jit-dump`), or why the tier declines it.
pub fn optimized_ir_text(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
) -> Result<String, OptError> {
    let imported = pipeline::import(host, method).map_err(OptError::Jit)?;
    opt::optimized_ir(host, method, &imported).map(|f| f.display())
}

/// [`compile`], also returning the importer's output for printing
/// ([`opdump::ImportedMethod::listing`]: `osprey run --import-dump`, the
/// importer's golden filetests).
pub fn compile_keeping_import(
    host: &mut dyn JitHost,
    method: &MethodInput<'_>,
    base_address: usize,
) -> Result<(CompiledMethod, opdump::ImportedMethod), JitError> {
    let imported = pipeline::import(host, method)?;
    let compiled = pipeline::baseline(host, method, &imported, base_address)?;
    Ok((compiled, opdump::ImportedMethod { imported }))
}
