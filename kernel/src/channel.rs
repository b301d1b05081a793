//! Channels: the version-independent implementation behind `EndpointCore`
//! (ABI v4), Singularity's channels (Design Note 20, section 9).
//!
//! A channel is a pair of endpoints. Each endpoint is held by one process
//! (named by a handle in its table) or is *in flight* (inside a message).
//! What one endpoint sends, the other receives, in order. A message carries
//! either an exchange-heap block (see `exchange`) or another endpoint:
//!
//! - **send** moves the block (or endpoint) out of the sender: its handle
//!   leaves the sender's table and the block's ownership leaves the
//!   sender's list; it is in flight, owned by the channel;
//! - **receive** moves it into the receiver: a new handle in the
//!   receiver's table, the block on the receiver's list.
//!
//! So a process can never touch a block it has sent (the handle is gone),
//! and a process reaches only the endpoints it was given: at creation (its
//! startup endpoints) or in messages.
//!
//! **Closing.** An endpoint closes when its handle is disposed, when its
//! holder ends, or when the message carrying it is dropped. Its own queue is
//! freed (blocks freed, endpoints in it closed). The peer sees the channel
//! closed: sends fail with `ChannelClosed`, and receives return what is
//! still queued and then `ChannelClosed`. A peer that is itself in flight
//! (nobody can ever receive from it) is closed too, so endpoints sent into
//! each other's queues cannot keep each other alive.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, Weak};

use crate::exchange::{self, BlockId, Owner};
use crate::sync::{Acquired, Signal, SyncCell, Waitable};
use crate::{ProcessId, Status, ThreadId};

/// Endpoints alive (for the kernel's counters).
static LIVE: AtomicUsize = AtomicUsize::new(0);

/// What a message carries.
pub(crate) enum Message {
    /// An exchange-heap block (in flight).
    Block(BlockId),
    /// An endpoint (in flight).
    Endpoint(Arc<Endpoint>),
}

/// An endpoint's state.
pub(crate) struct EndpointState {
    /// Messages sent by the peer, not yet received.
    queue: VecDeque<Message>,
    /// This endpoint is closed.
    closed: bool,
    /// The peer is closed.
    peer_closed: bool,
    /// Who holds this endpoint.
    holder: Owner,
}

impl Signal for EndpointState {
    /// Ready to receive: a message is queued, or the channel is closed.
    /// Waiting does not consume anything (the receive does).
    fn try_acquire(&mut self, thread: ThreadId) -> Option<Acquired> {
        self.ready(thread).then_some(Acquired::Ok)
    }

    fn ready(&self, _thread: ThreadId) -> bool {
        !self.queue.is_empty() || self.peer_closed || self.closed
    }
}

/// One end of a channel.
pub(crate) struct Endpoint {
    cell: Arc<SyncCell<EndpointState>>,
    peer: OnceLock<Weak<Endpoint>>,
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        LIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

/// What a receive delivered.
pub(crate) enum Received {
    /// A block, now owned by the receiver.
    Block(BlockId),
    /// An endpoint, now held by the receiver.
    Endpoint(Arc<Endpoint>),
}

impl Endpoint {
    fn new(holder: Owner) -> Arc<Endpoint> {
        LIVE.fetch_add(1, Ordering::Relaxed);
        Arc::new(Endpoint {
            cell: Arc::new(SyncCell::new(EndpointState {
                queue: VecDeque::new(),
                closed: false,
                peer_closed: false,
                holder,
            })),
            peer: OnceLock::new(),
        })
    }

    /// A new channel: two endpoints, both held by `holder`.
    pub(crate) fn channel(holder: ProcessId) -> (Arc<Endpoint>, Arc<Endpoint>) {
        let a = Endpoint::new(Owner::Process(holder));
        let b = Endpoint::new(Owner::Process(holder));
        let _ = a.peer.set(Arc::downgrade(&b));
        let _ = b.peer.set(Arc::downgrade(&a));
        (a, b)
    }

    fn peer(&self) -> Option<Arc<Endpoint>> {
        self.peer.get().and_then(Weak::upgrade)
    }

    /// Whether `other` is this endpoint or its peer.
    pub(crate) fn is_same_channel(&self, other: &Arc<Endpoint>) -> bool {
        std::ptr::eq(self, Arc::as_ptr(other))
            || self
                .peer
                .get()
                .is_some_and(|p| std::ptr::eq(p.as_ptr(), Arc::as_ptr(other)))
    }

    /// What a receive waits on.
    pub(crate) fn waitable(&self) -> Arc<dyn Waitable> {
        Arc::clone(&self.cell) as Arc<dyn Waitable>
    }

    /// The process holding the peer endpoint (`None`: closed or in flight).
    pub(crate) fn peer_process(&self) -> Option<ProcessId> {
        let peer = self.peer()?;
        peer.cell.with(|s| match (s.closed, s.holder) {
            (false, Owner::Process(p)) => Some(p),
            _ => None,
        })
    }

