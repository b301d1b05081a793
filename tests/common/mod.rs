//! Shared machinery for the integration tests: compile C# with `mcs`, run a
//! program with a time limit, and compare Osprey against `mono`.
//!
//! Used by `tests/samples.rs` (every `samples/<name>/` against mono) and
//! `tests/cli.rs`; later test files (GC stress, interpreter comparison) reuse
//! it: build a [`Sample`] list with [`discover_samples`], then call
//! [`check_sample`] with the [`CheckOptions`] they need (extra environment
//! for Osprey, extra `osprey run` options, a longer timeout).
//!
//! Nothing here writes expected output: the reference is always what `mono`
//! prints at test time.

#![allow(dead_code)]

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How long one program may run before it is killed and the test fails.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Captured output beyond this many bytes per stream is dropped (and the
/// run is marked truncated), so a program stuck printing cannot eat memory.
const CAPTURE_LIMIT: usize = 64 << 20;

/// The `osprey` binary built by cargo for this test run.
pub fn osprey_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_osprey"))
}

/// The repository root (the root package's directory).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn samples_dir() -> PathBuf {
    repo_root().join("samples")
}

/// A scratch directory under the cargo target dir, shared by all
/// integration tests of this package and kept between runs (so compiled
/// samples are reused). Created on first use.
pub fn work_dir(sub: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(sub);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// A fresh, empty directory for one test (removed and recreated each time).
pub fn fresh_dir(name: &str) -> PathBuf {
    let dir = work_dir("scratch").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

// ---------------------------------------------------------------------------
// Samples

/// One program under `samples/<name>/`.
#[derive(Clone, Debug)]
pub struct Sample {
    pub name: String,
    pub dir: PathBuf,
    /// `samples/<name>/<name>.cs`
    pub source: PathBuf,
    /// From the optional `args` file: one argument per line.
    pub args: Vec<String>,
    /// Contents of the optional `stdin` file, fed to the program's stdin.
    /// Without it the program's stdin is empty (/dev/null).
    pub stdin: Option<Vec<u8>>,
    /// From the optional `expected-differences` file: lines where mono is
    /// known to disagree with .NET's documented behaviour, and what .NET
    /// (and so Osprey) prints instead.
    pub expected_differences: Vec<ExpectedDifference>,
    /// The folder holds a `debug` file: compile with `mcs -debug` and run
    /// mono with `--debug`, so stack traces show files and lines.
    pub debug: bool,
}

/// One line of a sample's output where mono is wrong by .NET's
/// documentation: mono prints `mono`, .NET prints `dotnet`, and the harness
/// expects Osprey to print `dotnet` there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExpectedDifference {
    /// Why (the comment lines before the pair): required.
    pub why: String,
    /// The whole line as mono prints it.
    pub mono: String,
    /// The whole line as .NET prints it.
    pub dotnet: String,
}

/// The `expected-differences` format: for each difference, one or more
/// `#` comment lines saying why mono is wrong (which .NET documentation or
/// behaviour Osprey follows), then a `mono: <line>` and a `dotnet: <line>`
/// line (one space after the colon; the rest of the line is taken
/// verbatim). Blank lines are ignored.
pub fn parse_expected_differences(text: &str) -> Result<Vec<ExpectedDifference>, String> {
    let mut out = Vec::new();
    let mut why = String::new();
    let mut mono: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some(comment) = line.strip_prefix('#') {
            if mono.is_some() {
                return Err(format!(
                    "line {}: a comment between `mono:` and `dotnet:`",
                    n + 1
                ));
            }
            if !why.is_empty() {
                why.push(' ');
            }
            why.push_str(comment.trim());
        } else if let Some(m) = line.strip_prefix("mono: ") {
            if mono.is_some() {
                return Err(format!("line {}: two `mono:` lines in a row", n + 1));
            }
            if why.trim().is_empty() {
                return Err(format!(
                    "line {}: a difference needs `#` lines before it saying why mono is wrong",
                    n + 1
                ));
            }
            mono = Some(m.to_string());
        } else if let Some(d) = line.strip_prefix("dotnet: ") {
            let Some(m) = mono.take() else {
                return Err(format!("line {}: `dotnet:` without a `mono:` line", n + 1));
            };
            if m == d {
                return Err(format!("line {}: the two lines are the same", n + 1));
            }
            out.push(ExpectedDifference {
                why: std::mem::take(&mut why),
                mono: m,
                dotnet: d.to_string(),
            });
        } else if !line.trim().is_empty() {
            return Err(format!(
                "line {}: expected `# why`, `mono: <line>` or `dotnet: <line>`",
                n + 1
            ));
        }
    }
    if mono.is_some() {
        return Err("the last `mono:` line has no `dotnet:` line".into());
    }
    Ok(out)
}

