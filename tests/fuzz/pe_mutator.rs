//! A structure-aware mutator over the PE/CLI layout of a compiled assembly
//! (issue 10 item 7). Random bit flips rarely hit what a loader or a JIT
//! trusts; this mutator first finds, with the metadata crate's reader,
//! every place where a field means something, then changes one (or a few)
//! of them to a value chosen for that kind of field:
//!
//! | site | values tried |
//! | --- | --- |
//! | a table row's constant column (flags, RVAs, sizes) | a flipped bit, 0, all ones, a random value |
//! | an index or list column | 0, the row count, one past it, a large value, another row |
//! | a coded index | another tag, row 0, the row itself (cycles: a TypeRef scoped by itself, a type extending itself), one past the target table |
//! | a heap offset (`#Strings`, `#Blob`, `#GUID`) | the heap's size, past it, 0, a random offset |
//! | a signature byte | another ELEMENT_TYPE (value type for class, a byref, a pointer, `object`), a huge compressed count |
//! | a method header | max-stack 0, a code size one off or huge, another locals token, flags (init-locals, more sections) |
//! | an exception clause | try/handler offsets and lengths one off, swapped, huge; another class token; another kind |
//! | an IL operand | a token of the same table but another row (a field of another class for `stfld`, a method of an unrelated class for `callvirt`), of another table, row 0 or past the end; a branch target one off, into an instruction, out of the method |
//!
//! Deterministic: a [`Rng`] seed replays a case.

use osprey_metadata::il::{Instructions, Operand};
use osprey_metadata::tables::ColumnKind;
use osprey_metadata::{Image, TableId};

/// xorshift64*: small, deterministic.
pub struct Rng(pub u64);

