//! The IR verifier, run between stages in debug builds (as Cranelift runs
//! its verifier between passes): every block ends with exactly one
//! terminator, every block call passes one argument of a fitting type per
//! parameter, and every use is dominated by its definition.

use std::collections::HashMap;

use super::cfg::Cfg;
use super::ir::{Block, Func, Ty, Value, ValueDef};

/// Checks `f`; the error names the first broken rule.
pub(crate) fn verify(f: &Func) -> Result<(), String> {
    let cfg = Cfg::new(f);
    // Where each instruction is.
    let mut place: HashMap<u32, (Block, usize)> = HashMap::new();
    for b in f.live_blocks() {
        let insts = &f.block(b).insts;
        if insts.is_empty() {
            return Err(format!("block{} is empty", b.0));
        }
        for (k, &i) in insts.iter().enumerate() {
            let last = k + 1 == insts.len();
            if f.inst(i).op.is_terminator() != last {
                return Err(format!(
                    "block{}: `{}` {} a terminator",
                    b.0,
                    f.display_inst(i),
                    if last {
                        "is the last instruction but not"
                    } else {
                        "is"
                    }
                ));
            }
            place.insert(i.0, (b, k));
        }
    }
    let fits = |want: Ty, got: Ty| want == got || (want == Ty::ByRef && got == Ty::I64);
    for b in f.live_blocks() {
        if !cfg.reachable(b) {
            continue;
        }
        for (k, &i) in f.block(b).insts.iter().enumerate() {
            let d = f.inst(i);
            let check_use = |v: Value| -> Result<(), String> {
                let vd = &f.values[v.0 as usize];
                let ok = match vd.def {
                    ValueDef::Alias(_) => false,
                    ValueDef::Param(pb, _) => {
                        f.block(pb).params.contains(&v) && cfg.reachable(pb) && cfg.dominates(pb, b)
                    }
                    ValueDef::Inst(di) => match place.get(&di.0) {
                        Some(&(db, dk)) if db == b => dk < k,
                        Some(&(db, _)) => cfg.reachable(db) && cfg.dominates(db, b),
                        None => false,
                    },
                };
                if ok {
                    Ok(())
                } else {
                    Err(format!(
                        "block{}: `{}` uses v{}, whose definition does not dominate it",
                        b.0,
                        f.display_inst(i),
                        v.0
                    ))
                }
            };
            for &a in &d.args {
                check_use(a)?;
            }
            for call in d.op.targets() {
                let params = &f.block(call.block).params;
                if f.block(call.block).dead {
                    return Err(format!("block{} jumps to a removed block", b.0));
                }
                if params.len() != call.args.len() {
                    return Err(format!(
                        "block{}: `{}` passes {} arguments to block{}, which has {} parameters",
                        b.0,
                        f.display_inst(i),
                        call.args.len(),
                        call.block.0,
                        params.len()
                    ));
                }
                for (p, a) in params.iter().zip(&call.args) {
                    check_use(*a)?;
                    if !fits(f.ty(*p), f.ty(*a)) {
                        return Err(format!(
                            "block{}: `{}` passes v{} ({:?}) for v{} ({:?})",
                            b.0,
                            f.display_inst(i),
                            a.0,
                            f.ty(*a),
                            p.0,
                            f.ty(*p)
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}
