//! Helpers for the VM's integration tests: compile C# with mcs, run it in a
//! kernel process with a captured console.

#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;

use osprey_kernel::host::{self, ProcessConfig, ProcessExit};
use osprey_kernel::ConsoleMode;
use osprey_vm::{Runtime, RuntimeOptions};

/// Compiles `source` to an exe named `name`; against Mono's mscorlib, or
/// against Osprey's corelib itself when `against_corelib` (to reach types
/// only corelib has, such as `Osprey.TransitionProbe`).
pub fn compile(name: &str, source: &str, against_corelib: bool) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("vm-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let cs = dir.join(format!("{name}.cs"));
    let exe = dir.join(format!("{name}.exe"));
    std::fs::write(&cs, source).unwrap();
    let mut cmd = Command::new("mcs");
    cmd.arg("-unsafe");
    if against_corelib {
        cmd.arg("-nostdlib")
            .arg(format!("-r:{}", osprey_corelib::CORELIB_DLL_PATH));
    }
    let out = cmd
        .arg(format!("-out:{}", exe.display()))
        .arg(&cs)
        .output()
        .expect("mcs is installed (apt-get install mono-mcs)");
    assert!(
        out.status.success(),
        "mcs failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::read(exe).unwrap()
}

/// What a program did.
pub struct Outcome {
    /// Main's exit code, or 1 if the runtime reported an error.
    pub exit_code: i32,
    /// Captured stdout.
    pub stdout: String,
    /// The panic message, if the process's main panicked.
    pub panic: Option<String>,
    /// The runtime's error, if Main did not complete.
    pub error: Option<String>,
}

impl Outcome {
    /// Fails the test if the process panicked (an assertion inside
    /// [`run_with`]'s callback, or a runtime bug).
    pub fn check_no_panic(&self) {
        assert!(
            self.panic.is_none(),
            "the process panicked: {}",
            self.panic.as_deref().unwrap_or("")
        );
    }
}

/// Runs `bytes` in a new kernel process (captured console) and runtime.
pub fn run(name: &str, bytes: Vec<u8>, args: &[&str]) -> Outcome {
    run_with(name, bytes, args, |_, _| {})
}

/// Like [`run`], calling `after(runtime, thread)` in the process after Main.
pub fn run_with(
    name: &str,
    bytes: Vec<u8>,
    args: &[&str],
    after: impl FnOnce(&Runtime, &mut osprey_vm::Thread) + Send + 'static,
) -> Outcome {
    let config = ProcessConfig {
        name: name.into(),
        args: args.iter().map(|s| s.to_string()).collect(),
        console: ConsoleMode::Capture,
        stack_size: 0,
        ..ProcessConfig::default()
    };
    let name = name.to_string();
    let error = std::sync::Arc::new(std::sync::Mutex::new(None));
    let error2 = error.clone();
    let handle = host::spawn(config, move || {
        let rt = Runtime::new(RuntimeOptions::default()).expect("runtime");
        let asm = rt.load_assembly(bytes, &name).expect("load");
        let args = osprey_kernel::client::Os::resolve()
            .unwrap()
            .startup_args()
            .unwrap();
        let mut thread = rt.new_thread();
        let code = match rt.run_main(&mut thread, asm, &args) {
            Ok(c) => c,
            Err(e) => {
                *error2.lock().unwrap() = Some(e.to_string());
                1
            }
        };
        after(&rt, &mut thread);
        code
    })
    .expect("spawn");
    let exit: ProcessExit = handle.join();
    let error = error.lock().unwrap().take();
    let panic = match exit.reason {
        osprey_kernel::ExitReason::Panicked(msg) => Some(msg),
        _ => None,
    };
    let outcome = Outcome {
        exit_code: exit.exit_code,
        stdout: String::from_utf8(exit.stdout).unwrap(),
        panic,
        error,
    };
    outcome.check_no_panic();
    outcome
}
