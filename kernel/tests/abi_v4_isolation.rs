//! ABI v4 isolation: channels and the exchange heap (ownership moves with
//! messages, forged, foreign, closed and sent handles are refused, double
//! frees are caught), children created from images with startup endpoints
//! and settings, and terminating children (blocked in a receive, spinning,
//! never started) with everything they held reclaimed.

mod common;

use std::sync::Mutex;
use std::time::Duration;

use common::*;
use osprey_kernel::client::{Message, Os, WaitOutcome};
use osprey_kernel::host::{self, ImageSettings, ProcessImage};
use osprey_kernel::{
    collector, BytesRef, ChildSpec, Handle, KernelCounters, Status, StrRef, CHILD_UNTRUSTED,
};

fn os() -> Os {
    Os::resolve().expect("v4 is exported")
}

fn status<T: std::fmt::Debug>(r: Result<T, osprey_kernel::client::OsError>) -> Status {
    r.expect_err("the call should fail").status
}

/// Tests in this file run children through one image runner; they run one
/// at a time so the kernel-wide counters they compare are their own.
static SERIAL: Mutex<()> = Mutex::new(());

/// The test image runner: the image is a command.
/// - `echo`: receives blocks on startup endpoint 0 and sends each back with
///   its bytes reversed, until the channel closes; exits with the count.
/// - `receive`: waits for a message forever.
/// - `spin`: loops, polling its stop word (a simulated safepoint poll).
/// - `settings`: exits with the settings packed into the code.
fn runner(image: ProcessImage) -> i32 {
    let os = Os::resolve().unwrap();
    match &image.bytes[..] {
        b"echo" => {
            let ep = os.startup_endpoints().unwrap()[0];
            let mut n = 0;
            loop {
                match os.receive(ep, None) {
                    Ok(Some(Message::Block(b))) => {
                        let size = os.block_size(b).unwrap();
                        let mut buf = vec![0u8; size];
                        os.read_block(b, 0, &mut buf).unwrap();
                        buf.reverse();
                        os.write_block(b, 0, &buf).unwrap();
                        os.send_block(ep, b).unwrap();
                        n += 1;
                    }
                    Ok(Some(Message::Endpoint(_))) | Ok(None) => return -1,
                    Err(e) if e.status == Status::ChannelClosed => return n,
                    Err(_) => return -2,
                }
            }
        }
        b"receive" => {
            let ep = os.startup_endpoints().unwrap()[0];
            // Hold a block and a page so their reclamation is visible.
            let _b = os.allocate_block(4096).unwrap();
            let _p = os.allocate(65536, osprey_kernel::Protection::ReadWrite);
            match os.receive(ep, None) {
                Err(e) if e.status == Status::Stopped => 77,
                _ => -3,
            }
        }
        b"spin" => {
            let page = os
                .allocate(page_size(), osprey_kernel::Protection::ReadWrite)
                .unwrap();
            // SAFETY: our own fresh read-write page.
            let word = unsafe { std::sync::atomic::AtomicU32::from_ptr(page as *mut u32) };
            // SAFETY: the page holds only the word.
            unsafe { os.set_stop_word(word, 1) }.unwrap();
            let _extra = os.spawn_thread(0, || {
                let os = Os::resolve().unwrap();
                // A second thread blocked in a sleep: stopped too.
                let _ = os.sleep(None);
                0
            });
            while word.load(std::sync::atomic::Ordering::SeqCst) == 0 {
                std::hint::spin_loop();
            }
            55
        }
        b"settings" => {
            let ImageSettings {
                collector,
                heap_limit,
                abi_version,
                untrusted,
            } = image.settings;
            (collector as i32)
                | (abi_version as i32) << 4
                | i32::from(untrusted) << 8
                | ((heap_limit >> 20) as i32) << 12
        }
        _ => -100,
    }
}

fn spec<'a>(image: &'a [u8], endpoints: &'a [Handle]) -> ChildSpec {
    ChildSpec {
        size: core::mem::size_of::<ChildSpec>() as u32,
        flags: 0,
        name: StrRef::new("child"),
        path: StrRef::new(""),
        image: BytesRef::new(image),
        args: core::ptr::null(),
        arg_count: 0,
        endpoints: endpoints.as_ptr(),
        endpoint_count: endpoints.len(),
        collector: collector::DEFAULT,
        abi_version: 0,
        heap_limit: 0,
        stack_size: 0,
    }
}

fn join_child(os: &Os, child: Handle) -> i32 {
    assert_eq!(
        os.wait_any(&[child], Some(Duration::from_secs(20))),
        Ok(WaitOutcome::Acquired(0)),
        "the child ends"
    );
    os.child_exit_code(child).unwrap().unwrap()
}

/// Counters of everything but the caller's own pages, which its test
/// harness changes.
fn others(c: KernelCounters) -> [u64; 6] {
    [
        c.processes,
        c.threads - c.own_threads,
        c.page_bytes - c.own_page_bytes,
        c.blocks - c.own_blocks,
        c.endpoints - c.own_endpoints,
        c.block_bytes,
    ]
}

