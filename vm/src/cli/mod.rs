//! The `osprey` command line.
//!
//! ```text
//! osprey run [--jit-dump[=PATTERN]] [--import-dump[=PATTERN]] [--verify] [--against-corelib] [--gc=KIND] [--no-file-access] FILE.exe|FILE.dll|FILE.cs [ARGS...]
//! osprey bench transitions [--calls N] [--runs R] [--format table|csv|json]
//! osprey bench verify FILE [--runs R]
//! osprey proxygen ASSEMBLY INTERFACE [-o FILE.cs]
//! osprey --help
//! osprey --version
//! ```
//!
//! A `.cs` file is compiled with `mcs -debug` into a cache keyed by the
//! source's content and path (reused while it is unchanged), against Mono's
//! mscorlib, or with
//! `--against-corelib` against Osprey's own corelib (written to the cache
//! directory as `corelib-<hash>/corelib.dll`) so that the program can call
//! corelib-only APIs such as a new internal call's wrapper. The program runs in a new kernel
//! process with its own runtime instance; everything after FILE reaches
//! `Main` untouched. Debug information beside the assembly (`FILE.mdb`,
//! which `mcs -debug` writes) gives stack traces files and lines. The exit code is Main's result (`Environment.ExitCode` for `void Main`), 1
//! for errors and unhandled exceptions (as mono does).

mod mcs;
mod proxygen;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use osprey_kernel::host::{self, ProcessConfig};
use osprey_kernel::{ConsoleMode, FileSystemAccess};

use crate::runtime::{Runtime, RuntimeError, RuntimeOptions};
use osprey_kernel::client::Os;

/// The options of `osprey run`, shared by both help texts.
macro_rules! run_options {
    () => {
        "\
Options for run (before FILE; everything after FILE goes to the program):
  --jit-dump[=PATTERN]  print the machine code of the JIT-compiled methods (to
                      stderr), with their IL interleaved; PATTERN selects them:
                      a method name (Fib), Type::Method (Program::Fib), with a
                      signature (Program::Add(int32,int32)), * and ? as
                      wildcards, several separated by commas
  --import-dump[=PATTERN]  print the JIT importer's typed ops of the compiled
                      methods (to stderr); PATTERN as for --jit-dump
  --verify            run verified: every method outside corelib must be verifiable IL
                      (System.Security.VerificationException otherwise), even in
                      assemblies compiled with mcs -unsafe
  --against-corelib   compile FILE.cs against Osprey's corelib instead of Mono's
                      mscorlib (mcs -nostdlib -noconfig -r:<cache>/corelib-<hash>/corelib.dll),
                      to call corelib-only APIs such as a new internal call's wrapper
  --gc=KIND           garbage collector: generational (default) or marksweep
  --gc-heap-limit=SIZE  the most the GC heap may hold (bytes, or with K/M/G,
                      1M to 1024G; default 4G); past it allocation throws
                      OutOfMemoryException
  --no-file-access    start the program's kernel process without file-system
                      access: every file operation throws UnauthorizedAccessException
  -h, --help          show the options of run
"
    };
}

