//! ProcessService: ids, startup arguments, time and Terminate.

mod common;

use common::*;
use osprey_kernel::host::{self, ProcessConfig};
use osprey_kernel::{ExitReason, ProcessId, Status};

#[test]
fn startup_args_and_buffer_sizing() {
    let exit = host::spawn(captured("args", &["first", "", "naïve ✓"]), || {
        assert_eq!(arg_count(), 3);
        assert_eq!(arg(0).unwrap(), "first");
        assert_eq!(arg(1).unwrap(), "");
        assert_eq!(arg(2).unwrap(), "naïve ✓");
        assert_eq!(arg(3), Err(Status::IndexOutOfRange));
        assert_eq!(arg(u32::MAX), Err(Status::IndexOutOfRange));

        // A too-small buffer reports the needed length and copies nothing.
        let mut buf = [b'#'; 3];
        let mut len = 0usize;
        // SAFETY: `buf` is valid for 3 bytes, `len` for a usize.
        let st = unsafe {
            (abi().process_service_get_startup_arg)(0, buf.as_mut_ptr(), buf.len(), &mut len)
        };
        assert_eq!(st, Status::BufferTooSmall);
        assert_eq!(len, 5);
        assert_eq!(&buf, b"###");
        7
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 7);
    assert_eq!(exit.reason, ExitReason::Returned);
}

#[test]
fn process_ids_are_distinct_and_match_the_host_view() {
    let a = host::spawn(captured("a", &[]), || pid().0 as i32).unwrap();
    let b = host::spawn(captured("b", &[]), || pid().0 as i32).unwrap();
    let (ida, idb) = (a.id(), b.id());
    assert_ne!(ida, idb);
    assert_ne!(ida, ProcessId::NONE);
    assert_eq!(a.join().exit_code, ida.0 as i32);
    assert_eq!(b.join().exit_code, idb.0 as i32);
}

#[test]
fn clocks() {
    let exit = host::spawn(captured("clock", &[]), || {
        let t = abi();
        // SAFETY: (all calls) no arguments.
        unsafe {
            let hz = (t.process_service_get_cycles_per_second)();
            assert!(hz > 10_000_000, "implausible TSC frequency {hz}");
            assert_eq!((t.process_service_get_cycles_per_second)(), hz, "cached");
            let c0 = (t.process_service_get_cycle_count)();
            let u0 = (t.process_service_get_up_time)();
            std::thread::sleep(std::time::Duration::from_millis(20));
            let c1 = (t.process_service_get_cycle_count)();
            let u1 = (t.process_service_get_up_time)();
            assert!(c1 > c0);
            assert!(u1 >= u0 + 20_000_000, "up time advanced {} ns", u1 - u0);
            // The TSC and the monotonic clock agree within a factor of 2.
            let tsc_ns = (c1 - c0) as f64 / hz as f64 * 1e9;
            let mono_ns = (u1 - u0) as f64;
            assert!(
                tsc_ns > mono_ns / 2.0 && tsc_ns < mono_ns * 2.0,
                "{tsc_ns} vs {mono_ns}"
            );
        }
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}

#[test]
fn terminate_records_the_code_and_returns() {
    let handle = host::spawn(captured("term", &[]), || {
        assert_eq!(terminate(42), Status::Ok);
        // It returned: the VM would now unwind its frames. Other entries
        // still work meanwhile.
        assert_eq!(write(1, "after terminate\n"), Status::Ok);
        // The first code stands.
        assert_eq!(terminate(5), Status::InvalidState);
        0 // ignored: Terminate recorded 42 first
    })
    .unwrap();
    let exit = handle.join();
    assert_eq!(exit.exit_code, 42);
    assert_eq!(exit.reason, ExitReason::Terminated);
    assert_eq!(exit.stdout, b"after terminate\n");
}

#[test]
fn terminate_state_is_visible_to_the_host() {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (tx2, rx2) = std::sync::mpsc::channel::<()>();
    let handle = host::spawn(ProcessConfig::default(), move || {
        let _ = terminate(-1);
        tx.send(()).unwrap();
        rx2.recv().unwrap();
        0
    })
    .unwrap();
    rx.recv().unwrap();
    assert!(handle.is_terminating());
    assert!(!handle.is_finished());
    tx2.send(()).unwrap();
    assert_eq!(handle.join().exit_code, -1);
}
