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
        let b_saw_in_progress = AtomicBool::new(false);
        let b_back_count = AtomicU64::new(u64::MAX);
        let collected = AtomicU64::new(0);
        let now = || start.elapsed().as_micros() as u64;
        std::thread::scope(|s| {
            s.spawn(|| {
                let mut b = rt.new_thread();
                // B runs "managed code" (cooperative) until the collection
                // has started (and is waiting for it)...
                b.cooperative(|_| {
                    b_in.store(true, Ordering::SeqCst);
                    let deadline = Instant::now() + Duration::from_secs(10);
                    while !rt.gc().collection_in_progress() && Instant::now() < deadline {
                        std::thread::sleep(Duration::from_millis(1));
                    }
                    b_saw_in_progress.store(rt.gc().collection_in_progress(), Ordering::SeqCst);
                    // Keep the collector waiting a little longer.
                    std::thread::sleep(Duration::from_millis(100));
                    b_left.store(now(), Ordering::SeqCst);
                });
                // ...then, preemptive, tries to come back at once: it must
                // wait until the collection is over.
                b.cooperative(|_| {
                    b_back_count.store(rt.gc().collection_count(1), Ordering::SeqCst)
                });
            });
            while !b_in.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
            rt.gc().collect(main_thread, true);
            collected.store(now(), Ordering::SeqCst);
        });
        let (left, done) = (
            b_left.load(Ordering::SeqCst),
            collected.load(Ordering::SeqCst),
        );
        assert!(
            b_saw_in_progress.load(Ordering::SeqCst),
            "the collection never started while B was cooperative"
        );
        // The collection could only finish after B left cooperative mode.
        assert!(done >= left, "collected at {done} us, B left at {left} us");
        // B left while the collection was in progress and came back at
        // once: it became cooperative only after the collection had ended
        // (the count is incremented before the world resumes).
        assert_eq!(
            b_back_count.load(Ordering::SeqCst),
            1,
            "B re-entered cooperative mode before the collection ended"
        );
        assert_eq!(rt.gc().collection_count(1), 1);
    });
    assert_eq!(outcome.exit_code, 0, "{:?}", outcome.error);
}