fn in_process(name: &str, body: impl FnOnce() -> i32 + Send + 'static) -> i32 {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    host::set_image_runner(runner);
    let exit = host::spawn(captured(name, &[]), body).unwrap().join();
    assert!(
        !matches!(exit.reason, osprey_kernel::ExitReason::Panicked(_)),
        "{name}: {:?}",
        exit.reason
    );
    exit.exit_code
}

#[test]
fn blocks_move_with_messages_and_bad_handles_are_refused() {
    assert_eq!(
        in_process("blocks", || {
            let os = os();
            let (a, b) = os.create_channel().unwrap();
            let blk = os.allocate_block(5).unwrap();
            os.write_block(blk, 0, b"hello").unwrap();
            assert_eq!(
                status(os.write_block(blk, 3, b"abc")),
                Status::InvalidArgument
            );
            assert_eq!(status(os.allocate_block(2 << 30)), Status::InvalidArgument);
            let empty = os.allocate_block(0).unwrap();
            assert_eq!(os.block_size(empty), Ok(0));
            os.free_block(empty).unwrap();
            os.send_block(a, blk).unwrap();
            // Sent: the sender can no longer touch it or send it again.
            assert_eq!(
                status(os.read_block(blk, 0, &mut [0; 1])),
                Status::InvalidHandle
            );
            assert_eq!(status(os.send_block(a, blk)), Status::InvalidHandle);
            assert_eq!(status(os.free_block(blk)), Status::InvalidHandle);
            let Ok(Some(Message::Block(got))) = os.receive(b, None) else {
                panic!("a block")
            };
            assert_ne!(got, blk, "a new handle");
            let mut buf = [0u8; 5];
            os.read_block(got, 0, &mut buf).unwrap();
            assert_eq!(&buf, b"hello");
            // Split and share.
            let tail = os.split_block(got, 2).unwrap();
            assert_eq!((os.block_size(got), os.block_size(tail)), (Ok(2), Ok(3)));
            let shared = os.share_block(tail).unwrap();
            assert_eq!(
                status(os.write_block(shared, 0, b"x")),
                Status::InvalidState
            );
            assert!(!os.block_data(tail).unwrap().1, "both read-only");
            os.send_block(b, shared).unwrap();
            let Ok(Some(Message::Block(s2))) = os.receive(a, None) else {
                panic!()
            };
            os.free_block(tail).unwrap();
            let mut buf = [0u8; 3];
            os.read_block(s2, 0, &mut buf).unwrap();
            assert_eq!(&buf, b"llo", "the share keeps the data");
            // Double free, forged and wrong-kind handles.
            os.free_block(s2).unwrap();
            assert_eq!(status(os.free_block(s2)), Status::InvalidHandle);
            assert_eq!(status(os.free_block(Handle(0xDEAD))), Status::InvalidHandle);
            assert_eq!(
                status(os.free_block(a)),
                Status::InvalidHandle,
                "an endpoint"
            );
            assert_eq!(status(os.send_block(got, got)), Status::InvalidHandle);
            // Endpoints travel too, but not over their own channel.
            let (c, d) = os.create_channel().unwrap();
            assert_eq!(status(os.send_endpoint(a, a)), Status::InvalidArgument);
            assert_eq!(status(os.send_endpoint(a, b)), Status::InvalidArgument);
            os.send_endpoint(a, c).unwrap();
            assert_eq!(
                status(os.send_block(c, got)),
                Status::InvalidHandle,
                "c is sent"
            );
            let Ok(Some(Message::Endpoint(c2))) = os.receive(b, None) else {
                panic!("an endpoint")
            };
            os.send_block(c2, got).unwrap();
            assert!(matches!(os.receive(d, None), Ok(Some(Message::Block(_)))));
            // Closing: the peer drains, then sees the channel closed; sends
            // to a closed peer leave the block with the sender.
            let x = os.allocate_block(1).unwrap();
            os.send_block(c2, x).unwrap();
            os.dispose_endpoint(c2).unwrap();
            assert!(matches!(os.receive(d, None), Ok(Some(Message::Block(_)))));
            assert_eq!(status(os.receive(d, None)), Status::ChannelClosed);
            let y = os.allocate_block(1).unwrap();
            assert_eq!(status(os.send_block(d, y)), Status::ChannelClosed);
            os.free_block(y).unwrap();
            assert_eq!(os.receive(a, Some(Duration::ZERO)), Ok(None), "poll");
            assert_eq!(
                status(os.receive(c2, None)),
                Status::InvalidHandle,
                "closed"
            );
            0
        }),
        0
    );
}

