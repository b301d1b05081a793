//! The host API: spawning, running on the current thread, stacks, panics.

mod common;

use common::*;
use osprey_kernel::host::{self, ProcessConfig, DEFAULT_STACK_SIZE};
use osprey_kernel::{ExitReason, KernelError, Protection, Status, EXIT_CODE_PANIC};

/// Recurses until `target` bytes of stack below `base` are in use; returns
/// the depth reached.
#[inline(never)]
fn use_stack(base: usize, target: usize) -> usize {
    let frame = [0u8; 4096];
    let here = std::hint::black_box(&frame) as *const _ as usize;
    if base.saturating_sub(here) >= target {
        return 1;
    }
    // Not a tail call: the frame stays live across the recursion.
    use_stack(base, target) + std::hint::black_box(&frame)[0] as usize + 1
}

fn stack_top() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

#[test]
fn default_stack_is_16_mib_and_deep_recursion_works() {
    assert_eq!(ProcessConfig::default().stack_size, DEFAULT_STACK_SIZE);
    assert_eq!(DEFAULT_STACK_SIZE, 16 << 20);
    // 12 MiB of frames: far more than a default Rust thread (2 MiB) allows.
    let exit = host::spawn(captured("deep", &[]), || {
        (use_stack(stack_top(), 12 << 20) > 1000) as i32
    })
    .unwrap()
    .join();
    assert_eq!(exit.reason, ExitReason::Returned);
    assert_eq!(exit.exit_code, 1);
}

#[test]
fn run_in_current_thread_binds_and_unbinds() {
    assert_eq!(host::current_process_id(), None);
    let exit = host::run_in_current_thread(captured("here", &["x"]), || {
        assert!(host::current_process_id().is_some());
        assert_eq!(arg(0).unwrap(), "x");
        // Processes do not nest on one thread.
        assert!(matches!(
            host::run_in_current_thread(ProcessConfig::default(), || 0),
            Err(KernelError::ThreadAlreadyBound)
        ));
        let _ = allocate(8192, Protection::ReadWrite).unwrap();
        let _ = write(2, "err");
        3
    })
    .unwrap();
    assert_eq!(exit.exit_code, 3);
    assert_eq!(exit.stderr, b"err");
    assert_eq!(exit.reclaimed_bytes, 8192);
    assert_eq!(host::current_process_id(), None);
    // The thread is unbound again: entries act on no process.
    assert_eq!(write(1, "x"), Status::NoProcess);
    // And it can host another process.
    let again = host::run_in_current_thread(captured("again", &[]), || 4).unwrap();
    assert_eq!(again.exit_code, 4);
    assert_ne!(again.id, exit.id);
}

#[test]
fn a_panicking_main_still_ends_the_process_cleanly() {
    let exit = host::spawn(captured("panics", &[]), || {
        let _ = allocate(4096, Protection::ReadWrite).unwrap();
        let _ = write(1, "before");
        panic!("boom");
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, EXIT_CODE_PANIC);
    assert_eq!(exit.reason, ExitReason::Panicked("boom".into()));
    assert_eq!(exit.stdout, b"before");
    assert_eq!(exit.reclaimed_bytes, 4096);
}

#[test]
fn zero_stack_size_means_default_and_names_may_be_odd() {
    let config = ProcessConfig {
        name: "odd\0name".into(),
        stack_size: 0,
        ..captured("", &[])
    };
    let exit = host::spawn(config, || (use_stack(stack_top(), 8 << 20) > 1000) as i32)
        .unwrap()
        .join();
    assert_eq!(exit.reason, ExitReason::Returned);
    assert_eq!(exit.exit_code, 1);
}
