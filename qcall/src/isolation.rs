//! Software-isolated processes, channels and the exchange heap: the raw
//! kernel calls behind corelib's `Osprey.Isolation` (trusted corelib code
//! only; docs/kernel.md, "Channels and the exchange heap").
//!
//! Every function returns a status the managed side turns into the right
//! exception, or a handle; values cross as `int`s (kernel handles) and
//! pointers to locals or pinned arrays. Waits (receive, join) are v4 waits:
//! preemptive, and a stopped process abandons the caller.

use std::time::Duration;

use osprey_kernel::client::{Message, Os, OsError, WaitOutcome};
use osprey_kernel::{collector, BytesRef, ChildSpec, Handle, Status, StrRef, CHILD_UNTRUSTED};

use crate::threading::kernel_error;
use crate::{run, Bool, ExceptionKind, QCallError, Utf16Ptr};

/// What `Endpoint_Receive` returns: a block, an endpoint, a timeout, or a
/// closed channel.
const RECEIVED_TIMEOUT: i32 = 0;
const RECEIVED_BLOCK: i32 = 1;
const RECEIVED_ENDPOINT: i32 = 2;
const RECEIVED_CLOSED: i32 = 3;

/// What `Endpoint_Send` returns.
const SENT: i32 = 0;
const SEND_CLOSED: i32 = 1;

fn os() -> Result<Os, QCallError> {
    Os::resolve().map_err(|e| QCallError::new(ExceptionKind::InvalidOperation, e.to_string()))
}

fn handle(value: i32) -> Handle {
    Handle(value as u32)
}

fn out_int(at: *mut i32, value: i32) -> Result<(), QCallError> {
    if at.is_null() {
        return Err(QCallError::argument_null("result"));
    }
    // SAFETY: the managed wrapper passes the address of a local.
    unsafe { *at = value };
    Ok(())
}

/// Invalid handles: the block or endpoint was sent, freed, closed, or never
/// this process's.
fn handle_error(e: OsError) -> QCallError {
    match e.status {
        Status::InvalidHandle => QCallError::new(
            ExceptionKind::ObjectDisposed,
            format!(
                "the handle is not this process's (sent, freed or closed): {}",
                e.call
            ),
        ),
        Status::InvalidArgument => QCallError::new(ExceptionKind::Argument, e.to_string()),
        Status::InvalidState => QCallError::new(ExceptionKind::InvalidOperation, e.to_string()),
        _ => kernel_error(e),
    }
}

fn timeout(milliseconds: i32) -> Option<Duration> {
    u64::try_from(milliseconds).ok().map(Duration::from_millis)
}

fn bytes<'a>(ptr: *const u8, len: i32) -> Result<&'a [u8], QCallError> {
    let len = usize::try_from(len).map_err(|_| QCallError::argument("length", "negative"))?;
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(QCallError::argument_null("data"));
    }
    // SAFETY: the managed wrapper passes a pinned array (or a pointer the
    // caller vouches for) of `len` bytes.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// `Channel_Create(int* a, int* b)`.
pub(crate) extern "C" fn channel_create(a: *mut i32, b: *mut i32) {
    run((), || {
        let (x, y) = os()?.create_channel().map_err(handle_error)?;
        out_int(a, x.0 as i32)?;
        out_int(b, y.0 as i32)
    })
}

/// `Endpoint_Send(int endpoint, int block)`: 0 sent, 1 the peer is closed
/// (the block stays the caller's).
pub(crate) extern "C" fn endpoint_send(endpoint: i32, block: i32) -> i32 {
    run(SEND_CLOSED, || {
        match os()?.send_block(handle(endpoint), handle(block)) {
            Ok(()) => Ok(SENT),
            Err(e) if e.status == Status::ChannelClosed => Ok(SEND_CLOSED),
            Err(e) => Err(handle_error(e)),
        }
    })
}

/// `Endpoint_SendEndpoint(int endpoint, int other)`: as `Endpoint_Send`.
pub(crate) extern "C" fn endpoint_send_endpoint(endpoint: i32, other: i32) -> i32 {
    run(SEND_CLOSED, || {
        match os()?.send_endpoint(handle(endpoint), handle(other)) {
            Ok(()) => Ok(SENT),
            Err(e) if e.status == Status::ChannelClosed => Ok(SEND_CLOSED),
            Err(e) => Err(handle_error(e)),
        }
    })
}

