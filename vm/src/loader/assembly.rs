//! Loaded assemblies: the bytes of a PE file and the metadata image over them.

use osprey_metadata::{Image, MetadataError};

/// Index of an assembly in its runtime's assembly list. Corelib is always 0.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AssemblyId(pub u32);

impl AssemblyId {
    /// The core library.
    pub const CORELIB: AssemblyId = AssemblyId(0);
}

/// Where an assembly's bytes live.
enum Bytes {
    /// Embedded in the binary (corelib).
    Static(&'static [u8]),
    /// Read from a file; owned here.
    Owned(Box<[u8]>),
}

/// A loaded assembly.
pub struct Assembly {
    /// Its index.
    pub id: AssemblyId,
    /// The assembly's simple name (`hello`, `corelib`).
    pub name: String,
    /// The metadata image. Borrows `bytes`; declared first so it is dropped
    /// first.
    image: Image<'static>,
    /// Keeps the bytes alive (and unmoved: a boxed slice's contents do not
    /// move when the Box does).
    #[allow(dead_code)]
    bytes: Bytes,
}

impl Assembly {
    /// Parses an assembly embedded in the binary.
    pub fn from_static(id: AssemblyId, bytes: &'static [u8]) -> Result<Assembly, MetadataError> {
        let image = Image::parse(bytes)?;
        Self::finish(id, image, Bytes::Static(bytes))
    }

    /// Parses an assembly read from a file.
    pub fn from_owned(id: AssemblyId, bytes: Vec<u8>) -> Result<Assembly, MetadataError> {
        let bytes: Box<[u8]> = bytes.into_boxed_slice();
        // SAFETY: the slice points into the heap allocation owned by `bytes`,
        // which this Assembly keeps, never mutates, and drops only after
        // `image` (field order). Moving the Box does not move its contents,
        // so the 'static lifetime never outlives the data.
        let view: &'static [u8] = unsafe { &*(bytes.as_ref() as *const [u8]) };
        let image = Image::parse(view)?;
        Self::finish(id, image, Bytes::Owned(bytes))
    }

    fn finish(
        id: AssemblyId,
        image: Image<'static>,
        bytes: Bytes,
    ) -> Result<Assembly, MetadataError> {
        let name = image.assembly_name()?.unwrap_or("").to_string();
        Ok(Assembly {
            id,
            name,
            image,
            bytes,
        })
    }

    /// The metadata image. Data borrowed from it lives as long as `self`.
    pub fn image(&self) -> &Image<'_> {
        &self.image
    }
}