impl Rng {
    /// The next value below `bound` (> 0).
    pub fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        ((self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize) % bound.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// What a mutation site holds.
#[derive(Clone, Debug)]
enum Site {
    /// A constant column (flags, RVA, size): `width` bytes.
    Constant { at: usize, width: usize },
    /// A row index or list into `rows` rows.
    Index { at: usize, width: usize, rows: u32 },
    /// A coded index with `tag_bits` tag bits, in row `self_rid`.
    Coded {
        at: usize,
        width: usize,
        tag_bits: u32,
        self_rid: u32,
    },
    /// A heap offset into a heap of `size` bytes.
    Heap { at: usize, width: usize, size: u32 },
    /// A byte of a signature blob.
    SigByte { at: usize },
    /// The first byte of a method header and its kind (fat or tiny).
    Header { at: usize, fat: bool },
    /// An exception-clause section at `at` (fat or small).
    Clauses { at: usize, fat: bool, count: usize },
    /// A metadata token operand of an instruction.
    Token { at: usize },
    /// A branch operand: `width` bytes, relative to `next`, in code of `len`.
    Branch { at: usize, width: usize },
}

/// The mutation sites of one assembly, and what the tokens in it name.
pub struct Mutator {
    original: Vec<u8>,
    sites: Vec<Site>,
    /// Tokens of the assembly, by table (for "another row of the same table").
    rows: Vec<(u8, u32)>,
}

/// The byte offset of `inner` (a subslice) in `outer`.
fn offset_in(outer: &[u8], inner: &[u8]) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

impl Mutator {
    /// Finds every mutation site of `bytes` (a valid assembly).
    pub fn new(bytes: Vec<u8>) -> Mutator {
        let mut sites = Vec::new();
        let mut rows = Vec::new();
        {
            let image = Image::parse(&bytes).expect("the original parses");
            let file = image.bytes();
            let tables = image.tables();
            let strings = image.strings().data().len() as u32;
            let blobs = image.blobs().data();
            let guids = (image.guids().len() * 16) as u32;
            for id in TableId::ALL {
                let t = tables.table(id);
                if t.is_empty() {
                    continue;
                }
                let base = offset_in(file, t.data());
                let defs = t.column_defs();
                for rid in 1..=t.row_count() {
                    rows.push((id as u8, rid));
                    let mut col_at = base + (rid as usize - 1) * t.row_size();
                    for (c, def) in defs.iter().enumerate() {
                        let width = t.column_width(c);
                        let at = col_at;
                        col_at += width;
                        let site = match def.kind {
                            ColumnKind::U16 | ColumnKind::U32 => Site::Constant { at, width },
                            ColumnKind::String => Site::Heap {
                                at,
                                width,
                                size: strings,
                            },
                            ColumnKind::Guid => Site::Heap {
                                at,
                                width,
                                size: guids,
                            },
                            ColumnKind::Blob => {
                                // The blob's bytes are sites too (signatures,
                                // constants, attributes).
                                if let Ok(v) = t.column(rid, c) {
                                    if let Ok(blob) =
                                        image.blobs().get(osprey_metadata::heaps::BlobIndex(v))
                                    {
                                        let b = offset_in(file, blob);
                                        sites.extend(
                                            (b..b + blob.len()).map(|at| Site::SigByte { at }),
                                        );
                                    }
                                }
                                Site::Heap {
                                    at,
                                    width,
                                    size: blobs.len() as u32,
                                }
                            }
                            ColumnKind::Index(target) | ColumnKind::List(target) => Site::Index {
                                at,
                                width,
                                rows: tables.row_count(target),
                            },
                            ColumnKind::Coded(kind) => Site::Coded {
                                at,
                                width,
                                tag_bits: kind.tag_bits(),
                                self_rid: rid,
                            },
                        };
                        sites.push(site);
                    }
                }
            }
            // Method bodies: headers, EH sections, IL operands.
            for rid in 1..=tables.row_count(TableId::MethodDef) {
                let Ok(Some(body)) = image.method_body_of(rid) else {
                    continue;
                };
                let code_at = offset_in(file, body.code);
                let fat = body.header_kind == osprey_metadata::HeaderKind::Fat;
                let header_at = code_at - if fat { 12 } else { 1 };
                sites.push(Site::Header { at: header_at, fat });
                if !body.exception_clauses.is_empty() {
                    let sect = (code_at + body.code.len()).next_multiple_of(4);
                    let fat_sect = file.get(sect).is_some_and(|b| b & 0x40 != 0);
                    sites.push(Site::Clauses {
                        at: sect,
                        fat: fat_sect,
                        count: body.exception_clauses.len(),
                    });
                }
                for insn in Instructions::new(body.code).flatten() {
                    let (offset, insn) = insn;
                    let operand_size = insn.opcode.operand_kind().size();
                    let at = code_at + offset as usize + insn.size as usize - operand_size;
                    if insn.opcode.operand_kind().is_token() {
                        sites.push(Site::Token { at });
                    } else if let Operand::Branch(_) = insn.operand {
                        sites.push(Site::Branch {
                            at,
                            width: operand_size,
                        });
                    }
                }
            }
        }
        Mutator {
            original: bytes,
            sites,
            rows,
        }
    }

    /// How many sites were found.
    pub fn site_count(&self) -> usize {
        self.sites.len()
    }

    /// A mutated copy: 1 to 3 sites changed. Returns the bytes and a
    /// description of what changed.
    pub fn mutate(&self, rng: &mut Rng) -> (Vec<u8>, String) {
        let mut bytes = self.original.clone();
        let mut what = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let site = &self.sites[rng.below(self.sites.len())];
            what.push(self.apply(&mut bytes, site, rng));
        }
        (bytes, what.join("; "))
    }

    fn apply(&self, bytes: &mut [u8], site: &Site, rng: &mut Rng) -> String {
        match *site {
            Site::Constant { at, width } => {
                let old = read(bytes, at, width);
                let v = match rng.below(4) {
                    0 => old ^ (1 << rng.below(width * 8)),
                    1 => 0,
                    2 => u32::MAX,
                    _ => rng.below(1 << 31) as u32,
                };
                write(bytes, at, width, v);
                format!("constant at {at:#x}: {old:#x} -> {v:#x}")
            }
            Site::Index { at, width, rows } => {
                let old = read(bytes, at, width);
                let v = match rng.below(5) {
                    0 => 0,
                    1 => rows,
                    2 => rows + 1,
                    3 => u32::MAX,
                    _ => 1 + rng.below(rows as usize + 1) as u32,
                };
                write(bytes, at, width, v);
                format!("index at {at:#x}: {old} -> {v}")
            }
            Site::Coded {
                at,
                width,
                tag_bits,
                self_rid,
            } => {
                let old = read(bytes, at, width);
                let tag_mask = (1 << tag_bits) - 1;
                let (tag, row) = (old & tag_mask, old >> tag_bits);
                let v = match rng.below(5) {
                    0 => (row << tag_bits) | (rng.below(1 << tag_bits) as u32),
                    1 => tag,
                    2 => (self_rid << tag_bits) | tag,
                    3 => ((row + 1) << tag_bits) | tag,
                    _ => (rng.below(64) as u32) << tag_bits | tag,
                };
                write(bytes, at, width, v);
                format!("coded index at {at:#x}: {old:#x} -> {v:#x}")
            }
            Site::Heap { at, width, size } => {
                let old = read(bytes, at, width);
                let v = match rng.below(4) {
                    0 => size,
                    1 => size.saturating_add(1 + rng.below(100) as u32),
                    2 => 0,
                    _ => rng.below(size as usize + 1) as u32,
                };
                write(bytes, at, width, v);
                format!("heap offset at {at:#x}: {old:#x} -> {v:#x}")
            }
            Site::SigByte { at } => {
                const ELEMENT_TYPES: &[u8] = &[
                    0x01, 0x02, 0x03, 0x08, 0x0A, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x14,
                    0x15, 0x16, 0x18, 0x19, 0x1C, 0x1D, 0x1E, 0x13, 0x45, 0x41, 0x7F, 0xFF,
                ];
                let old = bytes[at];
                let v = match rng.below(3) {
                    0 => rng.pick(ELEMENT_TYPES),
                    1 => old ^ (1 << rng.below(8)),
                    _ => 0xDF, // a 4-byte compressed number: huge counts
                };
                bytes[at] = v;
                format!("signature byte at {at:#x}: {old:#x} -> {v:#x}")
            }
            Site::Header { at, fat } => {
                if !fat {
                    let old = bytes[at];
                    let v = (old & 3) | ((rng.below(64) as u8) << 2);
                    bytes[at] = v;
                    return format!("tiny header at {at:#x}: {old:#x} -> {v:#x}");
                }
                match rng.below(4) {
                    0 => {
                        write(bytes, at + 2, 2, 0);
                        format!("fat header at {at:#x}: max stack 0")
                    }
                    1 => {
                        let old = read(bytes, at + 4, 4);
                        let v = match rng.below(3) {
                            0 => old.wrapping_add(1),
                            1 => old.wrapping_sub(1),
                            _ => 0x7FFF_FFF0,
                        };
                        write(bytes, at + 4, 4, v);
                        format!("fat header at {at:#x}: code size {old} -> {v}")
                    }
                    2 => {
                        let v = self.any_token(rng);
                        write(bytes, at + 8, 4, v);
                        format!("fat header at {at:#x}: locals token {v:#x}")
                    }
                    _ => {
                        let old = read(bytes, at, 2);
                        let v = old ^ (1 << rng.below(5));
                        write(bytes, at, 2, v);
                        format!("fat header at {at:#x}: flags {old:#x} -> {v:#x}")
                    }
                }
            }
            Site::Clauses { at, fat, count } => {
                let clause = rng.below(count);
                // Fat: 4-byte header, 24-byte clauses of six u32s; small:
                // 4-byte header, 12-byte clauses (u16 flags, u16 try
                // offset, u8 try length, u16 handler offset, u8 handler
                // length, u32 token).
                let (fields, base): (&[(usize, usize)], usize) = if fat {
                    (
                        &[(0, 4), (4, 4), (8, 4), (12, 4), (16, 4), (20, 4)],
                        at + 4 + 24 * clause,
                    )
                } else {
                    (
                        &[(0, 2), (2, 2), (4, 1), (5, 2), (7, 1), (8, 4)],
                        at + 4 + 12 * clause,
                    )
                };
                let (off, width) = rng.pick(fields);
                let old = read(bytes, base + off, width);
                let v = match rng.below(5) {
                    0 => old.wrapping_add(1),
                    1 => old.wrapping_sub(1),
                    2 => 0,
                    3 if off == fields[5].0 => self.any_token(rng),
                    _ => rng.below(1 << (8 * width.min(3))) as u32,
                };
                write(bytes, base + off, width, v);
                format!("EH clause {clause} at {base:#x}+{off}: {old:#x} -> {v:#x}")
            }
            Site::Token { at } => {
                let old = read(bytes, at, 4);
                let (table, row) = ((old >> 24) as u8, old & 0xFF_FFFF);
                let same: Vec<u32> = self
                    .rows
                    .iter()
                    .filter(|(t, r)| *t == table && *r != row)
                    .map(|(_, r)| *r)
                    .collect();
                let v = match rng.below(4) {
                    // Type confusion: the same kind of member, another row.
                    0 | 1 if !same.is_empty() => (old & 0xFF00_0000) | rng.pick(&same),
                    2 => self.any_token(rng),
                    _ => (old & 0xFF00_0000) | (row + 1 + rng.below(3) as u32),
                };
                write(bytes, at, 4, v);
                format!("token at {at:#x}: {old:#x} -> {v:#x}")
            }
            Site::Branch { at, width } => {
                let old = read(bytes, at, width);
                let v = match rng.below(4) {
                    0 => old.wrapping_add(1),
                    1 => old.wrapping_sub(1),
                    2 => old.wrapping_add(rng.below(16) as u32),
                    _ => rng.below(1 << (8 * width.min(3))) as u32,
                };
                write(bytes, at, width, v);
                format!("branch at {at:#x}: {old:#x} -> {v:#x}")
            }
        }
    }

    /// A token of any table of the assembly (or a user string).
    fn any_token(&self, rng: &mut Rng) -> u32 {
        let (table, row) = self.rows[rng.below(self.rows.len())];
        (u32::from(table) << 24) | row
    }
}

fn read(bytes: &[u8], at: usize, width: usize) -> u32 {
    let mut v = 0u32;
    for i in 0..width.min(4) {
        v |= u32::from(bytes[at + i]) << (8 * i);
    }
    v
}

fn write(bytes: &mut [u8], at: usize, width: usize, v: u32) {
    for i in 0..width.min(4) {
        bytes[at + i] = (v >> (8 * i)) as u8;
    }
}