    /// Sends `message` (already taken out of the sender: its handle
    /// removed) to the peer. On failure (`ChannelClosed`) the message is
    /// handed back so the sender keeps it.
    pub(crate) fn send(
        &self,
        sender: ProcessId,
        message: Message,
    ) -> Result<(), (Status, Message)> {
        if self.cell.with(|s| s.closed) {
            return Err((Status::InvalidHandle, message));
        }
        let Some(peer) = self.peer() else {
            return Err((Status::ChannelClosed, message));
        };
        // Ownership moves to the channel before the message is visible.
        match &message {
            Message::Block(id) => {
                if let Err(s) = exchange::transfer(*id, Owner::Process(sender), Owner::InFlight) {
                    return Err((s, message));
                }
            }
            Message::Endpoint(e) => e.cell.with(|s| s.holder = Owner::InFlight),
        }
        let refused = peer.cell.update(|s| {
            if s.closed {
                Some(message)
            } else {
                s.queue.push_back(message);
                None
            }
        });
        match refused {
            None => Ok(()),
            Some(message) => {
                // Give it back to the sender.
                match &message {
                    Message::Block(id) => {
                        let _ = exchange::transfer(*id, Owner::InFlight, Owner::Process(sender));
                    }
                    Message::Endpoint(e) => {
                        e.cell.with(|s| s.holder = Owner::Process(sender));
                    }
                }
                Err((Status::ChannelClosed, message))
            }
        }
    }

    /// Takes the next message if there is one: `Ok(Some)` (ownership has
    /// moved to `receiver`), `Ok(None)` (nothing yet), `ChannelClosed`
    /// (nothing queued and the peer is closed).
    pub(crate) fn try_receive(&self, receiver: ProcessId) -> Result<Option<Received>, Status> {
        let taken = self.cell.with(|s| {
            if s.closed {
                return Err(Status::InvalidHandle);
            }
            match s.queue.pop_front() {
                Some(m) => Ok(Some(m)),
                None if s.peer_closed => Err(Status::ChannelClosed),
                None => Ok(None),
            }
        })?;
        Ok(taken.map(|m| match m {
            Message::Block(id) => {
                // In flight until now; nobody else can own it meanwhile.
                let _ = exchange::transfer(id, Owner::InFlight, Owner::Process(receiver));
                Received::Block(id)
            }
            Message::Endpoint(e) => {
                e.cell.with(|s| s.holder = Owner::Process(receiver));
                Received::Endpoint(e)
            }
        }))
    }

    /// Closes this endpoint (see the module documentation).
    pub(crate) fn close(self: &Arc<Self>) {
        let mut to_close: Vec<Arc<Endpoint>> = vec![Arc::clone(self)];
        while let Some(e) = to_close.pop() {
            let queued = e.cell.update(|s| {
                if s.closed {
                    return None;
                }
                s.closed = true;
                Some(std::mem::take(&mut s.queue))
            });
            let Some(queued) = queued else { continue };
            for m in queued {
                match m {
                    Message::Block(id) => exchange::free_any(id),
                    Message::Endpoint(inner) => to_close.push(inner),
                }
            }
            if let Some(peer) = e.peer() {
                let in_flight = peer.cell.update(|s| {
                    s.peer_closed = true;
                    s.holder == Owner::InFlight && !s.closed
                });
                if in_flight {
                    to_close.push(peer);
                }
            }
        }
    }

    /// Marks this endpoint held by `holder` (startup endpoints).
    pub(crate) fn set_holder(&self, holder: Owner) {
        self.cell.with(|s| s.holder = holder);
    }
}

/// How many endpoints exist (kernel-wide).
pub(crate) fn live_count() -> usize {
    LIVE.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_flow_in_order_and_closing_drains_then_reports() {
        let p = exchange::test_pid();
        let (a, b) = Endpoint::channel(p);
        let x = exchange::allocate(p, 8).unwrap();
        let y = exchange::allocate(p, 8).unwrap();
        assert!(a.send(p, Message::Block(x)).is_ok());
        assert!(a.send(p, Message::Block(y)).is_ok());
        assert_eq!(
            exchange::free(x, Owner::Process(p)),
            Err(Status::InvalidHandle),
            "a sent block is the channel's"
        );
        a.close();
        assert!(matches!(b.try_receive(p), Ok(Some(Received::Block(id))) if id == x));
        assert!(matches!(b.try_receive(p), Ok(Some(Received::Block(id))) if id == y));
        assert!(matches!(b.try_receive(p), Err(Status::ChannelClosed)));
        let z = exchange::allocate(p, 8).unwrap();
        let Err((status, Message::Block(back))) = b.send(p, Message::Block(z)) else {
            panic!("send to a closed peer must fail")
        };
        assert_eq!((status, back), (Status::ChannelClosed, z));
        for id in [x, y, z] {
            exchange::free(id, Owner::Process(p)).unwrap();
        }
        b.close();
    }

    #[test]
    fn endpoints_in_each_others_queues_are_freed() {
        let p = exchange::test_pid();
        let (a, b) = Endpoint::channel(p);
        let (c, d) = Endpoint::channel(p);
        assert!(c.send(p, Message::Endpoint(Arc::clone(&b))).is_ok());
        assert!(a.send(p, Message::Endpoint(Arc::clone(&d))).is_ok());
        let blk = exchange::allocate(p, 4).unwrap();
        assert!(c.send(p, Message::Block(blk)).is_ok()); // into d's queue
        a.close();
        c.close();
        for e in [&a, &b, &c, &d] {
            assert!(e.cell.with(|s| s.closed));
        }
        assert_eq!(
            exchange::free(blk, Owner::InFlight),
            Err(Status::InvalidHandle),
            "freed with d's queue"
        );
    }
}
