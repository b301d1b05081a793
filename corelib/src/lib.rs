//! Osprey's core library: the C# assembly (`corelib.dll`) that defines
//! `System.Object`, the primitive types, `System.String`, `System.Console`,
//! the common exceptions and the attributes the C# compiler needs, like
//! CoreCLR's System.Private.CoreLib.
//!
//! The sources are in `src/cs/`, one file per type, in folders named after
//! namespaces. `build.rs` compiles them with `mcs -nostdlib` at build time;
//! this crate embeds the result. Programs compiled against Mono's mscorlib
//! bind to it by namespace and type name, members by name and signature.
//!
//! What the runtime must provide: the FCalls (methods declared
//! `[MethodImpl(MethodImplOptions.InternalCall)] extern` in the C# sources)
//! and QCalls (`[DllImport("QCall")]`), registered in the VM's `FCALLS` and
//! the qcall crate's `ENTRIES`; vm/tests/internal_calls.rs checks that each
//! is bound (docs/internal-calls.md says how to add one; nothing in this
//! crate needs updating). `README.md` describes the conventions the runtime
//! relies on, the internal calls' contracts and the tests.

/// A byte array aligned for the PE reader (which reads headers in place and
/// needs them naturally aligned; `include_bytes!` alone guarantees nothing).
#[repr(C, align(16))]
struct Aligned<T: ?Sized>(T);

static ALIGNED_DLL: &Aligned<[u8]> =
    &Aligned(*include_bytes!(concat!(env!("OUT_DIR"), "/corelib.dll")));

/// The bytes of `corelib.dll`, the ECMA-335 assembly built from `src/cs/`
/// (16-byte aligned).
pub static CORELIB_DLL: &[u8] = &ALIGNED_DLL.0;

/// Where the build wrote `corelib.dll` (in this crate's `OUT_DIR`), for
/// tools and build scripts that want the file rather than the bytes.
pub const CORELIB_DLL_PATH: &str = concat!(env!("OUT_DIR"), "/corelib.dll");

/// The assembly's simple name, as in its Assembly metadata row. References
/// to `mscorlib`, `System.Runtime`, `netstandard` and the like resolve to
/// this assembly.
pub const ASSEMBLY_NAME: &str = "corelib";
