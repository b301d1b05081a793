//! ThreadHandle (ABI v2): threads bound to their process, join and its
//! timeouts, detaching, the process life cycle with threads, panics, and
//! handles as per-process capabilities.

mod common;

use std::ffi::c_void;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::*;
use osprey_kernel::client::Os;
use osprey_kernel::{
    host, resolve_v2, ExitReason, Handle, ProcessId, Protection, Status, ThreadId, EXIT_CODE_PANIC,
};

fn os() -> Os {
    Os::resolve().expect("v2 is exported")
}

/// The status of a failed client call (panics on success).
fn status<T: std::fmt::Debug>(r: Result<T, osprey_kernel::client::OsError>) -> Status {
    r.expect_err("the call should fail").status
}

#[test]
fn threads_run_bound_to_their_process() {
    let exit = host::spawn(captured("threads", &[]), || {
        let os = os();
        let me = pid();
        let main_thread = os.current_thread_id();
        assert_ne!(main_thread, ThreadId::NONE, "a main thread has an id");
        let page = page_size();
        let (tx, rx) = mpsc::channel();
        let t = os
            .spawn_thread(0, move || {
                let os = Os::resolve().unwrap();
                // Its pages are the process's.
                let p = allocate(2 * page, Protection::ReadWrite).unwrap();
                // SAFETY: a committed read-write page.
                unsafe { p.write(7) };
                assert_eq!(write(1, "from a thread\n"), Status::Ok);
                // A thread's thread is bound to the same process.
                let inner = os.spawn_thread(256 * 1024, || pid().0 as i32).unwrap();
                let inner_pid = os.join_thread(inner, None).unwrap().unwrap();
                tx.send((pid(), os.current_thread_id(), p as usize, inner_pid as u32))
                    .unwrap();
                42
            })
            .unwrap();
        let (thread_pid, thread_id, p, inner_pid) = rx.recv().unwrap();
        assert_eq!(thread_pid, me);
        assert_eq!(inner_pid, me.0);
        assert_ne!(thread_id, main_thread);
        assert_eq!(os.thread_id(t), Ok(thread_id));
        assert_eq!(os.join_thread(t, None), Ok(Some(42)));
        assert_eq!(bytes_in_use(), 2 * page as u64, "counted to the process");
        assert_eq!(
            free(p as *mut u8, 2 * page),
            Status::Ok,
            "and the process owns them"
        );
        assert_eq!(bytes_in_use(), 0);
        assert_eq!(os.dispose_thread(t), Ok(()));
        assert_eq!(os.current_thread_id(), main_thread);
        assert_eq!(write(1, "main done\n"), Status::Ok);
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
    assert_eq!(exit.stdout, b"from a thread\nmain done\n");
}

#[test]
fn threads_of_a_child_process_are_the_childs() {
    let exit = host::spawn(captured("parent", &[]), || {
        let parent = pid();
        let child = create_child("child", &[], move || {
            let os = Os::resolve().unwrap();
            let t = os.spawn_thread(0, || pid().0 as i32).unwrap();
            let thread_pid = os.join_thread(t, None).unwrap().unwrap();
            assert_eq!(thread_pid as u32, pid().0);
            assert_ne!(pid(), parent);
            thread_pid
        })
        .unwrap();
        let child_id = child_pid(child).unwrap();
        assert_eq!(start(child), Status::Ok);
        assert_eq!(join(child), Ok(child_id.0 as i32));
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}

#[test]
fn join_returns_exit_codes_and_honors_timeouts() {
    let exit = host::spawn(captured("joiner", &[]), || {
        let os = os();
        let go = os.create_event(false, false).unwrap();
        let t = os
            .spawn_thread(0, move || {
                Os::resolve().unwrap().wait_event(go, None).unwrap();
                7
            })
            .unwrap();
        assert_eq!(os.join_thread(t, Some(Duration::ZERO)), Ok(None), "poll");
        let begin = Instant::now();
        assert_eq!(os.join_thread(t, Some(Duration::from_millis(30))), Ok(None));
        assert!(begin.elapsed() >= Duration::from_millis(30));
        os.set_event(go).unwrap();
        assert_eq!(os.join_thread(t, None), Ok(Some(7)));
        assert_eq!(
            os.join_thread(t, Some(Duration::ZERO)),
            Ok(Some(7)),
            "again"
        );

        // Several at once, each with its own code (negative ones too).
        let threads: Vec<Handle> = (0..12)
            .map(|i| os.spawn_thread(64 * 1024, move || i * 3 - 5).unwrap())
            .collect();
        for (i, t) in threads.iter().enumerate() {
            assert_eq!(os.join_thread(*t, None), Ok(Some(i as i32 * 3 - 5)));
        }
        // Many short-lived ones in sequence (the kernel reaps them as it goes).
        for i in 0..48 {
            let t = os.spawn_thread(64 * 1024, move || i).unwrap();
            assert_eq!(os.join_thread(t, None), Ok(Some(i)));
            os.dispose_thread(t).unwrap();
        }
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}

#[test]
fn a_thread_cannot_join_itself() {
    let exit = host::spawn(captured("self-join", &[]), || {
        let os = os();
        let (tx, rx) = mpsc::channel::<Handle>();
        let t = os
            .spawn_thread(0, move || {
                let me = rx.recv().unwrap();
                let os = Os::resolve().unwrap();
                assert_eq!(os.thread_id(me), Ok(os.current_thread_id()));
                match os.join_thread(me, None) {
                    Err(e) if e.status == Status::InvalidState => 1,
                    _ => 2,
                }
            })
            .unwrap();
        tx.send(t).unwrap();
        os.join_thread(t, None).unwrap().unwrap()
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 1, "{:?}", exit.reason);
}

#[test]
fn disposing_a_thread_handle_detaches_the_thread() {
    let exit = host::spawn(captured("detacher", &[]), || {
        let os = os();
        let (tx, rx) = mpsc::channel::<()>();
        let (back_tx, back_rx) = mpsc::channel::<ProcessId>();
        let t = os
            .spawn_thread(0, move || {
                rx.recv().unwrap();
                back_tx.send(pid()).unwrap();
                0
            })
            .unwrap();
        assert_eq!(os.dispose_thread(t), Ok(()));
        assert_eq!(status(os.dispose_thread(t)), Status::InvalidHandle);
        assert_eq!(status(os.join_thread(t, None)), Status::InvalidHandle);
        assert_eq!(status(os.thread_id(t)), Status::InvalidHandle);
        // Still running: it answers, bound to this process.
        tx.send(()).unwrap();
        assert_eq!(back_rx.recv().unwrap(), pid());
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}

/// `main` returns while a (detached) thread is still running: the process
/// stops accepting threads but keeps its pages, handles and console until
/// the thread has returned, and only then ends.
#[test]
fn a_process_ends_only_after_its_threads_return() {
    let (ending_tx, ending_rx) = mpsc::channel::<()>();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let page = page_size();
    let handle = host::spawn(captured("waits", &[]), move || {
        let os = os();
        let p = allocate(page, Protection::ReadWrite).unwrap() as usize;
        let event = os.create_event(true, false).unwrap();
        let t = os
            .spawn_thread(0, move || {
                let os = Os::resolve().unwrap();
                // Wait until `main` has returned: from then on the process
                // accepts no new threads.
                loop {
                    match os.spawn_thread(64 * 1024, || 0) {
                        Ok(t) => {
                            os.join_thread(t, None).unwrap();
                            os.dispose_thread(t).unwrap();
                            std::thread::sleep(Duration::from_millis(1));
                        }
                        Err(e) => {
                            assert_eq!(e.status, Status::InvalidState);
                            break;
                        }
                    }
                }
                ending_tx.send(()).unwrap();
                go_rx.recv().unwrap();
                // The process's pages are still mapped and its handles valid.
                // SAFETY: the page is the process's, committed read-write.
                unsafe { (p as *mut u8).write(1) };
                os.set_event(event).unwrap();
                assert!(os.wait_event(event, Some(Duration::ZERO)).unwrap());
                let q = allocate(page, Protection::ReadWrite).unwrap();
                // SAFETY: as above.
                unsafe { q.write(1) };
                assert_eq!(write(1, "background thread done\n"), Status::Ok);
                0
            })
            .unwrap();
        os.dispose_thread(t).unwrap(); // detached threads are waited for too
        assert_eq!(write(1, "main returns\n"), Status::Ok);
        3
    })
    .unwrap();
    ending_rx.recv().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    assert!(!handle.is_finished(), "ended while a thread runs");
    assert_eq!(handle.bytes_in_use(), page as u64);
    go_tx.send(()).unwrap();
    let exit = handle.join();
    assert_eq!(exit.exit_code, 3, "{:?}", exit.reason);
    assert_eq!(exit.reason, ExitReason::Returned);
    assert_eq!(exit.stdout, b"main returns\nbackground thread done\n");
    assert_eq!(
        exit.reclaimed_bytes,
        2 * page as u64,
        "the thread's page too"
    );
}

#[test]
fn a_panic_in_a_thread_is_its_exit_code_not_the_process_s() {
    let exit = host::spawn(captured("panics", &[]), || {
        let os = os();
        let t = os.spawn_thread(0, || panic!("a thread panics")).unwrap();
        assert_eq!(os.join_thread(t, None), Ok(Some(EXIT_CODE_PANIC)));
        // A detached one that panics while the process ends.
        let d = os
            .spawn_thread(0, || {
                std::thread::sleep(Duration::from_millis(5));
                panic!("a detached thread panics")
            })
            .unwrap();
        os.dispose_thread(d).unwrap();
        assert_eq!(write(1, "still here\n"), Status::Ok);
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
    assert_eq!(exit.reason, ExitReason::Returned);
    assert_eq!(exit.stdout, b"still here\n");
}

/// Thread and event handles mean something only in the process that holds
/// them, and only as their own kind.
#[test]
fn thread_and_event_handles_are_per_process_capabilities() {
    let (tx, rx) = mpsc::channel::<(Handle, Handle)>();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let holder = host::spawn(captured("holder", &[]), move || {
        let os = os();
        let e = os.create_event(false, false).unwrap();
        let t = os
            .spawn_thread(0, move || {
                Os::resolve().unwrap().wait_event(e, None).unwrap();
                5
            })
            .unwrap();
        tx.send((t, e)).unwrap();
        done_rx.recv().unwrap();
        // Wrong kinds are invalid, and leave the handles intact.
        assert_eq!(
            status(os.join_thread(e, Some(Duration::ZERO))),
            Status::InvalidHandle
        );
        assert_eq!(status(os.thread_id(e)), Status::InvalidHandle);
        assert_eq!(status(os.dispose_thread(e)), Status::InvalidHandle);
        assert_eq!(status(os.set_event(t)), Status::InvalidHandle);
        assert_eq!(
            status(os.wait_event(t, Some(Duration::ZERO))),
            Status::InvalidHandle
        );
        assert_eq!(status(os.dispose_event(t)), Status::InvalidHandle);
        assert_eq!(dispose(t), Status::InvalidHandle, "not a process handle");
        assert_eq!(child_pid(t), Err(Status::InvalidHandle));
        assert_eq!(start(e), Status::InvalidHandle);
        // Untouched by the other process's attempts, too.
        os.set_event(e).unwrap();
        let code = os.join_thread(t, None).unwrap().unwrap();
        os.dispose_thread(t).unwrap();
        os.dispose_event(e).unwrap();
        code
    })
    .unwrap();
    let (t, e) = rx.recv().unwrap();
    let other = host::spawn(captured("other", &[]), move || {
        let os = os();
        assert_eq!(
            status(os.join_thread(t, Some(Duration::ZERO))),
            Status::InvalidHandle
        );
        assert_eq!(status(os.thread_id(t)), Status::InvalidHandle);
        assert_eq!(status(os.dispose_thread(t)), Status::InvalidHandle);
        assert_eq!(status(os.set_event(e)), Status::InvalidHandle);
        assert_eq!(status(os.reset_event(e)), Status::InvalidHandle);
        assert_eq!(
            status(os.wait_event(e, Some(Duration::ZERO))),
            Status::InvalidHandle
        );
        assert_eq!(status(os.dispose_event(e)), Status::InvalidHandle);
        0
    })
    .unwrap()
    .join();
    assert_eq!(other.exit_code, 0, "{:?}", other.reason);
    done_tx.send(()).unwrap();
    let holder = holder.join();
    assert_eq!(holder.exit_code, 5, "{:?}", holder.reason);
}

static RAN: AtomicUsize = AtomicUsize::new(0);

unsafe extern "C" fn count_and_return(context: *mut c_void) -> i32 {
    RAN.fetch_add(1, Ordering::SeqCst);
    context as usize as i32
}

#[test]
fn invalid_arguments_and_unbound_callers() {
    let v2 = resolve_v2().unwrap();
    let mut h = Handle::NULL;
    let mut code = 0i32;
    let mut id = ThreadId::NONE;
    // The test thread is bound to no process.
    // SAFETY: valid out-pointers; the entry is sound to call anywhere.
    unsafe {
        let st = (v2.thread_handle_create)(Some(count_and_return), 9 as _, 0, &mut h);
        assert_eq!(st, Status::NoProcess);
        assert_eq!((v2.thread_handle_get_current_thread_id)(), ThreadId::NONE);
        assert_eq!(
            (v2.thread_handle_join)(Handle(1), 0, &mut code),
            Status::NoProcess
        );
        assert_eq!((v2.thread_handle_dispose)(Handle(1)), Status::NoProcess);
        assert_eq!((v2.event_handle_create)(0, 0, &mut h), Status::NoProcess);
        assert_eq!((v2.event_handle_set)(Handle(1)), Status::NoProcess);
        assert_eq!((v2.event_handle_wait)(Handle(1), 0), Status::NoProcess);
    }
    let exit = host::spawn(captured("args", &[]), move || {
        let v2 = resolve_v2().unwrap();
        let mut h = Handle::NULL;
        // SAFETY: each pointer is either valid or deliberately null, which
        // the kernel rejects; the entry is sound to call anywhere.
        unsafe {
            let create = v2.thread_handle_create;
            assert_eq!(create(None, 9 as _, 0, &mut h), Status::InvalidArgument);
            let null = std::ptr::null_mut();
            assert_eq!(
                create(Some(count_and_return), 9 as _, 0, null),
                Status::InvalidArgument
            );
            let huge = (1usize << 32) + 1;
            assert_eq!(
                create(Some(count_and_return), 9 as _, huge, &mut h),
                Status::InvalidArgument
            );
            assert_eq!(RAN.load(Ordering::SeqCst), 0, "no entry ran");
            assert_eq!(
                create(Some(count_and_return), 9 as _, 0, &mut h),
                Status::Ok
            );
            assert_eq!(
                (v2.thread_handle_join)(h, u64::MAX, null.cast()),
                Status::InvalidArgument
            );
            assert_eq!(
                (v2.thread_handle_get_thread_id)(h, null.cast()),
                Status::InvalidArgument
            );
            assert_eq!((v2.thread_handle_join)(h, u64::MAX, &mut code), Status::Ok);
            assert_eq!(code, 9);
            assert_eq!(RAN.load(Ordering::SeqCst), 1);
            assert_eq!((v2.thread_handle_get_thread_id)(h, &mut id), Status::Ok);
            assert_ne!(id, ThreadId::NONE);
            assert_eq!(
                (v2.thread_handle_join)(Handle::NULL, 0, &mut code),
                Status::InvalidHandle
            );

            let event = v2.event_handle_create;
            assert_eq!(event(2, 0, &mut h), Status::InvalidArgument);
            assert_eq!(event(0, 2, &mut h), Status::InvalidArgument);
            assert_eq!(event(0, 0, null.cast()), Status::InvalidArgument);
            assert_eq!((v2.event_handle_set)(Handle::NULL), Status::InvalidHandle);
            assert_eq!(
                (v2.event_handle_wait)(Handle(12345), 0),
                Status::InvalidHandle
            );
        }
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}
