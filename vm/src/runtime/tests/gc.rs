//! The collector (docs/gc.md): bump allocation, large objects, promotion
//! by a minor collection, the write barrier's cards, the finalization
//! queue (`SuppressFinalize`, `ReRegisterForFinalize`) and weak handles,
//! driven through `Gc`'s own interface on objects of types compiled by
//! `mcs`. The test thread has no managed frames, so the only roots are the
//! handles and statics a test makes.

use super::harness::{compile, with_runtime, Env};
use crate::gc::heap::{BLOCK_SIZE, LARGE_OBJECT_SIZE};
use crate::gc::{CollectorKind, ObjectHandle, WeakObjectHandle};
use crate::object::{allocation_size, ObjectRef};
use crate::thread::Thread;
use crate::typesystem::TypeHandle;

const SOURCE: &str = r#"
public class Node { public Node Next; public long Value; }
public unsafe struct Blob { public fixed byte Bytes[9000]; }
public class Big { public Node Ref; public Blob B; }
public class Fin {
    public static int Finalized;
    public static Fin Saved;
    public static bool Resurrect;
    ~Fin() { Finalized++; if (Resurrect) Saved = this; }
}
"#;

fn run(name: &str, kind: CollectorKind, test: impl FnOnce(Env<'_>) + Send + 'static) {
    with_runtime(name, compile("gc", SOURCE), kind, test);
}

/// Allocates one `t` and returns a strong handle to it.
fn alloc(thread: &mut Thread, t: TypeHandle) -> ObjectHandle {
    let rt = thread.runtime();
    // SAFETY: the loader built `t`'s method table; it lives as long as the runtime.
    let mt = unsafe { &*t.method_table() };
    let obj = rt.gc().alloc(thread, mt, 0).expect("allocation").raw();
    rt.gc().new_handle(obj)
}

/// A weak handle to what `h` holds.
fn weak(thread: &Thread, h: &ObjectHandle) -> WeakObjectHandle {
    let gc = thread.runtime().gc();
    WeakObjectHandle::new(&gc.handles, h.get(thread).raw())
}

fn addr(thread: &Thread, h: &ObjectHandle) -> usize {
    h.get(thread).as_ptr() as usize
}

/// The field `name` of `t` (an instance field's offset from the object).
fn field_offset(t: TypeHandle, name: &str) -> usize {
    t.instance_fields
        .iter()
        .find(|f| f.name == name)
        .expect("field")
        .offset as usize
}

/// The address of static field `name` of `t`.
fn static_address(t: TypeHandle, name: &str) -> usize {
    t.static_fields
        .iter()
        .find(|f| f.name == name)
        .expect("static field")
        .address
}

fn read_static_i32(t: TypeHandle, name: &str) -> i32 {
    // SAFETY: the address is the storage of an int32 static of a loaded type.
    unsafe { (static_address(t, name) as *const i32).read() }
}

fn write_static(t: TypeHandle, name: &str, value: usize) {
    // SAFETY: the address is the 8-byte storage of a static of a loaded
    // type; statics are roots, so no write barrier is needed.
    unsafe { (static_address(t, name) as *mut usize).write(value) }
}

/// Reads the reference field at `offset` of the object at `obj`.
fn read_ref(obj: usize, offset: usize) -> usize {
    // SAFETY: `obj` is a live object of a type with a reference at `offset`.
    unsafe { ((obj + offset) as *const usize).read() }
}

/// The card byte covering `addr`.
fn card(thread: &Thread, addr: usize) -> u8 {
    let b = thread
        .runtime()
        .gc()
        .barrier()
        .expect("generational has a barrier");
    // SAFETY: the card table covers the whole reservation, which holds `addr`.
    unsafe { ((b.card_table + ((addr - b.heap_base) >> b.card_shift)) as *const u8).read() }
}

#[test]
fn small_objects_are_bump_allocated_and_large_ones_get_blocks() {
    run("gc-alloc", CollectorKind::Generational, |env| {
        let (node, big) = (env.ty("Node"), env.ty("Big"));
        env.thread.cooperative(|t| {
            let gc = t.runtime().gc();
            let minors = gc.collection_count(0);
            let a = alloc(t, node);
            let b = alloc(t, node);
            let c = alloc(t, node);
            assert_eq!(
                gc.collection_count(0),
                minors,
                "nothing collected in between"
            );
            // SAFETY: the method table of a loaded type.
            let size = allocation_size(unsafe { &*node.method_table() }, 0);
            assert_eq!(size, 32, "header word, method table, Next, Value");
            assert_eq!(addr(t, &b), addr(t, &a) + size);
            assert_eq!(addr(t, &c), addr(t, &b) + size);

            assert!(big.mt.base_size as usize >= LARGE_OBJECT_SIZE);
            let l1 = alloc(t, big);
            let l2 = alloc(t, big);
            let (a1, a2) = (addr(t, &l1), addr(t, &l2));
            assert_ne!(a1 / BLOCK_SIZE, a2 / BLOCK_SIZE, "one block each");
            assert_ne!(a1 / BLOCK_SIZE, addr(t, &a) / BLOCK_SIZE);
            // Large objects never move; nursery objects do.
            let small_before = addr(t, &a);
            gc.collect(t, false);
            assert_ne!(addr(t, &a), small_before, "a minor collection promotes");
            assert_eq!((addr(t, &l1), addr(t, &l2)), (a1, a2));
            gc.collect(t, true);
            assert_eq!((addr(t, &l1), addr(t, &l2)), (a1, a2));
            // A large object nobody holds is freed by a full collection.
            let w = weak(t, &l2);
            drop(l2);
            gc.collect(t, true);
            assert!(w.get().is_none(), "an unreachable large object is freed");
            assert_eq!(addr(t, &l1), a1);
        });
    });
}

#[test]
fn a_young_object_held_by_an_old_one_is_promoted_and_its_referrer_updated() {
    run("gc-promotion", CollectorKind::Generational, |env| {
        let node = env.ty("Node");
        let next = field_offset(node, "Next");
        env.thread.cooperative(|t| {
            let gc = t.runtime().gc();
            // An old object: allocated, then promoted by a minor collection
            // (it moves once, then stays).
            let old = alloc(t, node);
            let before = addr(t, &old);
            gc.collect(t, false);
            let promoted = addr(t, &old);
            assert_ne!(promoted, before);
            gc.collect(t, false);
            assert_eq!(
                addr(t, &old),
                promoted,
                "old objects do not move in a minor collection"
            );
            assert_eq!(card(t, promoted + next), 0, "a clean card before the store");

            // A young object reachable only through old.Next, stored with
            // the write barrier.
            let young = alloc(t, node);
            let young_before = addr(t, &young);
            // SAFETY: a Node field of a live Node; the barrier follows.
            unsafe { ((promoted + next) as *mut usize).write(young_before) };
            gc.write_barrier(promoted + next);
            assert_eq!(card(t, promoted + next), 1, "the barrier dirties the card");
            // Mark it so it can be recognized after the move.
            let value = field_offset(node, "Value");
            // SAFETY: the long field of a live Node.
            unsafe { ((young_before + value) as *mut i64).write(0x5eed) };
            let w = weak(t, &young);
            drop(young);

            let minors = gc.collection_count(0);
            gc.collect(t, false);
            assert_eq!(gc.collection_count(0), minors + 1);
            let moved = w
                .get()
                .expect("the card kept the young object alive")
                .as_ptr() as usize;
            assert_ne!(
                moved, young_before,
                "the young object was copied out of the nursery"
            );
            assert_eq!(read_ref(promoted, next), moved, "old.Next follows it");
            // SAFETY: the long field of the live, moved Node.
            assert_eq!(unsafe { ((moved + value) as *const i64).read() }, 0x5eed);

            // Cut the link: the next full collection frees it.
            // SAFETY: a Node field of a live Node; null needs no barrier.
            unsafe { ((promoted + next) as *mut usize).write(0) };
            gc.collect(t, true);
            assert!(w.get().is_none());
        });
    });
}

#[test]
fn weak_handles_follow_moves_and_are_cleared_when_the_object_dies() {
    for kind in [CollectorKind::Generational, CollectorKind::MarkSweep] {
        run("gc-weak", kind, |env| {
            let node = env.ty("Node");
            env.thread.cooperative(|t| {
                let gc = t.runtime().gc();
                let kept = alloc(t, node);
                let dead = alloc(t, node);
                let (wk, wd) = (weak(t, &kept), weak(t, &dead));
                drop(dead);
                gc.collect(t, false);
                let now = wk.get().expect("held by a strong handle");
                assert_eq!(now.as_ptr() as usize, addr(t, &kept));
                assert!(wd.get().is_none(), "only a weak handle held it");
                drop(kept);
                gc.collect(t, true);
                assert!(wk.get().is_none());
            });
        });
    }
}

#[test]
fn an_unreachable_finalizable_object_is_finalized_once() {
    for kind in [CollectorKind::Generational, CollectorKind::MarkSweep] {
        run("gc-finalize", kind, |env| {
            let fin = env.ty("Fin");
            env.thread.cooperative(|t| {
                let gc = t.runtime().gc();
                let h = alloc(t, fin);
                let w = weak(t, &h);
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert_eq!(read_static_i32(fin, "Finalized"), 0, "still reachable");
                drop(h);
                gc.collect(t, true);
                // Queued, and kept alive for its finalizer (which the
                // finalizer thread may be running already): a long weak
                // handle still sees it until a later collection.
                assert!(w.get().is_some());
                // A second collection must not queue it again.
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert!(!gc.finalizers_pending());
                assert_eq!(read_static_i32(fin, "Finalized"), 1);
                gc.collect(t, true);
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert_eq!(read_static_i32(fin, "Finalized"), 1, "finalized once");
                assert!(w.get().is_none(), "dead after its finalizer ran");
            });
        });
    }
}

#[test]
fn suppress_and_reregister_for_finalize() {
    for kind in [CollectorKind::Generational, CollectorKind::MarkSweep] {
        run("gc-suppress", kind, |env| {
            let fin = env.ty("Fin");
            env.thread.cooperative(|t| {
                let gc = t.runtime().gc();
                // Suppressed: dies without its finalizer.
                let h = alloc(t, fin);
                let w = weak(t, &h);
                gc.suppress_finalize(h.get(t).raw());
                drop(h);
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert_eq!(read_static_i32(fin, "Finalized"), 0);
                assert!(w.get().is_none());

                // Suppressed, then registered again: finalized.
                let h = alloc(t, fin);
                gc.suppress_finalize(h.get(t).raw());
                gc.reregister_for_finalize(h.get(t).raw());
                drop(h);
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert_eq!(read_static_i32(fin, "Finalized"), 1);

                // Resurrected by its finalizer, registered again: finalized
                // a second time, and only then dead.
                write_static(fin, "Resurrect", 1);
                let h = alloc(t, fin);
                let w = weak(t, &h);
                drop(h);
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert_eq!(read_static_i32(fin, "Finalized"), 2);
                let saved = read_ref(static_address(fin, "Saved"), 0);
                assert_ne!(saved, 0, "the finalizer saved the object");
                assert_eq!(w.get().map(|o| o.as_ptr() as usize), Some(saved));
                // SAFETY: `saved` is the object the finalizer stored in a static (a root).
                let obj = unsafe { ObjectRef::from_raw(saved as *mut u8) }.unwrap();
                gc.reregister_for_finalize(obj);
                write_static(fin, "Resurrect", 0);
                write_static(fin, "Saved", 0);
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert_eq!(read_static_i32(fin, "Finalized"), 3);
                // Not registered again: the next collections free it.
                gc.collect(t, true);
                gc.collect(t, true);
                gc.wait_for_pending_finalizers(t);
                assert_eq!(read_static_i32(fin, "Finalized"), 3);
                assert!(w.get().is_none());
            });
        });
    }
}
