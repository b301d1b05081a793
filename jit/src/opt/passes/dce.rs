//! Dead-code elimination: instructions without an effect whose results
//! nothing uses are removed, until none is left (a removed use may make
//! another definition dead). Block parameters stay (a later pass could
//! remove the dead ones with their arguments).

use super::super::ir::{Func, Inst};

/// Removes dead instructions; returns whether anything changed.
pub(crate) fn run(f: &mut Func) -> bool {
    let mut any = false;
    loop {
        let mut uses = vec![0u32; f.values.len()];
        for b in f.live_blocks() {
            for &i in &f.block(b).insts {
                for u in f.uses(i) {
                    uses[u.0 as usize] += 1;
                }
            }
        }
        let mut changed = false;
        let blocks: Vec<_> = f.live_blocks().collect();
        for b in blocks {
            let dead: Vec<Inst> = f
                .block(b)
                .insts
                .iter()
                .copied()
                .filter(|&i| {
                    let d = f.inst(i);
                    !d.op.has_effect()
                        && !d.op.is_terminator()
                        && d.result.is_some_and(|r| uses[r.0 as usize] == 0)
                })
                .collect();
            if !dead.is_empty() {
                f.blocks[b.0 as usize].insts.retain(|i| !dead.contains(i));
                changed = true;
            }
        }
        if !changed {
            return any;
        }
        any = true;
    }
}
