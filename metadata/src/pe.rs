//! The PE container: section mapping and the CLI header (ECMA-335 II.25).
//!
//! The `object` crate parses the DOS/NT headers and the section table
//! (PE32 and PE32+). This module copies what the metadata reader needs (the
//! sections and the CLI header, data directory 14) into plain structs so the
//! rest of the crate does not depend on `object`'s types.

use object::pe::{ImageNtHeaders32, ImageNtHeaders64, IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR};
use object::read::pe::{ImageNtHeaders, PeFile};
use object::LittleEndian as LE;

use crate::error::{MetadataError, Result};
use crate::reader::Reader;

/// Size of the CLI header (`IMAGE_COR20_HEADER`) in bytes.
pub const CLI_HEADER_SIZE: usize = 72;

/// An RVA and a size, as found in PE data directories and the CLI header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DataDirectory {
    /// Relative virtual address of the data (0 if absent).
    pub rva: u32,
    /// Size in bytes (0 if absent).
    pub size: u32,
}

impl DataDirectory {
    /// Whether the directory is absent (both fields zero).
    pub fn is_empty(&self) -> bool {
        self.rva == 0 && self.size == 0
    }

    fn read(r: &mut Reader<'_>) -> Result<Self> {
        Ok(DataDirectory {
            rva: r.u32()?,
            size: r.u32()?,
        })
    }
}

/// Bits of [`CliHeader::flags`] (`COMIMAGE_FLAGS_*`, II.25.3.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CliFlags(pub u32);

impl CliFlags {
    /// The image contains only IL code.
    pub const IL_ONLY: u32 = 0x1;
    /// The image can only be loaded into a 32-bit process.
    pub const REQUIRED_32BIT: u32 = 0x2;
    /// The image is a library (obsolete).
    pub const IL_LIBRARY: u32 = 0x4;
    /// The image has a strong name signature.
    pub const STRONG_NAME_SIGNED: u32 = 0x8;
    /// The entry point field is an RVA of native code, not a token.
    pub const NATIVE_ENTRYPOINT: u32 = 0x10;
    /// Track debug data (obsolete).
    pub const TRACK_DEBUG_DATA: u32 = 0x1_0000;
    /// Prefer running in a 32-bit process.
    pub const PREFERRED_32BIT: u32 = 0x2_0000;

    /// Whether all bits of `flag` are set.
    pub fn contains(&self, flag: u32) -> bool {
        self.0 & flag == flag
    }
}

/// The CLI header (`IMAGE_COR20_HEADER`, II.25.3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CliHeader {
    /// Size of the header in bytes (72).
    pub cb: u32,
    /// Major version of the runtime required (2).
    pub major_runtime_version: u16,
    /// Minor version of the runtime required (5 for v2+ metadata).
    pub minor_runtime_version: u16,
    /// Location of the metadata root.
    pub metadata: DataDirectory,
    /// `COMIMAGE_FLAGS_*`.
    pub flags: CliFlags,
    /// Entry point: a MethodDef or File token, or an RVA if
    /// [`CliFlags::NATIVE_ENTRYPOINT`] is set. 0 if none.
    pub entry_point: u32,
    /// Managed resources.
    pub resources: DataDirectory,
    /// Strong name signature hash.
    pub strong_name_signature: DataDirectory,
    /// Always empty.
    pub code_manager_table: DataDirectory,
    /// VTable fixups (mixed-mode images).
    pub vtable_fixups: DataDirectory,
    /// Always empty.
    pub export_address_table_jumps: DataDirectory,
    /// Always empty (ReadyToRun header in CoreCLR images).
    pub managed_native_header: DataDirectory,
}

impl CliHeader {
    /// Decodes the header from its 72 bytes.
    pub fn parse(data: &[u8]) -> Result<Self> {
        let mut r = Reader::new(data, "CLI header");
        let cb = r.u32()?;
        if (cb as usize) < CLI_HEADER_SIZE {
            return Err(MetadataError::BadCliHeader {
                reason: "size field (cb) is less than 72",
            });
        }
        Ok(CliHeader {
            cb,
            major_runtime_version: r.u16()?,
            minor_runtime_version: r.u16()?,
            metadata: DataDirectory::read(&mut r)?,
            flags: CliFlags(r.u32()?),
            entry_point: r.u32()?,
            resources: DataDirectory::read(&mut r)?,
            strong_name_signature: DataDirectory::read(&mut r)?,
            code_manager_table: DataDirectory::read(&mut r)?,
            vtable_fixups: DataDirectory::read(&mut r)?,
            export_address_table_jumps: DataDirectory::read(&mut r)?,
            managed_native_header: DataDirectory::read(&mut r)?,
        })
    }
}

/// One section of the PE file, as needed for RVA mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The section name (NUL padded, not necessarily UTF-8).
    pub name: [u8; 8],
    /// RVA of the first byte of the section.
    pub virtual_address: u32,
    /// Size of the section in memory.
    pub virtual_size: u32,
    /// File offset of the section's data.
    pub raw_offset: u32,
    /// Size of the section's data in the file.
    pub raw_size: u32,
}

impl Section {
    /// Number of bytes at the start of the section that are backed by the file:
    /// `min(virtual_size, raw_size)` (a zero virtual size means `raw_size`).
    pub fn file_backed_size(&self) -> u32 {
        if self.virtual_size == 0 {
            self.raw_size
        } else {
            self.virtual_size.min(self.raw_size)
        }
    }
}

/// A parsed PE image: its bytes, sections and CLI header.
#[derive(Debug, Clone)]
pub struct PeImage<'a> {
    bytes: &'a [u8],
    is_pe32_plus: bool,
    machine: u16,
    sections: Vec<Section>,
    cli_header: CliHeader,
}