#[test]
fn a_child_from_an_image_plays_ping_pong_over_its_startup_endpoint() {
    assert_eq!(
        in_process("pingpong", || {
            let os = os();
            let (mine, theirs) = os.create_channel().unwrap();
            // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
            let child = unsafe { os.create_child(&spec(b"echo", &[theirs])) }.unwrap();
            assert_eq!(
                status(os.send_block(theirs, mine)),
                Status::InvalidHandle,
                "the startup endpoint left the parent"
            );
            os.start_child(child).unwrap();
            let child_pid = os.child_process_id(child).unwrap();
            for round in 0..50u8 {
                let b = os.allocate_block(3).unwrap();
                os.write_block(b, 0, &[round, 1, 2]).unwrap();
                os.send_block(mine, b).unwrap();
                let Ok(Some(Message::Block(r))) = os.receive(mine, None) else {
                    panic!()
                };
                let mut buf = [0u8; 3];
                os.read_block(r, 0, &mut buf).unwrap();
                assert_eq!(buf, [2, 1, round]);
                os.free_block(r).unwrap();
            }
            assert_eq!(os.peer_process_id(mine), Ok(child_pid));
            os.dispose_endpoint(mine).unwrap();
            assert_eq!(join_child(&os, child), 50);
            0
        }),
        0
    );
}

#[test]
fn child_settings_and_bad_specs() {
    assert_eq!(
        in_process("settings", || {
            let os = os();
            let mut s = spec(b"settings", &[]);
            s.collector = collector::MARK_SWEEP;
            s.flags = CHILD_UNTRUSTED;
            s.heap_limit = 32 << 20;
            // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
            let child = unsafe { os.create_child(&s) }.unwrap();
            os.start_child(child).unwrap();
            assert_eq!(
                join_child(&os, child),
                2 | (osprey_kernel::ABI_VERSION_LATEST as i32) << 4 | 1 << 8 | 32 << 12
            );
            let bad = |f: &dyn Fn(&mut ChildSpec)| {
                let mut s = spec(b"settings", &[]);
                f(&mut s);
                // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
                status(unsafe { os.create_child(&s) })
            };
            assert_eq!(bad(&|s| s.size = 8), Status::InvalidArgument);
            assert_eq!(bad(&|s| s.flags = 2), Status::InvalidArgument);
            assert_eq!(bad(&|s| s.collector = 9), Status::InvalidArgument);
            assert_eq!(bad(&|s| s.abi_version = 99), Status::InvalidArgument);
            assert_eq!(bad(&|s| s.image = BytesRef::EMPTY), Status::InvalidArgument);
            assert_eq!(
                bad(&|s| s.path = StrRef::new("/nonexistent/osprey/child.exe")),
                Status::InvalidArgument,
                "both path and image"
            );
            let handles = [Handle(0xBAD)];
            let mut s = spec(b"settings", &handles);
            assert_eq!(
                // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
                status(unsafe { os.create_child(&s) }),
                Status::InvalidHandle
            );
            let (e1, _e2) = os.create_channel().unwrap();
            let twice = [e1, e1];
            s = spec(b"settings", &twice);
            assert_eq!(
                // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
                status(unsafe { os.create_child(&s) }),
                Status::InvalidArgument
            );
            s = spec(b"", &[]);
            s.image = BytesRef::EMPTY;
            s.path = StrRef::new("/nonexistent/osprey/child.exe");
            // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
            assert_eq!(status(unsafe { os.create_child(&s) }), Status::NotFound);
            0
        }),
        0
    );
}

#[test]
fn terminating_children_reclaims_everything_they_held() {
    assert_eq!(
        in_process("terminate", || {
            let os = os();
            let before = others(os.counters().unwrap());
            // One blocked in a receive, one spinning (with a sleeping thread).
            let (mine, theirs) = os.create_channel().unwrap();
            // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
            let receiver = unsafe { os.create_child(&spec(b"receive", &[theirs])) }.unwrap();
            // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
            let spinner = unsafe { os.create_child(&spec(b"spin", &[])) }.unwrap();
            // SAFETY: every pointer in the spec is valid for its length (it borrows live slices).
            let never = unsafe { os.create_child(&spec(b"spin", &[])) }.unwrap();
            assert_eq!(status(os.terminate_child(never, 1)), Status::InvalidState);
            os.start_child(receiver).unwrap();
            os.start_child(spinner).unwrap();
            std::thread::sleep(Duration::from_millis(50));
            let during = os.counters().unwrap();
            assert!(during.processes >= before[0] + 2);
            os.terminate_child(receiver, 9).unwrap();
            os.terminate_child(spinner, 10).unwrap();
            assert_eq!(join_child(&os, receiver), 9, "Terminate's code wins");
            assert_eq!(join_child(&os, spinner), 10);
            assert_eq!(status(os.terminate_child(spinner, 1)), Status::InvalidState);
            // The receiver's endpoint closed with it.
            assert_eq!(status(os.receive(mine, None)), Status::ChannelClosed);
            os.dispose_endpoint(mine).unwrap();
            os.dispose_child(never).unwrap();
            os.dispose_child(receiver).unwrap();
            os.dispose_child(spinner).unwrap();
            let after = others(os.counters().unwrap());
            assert_eq!(
                after, before,
                "processes, threads, pages, blocks, endpoints"
            );
            0
        }),
        0
    );
}
