//! EventHandle (ABI v2): auto- and manual-reset events, timeouts, many
//! waiters.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use osprey_kernel::client::Os;
use osprey_kernel::{host, Handle, Status};

fn os() -> Os {
    Os::resolve().expect("v2 is exported")
}

const NOW: Option<Duration> = Some(Duration::ZERO);

/// Runs `main` as a process and checks that it returned 0.
fn in_process(name: &str, main: impl FnOnce() + Send + 'static) {
    let exit = host::spawn(captured(name, &[]), move || {
        main();
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}

/// Starts `n` threads of the calling process that each wait once for
/// `event` (no timeout) and count their releases.
fn waiters(os: &Os, event: Handle, n: usize) -> (Arc<AtomicUsize>, Vec<Handle>) {
    let released = Arc::new(AtomicUsize::new(0));
    let threads = (0..n)
        .map(|_| {
            let released = Arc::clone(&released);
            os.spawn_thread(64 * 1024, move || {
                Os::resolve().unwrap().wait_event(event, None).unwrap();
                released.fetch_add(1, Ordering::SeqCst);
                0
            })
            .unwrap()
        })
        .collect();
    (released, threads)
}

/// Waits (up to 10 s) until `counter` reaches `n`, then a little longer so
/// an excess shows.
fn settle(counter: &AtomicUsize, n: usize) -> usize {
    let give_up = Instant::now() + Duration::from_secs(10);
    while counter.load(Ordering::SeqCst) < n && Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(1));
    }
    std::thread::sleep(Duration::from_millis(10));
    counter.load(Ordering::SeqCst)
}

#[test]
fn auto_reset_events_release_one_wait_per_set() {
    in_process("auto", || {
        let os = os();
        let e = os.create_event(false, false).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(false));
        os.set_event(e).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(true));
        assert_eq!(os.wait_event(e, NOW), Ok(false), "the wait reset it");
        os.set_event(e).unwrap();
        os.set_event(e).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(true));
        assert_eq!(os.wait_event(e, NOW), Ok(false), "sets do not count up");
        os.set_event(e).unwrap();
        os.reset_event(e).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(false), "reset");
        os.dispose_event(e).unwrap();

        let e = os.create_event(false, true).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(true), "initially set");
        assert_eq!(os.wait_event(e, NOW), Ok(false));
        os.dispose_event(e).unwrap();
    });
}

#[test]
fn manual_reset_events_stay_set_until_reset() {
    in_process("manual", || {
        let os = os();
        let e = os.create_event(true, false).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(false));
        os.set_event(e).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(true));
        assert_eq!(os.wait_event(e, None), Ok(true), "still set");
        os.reset_event(e).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(false));
        os.reset_event(e).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(false));
        os.dispose_event(e).unwrap();

        let e = os.create_event(true, true).unwrap();
        assert_eq!(os.wait_event(e, NOW), Ok(true), "initially set");
        assert_eq!(os.wait_event(e, NOW), Ok(true));
        os.dispose_event(e).unwrap();
    });
}

#[test]
fn waits_time_out_and_a_set_from_another_thread_ends_them() {
    in_process("timeouts", || {
        let os = os();
        for manual in [false, true] {
            let e = os.create_event(manual, false).unwrap();
            let begin = Instant::now();
            assert_eq!(os.wait_event(e, Some(Duration::from_millis(25))), Ok(false));
            assert!(begin.elapsed() >= Duration::from_millis(25));

            let setter = os
                .spawn_thread(0, move || {
                    std::thread::sleep(Duration::from_millis(15));
                    Os::resolve().unwrap().set_event(e).unwrap();
                    0
                })
                .unwrap();
            let begin = Instant::now();
            assert_eq!(os.wait_event(e, None), Ok(true));
            assert!(begin.elapsed() >= Duration::from_millis(10));
            assert_eq!(os.join_thread(setter, None), Ok(Some(0)));
            assert_eq!(os.wait_event(e, NOW), Ok(manual), "auto reset by the wait");
            os.dispose_event(e).unwrap();
        }
    });
}

#[test]
fn an_auto_reset_event_releases_exactly_one_of_many_waiters_per_set() {
    in_process("auto-many", || {
        let os = os();
        let e = os.create_event(false, false).unwrap();
        const N: usize = 6;
        let (released, threads) = waiters(&os, e, N);
        for i in 1..=N {
            os.set_event(e).unwrap();
            assert_eq!(settle(&released, i), i, "one release per set");
        }
        for t in threads {
            assert_eq!(os.join_thread(t, None), Ok(Some(0)));
        }
        assert_eq!(os.wait_event(e, NOW), Ok(false), "nothing left over");
    });
}

#[test]
fn a_manual_reset_event_releases_all_waiters() {
    in_process("manual-many", || {
        let os = os();
        let e = os.create_event(true, false).unwrap();
        const N: usize = 8;
        let (released, threads) = waiters(&os, e, N);
        std::thread::sleep(Duration::from_millis(5));
        assert_eq!(released.load(Ordering::SeqCst), 0);
        os.set_event(e).unwrap();
        for t in threads {
            assert_eq!(os.join_thread(t, None), Ok(Some(0)));
        }
        assert_eq!(released.load(Ordering::SeqCst), N);
        assert_eq!(os.wait_event(e, NOW), Ok(true), "still set");
    });
}

#[test]
fn a_disposed_event_handle_is_invalid() {
    in_process("dispose", || {
        let os = os();
        let e = os.create_event(true, true).unwrap();
        os.dispose_event(e).unwrap();
        for r in [
            os.set_event(e),
            os.reset_event(e),
            os.wait_event(e, NOW).map(|_| ()),
            os.dispose_event(e),
        ] {
            assert_eq!(r.unwrap_err().status, Status::InvalidHandle);
        }
        let again = os.create_event(true, true).unwrap();
        assert_ne!(again, e, "values are not reused");
    });
}
