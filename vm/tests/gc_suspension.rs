//! The collector's suspension protocol (docs/gc.md, "Safepoints and
//! suspension"), with two OS threads sharing one runtime: a collection
//! waits for a thread in cooperative mode to leave it, and a thread that
//! wants to become cooperative while a collection runs waits for its end.

mod common;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

#[test]
fn collection_waits_for_cooperative_threads_and_blocks_their_return() {
    let bytes = common::compile(
        "gc_suspension",
        "class P { static void Main() { object o = new object(); } }",
        false,
    );
    let outcome = common::run_with("gc_suspension", bytes, &[], |rt, main_thread| {
        let start = Instant::now();
        let b_in = AtomicBool::new(false);
        let b_left = AtomicU64::new(0);
        let b_back = AtomicU64::new(0);
        let collected = AtomicU64::new(0);
        let now = || start.elapsed().as_micros() as u64;
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut b = rt.new_thread();
                // B runs "managed code" (cooperative) for a while...
                b.cooperative(|_| {
                    b_in.store(true, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(200));
                    b_left.store(now(), Ordering::SeqCst);
                });
                // ...then, preemptive, tries to come back at once.
                b.cooperative(|_| b_back.store(now(), Ordering::SeqCst));
            });
            while !b_in.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
            rt.gc().collect(main_thread, true);
            collected.store(now(), Ordering::SeqCst);
        });
        let (left, back, done) = (
            b_left.load(Ordering::SeqCst),
            b_back.load(Ordering::SeqCst),
            collected.load(Ordering::SeqCst),
        );
        // The collection could only finish after B left cooperative mode.
        assert!(done >= left, "collected at {done} us, B left at {left} us");
        assert!(back >= left);
        assert_eq!(rt.gc().collection_count(1), 1);
    });
    assert_eq!(outcome.exit_code, 0, "{:?}", outcome.error);
}
