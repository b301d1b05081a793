//! Metadata tokens: a table number in the high byte and a row id in the low 24 bits.

use std::fmt;

use crate::heaps::UserStringIndex;
use crate::tables::TableId;

/// A metadata token (II.22, III.1.9): `table << 24 | rid`.
///
/// Tokens appear in IL operands, the CLI header's entry point and method
/// body headers. The table byte is usually a [`TableId`], but `ldstr` uses
/// `0x70` ([`Token::USER_STRING_TABLE`]) with an offset into the `#US` heap.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Token(u32);

impl Token {
    /// The table byte of `ldstr` tokens (the row part is a `#US` heap offset).
    pub const USER_STRING_TABLE: u8 = 0x70;

    /// The null token (0).
    pub const NULL: Token = Token(0);

    /// Builds a token from a table and a row id (only the low 24 bits of `rid` are kept).
    pub const fn new(table: TableId, rid: u32) -> Token {
        Token(((table as u32) << 24) | (rid & 0x00FF_FFFF))
    }

    /// Wraps a raw token value.
    pub const fn from_raw(raw: u32) -> Token {
        Token(raw)
    }

    /// The raw 32-bit value.
    pub const fn raw(self) -> u32 {
        self.0
    }

    /// The high byte (table number or `0x70`).
    pub const fn table_byte(self) -> u8 {
        (self.0 >> 24) as u8
    }

    /// The table, if the high byte names one.
    pub fn table(self) -> Option<TableId> {
        TableId::from_u8(self.table_byte())
    }

    /// The low 24 bits (row id, or heap offset for user strings).
    pub const fn rid(self) -> u32 {
        self.0 & 0x00FF_FFFF
    }

    /// Whether the row id is 0.
    pub const fn is_null(self) -> bool {
        self.rid() == 0
    }

    /// The `#US` offset, if this is a user-string (`ldstr`) token.
    pub fn user_string(self) -> Option<UserStringIndex> {
        (self.table_byte() == Self::USER_STRING_TABLE).then(|| UserStringIndex(self.rid()))
    }
}

impl From<u32> for Token {
    fn from(raw: u32) -> Token {
        Token(raw)
    }
}

impl From<Token> for u32 {
    fn from(token: Token) -> u32 {
        token.0
    }
}

impl fmt::Display for Token {
    /// Formats like `0x06000001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{:08X}", self.0)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.table() {
            Some(table) => write!(f, "Token({table:?}, {})", self.rid()),
            None if self.user_string().is_some() => write!(f, "Token(#US, 0x{:X})", self.rid()),
            None => write!(f, "Token(0x{:08X})", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_display() {
        let t = Token::new(TableId::MethodDef, 1);
        assert_eq!(t.to_string(), "0x06000001");
        assert_eq!(u32::from(t), 0x0600_0001);
        assert_eq!(Token::from(0x0600_0001), t);
        assert_eq!(t.table(), Some(TableId::MethodDef));
        assert_eq!(t.rid(), 1);
        assert_eq!(format!("{t:?}"), "Token(MethodDef, 1)");
        let s = Token::from_raw(0x7000_0010);
        assert_eq!(s.table(), None);
        assert_eq!(s.user_string(), Some(UserStringIndex(0x10)));
        assert!(Token::NULL.is_null());
    }
}