const USAGE: &str = concat!(
    "\
Osprey: a CLR-style managed runtime.

Usage:
  osprey run [OPTIONS] FILE [ARGS...]     run a program (.exe, .dll, or .cs compiled with mcs)
  osprey run --help                        show the options of run
  osprey bench transitions                 measure the costs of managed calls, FCalls, QCalls,
                                           P/Invokes, reverse P/Invokes and Rust -> managed calls
  osprey bench verify FILE [--runs R]      measure what the IL verifier costs in JIT time
  osprey proxygen ASSEMBLY INTERFACE [-o FILE.cs]
                                           generate the C# proxy and dispatcher that call
                                           INTERFACE (Namespace.IName) across processes
  osprey --help                            show this help
  osprey --version                         show the version

",
    run_options!(),
    "
Options for bench transitions:
  --calls N     calls per timed loop (default 100000)
  --runs R      timed runs per row; the median and the spread are reported (default 15)
                (bench verify: runs of the whole set of methods)
  --format F    table (Markdown, default), csv or json

Environment:
  OSPREY_CACHE_DIR     where compiled .cs files (and corelib.dll for --against-corelib)
                       are cached (default: ~/.cache/osprey)
  OSPREY_PANIC_TRACE   print Rust panic reports (runtime debugging)
  OSPREY_GC            garbage collector (as --gc; the option wins)
  OSPREY_GC_HEAP_LIMIT heap limit (as --gc-heap-limit; the option wins)
  OSPREY_GCSTRESS=N    collect at every Nth allocation and safepoint, verifying the heap
  OSPREY_GC_VERIFY=1   verify the heap before and after every collection
  OSPREY_GC_NURSERY    nursery size of the generational collector (32K to 4G, default 4M)
  OSPREY_GC_LOG=1      log every collection and a pause summary to stderr
  OSPREY_VERIFY=1      also verify corelib and unsafe assemblies (every rule but the
                       unsafe-code ones), to test the IL verifier; 0 (default) does not
  OSPREY_JIT_STATS=1   print what the JIT compiled (methods, bytes, time, what the
                       optimizing tier declined, by reason) at exit
  OSPREY_JIT=T         JIT tiers: tiered (default), baseline or optimizing (docs/jit.md)
  OSPREY_TIERED=0      optimize every method at once (as OSPREY_JIT=optimizing)
  OSPREY_TIER_CALLS=N  calls after which a method is optimized (default 30)
  OSPREY_TIER_BACKGROUND=0  optimize hot methods on the calling thread, not the
                       tier-up thread (default 1)
  OSPREY_JIT_LOG=1     log each optimized method and each decline, and the totals at exit
  OSPREY_JIT_BISECT=N  optimize only the first N methods asked for (or M-N): finds miscompiles
  OSPREY_GENERIC_SHARING=0  compile every generic instantiation on its own
                       (default: reference-type instantiations share code)
  OSPREY_TIME_LIMIT=S  stop the program after S seconds at a safepoint (exit code 124;
                       a runtime stuck in native code is a fatal error, exit code 70)
"
);

/// `osprey run --help`.
const RUN_USAGE: &str = concat!(
    "\
Usage: osprey run [OPTIONS] FILE [ARGS...]

Runs FILE: an .exe or .dll, or a .cs file compiled with mcs -debug (and
cached). Debug information beside the program (FILE.mdb) gives stack
traces files and lines.

",
    run_options!(),
    "
Environment: see `osprey --help` and docs/user-guide.md.
"
);

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    RunHelp,
    Version,
    Run {
        file: PathBuf,
        args: Vec<String>,
        options: RuntimeOptions,
        reference: mcs::Reference,
        file_access: FileSystemAccess,
    },
    BenchTransitions {
        calls: i32,
        runs: usize,
        format: BenchFormat,
    },
    BenchVerify {
        file: PathBuf,
        runs: usize,
    },
    ProxyGen {
        assembly: PathBuf,
        interface: String,
        output: Option<PathBuf>,
    },
}

impl PartialEq for RuntimeOptions {
    fn eq(&self, other: &Self) -> bool {
        self.jit_dump == other.jit_dump
            && self.verify == other.verify
            && self.verify_all == other.verify_all
            && self.import_dump == other.import_dump
            && self.gc == other.gc
            && self.gc_kind_set == other.gc_kind_set
            && self.gc_limit_set == other.gc_limit_set
    }
}

impl Eq for RuntimeOptions {}