/// Replaces, in mono's output, every line listed as an expected difference
/// with what .NET prints. Every listed difference must occur (a difference
/// that no longer occurs is an error: mono was fixed or the sample changed,
/// and the entry must go).
pub fn apply_expected_differences(
    stdout: &[u8],
    differences: &[ExpectedDifference],
) -> Result<Vec<u8>, String> {
    if differences.is_empty() {
        return Ok(stdout.to_vec());
    }
    let text = String::from_utf8_lossy(stdout);
    let mut used = vec![false; differences.len()];
    let lines: Vec<String> = text
        .split('\n')
        .map(
            |line| match differences.iter().position(|d| d.mono == line) {
                Some(i) => {
                    used[i] = true;
                    differences[i].dotnet.clone()
                }
                None => line.to_string(),
            },
        )
        .collect();
    let unused: Vec<&str> = differences
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(d, _)| d.mono.as_str())
        .collect();
    if !unused.is_empty() {
        return Err(format!(
            "expected-differences lists lines mono no longer prints (remove them):\n  {}",
            unused.join("\n  ")
        ));
    }
    Ok(lines.join("\n").into_bytes())
}

/// Every folder under `samples/`, sorted by name. A folder that is not a
/// valid sample (no `<name>.cs`, unreadable `args`) is returned as an error
/// for that name, so the harness can report it as a failing test instead
/// of silently skipping it.
pub fn discover_samples() -> Vec<Result<Sample, (String, String)>> {
    let root = samples_dir();
    let entries = match fs::read_dir(&root) {
        Ok(e) => e,
        Err(e) => {
            return vec![Err((
                "samples".into(),
                format!("cannot read {}: {e}", root.display()),
            ))]
        }
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter().map(|d| load_sample(&d)).collect()
}

/// Loads the sample in `dir` (named after the folder).
pub fn load_sample(dir: &Path) -> Result<Sample, (String, String)> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let err = |msg: String| (name.clone(), msg);
    let source = dir.join(format!("{name}.cs"));
    if !source.is_file() {
        return Err(err(format!(
            "sample folder {} has no {name}.cs (a sample is samples/<name>/<name>.cs)",
            dir.display()
        )));
    }
    let args_file = dir.join("args");
    let args = if args_file.exists() {
        let text = fs::read_to_string(&args_file)
            .map_err(|e| err(format!("cannot read {}: {e}", args_file.display())))?;
        parse_args_file(&text)
    } else {
        Vec::new()
    };
    let stdin_file = dir.join("stdin");
    let stdin = if stdin_file.exists() {
        Some(
            fs::read(&stdin_file)
                .map_err(|e| err(format!("cannot read {}: {e}", stdin_file.display())))?,
        )
    } else {
        None
    };
    let differences_file = dir.join("expected-differences");
    let expected_differences = if differences_file.exists() {
        let text = fs::read_to_string(&differences_file)
            .map_err(|e| err(format!("cannot read {}: {e}", differences_file.display())))?;
        parse_expected_differences(&text)
            .map_err(|e| err(format!("{}: {e}", differences_file.display())))?
    } else {
        Vec::new()
    };
    Ok(Sample {
        name,
        dir: dir.to_path_buf(),
        source,
        args,
        stdin,
        expected_differences,
        debug: dir.join("debug").is_file(),
    })
}

/// The `args` file format: one argument per line, taken verbatim (spaces and
/// leading dashes included; a trailing `\r` is dropped). An empty line is an
/// empty argument; the newline that ends the last line does not start
/// another one.
pub fn parse_args_file(text: &str) -> Vec<String> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
        .collect()
}

