//! osprey-vm: the Osprey runtime.
//!
//! Eight layers, bottom to top (see docs/architecture.md). A module uses only its
//! own layer and the layers below; `vm/tests/layers.rs` reads every
//! `crate::` path and fails on one that points up.
//!
//! * `osprey_kernel::client::Os`: the kernel's ABI table (v5), the VM's
//!   only door to the OS;
//! 1. `typesystem`: method tables, type handles, field and method
//!    descriptors, the runtime's view of types;
//! 2. `object`: the object layout and `ObjectRef`;
//! 3. `codeheap`: where code lives and the map from code addresses back
//!    to methods;
//! 4. `loader`: assemblies, runtime types, method descriptors, token
//!    resolution (corelib binding), field layout; native methods bound
//!    through the `NativeBindings` trait the layer above implements;
//! 5. `gc`: the collector (heap blocks, the generational and mark-sweep
//!    collectors, handles, finalization queue). It reaches threads, the
//!    stack walker and the finalizer runner only through the
//!    `gc::GcToRuntime` trait it defines (CoreCLR's `IGCToCLR`); a thread
//!    record embeds its `gc::Mutator`;
//! 6. threads: `thread` (the thread record, with its exception-dispatch
//!    state and thread-static blocks), `frames`, `rooted`,
//!    `stackwalk`, `heap` (allocation), `sync` (monitors),
//!    `error` (`RuntimeError`): what a thread carries and how its stack
//!    is walked. The record holds its runtime as an opaque pointer, typed
//!    by `Thread::runtime` one layer up;
//! 7. execution: `runtime`, `eh`, `fcall`, `interop`, `stubs`: a
//!    runtime instance, compilation and the call-site API, exception
//!    dispatch, corelib's internal calls (QCalls live in the
//!    `osprey-qcall` crate), P/Invoke, the hand-written transitions;
//! 8. front ends: [`bench`](mod@bench) (the transition benchmarks) and [`cli`] (the
//!    `osprey` command).
//!
//! What the crate exports: [`cli`] (the `osprey` binary, src/main.rs, calls
//! `cli::main`), [`bench`](mod@bench) (the criterion benches in benches/) and, for the
//! integration tests in vm/tests/, [`Runtime`], [`RuntimeOptions`],
//! [`RuntimeError`], [`Thread`] and the call-site API ([`CallSite`],
//! [`Arg`], [`Value`]). Every module else is `pub(crate)`: its `pub` items
//! are visible inside the crate only.

pub mod bench;
pub mod cli;
pub(crate) mod codeheap;
pub(crate) mod eh;
pub(crate) mod error;
pub(crate) mod fcall;
pub(crate) mod frames;
pub(crate) mod gc;
pub(crate) mod heap;
pub(crate) mod interop;
pub(crate) mod loader;
pub(crate) mod object;
pub(crate) mod rooted;
pub(crate) mod runtime;
pub(crate) mod stackwalk;
// dynasm expands register operands such as `Rq(r)` to `r.into()`.
#[allow(clippy::useless_conversion)]
pub(crate) mod stubs;
pub(crate) mod sync;
pub(crate) mod thread;
pub(crate) mod typesystem;

pub use runtime::{Arg, CallSite, Runtime, RuntimeError, RuntimeOptions, Value};
pub use thread::Thread;
