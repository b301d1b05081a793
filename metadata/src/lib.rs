//! Zero-copy reader for ECMA-335 (CLI) metadata in PE files.
//!
//! The crate reads everything the Osprey runtime needs from a managed
//! assembly: the PE container and CLI header ([`pe`]), the metadata root and
//! heaps ([`root`], [`heaps`]), every metadata table with typed rows and
//! coded indexes ([`tables`]), signature blobs ([`sig`]), method bodies
//! ([`body`]) and IL instructions ([`il`]).
//!
//! Start with [`Image::parse`]:
//!
//! ```no_run
//! use osprey_metadata::{Image, tables::TableId};
//! let bytes = std::fs::read("/usr/lib/mono/4.5/mscorlib.dll").unwrap();
//! let image = Image::parse(&bytes).unwrap();
//! for rid in 1..=image.row_count(TableId::TypeDef) {
//!     let row = image.type_def(rid).unwrap();
//!     println!("{}.{}", image.string(row.namespace).unwrap(), image.string(row.name).unwrap());
//!     for method in image.method_range(rid).unwrap() {
//!         if let Some(body) = image.method_body_of(method).unwrap() {
//!             for insn in osprey_metadata::il::Instructions::new(body.code) {
//!                 let (offset, insn) = insn.unwrap();
//!                 println!("  IL_{offset:04X}: {}", insn.opcode.name());
//!             }
//!         }
//!     }
//! }
//! ```
//!
//! # Robustness
//!
//! Input is untrusted: malformed files produce a [`MetadataError`], never a
//! panic, an out-of-bounds read, unbounded recursion or an allocation larger
//! than the input warrants. [`walk`] decodes everything in an image and is
//! what the tests and the fuzzer (`examples/fuzz_reader.rs`) run.

#![forbid(unsafe_code)]

pub mod api;
pub mod body;
pub mod compressed;
pub mod csharp;
pub mod error;
pub mod flags;
pub mod heaps;
pub mod il;
mod image;
pub mod layout;
pub mod mdb;
pub mod pe;
pub mod primitive;
mod reader;
pub mod root;
pub mod sig;
pub mod tables;
pub mod token;
pub mod walk;

pub use body::{ClauseKind, ExceptionClause, HeaderKind, MethodBody};
pub use error::{BodyError, HeapKind, MetadataError, Result, SigError};
pub use image::{Constant, CustomAttribute, Image, KeyedRows, PInvokeImport, RidList};
pub use primitive::Primitive;
pub use tables::TableId;
pub use token::Token;
