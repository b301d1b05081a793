//! Loaded assemblies: the bytes of a PE file and the metadata image over them.

use osprey_metadata::{Image, MetadataError};

/// The alignment the PE reader needs for the start of an image.
const READER_ALIGN: usize = 8;

pub use crate::typesystem::AssemblyId;

/// Where an assembly's bytes live. Never read: holding it keeps the bytes
/// alive for the image.
#[allow(dead_code)]
enum Bytes {
    /// Embedded in the binary (corelib).
    Static(&'static [u8]),
    /// Read from a file; owned here (as words, for alignment).
    Owned(Box<[u64]>),
}

/// A loaded assembly.
pub struct Assembly {
    /// Its index.
    pub id: AssemblyId,
    /// The assembly's simple name (`hello`, `corelib`).
    pub name: String,
    /// Its module carries `[UnverifiableCode]`, as `mcs -unsafe` emits: it
    /// may contain unverifiable code (docs/verification.md, trust policy).
    pub allows_unverifiable: bool,
    /// The metadata image. Borrows `bytes`; declared first so it is dropped
    /// first.
    image: Image<'static>,
    /// Keeps the bytes alive (and unmoved: a boxed slice's contents do not
    /// move when the Box does). Never read directly.
    #[allow(dead_code)]
    bytes: Bytes,
}

impl Assembly {
    /// Parses an assembly embedded in the binary.
    pub fn from_static(id: AssemblyId, bytes: &'static [u8]) -> Result<Assembly, MetadataError> {
        if bytes.as_ptr() as usize % READER_ALIGN != 0 {
            // Not aligned (corelib is; anything else embedded might not be): copy.
            return Self::from_owned(id, bytes.to_vec());
        }
        let image = Image::parse(bytes)?;
        Self::finish(id, image, Bytes::Static(bytes))
    }

    /// Parses an assembly read from a file. The bytes are copied into an
    /// 8-byte aligned buffer: the PE reader reads headers in place and needs
    /// them aligned, which a `Vec<u8>` does not promise.
    pub fn from_owned(id: AssemblyId, bytes: Vec<u8>) -> Result<Assembly, MetadataError> {
        let len = bytes.len();
        let mut words = vec![0u64; len.div_ceil(8)].into_boxed_slice();
        // SAFETY: `words` has room for at least `len` bytes; the regions do not overlap.
        unsafe {
            std::ptr::copy_nonoverlapping(bytes.as_ptr(), words.as_mut_ptr() as *mut u8, len)
        };
        drop(bytes);
        // SAFETY: the slice covers initialized bytes of the heap allocation
        // owned by `words`, which this Assembly keeps, never mutates, and
        // drops only after `image` (field order). Moving the Box does not move
        // its contents, so the 'static lifetime never outlives the data.
        let view: &'static [u8] =
            unsafe { std::slice::from_raw_parts(words.as_ptr() as *const u8, len) };
        let image = Image::parse(view)?;
        Self::finish(id, image, Bytes::Owned(words))
    }

    fn finish(
        id: AssemblyId,
        image: Image<'static>,
        bytes: Bytes,
    ) -> Result<Assembly, MetadataError> {
        let name = image.assembly_name()?.unwrap_or("").to_string();
        let allows_unverifiable = super::attributes::has_attribute(
            &image,
            osprey_metadata::Token::new(osprey_metadata::TableId::Module, 1),
            "System.Security.UnverifiableCodeAttribute",
        );
        Ok(Assembly {
            id,
            name,
            allows_unverifiable,
            image,
            bytes,
        })
    }

    /// The metadata image. Data borrowed from it lives as long as `self`.
    pub fn image(&self) -> &Image<'_> {
        &self.image
    }
}
