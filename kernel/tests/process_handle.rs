//! ProcessHandle: child processes, and handles as per-process capabilities.

mod common;

use std::sync::mpsc;

use common::*;
use osprey_kernel::host;
use osprey_kernel::{Handle, ProcessId, Protection, Status};

#[test]
fn create_start_join_a_child() {
    let exit = host::spawn(captured("parent", &["p"]), || {
        let parent_id = pid();
        let (tx, rx) = mpsc::channel::<()>();
        let h = create_child("child", &["c1", "c2"], move || {
            // The child has its own id, args and pages, and writes to the
            // parent's (shared) console sink.
            assert_ne!(pid(), parent_id);
            assert_eq!(arg_count(), 2);
            assert_eq!(arg(1).unwrap(), "c2");
            let p = allocate(4096, Protection::ReadWrite).unwrap();
            let _ = p; // leaked on purpose: reclaimed when the child ends
            assert_eq!(write(1, "child says hi\n"), Status::Ok);
            rx.recv().unwrap();
            9
        })
        .unwrap();
        assert_eq!(exit_code(h), Err(Status::InvalidState), "not started");
        assert_eq!(join(h), Err(Status::InvalidState), "not started");
        let child_id = child_pid(h).unwrap();
        assert_ne!(child_id, parent_id);
        assert_eq!(start(h), Status::Ok);
        assert_eq!(start(h), Status::InvalidState, "started twice");
        assert_eq!(exit_code(h), Err(Status::StillRunning));
        tx.send(()).unwrap();
        assert_eq!(join(h), Ok(9));
        assert_eq!(exit_code(h), Ok(9));
        assert_eq!(join(h), Ok(9), "join again");
        assert_eq!(bytes_in_use(), 0, "the child's pages were never ours");
        assert_eq!(dispose(h), Status::Ok);
        assert_eq!(dispose(h), Status::InvalidHandle);
        assert_eq!(
            child_pid(h),
            Err(Status::InvalidHandle),
            "values are not reused"
        );
        assert_eq!(write(1, "parent done\n"), Status::Ok);
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
    assert_eq!(exit.stdout, b"child says hi\nparent done\n");
}

/// A handle value means something only in the process that holds it.
#[test]
fn handles_are_per_process_capabilities() {
    let (h_tx, h_rx) = mpsc::channel::<(Handle, ProcessId)>();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let holder = host::spawn(captured("holder", &[]), move || {
        let h = create_child("held", &[], || 5).unwrap();
        let id = child_pid(h).unwrap();
        h_tx.send((h, id)).unwrap();
        done_rx.recv().unwrap();
        // Still valid here, untouched by the other process's attempts.
        assert_eq!(child_pid(h), Ok(id));
        assert_eq!(start(h), Status::Ok);
        join(h).unwrap()
    })
    .unwrap();
    let (h, held_id) = h_rx.recv().unwrap();

    // A process with an empty table: the value names nothing.
    let other = host::spawn(captured("other", &[]), move || {
        assert_eq!(child_pid(h), Err(Status::InvalidHandle));
        assert_eq!(start(h), Status::InvalidHandle);
        assert_eq!(join(h), Err(Status::InvalidHandle));
        assert_eq!(exit_code(h), Err(Status::InvalidHandle));
        assert_eq!(dispose(h), Status::InvalidHandle);
        // Its own first handle has the same value but is its own child.
        let mine = create_child("mine", &[], || 6).unwrap();
        assert_eq!(mine, h);
        let my_id = child_pid(mine).unwrap();
        assert_ne!(my_id, held_id);
        assert_eq!(start(mine), Status::Ok);
        join(mine).unwrap()
    })
    .unwrap();
    assert_eq!(other.join().exit_code, 6);
    done_tx.send(()).unwrap();
    assert_eq!(holder.join().exit_code, 5);
}

#[test]
fn disposing_an_unstarted_child_drops_it_and_running_children_outlive_handles() {
    let exit = host::spawn(captured("disposer", &[]), || {
        let h = create_child("never", &[], || panic!("must not run")).unwrap();
        assert_eq!(dispose(h), Status::Ok);

        let (tx, rx) = mpsc::channel::<()>();
        let (back_tx, back_rx) = mpsc::channel::<ProcessId>();
        let h2 = create_child("detached", &[], move || {
            rx.recv().unwrap();
            back_tx.send(pid()).unwrap();
            0
        })
        .unwrap();
        assert_eq!(start(h2), Status::Ok);
        assert_eq!(dispose(h2), Status::Ok);
        tx.send(()).unwrap();
        // The detached child still runs and answers.
        assert_ne!(back_rx.recv().unwrap(), ProcessId::NONE);
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}