/// Parses the command line (without the program name).
fn parse(args: Vec<OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    if args.first().is_some_and(|a| a == "bench") {
        return parse_bench(args.into_iter().skip(1).collect());
    }
    if args.first().is_some_and(|a| a == "proxygen") {
        return parse_proxygen(args.into_iter().skip(1).collect());
    }
    let mut parser = lexopt::Parser::from_args(args);
    let mut options = RuntimeOptions::default();
    let mut reference = mcs::Reference::Mscorlib;
    let mut file_access = FileSystemAccess::Allowed;
    let mut in_run = false;
    loop {
        let arg = parser.next().map_err(|e| e.to_string())?;
        match arg {
            None => {
                return Err(if in_run {
                    "run: missing FILE (usage: osprey run [OPTIONS] FILE [ARGS...])".into()
                } else {
                    "missing command (try `osprey --help`)".into()
                })
            }
            Some(Long("help")) | Some(Short('h')) if !in_run => return Ok(Command::Help),
            Some(Long("help")) | Some(Short('h')) => return Ok(Command::RunHelp),
            Some(Long("version")) | Some(Short('V')) if !in_run => return Ok(Command::Version),
            Some(Long("jit-dump")) if in_run => {
                options.jit_dump = Some(match parser.optional_value() {
                    Some(v) => crate::runtime::JitDump::parse(&v.to_string_lossy())?,
                    None => crate::runtime::JitDump::all(),
                });
            }
            Some(Long("verify")) if in_run => options.verify = true,
            Some(Long("import-dump")) if in_run => {
                options.import_dump = Some(match parser.optional_value() {
                    Some(v) => {
                        let v = v.to_string_lossy();
                        crate::runtime::JitDump::parse(&v)
                            .map_err(|_| format!("--import-dump: empty pattern '{v}'"))?
                    }
                    None => crate::runtime::JitDump::all(),
                });
            }
            Some(Long("gc")) if in_run => {
                let v = parser.value().map_err(|e| e.to_string())?;
                options.gc.kind = crate::gc::parse_collector("--gc", &v.to_string_lossy())
                    .map_err(|e| e.to_string())?;
                options.gc_kind_set = true;
            }
            Some(Long("gc-heap-limit")) if in_run => {
                let v = parser.value().map_err(|e| e.to_string())?;
                options.gc.heap_limit =
                    crate::gc::parse_heap_limit("--gc-heap-limit", &v.to_string_lossy())
                        .map_err(|e| e.to_string())?;
                options.gc_limit_set = true;
            }
            Some(Long("against-corelib")) if in_run => reference = mcs::Reference::Corelib,
            Some(Long("no-file-access")) if in_run => file_access = FileSystemAccess::Denied,
            Some(Value(v)) if !in_run => {
                if v == "run" {
                    in_run = true;
                } else {
                    return Err(format!(
                        "unknown command '{}' (try `osprey --help`)",
                        v.to_string_lossy()
                    ));
                }
            }
            Some(Value(file)) => {
                // Everything after FILE belongs to the program, untouched.
                let rest: Vec<String> = parser
                    .raw_args()
                    .map_err(|e| e.to_string())?
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect();
                let file = PathBuf::from(file);
                if reference == mcs::Reference::Corelib && !is_cs(&file) {
                    return Err(format!(
                        "run: --against-corelib applies to .cs files only ('{}' is already compiled)",
                        file.display()
                    ));
                }
                return Ok(Command::Run {
                    file,
                    args: rest,
                    options,
                    reference,
                    file_access,
                });
            }
            Some(other) => return Err(other.unexpected().to_string()),
        }
    }
}

/// Parses `bench WHAT [options]`.
fn parse_bench(args: Vec<OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let mut what = None;
    let mut file = None;
    let (mut calls, mut runs) = (100_000i32, 15usize);
    let mut format = BenchFormat::Table;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("calls") => {
                calls = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|e: lexopt::Error| e.to_string())?;
            }
            Long("runs") => {
                runs = parser
                    .value()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|e: lexopt::Error| e.to_string())?;
            }
            Long("format") => {
                let v = parser.value().map_err(|e| e.to_string())?;
                format = match v.to_string_lossy().as_ref() {
                    "table" | "markdown" => BenchFormat::Table,
                    "csv" => BenchFormat::Csv,
                    "json" => BenchFormat::Json,
                    other => {
                        return Err(format!(
                            "bench transitions: unknown --format '{other}' (table, csv or json)"
                        ))
                    }
                };
            }
            Value(v) if what.is_none() => what = Some(v.to_string_lossy().into_owned()),
            Value(v) if what.as_deref() == Some("verify") && file.is_none() => {
                file = Some(PathBuf::from(v))
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    match what.as_deref() {
        Some("transitions") if calls > 0 && runs > 0 => Ok(Command::BenchTransitions {
            calls,
            runs,
            format,
        }),
        Some("transitions") => Err("bench transitions: --calls and --runs must be positive".into()),
        Some("verify") => match file {
            Some(file) if runs > 0 => Ok(Command::BenchVerify { file, runs }),
            Some(_) => Err("bench verify: --runs must be positive".into()),
            None => Err(
                "bench verify: missing FILE (usage: osprey bench verify FILE [--runs R])".into(),
            ),
        },
        Some(other) => Err(format!(
            "unknown benchmark '{other}' (available: transitions, verify)"
        )),
        None => Err("bench: missing benchmark name (available: transitions, verify)".into()),
    }
}

