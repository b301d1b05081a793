//! osprey-vm: the Osprey runtime.
//!
//! Layers, bottom to top (see docs/architecture.md):
//!
//! * `osprey_kernel::client::Os`: the kernel's ABI table (v4), the VM's
//!   only door to the OS;
//! * [`object`], [`heap`]: the object model and allocation;
//! * [`loader`]: assemblies, runtime types, method descriptors, token
//!   resolution (corelib binding), field layout;
//! * [`codeheap`], [`stubs`]: where code lives and the hand-written
//!   transitions between Rust and JIT-compiled code;
//! * [`fcall`], [`frames`]: corelib's internal calls (QCalls live in the
//!   `osprey-qcall` crate) and the transition frames that make native code
//!   transparent to stack walks;
//! * [`stackwalk`], [`eh`]: the one unwinder (for exception dispatch,
//!   stack traces and the GC) and table-driven exception handling;
//! * [`handles`]: strong handles to objects held by native code;
//! * [`interop`]: P/Invoke (libraries, marshaling, IL stubs) and native
//!   code calling back;
//! * [`sync`]: monitors (thin locks, sync blocks);
//! * [`thread`], [`runtime`]: a runtime instance, its threads, compilation,
//!   JIT helpers and the call-site API;
//! * [`bench`]: the transition benchmarks;
//! * [`cli`]: the `osprey` command.

pub mod bench;
pub mod cli;
pub mod codeheap;
pub mod eh;
pub mod fcall;
pub mod frames;
pub mod gc;
pub mod handles;
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