/// Compiles a sample into the shared samples build directory (with its
/// debug information, `<exe>.mdb`, for a [`Sample::debug`] sample).
pub fn compile_sample(sample: &Sample) -> Result<PathBuf, String> {
    let flags: &[&str] = if sample.debug {
        &["-unsafe", "-debug"]
    } else {
        &["-unsafe"]
    };
    compile_cs(&sample.source, &work_dir("samples"), flags)
}

// ---------------------------------------------------------------------------
// Compiling with mcs

static BUILD_SEQ: AtomicUsize = AtomicUsize::new(0);

/// Compiles `source` with `mcs` into `out_dir/<stem>.exe` (or `.dll` when
/// `flags` contains `-target:library`/`-t:library`) and returns that path.
/// With `-debug` in `flags`, the debug information lands beside it
/// (`<stem>.exe.mdb`).
///
/// Compilation is skipped when the output exists, is newer than the source,
/// and was built from the same source text with the same flags (recorded in
/// a `<out>.stamp` file beside it, so two checkouts sharing a target dir do
/// not reuse each other's builds). The compiler writes into a private
/// temporary directory and the result is renamed into place, so concurrent
/// test binaries compiling the same source never see a half-written file.
pub fn compile_cs(source: &Path, out_dir: &Path, flags: &[&str]) -> Result<PathBuf, String> {
    let stem = source
        .file_stem()
        .ok_or_else(|| format!("bad source path {}", source.display()))?
        .to_string_lossy()
        .into_owned();
    let library = flags.iter().any(|f| {
        matches!(
            *f,
            "-target:library" | "-t:library" | "/target:library" | "/t:library"
        )
    });
    let ext = if library { "dll" } else { "exe" };
    compile_cs_to(source, &out_dir.join(format!("{stem}.{ext}")), flags)
}

