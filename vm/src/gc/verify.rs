//! The heap verifier (`OSPREY_GC_VERIFY=1`, on under stress): before and
//! after every collection, every object in every block in use must have a
//! valid method table (a loaded type, or a filler) and no stale mark bit,
//! and every reference (in objects and in roots) must be null, outside the
//! heap, or the start of an object in a block in use. A failure is a GC
//! hole or heap corruption: it is reported with where it was found and the
//! process ends (exit code 70).

use super::collect::{fatal, walk};
use super::heap::{BlockState, BLOCK_SIZE};
use super::layout::{self, FORWARDED, MARK_BIT};
use super::roots::Root;
use super::{Gc, State};

pub(super) fn verify(gc: &Gc, st: &State, roots: &[Root], when: &str) {
    if let Err(e) = check(gc, st, roots) {
        fatal(
            gc,
            &format!(
                "heap verification failed {when} collection #{}: {e}",
                st.stats.minor + st.stats.full + 1
            ),
        );
    }
}

fn check(gc: &Gc, st: &State, roots: &[Root]) -> Result<(), String> {
    let mut cache = gc.verify_types.lock().unwrap_or_else(|p| p.into_inner());
    let registry = gc
        .registry
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    if let Some(r) = registry {
        let all = r.snapshot();
        if all.len() != cache.0 {
            let mut v: Vec<usize> = all.iter().map(|t| t.method_table() as usize).collect();
            v.sort_unstable();
            cache.1 = v;
            cache.0 = all.len();
        }
    }
    let types: &[usize] = &cache.1;
    let mut last_ok = 0usize;
    let heap = &st.heap;
    // Object starts: one bit per 8 bytes of the blocks in use so far.
    let mut bits = vec![0u64; heap.high * (BLOCK_SIZE / 8 / 64)];
    let bit = |a: usize| (a - heap.base) >> 3;
    let mut objects = Vec::new();
    let mut problem = None;
    let mut i = 0;
    while i < heap.high {
        let b = heap.blocks[i];
        let start = heap.block_start(i);
        let (end, step) = match b.state {
            BlockState::Old | BlockState::Nursery => (start + BLOCK_SIZE, 1),
            BlockState::LargeHead(n) => (start + n as usize * BLOCK_SIZE, n as usize),
            _ => {
                i += 1;
                continue;
            }
        };
        let covered = walk(start, end, |obj, _size, real| {
            if !real || problem.is_some() {
                return;
            }
            // SAFETY: `obj` is a formatted object in a parseable block.
            let word = unsafe { *(obj as *const usize) };
            if word & FORWARDED != 0 {
                problem = Some(format!("forwarded object left at {obj:#x}"));
                return;
            }
            if word != last_ok && types.binary_search(&word).is_err() {
                problem = Some(format!(
                    "object at {obj:#x} has an invalid method table {word:#x}"
                ));
                return;
            }
            last_ok = word;
            // SAFETY: as above.
            if unsafe { *layout::header(obj) } & MARK_BIT != 0 {
                problem = Some(format!("object at {obj:#x} has a stale mark bit"));
                return;
            }
            let b = bit(obj);
            bits[b / 64] |= 1 << (b % 64);
            objects.push(obj);
        });
        if let Some(p) = problem {
            return Err(p);
        }
        if matches!(b.state, BlockState::Old) && covered < end {
            // Gaps are allowed only where a context was never retired; after
            // retiring, a block must parse to its end.
            return Err(format!("block {i} does not parse past {covered:#x}"));
        }
        i += step;
    }
    let check_ref = |v: usize, what: &dyn Fn() -> String| -> Result<(), String> {
        if v == 0 || !heap.contains(v) {
            return Ok(());
        }
        let b = bit(v);
        if v & 7 == 0 && b / 64 < bits.len() && bits[b / 64] & (1 << (b % 64)) != 0 {
            Ok(())
        } else {
            Err(format!(
                "{} holds {v:#x}, which is not a live object (a GC hole?)",
                what()
            ))
        }
    };
    for &obj in &objects {
        // SAFETY: a live object found by the walk.
        let mt = unsafe { layout::mt_of(obj) };
        let mut res = Ok(());
        // SAFETY: as above.
        unsafe {
            layout::for_each_ref(obj, mt, |s| {
                if res.is_ok() {
                    let name = || {
                        format!(
                            "field at +{} of a {} at {obj:#x}",
                            s as usize - obj,
                            mt.runtime_type().name
                        )
                    };
                    res = check_ref(*s, &name);
                }
            })
        };
        res?;
    }
    for r in roots {
        // SAFETY: root slots are valid for the collection.
        let v = unsafe { *r.slot };
        if r.interior {
            continue;
        }
        check_ref(v, &|| {
            format!("root slot {:#x} ({})", r.slot as usize, r.origin)
        })?;
    }
    for &f in st.freachable.iter().chain(&st.finalizable) {
        check_ref(f, &|| "the finalization queue".to_string())?;
    }
    Ok(())
}
