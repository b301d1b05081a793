//! `System.Threading.Interlocked`'s bodies, for when a method is reached
//! indirectly (a delegate): calls are compiled inline as lock-prefixed
//! instructions (docs/jit.md, "Intrinsics"); these do the same with Rust
//! atomics. The reference forms mark the written card (the generational
//! collector's write barrier).

use std::sync::atomic::{fence, AtomicI32, AtomicI64, AtomicPtr, Ordering};

use crate::thread::Thread;

// SAFETY (every function): `location` is a managed pointer to a field,
// array element, static or local of the right type, aligned (the loader
// aligns fields to their size), valid for the call.

/// `int ExchangeAdd32(ref int, int)`.
pub(super) extern "C" fn exchange_add32(location: *mut i32, value: i32) -> i32 {
    // SAFETY: see the module comment.
    unsafe { AtomicI32::from_ptr(location) }.fetch_add(value, Ordering::SeqCst)
}

/// `long ExchangeAdd64(ref long, long)`.
pub(super) extern "C" fn exchange_add64(location: *mut i64, value: i64) -> i64 {
    // SAFETY: see the module comment.
    unsafe { AtomicI64::from_ptr(location) }.fetch_add(value, Ordering::SeqCst)
}

/// `int Exchange32(ref int, int)`.
pub(super) extern "C" fn exchange32(location: *mut i32, value: i32) -> i32 {
    // SAFETY: see the module comment.
    unsafe { AtomicI32::from_ptr(location) }.swap(value, Ordering::SeqCst)
}

/// `long Exchange64(ref long, long)` (and `ref IntPtr`).
pub(super) extern "C" fn exchange64(location: *mut i64, value: i64) -> i64 {
    // SAFETY: see the module comment.
    unsafe { AtomicI64::from_ptr(location) }.swap(value, Ordering::SeqCst)
}

/// `int CompareExchange32(ref int, int value, int comparand)`.
pub(super) extern "C" fn compare_exchange32(location: *mut i32, value: i32, comparand: i32) -> i32 {
    // SAFETY: see the module comment.
    match unsafe { AtomicI32::from_ptr(location) }.compare_exchange(
        comparand,
        value,
        Ordering::SeqCst,
        Ordering::SeqCst,
    ) {
        Ok(v) | Err(v) => v,
    }
}

/// `long CompareExchange64(ref long, long value, long comparand)` (and `ref IntPtr`).
pub(super) extern "C" fn compare_exchange64(location: *mut i64, value: i64, comparand: i64) -> i64 {
    // SAFETY: see the module comment.
    match unsafe { AtomicI64::from_ptr(location) }.compare_exchange(
        comparand,
        value,
        Ordering::SeqCst,
        Ordering::SeqCst,
    ) {
        Ok(v) | Err(v) => v,
    }
}

/// `object ExchangeObject(ref object, object)`.
pub(super) extern "C" fn exchange_object(
    thread: &mut Thread,
    location: *mut *mut u8,
    value: *mut u8,
) -> *mut u8 {
    // SAFETY: see the module comment.
    let old = unsafe { AtomicPtr::from_ptr(location) }.swap(value, Ordering::SeqCst);
    thread.runtime().heaps.gc.write_barrier(location as usize);
    old
}

/// `object CompareExchangeObject(ref object, object value, object comparand)`.
pub(super) extern "C" fn compare_exchange_object(
    thread: &mut Thread,
    location: *mut *mut u8,
    value: *mut u8,
    comparand: *mut u8,
) -> *mut u8 {
    // SAFETY: see the module comment.
    let r = unsafe { AtomicPtr::from_ptr(location) }.compare_exchange(
        comparand,
        value,
        Ordering::SeqCst,
        Ordering::SeqCst,
    );
    if r.is_ok() {
        thread.runtime().heaps.gc.write_barrier(location as usize);
    }
    match r {
        Ok(v) | Err(v) => v,
    }
}

/// `void FullBarrier()`: `mfence`.
pub(super) extern "C" fn full_barrier() {
    fence(Ordering::SeqCst);
}
