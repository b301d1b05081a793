//! Member runs: the fields and methods of a type, the params of a method,
//! the events and properties of a type (II.22: "list" columns).
//!
//! A list column holds the first row of the owner's run; the run ends where
//! the next owner's run starts, or at the end of the table. In uncompressed
//! (`#-`) metadata the run indexes the `*Ptr` table, whose entries give the
//! real row ids.

use super::Image;
use crate::error::{MetadataError, Result};
use crate::tables::{Table, TableId};

/// The row ids of one member run (e.g. the fields of a type).
#[derive(Debug, Clone)]
pub struct RidList<'a> {
    next: u32,
    end: u32,
    ptr: Option<Table<'a>>,
}

impl<'a> RidList<'a> {
    /// An empty list.
    pub fn empty() -> Self {
        RidList {
            next: 1,
            end: 1,
            ptr: None,
        }
    }

    /// The run as positions in the list table (or its `*Ptr` table), `start..end`.
    pub fn positions(&self) -> std::ops::Range<u32> {
        self.next..self.end
    }

    /// Whether the run goes through a `*Ptr` indirection table.
    pub fn is_indirect(&self) -> bool {
        self.ptr.is_some()
    }

    /// Whether the row id `rid` belongs to this run.
    pub fn contains(&self, rid: u32) -> bool {
        self.clone().any(|r| r == rid)
    }
}

impl Iterator for RidList<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.next >= self.end {
            return None;
        }
        let pos = self.next;
        self.next += 1;
        Some(match &self.ptr {
            // Ptr entries were validated by `Tables::parse`.
            Some(ptr) => ptr.raw(pos, 0),
            None => pos,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next) as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for RidList<'_> {}

impl<'a> Image<'a> {
    /// The run of `target` rows listed by column `col` of `owner` row `rid`.
    fn list(&self, owner: TableId, col: usize, rid: u32, target: TableId) -> Result<RidList<'a>> {
        let tables = self.tables();
        let owner_table = tables.table(owner);
        let start = owner_table.column(rid, col)?;
        let ptr = target
            .ptr_table()
            .map(|p| tables.table(p))
            .filter(|p| !p.is_empty());
        let limit = ptr.map_or(tables.row_count(target), |p| p.row_count());
        let end = if rid < owner_table.row_count() {
            owner_table.column(rid + 1, col)?
        } else {
            limit + 1
        };
        if start == 0 || start > end || end > limit + 1 {
            return Err(MetadataError::BadList {
                table: owner,
                rid,
                start,
                end,
                limit,
            });
        }
        Ok(RidList {
            next: start,
            end,
            ptr,
        })
    }

    /// The Field rows of TypeDef `type_rid`.
    pub fn field_range(&self, type_rid: u32) -> Result<RidList<'a>> {
        self.list(TableId::TypeDef, 4, type_rid, TableId::Field)
    }

    /// The MethodDef rows of TypeDef `type_rid`.
    pub fn method_range(&self, type_rid: u32) -> Result<RidList<'a>> {
        self.list(TableId::TypeDef, 5, type_rid, TableId::MethodDef)
    }

    /// The Param rows of MethodDef `method_rid`.
    pub fn param_range(&self, method_rid: u32) -> Result<RidList<'a>> {
        self.list(TableId::MethodDef, 5, method_rid, TableId::Param)
    }

    /// The Event rows of EventMap row `map_rid`.
    pub fn event_range(&self, map_rid: u32) -> Result<RidList<'a>> {
        self.list(TableId::EventMap, 1, map_rid, TableId::Event)
    }

    /// The Property rows of PropertyMap row `map_rid`.
    pub fn property_range(&self, map_rid: u32) -> Result<RidList<'a>> {
        self.list(TableId::PropertyMap, 1, map_rid, TableId::Property)
    }

    /// The Event rows of TypeDef `type_rid` (linear search of EventMap).
    pub fn events_of(&self, type_rid: u32) -> Result<RidList<'a>> {
        match self.map_row_of(TableId::EventMap, type_rid) {
            Some(map) => self.event_range(map),
            None => Ok(RidList::empty()),
        }
    }

    /// The Property rows of TypeDef `type_rid` (linear search of PropertyMap).
    pub fn properties_of(&self, type_rid: u32) -> Result<RidList<'a>> {
        match self.map_row_of(TableId::PropertyMap, type_rid) {
            Some(map) => self.property_range(map),
            None => Ok(RidList::empty()),
        }
    }

    fn map_row_of(&self, map: TableId, type_rid: u32) -> Option<u32> {
        let table = self.tables().table(map);
        (1..=table.row_count()).find(|&rid| table.raw(rid, 0) == type_rid)
    }

    /// The TypeDef that owns MethodDef `method_rid` (binary search over
    /// `MethodList`; linear through MethodPtr in uncompressed metadata).
    pub fn method_owner(&self, method_rid: u32) -> Result<Option<u32>> {
        self.owner_of(TableId::TypeDef, 5, TableId::MethodDef, method_rid)
    }

    /// The TypeDef that owns Field `field_rid`.
    pub fn field_owner(&self, field_rid: u32) -> Result<Option<u32>> {
        self.owner_of(TableId::TypeDef, 4, TableId::Field, field_rid)
    }

    /// The MethodDef that owns Param `param_rid`.
    pub fn param_owner(&self, param_rid: u32) -> Result<Option<u32>> {
        self.owner_of(TableId::MethodDef, 5, TableId::Param, param_rid)
    }

    fn owner_of(
        &self,
        owner: TableId,
        col: usize,
        target: TableId,
        rid: u32,
    ) -> Result<Option<u32>> {
        let tables = self.tables();
        if rid == 0 || rid > tables.row_count(target) {
            return Err(MetadataError::RowOutOfRange {
                table: target,
                rid,
                row_count: tables.row_count(target),
            });
        }
        // Position of `rid` in the list table (through the Ptr table if present).
        let position = match target
            .ptr_table()
            .map(|p| tables.table(p))
            .filter(|p| !p.is_empty())
        {
            Some(ptr) => match (1..=ptr.row_count()).find(|&pos| ptr.raw(pos, 0) == rid) {
                Some(pos) => pos,
                None => return Ok(None),
            },
            None => rid,
        };
        // Last owner whose list starts at or before `position`, skipping owners
        // with empty runs (which share their start with the next owner).
        let owner_table = tables.table(owner);
        let (mut lo, mut hi) = (1u32, owner_table.row_count() + 1);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if owner_table.raw(mid, col) <= position {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let candidate = lo - 1;
        if candidate == 0 {
            return Ok(None);
        }
        let run = self.list(owner, col, candidate, target)?;
        Ok(run.positions().contains(&position).then_some(candidate))
    }
}
