//! The collector's suspension protocol (docs/gc.md, "Safepoints and
//! suspension"), with three OS threads sharing one runtime: a collection
//! waits for every thread in cooperative mode to leave it, and a thread
//! that wants to become cooperative again (a return from native code to
//! managed code) while the collection runs blocks until it has ended.

mod common;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Spins (sleeping) until `cond` holds or `limit` passes; whether it held.
fn wait_until(limit: Duration, cond: impl Fn() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    while !cond() {
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    true
}

#[test]
fn collection_waits_for_cooperative_threads_and_blocks_their_return() {
    let bytes = common::compile(
        "gc_suspension",
        "class P { static void Main() { object o = new object(); } }",
        false,
    );
    let outcome = common::run_with("gc_suspension", bytes, &[], |rt, main_thread| {
        const LIMIT: Duration = Duration::from_secs(20);
        // An order of events: each side takes a ticket when something
        // happens, so "A before B" is a comparison of tickets, not times.
        let tickets = AtomicU64::new(1);
        let ticket = || tickets.fetch_add(1, Ordering::SeqCst);
        let in_coop = AtomicU64::new(0);
        let b_left = AtomicU64::new(0);
        let c_left = AtomicU64::new(0);
        let collected = AtomicU64::new(0);
        let b_returning = AtomicBool::new(false);
        let b_back = AtomicU64::new(0);
        let b_back_saw = (AtomicBool::new(true), AtomicU64::new(u64::MAX));
        let c_saw_collection = AtomicBool::new(false);
        // Whether B stayed out of cooperative mode for as long as C held
        // the collection up after B asked to come back.
        let b_blocked_while_held = AtomicBool::new(false);
        std::thread::scope(|s| {
            // B: in managed code when the collection starts; leaves for
            // native code, then returns to managed code at once.
            s.spawn(|| {
                let mut b = rt.new_thread();
                b.cooperative(|_| {
                    in_coop.fetch_add(1, Ordering::SeqCst);
                    assert!(
                        wait_until(LIMIT, || rt.gc().collection_in_progress()),
                        "the collection never started"
                    );
                    b_left.store(ticket(), Ordering::SeqCst);
                });
                b_returning.store(true, Ordering::SeqCst);
                b.cooperative(|_| {
                    b_back.store(ticket(), Ordering::SeqCst);
                    b_back_saw
                        .0
                        .store(rt.gc().collection_in_progress(), Ordering::SeqCst);
                    b_back_saw
                        .1
                        .store(rt.gc().collection_count(1), Ordering::SeqCst);
                });
            });
            // C: holds the collection up (stays cooperative) until B has
            // asked to come back, then watches B stay out for a while.
            s.spawn(|| {
                let mut c = rt.new_thread();
                c.cooperative(|_| {
                    in_coop.fetch_add(1, Ordering::SeqCst);
                    c_saw_collection.store(
                        wait_until(LIMIT, || rt.gc().collection_in_progress()),
                        Ordering::SeqCst,
                    );
                    let asked = wait_until(LIMIT, || b_returning.load(Ordering::SeqCst));
                    // A broken protocol lets B in within microseconds; a
                    // correct one keeps it out for as long as C stays.
                    let got_in = wait_until(Duration::from_millis(300), || {
                        b_back.load(Ordering::SeqCst) != 0
                    });
                    b_blocked_while_held.store(
                        asked && !got_in && rt.gc().collection_in_progress(),
                        Ordering::SeqCst,
                    );
                    c_left.store(ticket(), Ordering::SeqCst);
                });
            });
            assert!(
                wait_until(LIMIT, || in_coop.load(Ordering::SeqCst) == 2),
                "B and C never became cooperative"
            );
            rt.gc().collect(main_thread, true);
            collected.store(ticket(), Ordering::SeqCst);
        });
        let (b_left, c_left, done, back) = (
            b_left.load(Ordering::SeqCst),
            c_left.load(Ordering::SeqCst),
            collected.load(Ordering::SeqCst),
            b_back.load(Ordering::SeqCst),
        );
        assert!(
            c_saw_collection.load(Ordering::SeqCst),
            "the collection never started while C was cooperative"
        );
        // The collection ended only after both threads left cooperative mode.
        assert!(
            b_left != 0 && c_left != 0 && done > b_left && done > c_left,
            "tickets: B left {b_left}, C left {c_left}, collected {done}"
        );
        // B's return blocked: it stayed out while C held the collection up,
        // got in only after C left, and then saw the collection finished.
        assert!(
            b_blocked_while_held.load(Ordering::SeqCst),
            "B re-entered cooperative mode while the collection was in progress"
        );
        assert!(back > c_left, "B back at {back}, C left at {c_left}");
        assert!(
            !b_back_saw.0.load(Ordering::SeqCst),
            "B came back while the collection was still in progress"
        );
        assert_eq!(b_back_saw.1.load(Ordering::SeqCst), 1);
        assert_eq!(rt.gc().collection_count(1), 1);
    });
    assert_eq!(outcome.exit_code, 0, "{:?}", outcome.error);
}
