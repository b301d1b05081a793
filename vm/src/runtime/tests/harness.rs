//! Shared pieces of the runtime's unit tests: compile C# with `mcs`, run a
//! closure against a fresh runtime (in a kernel process of its own) with
//! the program loaded, find its types.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use osprey_kernel::host::{self, ProcessConfig};
use osprey_kernel::ConsoleMode;

use crate::gc::CollectorKind;
use crate::loader::assembly::AssemblyId;
use crate::runtime::{Runtime, RuntimeOptions};
use crate::thread::Thread;
use crate::typesystem::{TypeDefId, TypeHandle};

/// Compiles `source` (a library) with `mcs -unsafe` into a fresh
/// directory of its own and returns the assembly's bytes.
pub(super) fn compile(name: &str, source: &str) -> Vec<u8> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../target/tmp/vm-unit-tests")
        .join(format!("{name}-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cs = dir.join(format!("{name}.cs"));
    let dll = dir.join(format!("{name}.dll"));
    std::fs::write(&cs, source).unwrap();
    let out = Command::new("mcs")
        .args(["-unsafe", "-target:library"])
        .arg(format!("-out:{}", dll.display()))
        .arg(&cs)
        .output()
        .expect("mcs is installed (apt-get install mono-mcs)");
    assert!(
        out.status.success(),
        "mcs failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let bytes = std::fs::read(&dll).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    bytes
}

/// What a test runs inside the kernel process.
pub(super) struct Env<'a> {
    /// The runtime.
    pub rt: &'a Runtime,
    /// The program's assembly.
    pub asm: AssemblyId,
    /// A thread record of the runtime (preemptive).
    pub thread: &'a mut Thread,
}

impl Env<'_> {
    /// The loaded type `namespace.name` (top level) of the program.
    pub fn ty(&self, name: &str) -> TypeHandle {
        let (ns, n) = match name.rfind('.') {
            Some(at) => (&name[..at], &name[at + 1..]),
            None => ("", name),
        };
        let mut loader = self.rt.loader();
        let rid = loader
            .find_type(self.asm, ns, n)
            .unwrap()
            .unwrap_or_else(|| panic!("no type {name}"));
        loader
            .load_type_def(TypeDefId {
                assembly: self.asm,
                rid,
            })
            .unwrap_or_else(|e| panic!("loading {name}: {e}"))
    }
}

/// Runs `test` against a new runtime (generational collector unless
/// `kind` says otherwise, no stress) with `bytes` loaded. A panic inside
/// fails the calling test with its message.
pub(super) fn with_runtime(
    name: &str,
    bytes: Vec<u8>,
    kind: CollectorKind,
    test: impl FnOnce(Env<'_>) + Send + 'static,
) {
    let config = ProcessConfig {
        name: name.into(),
        console: ConsoleMode::Capture,
        ..ProcessConfig::default()
    };
    let name = name.to_string();
    let handle = host::spawn(config, move || {
        let mut options = RuntimeOptions::default();
        options.gc.kind = kind;
        options.gc_kind_set = true;
        let rt = Runtime::new(options).expect("runtime");
        let asm = rt.load_assembly(bytes, &name).expect("load");
        let mut thread = rt.new_thread();
        test(Env {
            rt: &rt,
            asm,
            thread: &mut thread,
        });
        0
    })
    .expect("spawn");
    let exit = handle.join();
    if let osprey_kernel::ExitReason::Panicked(msg) = exit.reason {
        panic!("{msg}");
    }
    assert_eq!(exit.exit_code, 0);
}
