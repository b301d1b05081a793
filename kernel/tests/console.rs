//! ConsoleService and DebugService: captured consoles of concurrent
//! processes, and the ordering of the inherited OS streams.

mod common;

use std::sync::{Arc, Barrier};

use common::*;
use osprey_kernel::host::{self, ProcessConfig};
use osprey_kernel::{stream, Protection, Status};

/// Two processes run at once, interleaving writes to their captured consoles
/// step by step; each sees only its own output, its own arguments and its
/// own page accounting.
#[test]
fn concurrent_processes_have_separate_consoles_args_and_pages() {
    const STEPS: usize = 50;
    let barrier = Arc::new(Barrier::new(2));
    let spawn = |name: &'static str, pages: usize| {
        let barrier = Arc::clone(&barrier);
        host::spawn(captured(name, &[name, "shared"]), move || {
            assert_eq!(arg_count(), 2);
            assert_eq!(arg(0).unwrap(), name);
            let page = page_size();
            let mem = allocate(pages * page, Protection::ReadWrite).unwrap();
            for step in 0..STEPS {
                barrier.wait();
                assert_eq!(
                    write(stream::STDOUT, &format!("{name} out {step}\n")),
                    Status::Ok
                );
                assert_eq!(
                    write(stream::STDERR, &format!("{name} err {step}\n")),
                    Status::Ok
                );
                assert_eq!(bytes_in_use(), (pages * page) as u64);
            }
            barrier.wait();
            assert_eq!(free(mem, pages * page), Status::Ok);
            assert_eq!(bytes_in_use(), 0);
            0
        })
        .unwrap()
    };
    let a = spawn("alpha", 3);
    let b = spawn("beta", 5);
    let (ea, eb) = (a.join(), b.join());
    for (exit, name) in [(&ea, "alpha"), (&eb, "beta")] {
        assert_eq!(exit.exit_code, 0, "{name}: {:?}", exit.reason);
        let expect_out: String = (0..STEPS).map(|s| format!("{name} out {s}\n")).collect();
        let expect_err: String = (0..STEPS).map(|s| format!("{name} err {s}\n")).collect();
        assert_eq!(String::from_utf8_lossy(&exit.stdout), expect_out);
        assert_eq!(String::from_utf8_lossy(&exit.stderr), expect_err);
    }
}

#[test]
fn flush_is_harmless_on_a_captured_console() {
    let exit = host::spawn(captured("flush", &[]), || {
        assert_eq!(write(1, "a"), Status::Ok);
        // SAFETY: no arguments.
        assert_eq!(unsafe { (abi().console_service_flush)() }, Status::Ok);
        // Console bytes are not checked for UTF-8.
        assert_eq!(
            // SAFETY: the slice is valid for its length.
            unsafe { (abi().console_service_write)(1, [0xffu8].as_ptr(), 1) },
            Status::Ok
        );
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.stdout, b"a\xff");
    assert!(exit.stderr.is_empty());
}

const CHILD_VAR: &str = "OSPREY_KERNEL_TEST_INHERIT_CHILD";
const BULK: usize = 100_000;

/// Runs only inside the re-executed test binary (see below): writes through
/// an `Inherit` console to the real descriptors.
#[test]
fn inherit_child() {
    if std::env::var_os(CHILD_VAR).is_none() {
        return;
    }
    let exit = host::spawn(ProcessConfig::default(), || {
        let _ = write(1, "<out1>");
        let _ = write(1, "<out2>");
        let _ = write(2, "<err1>");
        let _ = write(1, "<out3>");
        let _ = print("<dbg>");
        let _ = write(1, "<out4>");
        // SAFETY: no arguments.
        let _ = unsafe { (abi().console_service_flush)() };
        let _ = write(2, "<err2>");
        let chunk = "x".repeat(1000);
        for _ in 0..BULK / 1000 {
            let _ = write(1, &chunk);
        }
        let _ = write(1, "<end>"); // flushed when the process ends
        0
    })
    .unwrap()
    .join();
    assert!(exit.stdout.is_empty() && exit.stderr.is_empty());
}

/// `Inherit` buffers stdout but writes it before any stderr or debug print,
/// and flushes at process end: re-run this binary with both streams on one
/// pipe and check the order.
#[test]
fn inherit_orders_stdout_before_stderr_and_flushes_at_exit() {
    let exe = std::env::current_exe().unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" --exact inherit_child --nocapture --test-threads=1 2>&1")
        .arg(exe)
        .env(CHILD_VAR, "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let pos = |m: &str| {
        text.find(m)
            .unwrap_or_else(|| panic!("{m} missing from {text}"))
    };
    let order = ["<out1><out2><err1><out3><dbg><out4><err2>", "<end>"];
    assert!(pos(order[0]) < pos(order[1]));
    assert_eq!(text.matches('x').count(), BULK);
}