/// `Endpoint_Receive(int endpoint, int milliseconds, int* handle)`: 0 timed
/// out, 1 a block, 2 an endpoint (its handle in `*handle`), 3 closed.
pub(crate) extern "C" fn endpoint_receive(endpoint: i32, milliseconds: i32, out: *mut i32) -> i32 {
    run(RECEIVED_CLOSED, || {
        match os()?.receive(handle(endpoint), timeout(milliseconds)) {
            Ok(None) => Ok(RECEIVED_TIMEOUT),
            Ok(Some(Message::Block(h))) => {
                out_int(out, h.0 as i32)?;
                Ok(RECEIVED_BLOCK)
            }
            Ok(Some(Message::Endpoint(h))) => {
                out_int(out, h.0 as i32)?;
                Ok(RECEIVED_ENDPOINT)
            }
            Err(e) if e.status == Status::ChannelClosed => Ok(RECEIVED_CLOSED),
            Err(e) => Err(handle_error(e)),
        }
    })
}

/// `Endpoint_Close(int endpoint)`.
pub(crate) extern "C" fn endpoint_close(endpoint: i32) {
    run((), || {
        os()?
            .dispose_endpoint(handle(endpoint))
            .map_err(handle_error)
    })
}

/// `Endpoint_PeerProcessId(int endpoint)`: 0 if the peer is closed or in
/// flight.
pub(crate) extern "C" fn endpoint_peer_process_id(endpoint: i32) -> i32 {
    run(0, || {
        let id = os()?
            .peer_process_id(handle(endpoint))
            .map_err(handle_error)?;
        Ok(id.0 as i32)
    })
}

/// `Block_Allocate(int size)`: the block's handle.
pub(crate) extern "C" fn block_allocate(size: i32) -> i32 {
    run(0, || {
        let size = usize::try_from(size).map_err(|_| QCallError::argument("size", "negative"))?;
        let h = os()?.allocate_block(size).map_err(handle_error)?;
        Ok(h.0 as i32)
    })
}

/// `Block_Free(int block)`.
pub(crate) extern "C" fn block_free(block: i32) {
    run((), || os()?.free_block(handle(block)).map_err(handle_error))
}

/// `Block_Size(int block)`.
pub(crate) extern "C" fn block_size(block: i32) -> i32 {
    run(0, || {
        let n = os()?.block_size(handle(block)).map_err(handle_error)?;
        i32::try_from(n).map_err(|_| QCallError::new(ExceptionKind::Overflow, "block too large"))
    })
}

/// `Block_Write(int block, int offset, byte* data, int length)`.
pub(crate) extern "C" fn block_write(block: i32, offset: i32, data: *const u8, length: i32) {
    run((), || {
        let data = bytes(data, length)?;
        let offset =
            usize::try_from(offset).map_err(|_| QCallError::argument("offset", "negative"))?;
        os()?
            .write_block(handle(block), offset, data)
            .map_err(handle_error)
    })
}

/// `Block_Read(int block, int offset, byte* data, int length)`.
pub(crate) extern "C" fn block_read(block: i32, offset: i32, data: *mut u8, length: i32) {
    run((), || {
        let n = usize::try_from(length).map_err(|_| QCallError::argument("length", "negative"))?;
        let offset =
            usize::try_from(offset).map_err(|_| QCallError::argument("offset", "negative"))?;
        if n == 0 {
            return Ok(());
        }
        if data.is_null() {
            return Err(QCallError::argument_null("data"));
        }
        // SAFETY: the managed wrapper passes a pinned array of `length` bytes.
        let buf = unsafe { std::slice::from_raw_parts_mut(data, n) };
        os()?
            .read_block(handle(block), offset, buf)
            .map_err(handle_error)
    })
}

/// `Block_Split(int block, int offset)`: the second block's handle.
pub(crate) extern "C" fn block_split(block: i32, offset: i32) -> i32 {
    run(0, || {
        let offset =
            usize::try_from(offset).map_err(|_| QCallError::argument("offset", "negative"))?;
        let h = os()?
            .split_block(handle(block), offset)
            .map_err(handle_error)?;
        Ok(h.0 as i32)
    })
}

/// `Block_Share(int block)`: the read-only share's handle.
pub(crate) extern "C" fn block_share(block: i32) -> i32 {
    run(0, || {
        let h = os()?.share_block(handle(block)).map_err(handle_error)?;
        Ok(h.0 as i32)
    })
}

