//! `EndpointCore` (ABI v4): channels between processes, Singularity's
//! EndpointCore (see `channel` for the semantics).
//!
//! A channel is a pair of endpoints, created together in the calling
//! process. An endpoint reaches another process only inside a message
//! (`SendEndpoint`, Singularity's Release/Acquire) or as a startup endpoint
//! of a child (`ProcessHandle::CreateFromImage`). Messages are
//! exchange-heap blocks (`CommunicationHeapService`) or endpoints; sending
//! moves them out of the sender (the handle is gone from its table),
//! receiving moves them into the receiver (a new handle in its table).
//! Disposing an endpoint's handle closes it; so does its holder ending.

use super::{check_out, guard, write_out};
use crate::channel::{Endpoint, Message, Received};
use crate::handles::{release_objects, KernelObject, Kind};
use crate::sync::{self, Interrupt};
use crate::{process, received, wait, Handle, ProcessId, Status};

/// `EndpointCore::CreateChannel`: creates a channel and stores its two
/// endpoints' handles in `*out_a` and `*out_b` (both in the calling
/// process's table).
///
/// Returns `Ok`, `InvalidArgument` (null/misaligned out-pointers),
/// `NoProcess`, `OutOfMemory`.
///
/// # Safety
/// `out_a` and `out_b` must be valid for writes of a [`Handle`].
pub unsafe extern "C" fn create_channel(out_a: *mut Handle, out_b: *mut Handle) -> Status {
    guard(|| {
        check_out(out_a)?;
        check_out(out_b)?;
        let me = process::current_or_status()?;
        let (a, b) = Endpoint::channel(me.id());
        let handles = me.with_handles(|t| {
            let ha = t.insert(KernelObject::Endpoint(a.clone()))?;
            match t.insert(KernelObject::Endpoint(b.clone())) {
                Ok(hb) => Ok((ha, hb)),
                Err(s) => {
                    let _ = t.remove(ha, Kind::Endpoint);
                    Err(s)
                }
            }
        });
        let (ha, hb) = match handles {
            Ok(h) => h,
            Err(s) => {
                a.close();
                b.close();
                return Err(s);
            }
        };
        // SAFETY: checked above; writable by the caller's contract.
        unsafe {
            write_out(out_a, ha)?;
            write_out(out_b, hb)
        }
    })
}

/// Sends `object` (removed from the caller's table by `take`) over
/// `endpoint`; on failure the object goes back under a new handle, stored
/// in `*out_back` when given.
fn send_taken(endpoint: Handle, handle: Handle, kind: Kind) -> Result<(), Status> {
    let me = process::current_or_status()?;
    let (ep, object) = me.with_handles(|t| {
        let ep = t.endpoint(endpoint)?;
        if kind == Kind::Endpoint && t.endpoint(handle)?.is_same_channel(&ep) {
            // An endpoint sent over its own channel could never be
            // received by anyone but the channel itself.
            return Err(Status::InvalidArgument);
        }
        let object = t.remove(handle, kind)?;
        Ok((ep, object))
    })?;
    let message = match object {
        KernelObject::Block(id) => Message::Block(id),
        KernelObject::Endpoint(e) => Message::Endpoint(e),
        other => {
            // `remove` checked the kind; put anything else back untouched.
            let _ = me.with_handles(|t| t.insert(other));
            return Err(Status::Internal);
        }
    };
    match ep.send(me.id(), message) {
        Ok(()) => Ok(()),
        Err((status, message)) => {
            // The sender keeps what it could not send, under the same
            // handle value it had.
            let object = match message {
                Message::Block(id) => KernelObject::Block(id),
                Message::Endpoint(e) => KernelObject::Endpoint(e),
            };
            if let Err(object) = me.with_handles(|t| t.reinsert(handle, object)) {
                release_objects([object]);
            }
            Err(status)
        }
    }
}

/// `EndpointCore::Send`: sends the block named by `block` over `endpoint`.
/// The block leaves the caller (its handle is no longer valid) and is
/// queued for the peer.
///
/// Returns `Ok`, `ChannelClosed` (the peer is closed: the caller keeps the
/// block, under the same handle), `NoProcess`, `InvalidHandle` (not an
/// endpoint, or not a block, of the calling process: a block already sent
/// or freed is not).
pub extern "C" fn send(endpoint: Handle, block: Handle) -> Status {
    guard(|| send_taken(endpoint, block, Kind::Block))
}

