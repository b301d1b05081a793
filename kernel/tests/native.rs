//! ABI v3: native libraries (load, symbols, errors, handles as per-process
//! capabilities), the C heap, `errno`, and foreign threads attaching to a
//! process.

mod common;

use std::ffi::c_void;

use common::*;
use osprey_kernel::client::Os;
use osprey_kernel::{host, resolve_v3, Handle, ProcessId, Status, ThreadId};

fn os() -> Os {
    Os::resolve().expect("v4 is exported")
}

#[test]
fn libraries_load_and_export_symbols() {
    let exit = host::spawn(captured("libraries", &[]), || {
        let os = os();
        let libm = os.load_library("libm.so.6").expect("libm loads");
        let cos = os.library_symbol(libm, "cos").expect("libm exports cos");
        // SAFETY: libm's `cos` has this signature.
        let cos: extern "C" fn(f64) -> f64 = unsafe { std::mem::transmute(cos) };
        assert_eq!(cos(0.0), 1.0);
        // A missing symbol: NotFound, with the loader's explanation.
        let missing = os
            .library_symbol(libm, "no_such_function_here")
            .unwrap_err();
        assert_eq!(missing.status, Status::NotFound);
        assert!(
            missing.message.contains("no_such_function_here"),
            "{}",
            missing.message
        );
        // A missing library likewise.
        let nolib = os.load_library("libosprey-does-not-exist.so").unwrap_err();
        assert_eq!(nolib.status, Status::NotFound);
        assert!(
            nolib.message.contains("libosprey-does-not-exist.so"),
            "{}",
            nolib.message
        );
        // A NUL in a name is an invalid argument, not a truncated name.
        assert_eq!(
            os.load_library("libm.so.6\0x").unwrap_err().status,
            Status::InvalidArgument
        );
        // The main program ("" names it) exports libc's symbols.
        let main = os.load_library("").expect("the main program");
        assert!(os.library_symbol(main, "strlen").is_ok());
        assert_eq!(os.free_library(libm), Ok(()));
        assert_eq!(
            os.library_symbol(libm, "cos").unwrap_err().status,
            Status::InvalidHandle,
            "a freed handle names nothing"
        );
        assert_eq!(
            os.free_library(libm).unwrap_err().status,
            Status::InvalidHandle
        );
        assert_eq!(
            os.free_library(Handle(9999)).unwrap_err().status,
            Status::InvalidHandle
        );
        main.0 as i32
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 2, "the second handle of the process");
}

#[test]
fn library_handles_belong_to_their_process() {
    let (tx, rx) = std::sync::mpsc::channel();
    let a = host::spawn(captured("a", &[]), move || {
        let h = os().load_library("libc.so.6").unwrap();
        tx.send(h).unwrap();
        0
    })
    .unwrap()
    .join();
    assert_eq!(a.exit_code, 0);
    let h = rx.recv().unwrap();
    let b = host::spawn(captured("b", &[]), move || {
        // Process a's handle value means nothing here.
        os().library_symbol(h, "strlen").unwrap_err().status as i32
    })
    .unwrap()
    .join();
    assert_eq!(b.exit_code, Status::InvalidHandle as i32);
    // No process: NoProcess.
    assert_eq!(
        os().load_library("libc.so.6").unwrap_err().status,
        Status::NoProcess
    );
}

#[test]
fn entries_check_their_arguments() {
    let v3 = resolve_v3().unwrap();
    // SAFETY: null out-pointers are rejected before anything is written.
    unsafe {
        assert_eq!(
            (v3.native_library_service_load)(b"x".as_ptr(), 1, std::ptr::null_mut()),
            Status::InvalidArgument
        );
        assert_eq!(
            (v3.native_memory_service_allocate)(8, std::ptr::null_mut()),
            Status::InvalidArgument
        );
        assert_eq!(
            (v3.native_library_service_get_last_error)(
                std::ptr::null_mut(),
                0,
                std::ptr::null_mut()
            ),
            Status::InvalidArgument
        );
        let mut h = Handle::NULL;
        assert_eq!(
            (v3.native_library_service_load)([0xFFu8].as_ptr(), 1, &mut h),
            Status::InvalidUtf8
        );
    }
}

#[test]
fn c_heap_blocks_and_errno() {
    let os = os();
    let p = os.native_alloc(0).expect("even 0 bytes give a block");
    assert!(!p.is_null());
    // SAFETY: at least one byte; reallocated then freed once.
    unsafe {
        p.write(42);
        let q = os.native_realloc(p, 4096).unwrap();
        assert_eq!(q.read(), 42, "contents survive a resize");
        os.native_free(q);
        os.native_free(std::ptr::null_mut());
    }
    os.set_last_error(17);
    assert_eq!(os.last_error(), 17);
    let (get, set) = os.last_error_entries();
    // SAFETY: the entries have these signatures.
    let get: extern "C" fn() -> i32 = unsafe { std::mem::transmute(get) };
    // SAFETY: as above.
    let set: extern "C" fn(i32) = unsafe { std::mem::transmute(set) };
    set(3);
    assert_eq!(get(), 3);
    // Per thread.
    let other = std::thread::spawn(|| Os::resolve().unwrap().last_error())
        .join()
        .unwrap();
    assert_eq!(other, 0);
}

extern "C" fn foreign_thread(token: *mut c_void) -> *mut c_void {
    let os = Os::resolve().unwrap();
    let token = token as u64;
    let mut out: Vec<u64> = Vec::new();
    out.push(u64::from(pid().0)); // not bound yet: 0
    out.push(os.detach_current_thread().unwrap_err().status as u64);
    match os.attach_current_thread(token) {
        Ok(id) => {
            out.push(u64::from(id.0));
            out.push(u64::from(pid().0));
            out.push(os.attach_current_thread(token).unwrap_err().status as u64);
            out.push(u64::from(os.detach_current_thread().is_ok()));
            out.push(u64::from(pid().0));
        }
        Err(e) => out.push(1000 + e.status as u64),
    }
    out.push(
        os.attach_current_thread(token ^ 0x5555_0000_0000)
            .unwrap_err()
            .status as u64,
    );
    Box::into_raw(Box::new(out)) as *mut c_void
}

#[test]
fn foreign_threads_attach_with_the_token() {
    let exit = host::spawn(captured("attach", &[]), || {
        let os = os();
        let token = os.attach_token();
        assert_ne!(token, 0);
        // A thread the kernel did not create: a raw pthread, as C starts one.
        let mut t: libc::pthread_t = 0;
        // SAFETY: `foreign_thread` has the pthread entry signature.
        unsafe {
            assert_eq!(
                libc::pthread_create(
                    &mut t,
                    std::ptr::null(),
                    foreign_thread,
                    token as *mut c_void
                ),
                0
            );
        }
        let mut ret: *mut c_void = std::ptr::null_mut();
        // SAFETY: joins the thread just created, once.
        unsafe { assert_eq!(libc::pthread_join(t, &mut ret), 0) };
        // SAFETY: the thread returned a leaked Box<Vec<u64>>.
        let out = unsafe { Box::from_raw(ret as *mut Vec<u64>) };
        assert_eq!(out[0], 0, "unbound before attaching");
        assert_eq!(out[1], Status::InvalidState as u64, "nothing to detach");
        assert_ne!(out[2], u64::from(ThreadId::NONE.0), "a kernel thread id");
        assert_eq!(out[3], u64::from(pid().0), "bound to this process");
        assert_eq!(out[4], Status::InvalidState as u64, "attaching twice");
        assert_eq!(out[5], 1, "detached");
        assert_eq!(out[6], 0, "unbound again");
        assert_eq!(out[7], Status::NotFound as u64, "a wrong token");
        // The main thread was created by the kernel: it cannot detach.
        assert_eq!(
            os.detach_current_thread().unwrap_err().status,
            Status::InvalidState
        );
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0);
    assert_eq!(os().attach_token(), 0, "no process, no token");
    let _ = ProcessId::NONE;
}