/// Installs the kernel's image runner: children created from assemblies
/// (`ProcessHandle::CreateFromImage`, `Osprey.Isolation.ChildProcess`) run
/// [`run_image`].
pub fn install_image_runner() {
    host::set_image_runner(run_image);
}

/// Runs a child created from an image: its own runtime instance with the
/// settings its parent chose (collector, heap limit, ABI version, trust),
/// on the child's main thread.
pub fn run_image(image: host::ProcessImage) -> i32 {
    let settings = image.settings;
    let Ok(os) = Os::resolve() else { return 1 };
    if settings.abi_version < osprey_kernel::ABI_VERSION_LATEST {
        let _ = os.stderr(&format!(
            "error: '{}' asks for kernel ABI v{}; this runtime needs v{}\n",
            image.name,
            settings.abi_version,
            osprey_kernel::ABI_VERSION_LATEST
        ));
        let _ = os.console_flush();
        return 1;
    }
    let mut options = RuntimeOptions {
        verify: settings.untrusted,
        ..RuntimeOptions::default()
    };
    match settings.collector {
        osprey_kernel::collector::GENERATIONAL => {
            options.gc.kind = crate::gc::CollectorKind::Generational;
            options.gc_kind_set = true;
        }
        osprey_kernel::collector::MARK_SWEEP => {
            options.gc.kind = crate::gc::CollectorKind::MarkSweep;
            options.gc_kind_set = true;
        }
        _ => {}
    }
    if let Some(limit) = usize::try_from(settings.heap_limit).ok().filter(|l| *l > 0) {
        options.gc.heap_limit = limit;
        options.gc_limit_set = true;
    }
    run_in_process(image.bytes, None, &image.name, None, options)
}

