//! Control-flow analyses of the IR: predecessors, reverse postorder,
//! dominators (Cooper, Harvey and Kennedy's iterative algorithm) and
//! natural loops (a back edge is an edge to a block that dominates its
//! source; the loop is every block that reaches the source without passing
//! the header).

use super::ir::{Block, Func};

/// The CFG facts the passes use.
pub(crate) struct Cfg {
    /// Predecessors of each block (one entry per edge).
    pub preds: Vec<Vec<Block>>,
    /// Reachable blocks in reverse postorder (the entry first).
    pub rpo: Vec<Block>,
    /// Position of each block in `rpo` (`u32::MAX` when unreachable).
    pub rpo_index: Vec<u32>,
    /// Immediate dominator of each reachable block (the entry's is itself).
    pub idom: Vec<Block>,
}

/// A natural loop.
#[derive(Clone, Debug)]
pub(crate) struct Loop {
    /// The header (dominates every block of the loop).
    pub header: Block,
    /// Every block of the loop, the header included.
    pub blocks: Vec<Block>,
}

impl Cfg {
    /// Computes the analyses of `f`.
    pub fn new(f: &Func) -> Cfg {
        let n = f.blocks.len();
        let mut preds = vec![Vec::new(); n];
        for b in f.live_blocks() {
            for s in f.succs(b) {
                preds[s.0 as usize].push(b);
            }
        }
        // Postorder by an explicit stack.
        let mut post = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        let mut stack: Vec<(Block, usize)> = vec![(Func::ENTRY, 0)];
        seen[0] = true;
        while let Some((b, k)) = stack.pop() {
            let succs = f.succs(b);
            if k < succs.len() {
                stack.push((b, k + 1));
                let s = succs[k];
                if !seen[s.0 as usize] {
                    seen[s.0 as usize] = true;
                    stack.push((s, 0));
                }
            } else {
                post.push(b);
            }
        }
        let rpo: Vec<Block> = post.into_iter().rev().collect();
        let mut rpo_index = vec![u32::MAX; n];
        for (i, b) in rpo.iter().enumerate() {
            rpo_index[b.0 as usize] = i as u32;
        }
        let mut idom = vec![Block(u32::MAX); n];
        idom[0] = Func::ENTRY;
        let intersect = |idom: &[Block], mut a: Block, mut b: Block| {
            while a != b {
                while rpo_index[a.0 as usize] > rpo_index[b.0 as usize] {
                    a = idom[a.0 as usize];
                }
                while rpo_index[b.0 as usize] > rpo_index[a.0 as usize] {
                    b = idom[b.0 as usize];
                }
            }
            a
        };
        loop {
            let mut changed = false;
            for &b in rpo.iter().skip(1) {
                let mut new: Option<Block> = None;
                for &p in &preds[b.0 as usize] {
                    if idom[p.0 as usize].0 == u32::MAX {
                        continue;
                    }
                    new = Some(match new {
                        None => p,
                        Some(q) => intersect(&idom, p, q),
                    });
                }
                if let Some(d) = new {
                    if idom[b.0 as usize] != d {
                        idom[b.0 as usize] = d;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        Cfg {
            preds,
            rpo,
            rpo_index,
            idom,
        }
    }

    /// Whether `b` is reachable from the entry.
    pub fn reachable(&self, b: Block) -> bool {
        self.rpo_index[b.0 as usize] != u32::MAX
    }

    /// Whether `a` dominates `b` (both reachable).
    pub fn dominates(&self, a: Block, mut b: Block) -> bool {
        loop {
            if a == b {
                return true;
            }
            let d = self.idom[b.0 as usize];
            if d == b || d.0 == u32::MAX {
                return false;
            }
            b = d;
        }
    }

    /// The natural loops, innermost last for nested loops sharing nothing
    /// (one loop per header: back edges to the same header are merged).
    pub fn loops(&self) -> Vec<Loop> {
        let mut loops: Vec<Loop> = Vec::new();
        for &b in &self.rpo {
            let back: Vec<Block> = self.preds[b.0 as usize]
                .iter()
                .copied()
                .filter(|p| self.reachable(*p) && self.dominates(b, *p))
                .collect();
            if back.is_empty() {
                continue;
            }
            let mut blocks = vec![b];
            let mut work = back;
            while let Some(x) = work.pop() {
                if blocks.contains(&x) {
                    continue;
                }
                blocks.push(x);
                for &p in &self.preds[x.0 as usize] {
                    if self.reachable(p) {
                        work.push(p);
                    }
                }
            }
            loops.push(Loop { header: b, blocks });
        }
        loops
    }
}