/// Like [`compile_cs`] with an explicit output path (any extension: a
/// program compiled as an exe may be written as `x.dll`).
pub fn compile_cs_to(source: &Path, out: &Path, flags: &[&str]) -> Result<PathBuf, String> {
    let stamp_path = PathBuf::from(format!("{}.stamp", out.display()));
    let stamp = {
        let mut st = format!("mcs {}\n", flags.join(" ")).into_bytes();
        st.extend(fs::read(source).map_err(|e| format!("cannot read {}: {e}", source.display()))?);
        st
    };
    // A referenced assembly (`-r:corelib.dll`) rebuilt since counts as a
    // change too: what mcs emits depends on it (e.g. `[UnverifiableCode]`
    // only when the corelib defines the attribute).
    let references_older = flags
        .iter()
        .filter_map(|f| f.strip_prefix("-r:").or_else(|| f.strip_prefix("/r:")))
        .all(|r| is_up_to_date(out, Path::new(r)));
    if is_up_to_date(out, source)
        && references_older
        && fs::read(&stamp_path).ok().as_deref() == Some(&stamp[..])
    {
        return Ok(out.to_path_buf());
    }
    let out_dir = out
        .parent()
        .ok_or_else(|| format!("bad output path {}", out.display()))?;
    fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let file_name = out.file_name().unwrap().to_string_lossy().into_owned();
    let build = out_dir.join(format!(
        ".build-{}-{}",
        std::process::id(),
        BUILD_SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    fs::create_dir_all(&build).map_err(|e| format!("cannot create {}: {e}", build.display()))?;
    let tmp_out = build.join(&file_name);

    let mut cmd = Command::new("mcs");
    cmd.arg(format!("-out:{}", tmp_out.display()));
    cmd.args(flags);
    cmd.arg(source);
    set_locale(&mut cmd);
    let result = run_command(cmd, None, DEFAULT_TIMEOUT);
    let outcome = match result {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(
            "`mcs` was not found on PATH: install the `mono-mcs` package (.ci/run does it)"
                .to_string(),
        ),
        Err(e) => Err(format!("cannot start mcs: {e}")),
        Ok(run) if run.timed_out => Err(format!(
            "mcs timed out compiling {}:\n{}",
            source.display(),
            run.stdout_lossy()
        )),
        Ok(run) if !run.status.success() || !tmp_out.is_file() => Err(format!(
            "mcs failed to compile {} ({}):\n{}{}",
            source.display(),
            describe_status(&run.status),
            run.stdout_lossy(),
            run.stderr_lossy()
        )),
        Ok(_) => {
            let tmp_stamp = build.join("stamp");
            let tmp_mdb = build.join(format!("{file_name}.mdb"));
            let mdb = PathBuf::from(format!("{}.mdb", out.display()));
            let moved_mdb = if tmp_mdb.is_file() {
                fs::rename(&tmp_mdb, &mdb)
            } else {
                // A build without debug information leaves no stale one.
                let _ = fs::remove_file(&mdb);
                Ok(())
            };
            moved_mdb
                .and_then(|_| fs::write(&tmp_stamp, &stamp))
                .and_then(|_| fs::rename(&tmp_out, out))
                .and_then(|_| fs::rename(&tmp_stamp, &stamp_path))
                .map(|_| out.to_path_buf())
                .map_err(|e| {
                    format!(
                        "cannot move {} to {}: {e}",
                        tmp_out.display(),
                        out.display()
                    )
                })
        }
    };
    let _ = fs::remove_dir_all(&build);
    outcome
}

fn is_up_to_date(out: &Path, source: &Path) -> bool {
    let mtime = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    match (mtime(out), mtime(source)) {
        (Some(o), Some(s)) => o > s,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Running programs

/// What a finished (or killed) program did.
#[derive(Debug)]
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub status: ExitStatus,
    /// The program was killed because it ran past the timeout.
    pub timed_out: bool,
    /// More than the capture limit was printed; the rest was dropped.
    pub truncated: bool,
    pub elapsed: Duration,
}

impl RunOutput {
    pub fn stdout_lossy(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
    pub fn stderr_lossy(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
    /// The exit code, or None if the process died of a signal.
    pub fn code(&self) -> Option<i32> {
        self.status.code()
    }
    pub fn signal(&self) -> Option<i32> {
        self.status.signal()
    }
    /// True when stderr shows a Rust panic.
    pub fn panicked(&self) -> bool {
        contains(&self.stderr, b"panicked at")
    }
}

/// Exit code or signal, for messages.
pub fn describe_status(status: &ExitStatus) -> String {
    if let Some(code) = status.code() {
        format!("exit code {code}")
    } else if let Some(sig) = status.signal() {
        let name = match sig {
            4 => " (SIGILL)",
            5 => " (SIGTRAP)",
            6 => " (SIGABRT)",
            7 => " (SIGBUS)",
            8 => " (SIGFPE)",
            9 => " (SIGKILL)",
            11 => " (SIGSEGV)",
            13 => " (SIGPIPE)",
            15 => " (SIGTERM)",
            _ => "",
        };
        let core = if status.core_dumped() {
            ", core dumped"
        } else {
            ""
        };
        format!("killed by signal {sig}{name}{core}")
    } else {
        format!("{status}")
    }
}

/// Sets a UTF-8 locale: mono encodes Console output by the locale (with
/// `LANG` unset it prints `?` for every non-ASCII character), so the
/// reference output must not depend on the caller's environment.
pub fn set_locale(cmd: &mut Command) {
    cmd.env("LANG", "C.UTF-8").env("LC_ALL", "C.UTF-8");
}

/// Runs `cmd` to completion with `stdin` as its standard input (empty when
/// None), capturing stdout and stderr. After `timeout` the process is killed
/// and the result has `timed_out` set. Errors only when the program cannot
/// be started.
pub fn run_command(
    mut cmd: Command,
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> std::io::Result<RunOutput> {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn()?;

    if let (Some(data), Some(mut pipe)) = (stdin, child.stdin.take()) {
        let data = data.to_vec();
        // A program that does not read its input makes this fail with
        // EPIPE; that is not an error of the test.
        thread::spawn(move || {
            let _ = pipe.write_all(&data);
        });
    }
    let (tx, rx) = mpsc::channel::<(u8, Vec<u8>, bool)>();
    for (which, pipe) in [
        (
            1u8,
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        ),
        (
            2u8,
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        ),
    ] {
        let tx = tx.clone();
        let mut pipe = pipe.expect("piped");
        thread::spawn(move || {
            let (buf, truncated) = read_capped(&mut pipe);
            let _ = tx.send((which, buf, truncated));
        });
    }
    drop(tx);

    // Poll for exit; the sleep grows so quick programs are reaped quickly.
    let mut timed_out = false;
    let mut nap = Duration::from_millis(1);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if start.elapsed() >= timeout {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(25));
    };
    let elapsed = start.elapsed();

    // The pipes close when the process (and any child it left holding them)
    // is gone. Do not wait forever for a grandchild that keeps them open.
    let mut out = (Vec::new(), false);
    let mut err = (Vec::new(), false);
    let grace = Duration::from_secs(if timed_out { 2 } else { 10 });
    let deadline = Instant::now() + grace;
    for _ in 0..2 {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok((1, buf, t)) => out = (buf, t),
            Ok((_, buf, t)) => err = (buf, t),
            Err(_) => break,
        }
    }
    Ok(RunOutput {
        stdout: out.0,
        stderr: err.0,
        status,
        timed_out,
        truncated: out.1 || err.1,
        elapsed,
    })
}

fn read_capped(r: &mut dyn Read) -> (Vec<u8>, bool) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 64 * 1024];
    let mut truncated = false;
    loop {
        match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                let room = CAPTURE_LIMIT.saturating_sub(buf.len());
                if n > room {
                    truncated = true;
                }
                buf.extend_from_slice(&chunk[..n.min(room)]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    (buf, truncated)
}

/// `mono <exe> args...`
pub fn run_mono(
    exe: &Path,
    args: &[String],
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> Result<RunOutput, String> {
    run_mono_with(&[], exe, args, stdin, timeout)
}

/// `mono <mono_opts...> <exe> args...` (`--debug` for file and line in traces).
pub fn run_mono_with(
    mono_opts: &[&str],
    exe: &Path,
    args: &[String],
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> Result<RunOutput, String> {
    let mut cmd = Command::new("mono");
    cmd.args(mono_opts).arg(exe).args(args);
    set_locale(&mut cmd);
    match run_command(cmd, stdin, timeout) {
        Ok(r) => Ok(r),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(
            "`mono` was not found on PATH: install the `mono-runtime` package (mono-mcs brings it)"
                .to_string(),
        ),
        Err(e) => Err(format!("cannot start mono: {e}")),
    }
}

/// `osprey run <osprey_opts...> <exe> args...` with `env` added to the
/// environment.
pub fn run_osprey(
    exe: &Path,
    args: &[String],
    osprey_opts: &[String],
    env: &[(OsString, OsString)],
    stdin: Option<&[u8]>,
    timeout: Duration,
) -> Result<RunOutput, String> {
    let mut cmd = Command::new(osprey_bin());
    cmd.arg("run").args(osprey_opts).arg(exe).args(args);
    set_locale(&mut cmd);
    cmd.envs(env.iter().map(|(k, v)| (k, v)));
    run_command(cmd, stdin, timeout)
        .map_err(|e| format!("cannot start {}: {e}", osprey_bin().display()))
}

/// `osprey <args...>` (any command line), with a UTF-8 locale.
pub fn osprey(args: &[&str]) -> RunOutput {
    let mut cmd = Command::new(osprey_bin());
    cmd.args(args);
    set_locale(&mut cmd);
    run_command(cmd, None, DEFAULT_TIMEOUT)
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", osprey_bin().display()))
}

// ---------------------------------------------------------------------------
// Comparing

/// Options of one comparison run of a sample.
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// Added to Osprey's environment only (e.g. `OSPREY_GCSTRESS=1`).
    pub osprey_env: Vec<(OsString, OsString)>,
    /// Options given to `osprey run` before the program.
    pub osprey_opts: Vec<String>,
    /// Per process (mono and Osprey each get this long).
    pub timeout: Duration,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            osprey_env: Vec::new(),
            osprey_opts: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

impl CheckOptions {
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.osprey_env.push((key.into(), value.into()));
        self
    }
    pub fn opt(mut self, opt: impl Into<String>) -> Self {
        self.osprey_opts.push(opt.into());
        self
    }
    pub fn timeout(mut self, t: Duration) -> Self {
        self.timeout = t;
        self
    }
}

/// Compiles the sample (if needed), runs it on mono and on Osprey, and
/// checks that Osprey printed the same stdout bytes and exited with the same
/// code, without a panic, a signal or a timeout. The error is a report
/// meant for a person.
pub fn check_sample(sample: &Sample, opts: &CheckOptions) -> Result<(), String> {
    let exe = compile_sample(sample)?;
    let stdin = sample.stdin.as_deref();
    let mono_opts: &[&str] = if sample.debug { &["--debug"] } else { &[] };
    let mut mono = run_mono_with(mono_opts, &exe, &sample.args, stdin, opts.timeout)?;
    check_reference(&mono, "mono", &exe, opts.timeout)?;
    mono.stdout = apply_expected_differences(&mono.stdout, &sample.expected_differences)?;
    let osprey = run_osprey(
        &exe,
        &sample.args,
        &opts.osprey_opts,
        &opts.osprey_env,
        stdin,
        opts.timeout,
    )?;
    let mut what = String::from("osprey run");
    for o in &opts.osprey_opts {
        what.push(' ');
        what.push_str(o);
    }
    for (k, v) in &opts.osprey_env {
        let _ = write!(what, " [{}={}]", k.to_string_lossy(), v.to_string_lossy());
    }
    compare_runs("mono", &mono, &what, &osprey, opts.timeout)
}

/// The reference run must itself be sane, or the comparison means nothing.
pub fn check_reference(
    run: &RunOutput,
    label: &str,
    exe: &Path,
    timeout: Duration,
) -> Result<(), String> {
    if run.timed_out {
        return Err(format!(
            "{label} (the reference) ran {} past the {}s timeout; the sample is too slow or hangs",
            exe.display(),
            timeout.as_secs()
        ));
    }
    if run.status.code().is_none() {
        return Err(format!(
            "{label} (the reference) {} running {}\nstderr:\n{}",
            describe_status(&run.status),
            exe.display(),
            tail(&run.stderr_lossy(), 4000)
        ));
    }
    if run.truncated {
        return Err(format!(
            "{label} (the reference) printed more than {} MiB",
            CAPTURE_LIMIT >> 20
        ));
    }
    Ok(())
}

/// Checks that `actual` behaved like `expected`: same stdout bytes, same exit
/// code, and that `actual` did not panic, time out or die of a signal.
pub fn compare_runs(
    expected_label: &str,
    expected: &RunOutput,
    actual_label: &str,
    actual: &RunOutput,
    timeout: Duration,
) -> Result<(), String> {
    let mut problems: Vec<String> = Vec::new();
    if actual.timed_out {
        problems.push(format!(
            "{actual_label} did not finish within {}s and was killed",
            timeout.as_secs()
        ));
    } else if actual.status.code().is_none() {
        problems.push(format!(
            "{actual_label} was {}",
            describe_status(&actual.status)
        ));
    }
    if actual.panicked() {
        problems.push(format!(
            "{actual_label} panicked (stderr contains \"panicked at\")"
        ));
    }
    if actual.truncated {
        problems.push(format!(
            "{actual_label} printed more than {} MiB (output cut)",
            CAPTURE_LIMIT >> 20
        ));
    }
    if !actual.timed_out
        && actual.status.code().is_some()
        && expected.status.code() != actual.status.code()
    {
        problems.push(format!(
            "exit code differs: {expected_label} {}, {actual_label} {}",
            describe_status(&expected.status),
            describe_status(&actual.status)
        ));
    }
    let stdout_diff = if expected.stdout != actual.stdout {
        problems.push("stdout differs".to_string());
        Some(diff_report(
            expected_label,
            &expected.stdout,
            actual_label,
            &actual.stdout,
        ))
    } else {
        None
    };
    if problems.is_empty() {
        return Ok(());
    }

    let mut msg = String::new();
    for p in &problems {
        let _ = writeln!(msg, "- {p}");
    }
    if let Some(d) = stdout_diff {
        msg.push('\n');
        msg.push_str(&d);
    }
    let _ = writeln!(
        msg,
        "\n{actual_label}: {}, {:.2}s, {} bytes of stdout",
        describe_status(&actual.status),
        actual.elapsed.as_secs_f64(),
        actual.stdout.len()
    );
    let _ = writeln!(
        msg,
        "{expected_label}: {}, {:.2}s, {} bytes of stdout",
        describe_status(&expected.status),
        expected.elapsed.as_secs_f64(),
        expected.stdout.len()
    );
    let err = actual.stderr_lossy();
    if err.is_empty() {
        let _ = writeln!(msg, "{actual_label} stderr: (empty)");
    } else {
        let _ = writeln!(msg, "{actual_label} stderr:\n{}", indent(&tail(&err, 6000)));
    }
    Err(msg)
}

/// Where two outputs first differ, with line numbers and a little context.
pub fn diff_report(a_label: &str, a: &[u8], b_label: &str, b: &[u8]) -> String {
    let a_lines: Vec<&[u8]> = split_lines(a);
    let b_lines: Vec<&[u8]> = split_lines(b);
    let mut msg = String::new();
    let first = a_lines
        .iter()
        .zip(b_lines.iter())
        .position(|(x, y)| x != y)
        .unwrap_or(a_lines.len().min(b_lines.len()));
    let _ = writeln!(
        msg,
        "stdout: {a_label} printed {} lines, {b_label} printed {} lines; first difference at line {}:",
        count_lines(a),
        count_lines(b),
        first + 1
    );
    let width = a_label.len().max(b_label.len());
    let from = first.saturating_sub(3);
    for (i, line) in a_lines.iter().enumerate().take(first).skip(from) {
        let _ = writeln!(msg, "  {:>5}   {:width$} | {}", i + 1, "", show_line(line));
    }
    let line_or_end = |lines: &Vec<&[u8]>| match lines.get(first) {
        Some(l) => show_line(l),
        None => "<end of output>".to_string(),
    };
    let _ = writeln!(
        msg,
        "  {:>5} - {a_label:width$} | {}",
        first + 1,
        line_or_end(&a_lines)
    );
    let _ = writeln!(
        msg,
        "  {:>5} + {b_label:width$} | {}",
        first + 1,
        line_or_end(&b_lines)
    );
    if let (Some(x), Some(y)) = (a_lines.get(first), b_lines.get(first)) {
        // Name the column too: helps with invisible differences.
        let col = x
            .iter()
            .zip(y.iter())
            .position(|(p, q)| p != q)
            .unwrap_or(x.len().min(y.len()));
        let _ = writeln!(msg, "          (lines differ from byte {} on)", col + 1);
    }
    for (label, lines) in [(a_label, &a_lines), (b_label, &b_lines)] {
        let more: Vec<String> = lines
            .iter()
            .skip(first + 1)
            .take(3)
            .map(|l| show_line(l))
            .collect();
        if !more.is_empty() {
            let _ = writeln!(msg, "  then {label}:");
            for (k, l) in more.iter().enumerate() {
                let _ = writeln!(msg, "  {:>5}   {:width$} | {l}", first + 2 + k, "");
            }
        }
    }
    msg
}

/// Lines including their terminator, so "a\n" and "a" differ.
fn split_lines(s: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in s.iter().enumerate() {
        if c == b'\n' {
            out.push(&s[start..=i]);
            start = i + 1;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn count_lines(s: &[u8]) -> usize {
    split_lines(s).len()
}

/// A line for display: escaped, with its terminator made visible only when
/// it is not a plain `\n`.
fn show_line(l: &[u8]) -> String {
    let (body, nl) = match l.strip_suffix(b"\n") {
        Some(b) => (b, ""),
        None => (l, "<no newline at end>"),
    };
    let mut s = String::new();
    for chunk in String::from_utf8_lossy(body).chars() {
        match chunk {
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(s, "\\u{{{:x}}}", c as u32);
            }
            c => s.push(c),
        }
    }
    if s.len() > 400 {
        let mut cut = 400;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push_str("...");
    }
    s.push_str(nl);
    s
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("    {l}\n")).collect()
}

/// The last `max` bytes of `s` (on a char boundary), marked when cut.
pub fn tail(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut start = s.len() - max;
    while !s.is_char_boundary(start) {
        start += 1;
    }
    format!("[... {} bytes cut ...]\n{}", start, &s[start..])
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle)
}