/// Parses `proxygen ASSEMBLY INTERFACE [-o FILE]`.
fn parse_proxygen(args: Vec<OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let (mut assembly, mut interface, mut output) = (None, None, None);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('o') | Long("output") => {
                output = Some(PathBuf::from(parser.value().map_err(|e| e.to_string())?))
            }
            Value(v) if assembly.is_none() => assembly = Some(PathBuf::from(v)),
            Value(v) if interface.is_none() => interface = Some(v.to_string_lossy().into_owned()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    match (assembly, interface) {
        (Some(assembly), Some(interface)) => Ok(Command::ProxyGen {
            assembly,
            interface,
            output,
        }),
        _ => Err("proxygen: usage: osprey proxygen ASSEMBLY INTERFACE [-o FILE.cs]".into()),
    }
}

/// Writes the proxy and dispatcher of `interface` (or reports why not).
fn proxy_gen(assembly: &Path, interface: &str, output: Option<&Path>) -> Result<i32, String> {
    let bytes = std::fs::read(assembly)
        .map_err(|e| format!("cannot read '{}': {e}", assembly.display()))?;
    let source = proxygen::generate(&bytes, &assembly.display().to_string(), interface)
        .map_err(|e| format!("proxygen: {e}"))?;
    match output {
        Some(path) => std::fs::write(path, source)
            .map_err(|e| format!("cannot write '{}': {e}", path.display()))?,
        None => print!("{source}"),
    }
    Ok(0)
}

/// Runs the `osprey` command; returns the process exit code.
pub fn main() -> i32 {
    install_image_runner();
    // Native code entered from managed code catches Rust panics and reports
    // them as errors (runtime::guard, qcall::run); the default hook would
    // still print a "panicked at" report for each. Keep it quiet unless
    // someone debugging the runtime asks for it.
    if std::env::var_os("OSPREY_PANIC_TRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match parse(args) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            0
        }
        Ok(Command::RunHelp) => {
            print!("{RUN_USAGE}");
            0
        }
        Ok(Command::Version) => {
            println!("osprey {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Ok(Command::BenchVerify { file, runs }) => match bench_verify(&file, runs) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
        Ok(Command::ProxyGen {
            assembly,
            interface,
            output,
        }) => match proxy_gen(&assembly, &interface, output.as_deref()) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
        Ok(Command::BenchTransitions {
            calls,
            runs,
            format,
        }) => match bench_transitions(calls, runs, format) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
        Ok(Command::Run {
            file,
            args,
            options,
            reference,
            file_access,
        }) => match run(&file, args, options, reference, file_access) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("error: {e}");
                1
            }
        },
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}

/// `OSPREY_VERIFY`: `1` verifies everything (docs/verification.md), `0` or
/// unset the trust policy's default; anything else is a usage error.
fn verify_all_from_env(value: Option<OsString>) -> Result<bool, String> {
    match value.as_ref().map(|v| v.to_string_lossy()) {
        None => Ok(false),
        Some(v) if v.is_empty() || v == "0" => Ok(false),
        Some(v) if v == "1" => Ok(true),
        Some(v) => Err(format!(
            "OSPREY_VERIFY: unknown value '{v}' (accepted: 1 to verify corelib and unsafe assemblies too, 0 for the default policy)"
        )),
    }
}

/// Whether `file` is C# source (compiled with mcs before it runs).
fn is_cs(file: &Path) -> bool {
    file.extension().is_some_and(|e| e == "cs")
}

/// Compiles (if needed, against `reference`), loads and runs `file` in a
/// new kernel process.
fn run(
    file: &Path,
    args: Vec<String>,
    mut options: RuntimeOptions,
    reference: mcs::Reference,
    file_access: FileSystemAccess,
) -> Result<i32, String> {
    options.verify_all = verify_all_from_env(std::env::var_os("OSPREY_VERIFY"))?;
    let assembly_path = if is_cs(file) {
        mcs::compile_cached(file, reference)?
    } else {
        file.to_path_buf()
    };
    let bytes = std::fs::read(&assembly_path)
        .map_err(|e| format!("cannot read '{}': {e}", assembly_path.display()))?;
    // Debug information beside the assembly (mcs -debug), for file and
    // line in stack traces; without it (or unreadable) traces have none.
    let symbols = std::fs::read(symbol_file_of(&assembly_path)).ok();
    let display = file.display().to_string();
    // Where the program's P/Invokes look for libraries first: the
    // assembly's directory (for a .cs file, the source's, since the
    // assembly lives in the cache).
    let directory = std::fs::canonicalize(file)
        .ok()
        .and_then(|p| p.parent().map(|d| d.display().to_string()));
    let config = ProcessConfig {
        name: display.clone(),
        args,
        console: ConsoleMode::Inherit,
        stack_size: 0,
        file_access,
        ..ProcessConfig::default()
    };
    let handle = host::spawn(config, move || {
        run_in_process(bytes, symbols, &display, directory.as_deref(), options)
    })
    .map_err(|e| format!("cannot start a kernel process: {e}"))?;
    let exit = handle.join();
    // Children the program left running end with it.
    host::stop_remaining(exit.exit_code);
    match exit.reason {
        osprey_kernel::ExitReason::Panicked(msg) => Err(format!("internal runtime error: {msg}")),
        _ => Ok(exit.exit_code),
    }
}

/// How `osprey bench transitions` prints its rows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum BenchFormat {
    /// A Markdown table with a heading.
    Table,
    /// CSV, one line per row.
    Csv,
    /// A JSON array.
    Json,
}

/// Runs a benchmark in a kernel process: `measure` returns the report to
/// print on stdout, or an error for stderr.
fn bench_in_process<F>(name: &str, measure: F) -> Result<i32, String>
where
    F: FnOnce() -> Result<String, String> + Send + 'static,
{
    let config = ProcessConfig {
        name: name.into(),
        args: Vec::new(),
        console: ConsoleMode::Inherit,
        stack_size: 0,
        ..ProcessConfig::default()
    };
    let handle = host::spawn(config, move || {
        let Ok(os) = Os::resolve() else { return 1 };
        match measure() {
            Ok(text) => {
                let _ = os.stdout(&text);
                let _ = os.console_flush();
                0
            }
            Err(e) => {
                let _ = os.stderr(&format!("error: {e}\n"));
                1
            }
        }
    })
    .map_err(|e| format!("cannot start a kernel process: {e}"))?;
    let exit = handle.join();
    match exit.reason {
        osprey_kernel::ExitReason::Panicked(msg) => Err(format!("internal runtime error: {msg}")),
        _ => Ok(exit.exit_code),
    }
}

/// Measures the transition costs in a kernel process and prints the rows.
fn bench_transitions(calls: i32, runs: usize, format: BenchFormat) -> Result<i32, String> {
    bench_in_process("bench transitions", move || {
        let rows = crate::bench::Probe::new()
            .and_then(|mut p| p.measure(calls, runs))
            .map_err(|e| e.to_string())?;
        Ok(match format {
            BenchFormat::Table => format!(
                "Transition costs: JIT-compiled loops of {calls} calls, {runs} runs per row \
                 (the baseline loop subtracted): median, interquartile range and extremes.\n\n{}",
                crate::bench::table(&rows)
            ),
            BenchFormat::Csv => crate::bench::csv(&rows),
            BenchFormat::Json => crate::bench::json(&rows),
        })
    })
}

