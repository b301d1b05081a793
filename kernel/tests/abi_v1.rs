//! The export table and the behaviour of entries on threads bound to no
//! process.

mod common;

use common::*;
use osprey_kernel::{resolve, AbiError, Handle, ProcessId, Protection, Status, ABI_VERSION_LATEST};

#[test]
fn resolve_v1_and_reject_unknown_versions() {
    let t = resolve(1).unwrap();
    assert_eq!(t.version, 1);
    assert_eq!(
        t.size as usize,
        core::mem::size_of::<osprey_kernel::AbiV1>()
    );
    assert_eq!(ABI_VERSION_LATEST, 5);
    // v2, v3, v4 and v5 begin with all of v1.
    assert_eq!(resolve(2).unwrap().version, 2);
    assert_eq!(resolve(3).unwrap().version, 3);
    assert_eq!(resolve(4).unwrap().version, 4);
    assert_eq!(resolve(5).unwrap().version, 5);
    let err = resolve(6).unwrap_err();
    assert_eq!(
        err,
        AbiError::UnknownVersion {
            requested: 6,
            latest: 5
        }
    );
    assert!(err.to_string().contains("version 6"));
    assert!(resolve(0).is_err());
}

#[test]
fn unbound_thread_gets_no_process_and_never_crashes() {
    // The test harness thread is bound to no kernel process.
    assert_eq!(pid(), ProcessId::NONE);
    assert_eq!(arg_count(), 0);
    assert_eq!(arg(0), Err(Status::NoProcess));
    assert_eq!(write(1, "x"), Status::NoProcess);
    assert_eq!(
        // SAFETY: no arguments.
        unsafe { (abi().console_service_flush)() },
        Status::NoProcess
    );
    assert_eq!(terminate(3), Status::NoProcess);
    assert_eq!(bytes_in_use(), 0);
    assert_eq!(
        allocate(4096, Protection::ReadWrite),
        Err(Status::NoProcess)
    );
    assert_eq!(start(Handle(1)), Status::NoProcess);
    assert_eq!(dispose(Handle(1)), Status::NoProcess);
    // Time and debug output need no process.
    // SAFETY: no arguments.
    assert!(unsafe { (abi().process_service_get_cycle_count)() } > 0);
    assert_eq!(print(""), Status::Ok);
}

#[test]
fn bad_pointers_are_status_codes() {
    let exit = osprey_kernel::host::spawn(captured("bad", &["a"]), || {
        let t = abi();
        // SAFETY: (all calls below) the kernel must reject these arguments
        // before dereferencing anything.
        unsafe {
            assert_eq!(
                (t.debug_service_print)(core::ptr::null(), 3),
                Status::InvalidArgument
            );
            assert_eq!(
                (t.debug_service_print)([0xffu8].as_ptr(), 1),
                Status::InvalidUtf8
            );
            assert_eq!(
                (t.console_service_write)(1, core::ptr::null(), 1),
                Status::InvalidArgument
            );
            assert_eq!(
                (t.console_service_write)(3, b"x".as_ptr(), 1),
                Status::InvalidArgument
            );
            assert_eq!(
                (t.console_service_write)(1, core::ptr::null(), 0),
                Status::Ok
            );
            assert_eq!(
                (t.process_service_get_startup_arg)(
                    0,
                    core::ptr::null_mut(),
                    0,
                    core::ptr::null_mut()
                ),
                Status::InvalidArgument
            );
            let mut len = 0usize;
            // Buffer length claims room but the pointer is null.
            assert_eq!(
                (t.process_service_get_startup_arg)(0, core::ptr::null_mut(), 8, &mut len),
                Status::InvalidArgument
            );
            let misaligned = (core::ptr::addr_of_mut!(len) as *mut u8).add(1) as *mut usize;
            assert_eq!(
                (t.process_service_get_startup_arg)(0, core::ptr::null_mut(), 0, misaligned),
                Status::InvalidArgument
            );
            assert_eq!(
                (t.page_table_service_allocate)(4096, 2, core::ptr::null_mut()),
                Status::InvalidArgument
            );
            let mut p = core::ptr::null_mut();
            assert_eq!(
                (t.page_table_service_allocate)(4096, 99, &mut p),
                Status::InvalidArgument
            );
            assert_eq!(
                (t.process_handle_join)(Handle(1), core::ptr::null_mut()),
                Status::InvalidArgument
            );
            let mut h = Handle::NULL;
            assert_eq!(
                (t.process_handle_create)(
                    b"x".as_ptr(),
                    1,
                    core::ptr::null(),
                    0,
                    0,
                    None,
                    core::ptr::null_mut(),
                    &mut h
                ),
                Status::InvalidArgument
            );
        }
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}
