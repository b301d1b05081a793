//! PageTableService: allocation, protection, reservations, argument checks,
//! and per-process ownership.

mod common;

use std::sync::mpsc;

use common::*;
use osprey_kernel::host;
use osprey_kernel::{Protection, Status};

fn run(name: &str, main: impl FnOnce() + Send + 'static) {
    let exit = host::spawn(captured(name, &[]), move || {
        main();
        0
    })
    .unwrap()
    .join();
    assert_eq!(exit.exit_code, 0, "{name}: {:?}", exit.reason);
}

#[test]
fn allocate_write_free_and_account() {
    run("alloc", || {
        let page = page_size();
        assert!(page.is_power_of_two() && page >= 4096);
        let p = allocate(10, Protection::ReadWrite).unwrap();
        assert_eq!(p as usize % page, 0);
        assert_eq!(bytes_in_use(), page as u64, "rounded up to a page");
        let q = allocate(3 * page + 1, Protection::ReadWrite).unwrap();
        assert_eq!(bytes_in_use(), 5 * page as u64);
        // SAFETY: `q` is 4 fresh read-write pages.
        unsafe {
            assert_eq!(*q.add(4 * page - 1), 0, "zeroed");
            q.write_bytes(0xAB, 4 * page);
        }
        assert_eq!(free(q, 3 * page + 1), Status::Ok);
        assert_eq!(free(p, 1), Status::Ok);
        assert_eq!(bytes_in_use(), 0);
    });
}

#[test]
fn invalid_arguments_are_errors() {
    run("invalid", || {
        let page = page_size();
        assert_eq!(
            allocate(0, Protection::ReadWrite),
            Err(Status::InvalidArgument)
        );
        assert_eq!(
            allocate(usize::MAX, Protection::ReadWrite),
            Err(Status::InvalidArgument)
        );
        assert_eq!(reserve(0), Err(Status::InvalidArgument));
        let p = allocate(2 * page, Protection::ReadWrite).unwrap();
        // SAFETY: (pointer arithmetic only) stays inside or one past the region.
        let (mid, odd) = unsafe { (p.add(page), p.add(1)) };
        assert_eq!(free(odd, page), Status::Unaligned);
        assert_eq!(protect(odd, page, Protection::ReadOnly), Status::Unaligned);
        assert_eq!(free(p, 0), Status::InvalidArgument);
        assert_eq!(free(core::ptr::null_mut(), page), Status::InvalidArgument);
        assert_eq!(free(p, page), Status::InvalidRange, "partial free");
        assert_eq!(free(mid, page), Status::InvalidRange, "interior free");
        assert_eq!(free(p, 3 * page), Status::InvalidRange, "too long");
        assert_eq!(
            protect(mid, 2 * page, Protection::ReadOnly),
            Status::InvalidRange
        );
        assert_eq!(protect(p, page, Protection::ReadOnly), Status::Ok);
        assert_eq!(protect(p, 2 * page, Protection::ReadWrite), Status::Ok);
        // An aligned address the process does not own: its own stack page.
        let local = 0u8;
        let stack_page = (&local as *const u8 as usize & !(page - 1)) as *mut u8;
        assert_eq!(free(stack_page, page), Status::InvalidRange);
        assert_eq!(
            protect(stack_page, page, Protection::NoAccess),
            Status::InvalidRange
        );
        assert_eq!(
            commit(stack_page, page, Protection::ReadWrite),
            Status::InvalidRange
        );
        // Raw protection values are checked.
        // SAFETY: the kernel rejects the protection before touching memory.
        let st = unsafe { (abi().page_table_service_protect)(p, page, 5) };
        assert_eq!(st, Status::InvalidArgument);
        assert_eq!(free(p, 2 * page), Status::Ok);
        assert_eq!(free(p, 2 * page), Status::InvalidRange, "double free");
        assert_eq!(bytes_in_use(), 0);
    });
}