/// `EndpointCore::SendEndpoint`: sends the endpoint named by `other` over
/// `endpoint` (Singularity's Release): it leaves the caller and is queued
/// for the peer, whose receive hands it over (Acquire).
///
/// Returns `Ok`, `ChannelClosed` (the caller keeps `other`),
/// `InvalidArgument` (`other` is `endpoint` itself or its peer),
/// `NoProcess`, `InvalidHandle`.
pub extern "C" fn send_endpoint(endpoint: Handle, other: Handle) -> Status {
    guard(|| send_taken(endpoint, other, Kind::Endpoint))
}

/// `EndpointCore::Receive`: takes the next message queued on `endpoint`,
/// waiting at most `timeout_ns` (`u64::MAX` forever, 0 poll) for one. Its
/// content becomes the caller's: a new handle in `*out_handle`, and its
/// kind (`received::BLOCK` or `received::ENDPOINT`) in `*out_kind`.
///
/// Returns `Ok`, `TimedOut`, `ChannelClosed` (nothing queued and the peer
/// closed), `Stopped` (the process is being stopped), `InvalidArgument`
/// (null/misaligned out-pointers), `NoProcess`, `InvalidHandle`,
/// `OutOfMemory` (no handle value left: the message is dropped).
///
/// # Safety
/// `out_handle` and `out_kind` must be valid for writes.
pub unsafe extern "C" fn receive(
    endpoint: Handle,
    timeout_ns: u64,
    out_handle: *mut Handle,
    out_kind: *mut u32,
) -> Status {
    guard(|| {
        check_out(out_handle)?;
        check_out(out_kind)?;
        let me = process::current_or_status()?;
        let ep = me.with_handles(|t| t.endpoint(endpoint))?;
        let deadline = wait::deadline(timeout_ns);
        let got = loop {
            if let Some(got) = ep.try_receive(me.id())? {
                break got;
            }
            sync::wait_any(
                &[ep.waitable()],
                deadline,
                Interrupt::By(me.waits()),
                process::current_thread_id(),
            )?;
        };
        let (object, kind) = match got {
            Received::Block(id) => (KernelObject::Block(id), received::BLOCK),
            Received::Endpoint(e) => (KernelObject::Endpoint(e), received::ENDPOINT),
        };
        let handle = match me.with_handles(|t| t.insert_or_return(object)) {
            Ok(h) => h,
            Err((status, object)) => {
                release_objects([object]);
                return Err(status);
            }
        };
        // SAFETY: checked above; writable by the caller's contract.
        unsafe {
            write_out(out_handle, handle)?;
            write_out(out_kind, kind)
        }
    })
}

/// `EndpointCore::GetPeerProcessId`: the id of the process holding the
/// other endpoint of the channel (Singularity's way to learn who is on the
/// other side), or 0 if it is closed or in flight.
///
/// Returns `Ok`, `InvalidArgument`, `NoProcess`, `InvalidHandle`.
///
/// # Safety
/// `out_id` must be valid for a write of a [`ProcessId`].
pub unsafe extern "C" fn get_peer_process_id(endpoint: Handle, out_id: *mut ProcessId) -> Status {
    guard(|| {
        check_out(out_id)?;
        let ep = process::current_or_status()?.with_handles(|t| t.endpoint(endpoint))?;
        let id = ep.peer_process().unwrap_or(ProcessId::NONE);
        // SAFETY: checked above; writable by the caller's contract.
        unsafe { write_out(out_id, id) }
    })
}

/// `EndpointCore::Dispose`: drops the handle, closing the endpoint: what
/// is queued on it is freed, and the peer sees the channel closed.
///
/// Returns `Ok`, `NoProcess`, `InvalidHandle`.
pub extern "C" fn dispose(endpoint: Handle) -> Status {
    guard(|| {
        let object =
            process::current_or_status()?.with_handles(|t| t.remove(endpoint, Kind::Endpoint))?;
        release_objects([object]);
        Ok(())
    })
}