/// `Block_GetData(int block, int* writable)`: the data's address (a
/// zero-copy view for trusted code, valid while the caller owns the block).
pub(crate) extern "C" fn block_get_data(block: i32, writable: *mut i32) -> *mut u8 {
    run(std::ptr::null_mut(), || {
        let (p, w) = os()?.block_data(handle(block)).map_err(handle_error)?;
        out_int(writable, i32::from(w))?;
        Ok(p)
    })
}

/// `Process_Create(string path, byte* image, int imageLength, string name,
/// string args, int argCount, int* endpoints, int endpointCount, int
/// collector, long heapLimit, int abiVersion, bool untrusted)`: a child
/// (not started) from an assembly by path (when `path` is not null) or by
/// its bytes. `args` holds the `argCount` arguments separated by `'\0'`.
#[allow(clippy::too_many_arguments)]
pub(crate) extern "C" fn process_create(
    path: Utf16Ptr,
    image: *const u8,
    image_length: i32,
    name: Utf16Ptr,
    args: Utf16Ptr,
    arg_count: i32,
    endpoints: *const i32,
    endpoint_count: i32,
    gc: i32,
    heap_limit: i64,
    abi_version: i32,
    untrusted: Bool,
) -> i32 {
    run(0, || {
        // SAFETY: the string is pinned for the QCall.
        let path = unsafe { path.to_string_lossy() }.unwrap_or_default();
        // SAFETY: as above.
        let name = unsafe { name.to_string_lossy() }.unwrap_or_default();
        // SAFETY: as above.
        let args = unsafe { args.to_string_lossy() }.unwrap_or_default();
        let args: Vec<&str> = match arg_count {
            0 => Vec::new(),
            n => {
                let parts: Vec<&str> = args.split('\0').collect();
                if parts.len() != n as usize {
                    return Err(QCallError::argument("args", "argument count mismatch"));
                }
                parts
            }
        };
        let arg_refs: Vec<StrRef> = args.iter().map(|a| StrRef::new(a)).collect();
        let n = usize::try_from(endpoint_count)
            .map_err(|_| QCallError::argument("endpoints", "negative count"))?;
        let endpoint_handles: Vec<Handle> = if n == 0 {
            Vec::new()
        } else {
            if endpoints.is_null() {
                return Err(QCallError::argument_null("endpoints"));
            }
            // SAFETY: a pinned int[] of `endpoint_count` handles.
            unsafe { std::slice::from_raw_parts(endpoints, n) }
                .iter()
                .map(|h| handle(*h))
                .collect()
        };
        let image_bytes = if path.is_empty() {
            bytes(image, image_length)?
        } else {
            &[]
        };
        let spec = ChildSpec {
            size: std::mem::size_of::<ChildSpec>() as u32,
            flags: if bool::from(untrusted) {
                CHILD_UNTRUSTED
            } else {
                0
            },
            name: StrRef::new(&name),
            path: StrRef::new(&path),
            image: if image_bytes.is_empty() {
                BytesRef::EMPTY
            } else {
                BytesRef::new(image_bytes)
            },
            args: arg_refs.as_ptr(),
            arg_count: arg_refs.len(),
            endpoints: endpoint_handles.as_ptr(),
            endpoint_count: endpoint_handles.len(),
            collector: match gc {
                1 => collector::GENERATIONAL,
                2 => collector::MARK_SWEEP,
                _ => collector::DEFAULT,
            },
            abi_version: u32::try_from(abi_version).unwrap_or(u32::MAX),
            heap_limit: u64::try_from(heap_limit).unwrap_or(0),
            stack_size: 0,
        };
        // SAFETY: every pointer in `spec` points into locals that outlive the call.
        match unsafe { os()?.create_child(&spec) } {
            Ok(h) => Ok(h.0 as i32),
            Err(e) if e.status == Status::NotFound => Err(QCallError::new(
                ExceptionKind::FileNotFound,
                format!(
                    "Could not find the assembly '{path}' (or no program runner is installed)."
                ),
            )),
            Err(e) if e.status == Status::InvalidArgument => Err(QCallError::new(
                ExceptionKind::Argument,
                format!(
                    "the child's settings are invalid ({})",
                    e.status.description()
                ),
            )),
            Err(e) => Err(handle_error(e)),
        }
    })
}

