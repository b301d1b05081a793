//! ABI v4 synchronization: mutexes (recursion, ownership, abandonment),
//! semaphores, wait-any and wait-all, sleeping, and stopping a process:
//! interruptible waits end with `Stopped`, the stop word is set, v2 waits
//! keep their v2 behaviour.

mod common;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use osprey_kernel::client::{Os, WaitOutcome};
use osprey_kernel::{host, resolve_v4, ExitReason, Handle, Protection, Status};

fn os() -> Os {
    Os::resolve().expect("v4 is exported")
}

fn status<T: std::fmt::Debug>(r: Result<T, osprey_kernel::client::OsError>) -> Status {
    r.expect_err("the call should fail").status
}

/// Runs `body` in a captured process and returns its exit code.
fn in_process(name: &str, body: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let exit = host::spawn(captured(name, &[]), body).unwrap().join();
    assert!(
        !matches!(exit.reason, ExitReason::Panicked(_)),
        "{name}: {:?} {}",
        exit.reason,
        String::from_utf8_lossy(&exit.stderr)
    );
    exit.exit_code
}

const SHORT: Option<Duration> = Some(Duration::from_millis(20));

#[test]
fn mutexes_are_recursive_owned_and_abandoned() {
    assert_eq!(
        in_process("mutex", || {
            let os = os();
            let m = os.create_mutex(false).unwrap();
            assert_eq!(os.wait_any(&[m], None), Ok(WaitOutcome::Acquired(0)));
            assert_eq!(
                os.wait_any(&[m], None),
                Ok(WaitOutcome::Acquired(0)),
                "recursive"
            );
            // Another thread cannot take it, nor release it.
            let t = os
                .spawn_thread(0, move || {
                    let os = Os::resolve().unwrap();
                    let timed_out = os.wait_any(&[m], SHORT) == Ok(WaitOutcome::TimedOut);
                    let refused = status(os.release_mutex(m)) == Status::InvalidState;
                    i32::from(timed_out && refused)
                })
                .unwrap();
            assert_eq!(os.join_thread(t, None), Ok(Some(1)));
            os.release_mutex(m).unwrap();
            os.release_mutex(m).unwrap();
            assert_eq!(
                status(os.release_mutex(m)),
                Status::InvalidState,
                "not owned"
            );
            // A thread that ends holding it abandons it.
            let t = os
                .spawn_thread(0, move || {
                    let os = Os::resolve().unwrap();
                    i32::from(os.wait_any(&[m], None) == Ok(WaitOutcome::Acquired(0)))
                })
                .unwrap();
            assert_eq!(os.join_thread(t, None), Ok(Some(1)));
            assert_eq!(os.wait_any(&[m], None), Ok(WaitOutcome::Abandoned(0)));
            os.release_mutex(m).unwrap();
            assert_eq!(
                os.wait_any(&[m], None),
                Ok(WaitOutcome::Acquired(0)),
                "once"
            );
            os.release_mutex(m).unwrap();
            let owned = os.create_mutex(true).unwrap();
            os.release_mutex(owned).unwrap();
            os.dispose_mutex(m).unwrap();
            assert_eq!(status(os.release_mutex(m)), Status::InvalidHandle);
            let mut h = Handle::NULL;
            // SAFETY: `h` is a valid out-pointer.
            let bad = unsafe { (resolve_v4().unwrap().mutex_handle_create)(2, &mut h) };
            assert_eq!(bad, Status::InvalidArgument);
            0
        }),
        0
    );
}

#[test]
fn semaphores_count_and_refuse_to_overflow() {
    assert_eq!(
        in_process("semaphore", || {
            let os = os();
            assert_eq!(status(os.create_semaphore(2, 1)), Status::InvalidArgument);
            assert_eq!(status(os.create_semaphore(0, 0)), Status::InvalidArgument);
            let s = os.create_semaphore(1, 3).unwrap();
            assert_eq!(os.wait_any(&[s], SHORT), Ok(WaitOutcome::Acquired(0)));
            assert_eq!(os.wait_any(&[s], SHORT), Ok(WaitOutcome::TimedOut));
            assert_eq!(os.release_semaphore(s, 2), Ok(0));
            assert_eq!(status(os.release_semaphore(s, 2)), Status::InvalidState);
            assert_eq!(status(os.release_semaphore(s, 0)), Status::InvalidArgument);
            assert_eq!(os.release_semaphore(s, 1), Ok(2));
            for _ in 0..3 {
                assert_eq!(os.wait_any(&[s], SHORT), Ok(WaitOutcome::Acquired(0)));
            }
            os.dispose_semaphore(s).unwrap();
            0
        }),
        0
    );
}