/// Measures the IL verifier's cost over `file` and corelib in a kernel
/// process and prints the table (docs/verification.md).
fn bench_verify(file: &Path, runs: usize) -> Result<i32, String> {
    let assembly_path = if is_cs(file) {
        mcs::compile_cached(file, mcs::Reference::Mscorlib)?
    } else {
        file.to_path_buf()
    };
    let bytes = std::fs::read(&assembly_path)
        .map_err(|e| format!("cannot read '{}': {e}", assembly_path.display()))?;
    let display = file.display().to_string();
    bench_in_process("bench verify", move || {
        let rt = Runtime::new(RuntimeOptions::default()).map_err(|e| e.to_string())?;
        let assembly = rt
            .load_assembly(bytes, &display)
            .map_err(|e| e.to_string())?;
        let cost = rt
            .bench_verification(assembly, runs)
            .map_err(|e| e.to_string())?;
        Ok(cost.table())
    })
}

/// Where mcs writes the debug information of `assembly`: `x.exe.mdb`.
fn symbol_file_of(assembly: &Path) -> PathBuf {
    let mut name = assembly.as_os_str().to_owned();
    name.push(".mdb");
    PathBuf::from(name)
}

/// The kernel process's main: one runtime instance running one program
/// (with its debug information, if any; P/Invokes look for libraries in
/// `directory` first).
fn run_in_process(
    bytes: Vec<u8>,
    symbols: Option<Vec<u8>>,
    display: &str,
    directory: Option<&str>,
    options: RuntimeOptions,
) -> i32 {
    let Ok(os) = Os::resolve() else { return 1 };
    let report = |text: String| {
        let _ = os.stderr(&text);
        let _ = os.console_flush();
    };
    let rt = match Runtime::new(options) {
        Ok(rt) => rt,
        Err(e @ (RuntimeError::Config(_) | RuntimeError::JitConfig(_))) => {
            // A usage error: the variable, its value, what it accepts.
            report(format!("error: {e}\n"));
            return 1;
        }
        Err(e) => {
            report(format!("error: cannot start the runtime: {e}\n"));
            return 1;
        }
    };
    // The thread record first: it registers the fault handler, so that a
    // fault while the assembly loads is reported too (runtime/faults.rs).
    let mut thread = rt.new_thread();
    let assembly = match rt.load_assembly(bytes, display) {
        Ok(a) => a,
        Err(e) => {
            report(format!(
                "error: '{display}' is not a valid .NET assembly: {e}\n"
            ));
            return 1;
        }
    };
    if let Some(mdb) = symbols {
        // A stale or damaged file only costs the traces their lines.
        let _ = rt.load_symbols(assembly, mdb);
    }
    if let Some(dir) = directory {
        rt.set_assembly_directory(assembly, dir);
    }
    let args = match os.startup_args() {
        Ok(a) => a,
        Err(e) => {
            report(format!("error: {e}\n"));
            return 1;
        }
    };
    let result = rt.run_main(&mut thread, assembly, &args);
    let code = match result {
        // Background threads do not keep the process alive; foreground
        // ones do.
        Ok(code) => {
            rt.wait_for_foreground_threads();
            rt.exit_requested().unwrap_or(code)
        }
        // Already reported by the thread that ended the process.
        Err(RuntimeError::Exited(code)) => code,
        Err(e @ RuntimeError::TimeLimit { .. }) => {
            report(e.failure_report());
            crate::runtime::TIME_LIMIT_EXIT_CODE
        }
        Err(e) => {
            report(e.failure_report());
            1
        }
    };
    // Whatever still runs (background threads; everything, after a
    // failure) is stopped and joined.
    rt.stop_threads(code);
    drop(thread);
    let _ = os.console_flush();
    let set = |name: &str| {
        os.environment_variable(name)
            .ok()
            .flatten()
            .is_some_and(|v| v.trim() != "0")
    };
    if set("OSPREY_JIT_STATS") || set("OSPREY_JIT_LOG") {
        let _ = os.stderr(&rt.jit_stats());
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(args.iter().map(OsString::from).collect())
    }

    #[test]
    fn parses_help_version_and_run() {
        assert_eq!(p(&["--help"]), Ok(Command::Help));
        assert_eq!(p(&["--version"]), Ok(Command::Version));
        let Ok(Command::Run {
            file,
            args,
            options,
            reference,
            ..
        }) = p(&["run", "--jit-dump", "a.exe", "-x", "--y", "run"])
        else {
            panic!("expected run")
        };
        assert_eq!(file, PathBuf::from("a.exe"));
        assert_eq!(args, vec!["-x", "--y", "run"]);
        assert_eq!(options.jit_dump, Some(crate::runtime::JitDump::all()));
        assert_eq!(reference, mcs::Reference::Mscorlib);
    }

    #[test]
    fn parses_against_corelib() {
        let Ok(Command::Run {
            file,
            args,
            reference,
            ..
        }) = p(&["run", "--against-corelib", "a.cs", "--against-corelib"])
        else {
            panic!("expected run")
        };
        assert_eq!(file, PathBuf::from("a.cs"));
        assert_eq!(
            args,
            vec!["--against-corelib"],
            "after FILE, it is the program's"
        );
        assert_eq!(reference, mcs::Reference::Corelib);
        assert!(p(&["run", "--against-corelib", "a.exe"]).is_err());
        assert!(p(&["--against-corelib", "run", "a.cs"]).is_err());
    }

    #[test]
    fn parses_verify_and_its_benchmark() {
        let Ok(Command::Run { options, args, .. }) = p(&["run", "--verify", "a.exe", "--verify"])
        else {
            panic!("expected run")
        };
        assert!(options.verify && !options.verify_all);
        assert_eq!(args, vec!["--verify"], "after FILE, it is the program's");
        assert!(p(&["--verify", "run", "a.exe"]).is_err());
        assert_eq!(
            p(&["bench", "verify", "a.exe", "--runs", "3"]),
            Ok(Command::BenchVerify {
                file: PathBuf::from("a.exe"),
                runs: 3
            })
        );
        assert!(p(&["bench", "verify"]).is_err());
        assert!(p(&["bench", "verify", "a.exe", "--runs", "0"]).is_err());
    }

    #[test]
    fn osprey_verify_takes_0_or_1() {
        assert_eq!(verify_all_from_env(None), Ok(false));
        assert_eq!(verify_all_from_env(Some("0".into())), Ok(false));
        assert_eq!(verify_all_from_env(Some("".into())), Ok(false));
        assert_eq!(verify_all_from_env(Some("1".into())), Ok(true));
        let err = verify_all_from_env(Some("yes".into())).unwrap_err();
        assert!(
            err.starts_with("OSPREY_VERIFY: unknown value 'yes'"),
            "{err}"
        );
    }

    #[test]
    fn parses_no_file_access() {
        let Ok(Command::Run {
            file_access, args, ..
        }) = p(&["run", "--no-file-access", "a.exe", "--no-file-access"])
        else {
            panic!("expected run")
        };
        assert_eq!(file_access, FileSystemAccess::Denied);
        assert_eq!(
            args,
            vec!["--no-file-access"],
            "after FILE, it is the program's"
        );
        let Ok(Command::Run { file_access, .. }) = p(&["run", "a.exe"]) else {
            panic!("expected run")
        };
        assert_eq!(file_access, FileSystemAccess::Allowed);
    }

    #[test]
    fn parses_jit_dump_patterns_and_run_help() {
        let Ok(Command::Run { options, args, .. }) =
            p(&["run", "--jit-dump=Program::Fib", "a.exe", "--jit-dump"])
        else {
            panic!("expected run")
        };
        assert_eq!(
            options.jit_dump,
            Some(crate::runtime::JitDump::parse("Program::Fib").unwrap())
        );
        assert_eq!(args, vec!["--jit-dump"]);
        assert_eq!(p(&["run", "--help"]), Ok(Command::RunHelp));
        assert_eq!(p(&["run", "-h"]), Ok(Command::RunHelp));
        assert!(p(&["run", "--jit-dump=", "a.exe"]).is_err());
    }

    #[test]
    fn rejects_bad_command_lines() {
        assert!(p(&[]).is_err());
        assert!(p(&["run"]).is_err());
        assert!(p(&["frobnicate"]).is_err());
        assert!(p(&["run", "--nope", "a.exe"]).is_err());
    }
}