/// `Process_Start(int process)`.
pub(crate) extern "C" fn process_start(process: i32) {
    run((), || {
        os()?.start_child(handle(process)).map_err(handle_error)
    })
}

/// `Process_Wait(int process, int milliseconds)`: true once it has ended.
pub(crate) extern "C" fn process_wait(process: i32, milliseconds: i32) -> Bool {
    run(Bool::FALSE, || {
        match os()?.wait_any(&[handle(process)], timeout(milliseconds)) {
            Ok(WaitOutcome::TimedOut) => Ok(Bool::FALSE),
            Ok(_) => Ok(Bool::TRUE),
            Err(e) => Err(handle_error(e)),
        }
    })
}

/// `Process_ExitCode(int process, int* code)`: false while it runs (or if
/// it never started).
pub(crate) extern "C" fn process_exit_code(process: i32, code: *mut i32) -> Bool {
    run(Bool::FALSE, || {
        match os()?.child_exit_code(handle(process)) {
            Ok(Some(c)) => {
                out_int(code, c)?;
                Ok(Bool::TRUE)
            }
            Ok(None) => Ok(Bool::FALSE),
            // Never started (or dropped unstarted): it has no exit code.
            Err(e) if e.status == Status::InvalidState => Ok(Bool::FALSE),
            Err(e) => Err(handle_error(e)),
        }
    })
}

/// `Process_Terminate(int process, int exitCode)`: false if it is not
/// running (ended already, or never started).
pub(crate) extern "C" fn process_terminate(process: i32, exit_code: i32) -> Bool {
    run(Bool::FALSE, || {
        match os()?.terminate_child(handle(process), exit_code) {
            Ok(()) => Ok(Bool::TRUE),
            Err(e) if e.status == Status::InvalidState => Ok(Bool::FALSE),
            Err(e) => Err(handle_error(e)),
        }
    })
}

/// `Process_Id(int process)`.
pub(crate) extern "C" fn process_id(process: i32) -> i32 {
    run(0, || {
        let id = os()?
            .child_process_id(handle(process))
            .map_err(handle_error)?;
        Ok(id.0 as i32)
    })
}

/// `Process_Dispose(int process)`.
pub(crate) extern "C" fn process_dispose(process: i32) {
    run((), || {
        os()?.dispose_child(handle(process)).map_err(handle_error)
    })
}

/// `Process_StartupEndpoint(int index)`: the handle, or 0 past the end.
pub(crate) extern "C" fn process_startup_endpoint(index: i32) -> i32 {
    run(0, || {
        let all = os()?.startup_endpoints().map_err(handle_error)?;
        Ok(usize::try_from(index)
            .ok()
            .and_then(|i| all.get(i))
            .map_or(0, |h| h.0 as i32))
    })
}

/// `Process_StartupEndpointCount()`.
pub(crate) extern "C" fn process_startup_endpoint_count() -> i32 {
    run(0, || {
        Ok(os()?.startup_endpoints().map_err(handle_error)?.len() as i32)
    })
}

/// `Process_CurrentId()`.
pub(crate) extern "C" fn process_current_id() -> i32 {
    run(0, || {
        let os = os()?;
        // SAFETY: no arguments.
        Ok(unsafe { (os.v4().v3.v2.v1.process_service_get_current_process_id)() }.0 as i32)
    })
}

/// `Kernel_Counters(long* values, int count)`: the kernel's counters in
/// `KernelCounters` field order.
pub(crate) extern "C" fn kernel_counters(values: *mut i64, count: i32) {
    run((), || {
        let c = os()?.counters().map_err(handle_error)?;
        let all = [
            c.processes,
            c.threads,
            c.own_threads,
            c.page_bytes,
            c.own_page_bytes,
            c.blocks,
            c.block_bytes,
            c.own_blocks,
            c.endpoints,
            c.own_endpoints,
            c.own_handles,
        ];
        let n = usize::try_from(count).unwrap_or(0).min(all.len());
        if n > 0 && values.is_null() {
            return Err(QCallError::argument_null("values"));
        }
        for (i, v) in all.iter().take(n).enumerate() {
            // SAFETY: a pinned long[] of `count` elements.
            unsafe { *values.add(i) = *v as i64 };
        }
        Ok(())
    })
}