#[test]
fn wait_any_and_wait_all_over_mixed_objects() {
    assert_eq!(
        in_process("waits", || {
            let os = os();
            let e = os.create_event(false, false).unwrap();
            let m = os.create_event(true, true).unwrap();
            let s = os.create_semaphore(0, 1).unwrap();
            assert_eq!(os.wait_any(&[e, s, m], SHORT), Ok(WaitOutcome::Acquired(2)));
            assert_eq!(os.wait_all(&[e, m], SHORT), Ok(false));
            os.set_event(e).unwrap();
            assert_eq!(os.wait_all(&[e, m], SHORT), Ok(true));
            assert_eq!(
                os.wait_any(&[e], SHORT),
                Ok(WaitOutcome::TimedOut),
                "wait-all consumed the auto-reset event"
            );
            assert_eq!(status(os.wait_all(&[m, m], SHORT)), Status::InvalidArgument);
            assert_eq!(status(os.wait_any(&[], SHORT)), Status::InvalidArgument);
            assert_eq!(
                status(os.wait_any(&[Handle(999)], SHORT)),
                Status::InvalidHandle
            );
            let block = os.allocate_block(8).unwrap();
            assert_eq!(status(os.wait_any(&[block], SHORT)), Status::InvalidHandle);
            // A thread is waitable: the wait ends when it ends; a blocked
            // wait-all is completed by a later set.
            let t = os.spawn_thread(0, || 7).unwrap();
            assert_eq!(os.wait_any(&[e, t], None), Ok(WaitOutcome::Acquired(1)));
            let setter = os
                .spawn_thread(0, move || {
                    let os = Os::resolve().unwrap();
                    std::thread::sleep(Duration::from_millis(20));
                    os.release_semaphore(s, 1).unwrap();
                    os.set_event(e).unwrap();
                    0
                })
                .unwrap();
            assert_eq!(
                os.wait_all(&[e, s], Some(Duration::from_secs(10))),
                Ok(true)
            );
            os.join_thread(setter, None).unwrap();
            os.sleep(Some(Duration::from_millis(5))).unwrap();
            0
        }),
        0
    );
}

#[test]
fn stop_ends_interruptible_waits_sets_the_stop_word_and_spares_v2_waits() {
    let exit = host::spawn(captured("stop", &[]), || {
        let os = os();
        let page = allocate(page_size(), Protection::ReadWrite).unwrap() as usize;
        let word = page as *mut u32;
        // SAFETY: a committed read-write page of this process.
        let word_ref = unsafe { AtomicU32::from_ptr(word) };
        // SAFETY: the page is ours and holds only the word.
        unsafe { os.set_stop_word(word_ref, 4) }.unwrap();
        let v4 = resolve_v4().unwrap();
        assert_eq!(
            // SAFETY: misaligned and foreign addresses are rejected.
            unsafe { (v4.process_service_set_stop_word)((page + 1) as *mut u32, 4) },
            Status::InvalidArgument
        );
        let mut on_stack = 0u32;
        assert_eq!(
            // SAFETY: as above (a stack address is not a page of ours).
            unsafe { (v4.process_service_set_stop_word)(&mut on_stack, 4) },
            Status::InvalidRange
        );
        // SAFETY: (re)register the good one.
        unsafe { os.set_stop_word(word_ref, 4) }.unwrap();
        assert_eq!(os.stop_code(), None);
        let e = os.create_event(false, false).unwrap();
        let waiting = Arc::new(AtomicU32::new(0));
        let w = Arc::clone(&waiting);
        let sleeper = os
            .spawn_thread(0, move || {
                let os = Os::resolve().unwrap();
                w.fetch_add(1, Ordering::SeqCst);
                let slept = os.sleep(None);
                i32::from(slept.map_err(|e| e.status) == Err(Status::Stopped))
            })
            .unwrap();
        let w = Arc::clone(&waiting);
        let waiter = os
            .spawn_thread(0, move || {
                let os = Os::resolve().unwrap();
                w.fetch_add(1, Ordering::SeqCst);
                i32::from(status(os.wait_any(&[e], None)) == Status::Stopped)
            })
            .unwrap();
        while waiting.load(Ordering::SeqCst) < 2 {
            std::thread::yield_now();
        }
        std::thread::sleep(Duration::from_millis(20));
        let started = Instant::now();
        os.stop(42).unwrap();
        os.stop(43).unwrap();
        assert_eq!(os.join_thread(sleeper, None), Ok(Some(1)));
        assert_eq!(os.join_thread(waiter, None), Ok(Some(1)));
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(word_ref.load(Ordering::SeqCst), 4, "stop word set");
        assert_eq!(os.stop_code(), Some(42), "the first code stands");
        // Later v4 waits give up at once; v2 waits still work.
        assert_eq!(status(os.wait_any(&[e], None)), Status::Stopped);
        assert_eq!(status(os.sleep(SHORT)), Status::Stopped);
        os.set_event(e).unwrap();
        assert_eq!(os.wait_event(e, None), Ok(true), "v2 wait");
        let t = os.spawn_thread(0, || 5).unwrap();
        assert_eq!(os.join_thread(t, None), Ok(Some(5)), "v2 join");
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 42);
    assert_eq!(exit.reason, ExitReason::Terminated);
}

#[test]
fn freeing_the_stop_word_page_unregisters_it() {
    assert_eq!(
        in_process("stopword-free", || {
            let os = os();
            let page = allocate(page_size(), Protection::ReadWrite).unwrap() as usize;
            // SAFETY: our page.
            unsafe { os.set_stop_word(AtomicU32::from_ptr(page as *mut u32), 1) }.unwrap();
            assert_eq!(free(page as *mut u8, page_size()), Status::Ok);
            // The kernel must not write into the freed page.
            os.stop(3).unwrap();
            0
        }),
        3
    );
}
