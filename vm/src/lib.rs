//! osprey-vm: the Osprey runtime.
//!
//! Eight layers, bottom to top (see docs/architecture.md). A module uses only its
//! own layer and the layers below; `vm/tests/layers.rs` reads every
//! `crate::` path and fails on one that points up.
//!
//! * `osprey_kernel::client::Os`: the kernel's ABI table (v5), the VM's
//!   only door to the OS;
//! 1. [`typesystem`]: method tables, type handles, field and method
//!    descriptors, the runtime's view of types;
//! 2. [`object`]: the object layout and `ObjectRef`;
//! 3. [`codeheap`]: where code lives and the map from code addresses back
//!    to methods;
//! 4. [`loader`]: assemblies, runtime types, method descriptors, token
//!    resolution (corelib binding), field layout; native methods bound
//!    through the `NativeBindings` trait the layer above implements;
//! 5. [`gc`]: the collector (heap blocks, the generational and mark-sweep
//!    collectors, handles, finalization queue). It reaches threads, the
//!    stack walker and the finalizer runner only through the
//!    [`gc::GcToRuntime`] trait it defines (CoreCLR's `IGCToCLR`); a thread
//!    record embeds its [`gc::Mutator`];
//! 6. threads: [`thread`] (the thread record, with its exception-dispatch
//!    state and thread-static blocks), [`frames`], [`rooted`],
//!    [`stackwalk`], [`heap`] (allocation), [`sync`] (monitors),
//!    [`error`] (`RuntimeError`): what a thread carries and how its stack
//!    is walked. The record holds its runtime as an opaque pointer, typed
//!    by `Thread::runtime` one layer up;
//! 7. execution: [`runtime`], [`eh`], [`fcall`], [`interop`], [`stubs`]: a
//!    runtime instance, compilation and the call-site API, exception
//!    dispatch, corelib's internal calls (QCalls live in the
//!    `osprey-qcall` crate), P/Invoke, the hand-written transitions;
//! 8. front ends: [`bench`] (the transition benchmarks) and [`cli`] (the
//!    `osprey` command).

pub mod bench;
pub mod cli;
pub mod codeheap;
pub mod eh;
pub mod error;
pub mod fcall;
pub mod frames;
pub mod gc;
pub mod heap;
pub mod interop;
pub mod loader;
pub mod object;
pub mod rooted;
pub mod runtime;
pub mod stackwalk;
// dynasm expands register operands such as `Rq(r)` to `r.into()`.
#[allow(clippy::useless_conversion)]
pub mod stubs;
pub mod sync;
pub mod thread;
pub mod typesystem;

pub use runtime::{Runtime, RuntimeError, RuntimeOptions};