impl<'a> PeImage<'a> {
    /// Parses the PE headers of `bytes` and reads the CLI header.
    pub fn parse(bytes: &'a [u8]) -> Result<Self> {
        let magic = object::read::pe::optional_header_magic(bytes).map_err(pe_error)?;
        match magic {
            object::pe::IMAGE_NT_OPTIONAL_HDR32_MAGIC => {
                Self::parse_as::<ImageNtHeaders32>(bytes, false)
            }
            object::pe::IMAGE_NT_OPTIONAL_HDR64_MAGIC => {
                Self::parse_as::<ImageNtHeaders64>(bytes, true)
            }
            _ => Err(MetadataError::Pe {
                reason: format!("unknown optional header magic 0x{magic:04X}"),
            }),
        }
    }

    fn parse_as<Pe: ImageNtHeaders>(bytes: &'a [u8], is_pe32_plus: bool) -> Result<Self> {
        let file = PeFile::<Pe, &'a [u8]>::parse(bytes).map_err(pe_error)?;
        let machine = file.nt_headers().file_header().machine.get(LE);
        let sections: Vec<Section> = file
            .section_table()
            .iter()
            .map(|s| Section {
                name: s.name,
                virtual_address: s.virtual_address.get(LE),
                virtual_size: s.virtual_size.get(LE),
                raw_offset: s.pointer_to_raw_data.get(LE),
                raw_size: s.size_of_raw_data.get(LE),
            })
            .collect();
        let cli_dir = file
            .data_directory(IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR)
            .map(|d| DataDirectory {
                rva: d.virtual_address.get(LE),
                size: d.size.get(LE),
            })
            .unwrap_or_default();
        if cli_dir.rva == 0 {
            return Err(MetadataError::NotManaged);
        }
        // The directory size is sometimes smaller than 72 in the wild; read the
        // full header regardless, as the CLR does.
        let header_bytes = map_rva(bytes, &sections, cli_dir.rva, CLI_HEADER_SIZE)?;
        let cli_header = CliHeader::parse(header_bytes)?;
        Ok(PeImage {
            bytes,
            is_pe32_plus,
            machine,
            sections,
            cli_header,
        })
    }

    /// The whole file.
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Whether the optional header is PE32+ (64-bit).
    pub fn is_pe32_plus(&self) -> bool {
        self.is_pe32_plus
    }

    /// The COFF `Machine` field (`0x14C` for IL-only images).
    pub fn machine(&self) -> u16 {
        self.machine
    }

    /// The section table.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The CLI header.
    pub fn cli_header(&self) -> &CliHeader {
        &self.cli_header
    }

    /// Maps an RVA to a file offset, with the number of file-backed bytes that
    /// follow it in its section.
    pub fn rva_to_offset(&self, rva: u32) -> Option<(usize, usize)> {
        rva_to_offset(self.bytes, &self.sections, rva)
    }

    /// The file-backed bytes from `rva` to the end of its section.
    pub fn rva_data(&self, rva: u32) -> Result<&'a [u8]> {
        map_rva_to_end(self.bytes, &self.sections, rva)
    }

    /// `len` bytes at `rva`; the range must lie within one section's file data.
    pub fn rva_slice(&self, rva: u32, len: usize) -> Result<&'a [u8]> {
        map_rva(self.bytes, &self.sections, rva, len)
    }
}

/// See [`PeImage::rva_to_offset`].
fn rva_to_offset(bytes: &[u8], sections: &[Section], rva: u32) -> Option<(usize, usize)> {
    sections.iter().find_map(|s| {
        let delta = rva.checked_sub(s.virtual_address)?;
        let backed = s.file_backed_size();
        if delta >= backed {
            return None;
        }
        let start = s.raw_offset.checked_add(delta)? as usize;
        let section_end = (s.raw_offset as usize).checked_add(backed as usize)?;
        // Clip to the file: a section may claim more raw data than exists.
        let end = section_end.min(bytes.len());
        (start < end).then(|| (start, end - start))
    })
}

/// See [`PeImage::rva_data`].
fn map_rva_to_end<'a>(bytes: &'a [u8], sections: &[Section], rva: u32) -> Result<&'a [u8]> {
    let not_mapped = || MetadataError::RvaNotMapped { rva, len: 0 };
    let (offset, available) = rva_to_offset(bytes, sections, rva).ok_or_else(not_mapped)?;
    bytes
        .get(offset..offset.saturating_add(available))
        .ok_or_else(not_mapped)
}

/// See [`PeImage::rva_slice`].
fn map_rva<'a>(bytes: &'a [u8], sections: &[Section], rva: u32, len: usize) -> Result<&'a [u8]> {
    let not_mapped = || MetadataError::RvaNotMapped { rva, len };
    let data = map_rva_to_end(bytes, sections, rva).map_err(|_| not_mapped())?;
    data.get(..len).ok_or_else(not_mapped)
}

fn pe_error(e: object::read::Error) -> MetadataError {
    MetadataError::Pe {
        reason: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_pe() {
        assert!(matches!(
            PeImage::parse(b"not a PE file"),
            Err(MetadataError::Pe { .. })
        ));
        assert!(matches!(PeImage::parse(&[]), Err(MetadataError::Pe { .. })));
    }

    #[test]
    fn cli_header_size_check() {
        let mut bytes = [0u8; 72];
        bytes[0] = 8;
        assert!(matches!(
            CliHeader::parse(&bytes),
            Err(MetadataError::BadCliHeader { .. })
        ));
        bytes[0] = 72;
        assert_eq!(CliHeader::parse(&bytes).unwrap().cb, 72);
        assert!(CliHeader::parse(&bytes[..40]).is_err());
    }
}