#[test]
fn protect_and_execute() {
    run("exec", || {
        let page = page_size();
        let code = allocate(page, Protection::ReadWrite).unwrap();
        // mov eax, 42; ret
        let bytes = [0xB8, 42, 0, 0, 0, 0xC3];
        // SAFETY: `code` is a fresh read-write page.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), code, bytes.len()) };
        assert_eq!(protect(code, page, Protection::ReadExecute), Status::Ok);
        // SAFETY: the page now holds a complete function and is executable.
        let f: extern "C" fn() -> i32 = unsafe { core::mem::transmute(code) };
        assert_eq!(f(), 42);
        assert_eq!(free(code, page), Status::Ok);

        let rwx = allocate(page, Protection::ReadWriteExecute).unwrap();
        // SAFETY: read-write-execute page.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), rwx, bytes.len()) };
        // SAFETY: as above.
        let g: extern "C" fn() -> i32 = unsafe { core::mem::transmute(rwx) };
        assert_eq!(g(), 42);
        assert_eq!(free(rwx, page), Status::Ok);
    });
}

#[test]
fn reserve_commit_decommit() {
    run("reserve", || {
        let page = page_size();
        // A large reservation (like the VM's GC heap) costs no accounted bytes.
        let size = 256 << 20;
        let base = reserve(size).unwrap();
        assert_eq!(bytes_in_use(), 0);
        // SAFETY: (pointer arithmetic only) inside the reservation.
        let at = |n: usize| unsafe { base.add(n * page) };
        assert_eq!(commit(at(10), 4 * page, Protection::ReadWrite), Status::Ok);
        assert_eq!(bytes_in_use(), 4 * page as u64);
        // SAFETY: pages 10..14 are committed read-write.
        unsafe { at(13).write(9) };
        assert_eq!(commit(at(12), 4 * page, Protection::ReadWrite), Status::Ok);
        assert_eq!(bytes_in_use(), 6 * page as u64, "overlap counted once");
        assert_eq!(
            protect(at(9), 2 * page, Protection::ReadOnly),
            Status::InvalidRange
        );
        assert_eq!(protect(at(10), 2 * page, Protection::ReadOnly), Status::Ok);
        assert_eq!(decommit(at(12), 2 * page), Status::Ok);
        assert_eq!(bytes_in_use(), 4 * page as u64);
        assert_eq!(commit(at(13), page, Protection::ReadWrite), Status::Ok);
        assert_eq!(
            // SAFETY: page 13 was just recommitted.
            unsafe { at(13).read() },
            0,
            "decommitted pages come back zeroed"
        );
        assert_eq!(
            commit(at(size / page - 1), 2 * page, Protection::ReadWrite),
            Status::InvalidRange
        );
        assert_eq!(free(at(1), page), Status::InvalidRange);
        assert_eq!(free(base, size), Status::Ok);
        assert_eq!(bytes_in_use(), 0);
    });
}

/// A region is owned by the process that allocated it: another process can
/// neither free nor re-protect it, even knowing its address.
#[test]
fn regions_belong_to_their_process() {
    let (addr_tx, addr_rx) = mpsc::channel::<usize>();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let owner = host::spawn(captured("owner", &[]), move || {
        let page = page_size();
        let p = allocate(page, Protection::ReadWrite).unwrap();
        // SAFETY: our own read-write page.
        unsafe { p.write(1) };
        addr_tx.send(p as usize).unwrap();
        done_rx.recv().unwrap();
        // Still mapped, still ours, still accounted.
        // SAFETY: the other process could not unmap or protect it.
        unsafe { p.write(2) };
        assert_eq!(bytes_in_use(), page as u64);
        assert_eq!(free(p, page), Status::Ok);
        0
    })
    .unwrap();
    let addr = addr_rx.recv().unwrap();
    run("intruder", move || {
        let page = page_size();
        let p = addr as *mut u8;
        assert_eq!(free(p, page), Status::InvalidRange);
        assert_eq!(protect(p, page, Protection::NoAccess), Status::InvalidRange);
        assert_eq!(bytes_in_use(), 0);
    });
    done_tx.send(()).unwrap();
    let exit = owner.join();
    assert_eq!(exit.exit_code, 0, "{:?}", exit.reason);
}
