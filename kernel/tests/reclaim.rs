//! When a process ends, the kernel unmaps every page it still holds and its
//! accounting returns to zero. (Its own test binary: it inspects the OS
//! address space, which other tests running in parallel would disturb.)

mod common;

use std::sync::mpsc;

use common::*;
use osprey_kernel::host;
use osprey_kernel::Protection;

/// Whether any page of `[addr, addr + len)` is mapped (`mincore` fails with
/// ENOMEM on unmapped pages).
fn any_mapped(addr: usize, len: usize) -> bool {
    let page = page_size();
    (addr..addr + len).step_by(page).any(|p| {
        let mut vec = 0u8;
        // SAFETY: mincore writes one byte per page of the one-page range.
        unsafe { libc::mincore(p as *mut libc::c_void, page, &mut vec) == 0 }
    })
}

#[test]
fn ending_a_process_unmaps_its_pages() {
    let (tx, rx) = mpsc::channel::<Vec<(usize, usize)>>();
    let (go_tx, go_rx) = mpsc::channel::<()>();
    let handle = host::spawn(captured("leaky", &[]), move || {
        let page = page_size();
        let a = allocate(3 * page, Protection::ReadWrite).unwrap();
        let b = allocate(page, Protection::ReadWriteExecute).unwrap();
        let r = reserve(64 * page).unwrap();
        assert_eq!(
            commit(r, 2 * page, Protection::ReadWrite),
            osprey_kernel::Status::Ok
        );
        // SAFETY: all three are committed read-write pages.
        unsafe {
            a.write(1);
            b.write(1);
            r.write(1);
        }
        tx.send(vec![
            (a as usize, 3 * page),
            (b as usize, page),
            (r as usize, 64 * page),
        ])
        .unwrap();
        go_rx.recv().unwrap();
        0 // returns without freeing anything
    })
    .unwrap();
    let regions = rx.recv().unwrap();
    let page = page_size() as u64;
    assert_eq!(handle.bytes_in_use(), 6 * page);
    assert_eq!(handle.bytes_mapped(), 68 * page);
    for (addr, len) in &regions {
        assert!(any_mapped(*addr, *len));
    }
    go_tx.send(()).unwrap();
    while !handle.is_finished() {
        std::thread::yield_now();
    }
    assert_eq!(handle.bytes_in_use(), 0);
    assert_eq!(handle.bytes_mapped(), 0);
    let exit = handle.join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
    assert_eq!(exit.reclaimed_bytes, 6 * page);
    for (addr, len) in &regions {
        assert!(!any_mapped(*addr, *len), "{addr:#x} still mapped");
    }
    assert_eq!(host::live_processes(), 0);

    // A parent that ends holding a handle to an unstarted child: the child is
    // dropped with the parent's handle table and leaves the process table.
    let parent = host::spawn(captured("parent", &[]), || {
        let _h = create_child("orphan", &[], || panic!("must never run")).unwrap();
        assert_eq!(host::live_processes(), 2);
        0
    })
    .unwrap()
    .join();
    assert_eq!(parent.exit_code, 0, "{:?}", parent.reason);
    assert_eq!(host::live_processes(), 0);
}
