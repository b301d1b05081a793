//! Hand-built images for what compilers here do not emit: uncompressed `#-`
//! metadata with `*Ptr` indirection tables, the rarely used tables
//! (ENCLog, ENCMap, AssemblyOS, AssemblyProcessor, AssemblyRefOS,
//! AssemblyRefProcessor, File, ExportedType, FieldMarshal, DeclSecurity…),
//! and malformed PE containers.

mod common;

use osprey_metadata::tables::schema::{self, ColumnKind};
use osprey_metadata::tables::*;
use osprey_metadata::{Image, MetadataError, TableId};

/// Builds the bytes of a tables stream whose indexes are all 2 bytes wide.
struct TablesBuilder {
    rows: Vec<(TableId, Vec<Vec<u32>>)>,
}

impl TablesBuilder {
    fn add(&mut self, table: TableId, row: &[u32]) {
        assert_eq!(row.len(), schema::columns(table).len(), "{table:?}");
        match self.rows.iter_mut().find(|(t, _)| *t == table) {
            Some((_, rows)) => rows.push(row.to_vec()),
            None => self.rows.push((table, vec![row.to_vec()])),
        }
    }

    fn build(mut self) -> Vec<u8> {
        self.rows.sort_by_key(|(t, _)| *t);
        let valid = self.rows.iter().fold(0u64, |v, (t, _)| v | 1 << (*t as u8));
        let mut out = vec![0, 0, 0, 0, 2, 0, 0, 1];
        out.extend_from_slice(&valid.to_le_bytes());
        out.extend_from_slice(&0u64.to_le_bytes()); // nothing claims to be sorted
        for (_, rows) in &self.rows {
            out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        }
        for (table, rows) in &self.rows {
            for row in rows {
                for (value, def) in row.iter().zip(schema::columns(*table)) {
                    if def.kind == ColumnKind::U32 {
                        out.extend_from_slice(&value.to_le_bytes());
                    } else {
                        out.extend_from_slice(&(*value as u16).to_le_bytes());
                    }
                }
            }
        }
        out
    }
}

/// A heap with a leading zero byte, appended to by `add`.
struct Heap(Vec<u8>);

impl Heap {
    fn string(&mut self, s: &str) -> u32 {
        let index = self.0.len() as u32;
        self.0.extend_from_slice(s.as_bytes());
        self.0.push(0);
        index
    }

    fn blob(&mut self, b: &[u8]) -> u32 {
        let index = self.0.len() as u32;
        self.0.push(b.len() as u8);
        self.0.extend_from_slice(b);
        index
    }
}

fn pad4(v: &mut Vec<u8>) {
    while v.len() % 4 != 0 {
        v.push(0);
    }
}

/// The metadata root with the given streams.
fn metadata_root(streams: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"BSJB\x01\x00\x01\x00\0\0\0\0");
    out.extend_from_slice(&12u32.to_le_bytes());
    out.extend_from_slice(b"v4.0.30319\0\0");
    out.extend_from_slice(&0u16.to_le_bytes());
    out.extend_from_slice(&(streams.len() as u16).to_le_bytes());
    let header_len: usize = out.len()
        + streams
            .iter()
            .map(|(n, _)| 8 + (n.len() + 4) / 4 * 4)
            .sum::<usize>();
    let mut offset = header_len;
    let mut data = Vec::new();
    for (name, bytes) in streams {
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.push(0);
        pad4(&mut out);
        data.extend_from_slice(bytes);
        pad4(&mut data);
        offset = header_len + data.len();
    }
    out.extend_from_slice(&data);
    out
}

const TEXT_RVA: u32 = 0x2000;
const TEXT_FILE_OFFSET: usize = 0x200;

/// A PE32 file with one `.text` section holding a CLI header, `metadata`
/// (at RVA 0x2048) and `extra` (right after the metadata, 4-aligned).
/// Returns the file and the RVA of `extra`.
fn pe_file(metadata: &[u8], extra: &[u8], with_cli_header: bool) -> (Vec<u8>, u32) {
    let metadata_rva = TEXT_RVA + 72;
    let mut text = Vec::new();
    // CLI header.
    text.extend_from_slice(&72u32.to_le_bytes());
    text.extend_from_slice(&2u16.to_le_bytes());
    text.extend_from_slice(&5u16.to_le_bytes());
    text.extend_from_slice(&metadata_rva.to_le_bytes());
    text.extend_from_slice(&(metadata.len() as u32).to_le_bytes());
    text.extend_from_slice(&1u32.to_le_bytes()); // IL only
    text.extend_from_slice(&0u32.to_le_bytes()); // no entry point
    text.resize(72, 0);
    text.extend_from_slice(metadata);
    pad4(&mut text);
    let extra_rva = TEXT_RVA + text.len() as u32;
    text.extend_from_slice(extra);
    let raw_size = text.len().div_ceil(0x200) * 0x200;

    let mut file = vec![0u8; TEXT_FILE_OFFSET];
    file[0..2].copy_from_slice(b"MZ");
    file[0x3C..0x40].copy_from_slice(&0x80u32.to_le_bytes());
    let mut h = Vec::new();
    h.extend_from_slice(b"PE\0\0");
    // COFF header: i386, 1 section, optional header of 0xE0 bytes, executable DLL.
    h.extend_from_slice(&0x14Cu16.to_le_bytes());
    h.extend_from_slice(&1u16.to_le_bytes());
    h.extend_from_slice(&[0; 12]);
    h.extend_from_slice(&0xE0u16.to_le_bytes());
    h.extend_from_slice(&0x2102u16.to_le_bytes());
    // Optional header (PE32).
    let mut o = Vec::new();
    o.extend_from_slice(&0x10Bu16.to_le_bytes());
    o.extend_from_slice(&[8, 0]);
    o.extend_from_slice(&(raw_size as u32).to_le_bytes()); // SizeOfCode
    o.extend_from_slice(&[0; 8]);
    o.extend_from_slice(&0u32.to_le_bytes()); // AddressOfEntryPoint
    o.extend_from_slice(&TEXT_RVA.to_le_bytes()); // BaseOfCode
    o.extend_from_slice(&0u32.to_le_bytes()); // BaseOfData
    o.extend_from_slice(&0x40_0000u32.to_le_bytes()); // ImageBase
    o.extend_from_slice(&0x2000u32.to_le_bytes()); // SectionAlignment
    o.extend_from_slice(&0x200u32.to_le_bytes()); // FileAlignment
    o.extend_from_slice(&[4, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]); // versions, Win32VersionValue
    o.extend_from_slice(&(TEXT_RVA + 0x2000).to_le_bytes()); // SizeOfImage
    o.extend_from_slice(&(TEXT_FILE_OFFSET as u32).to_le_bytes()); // SizeOfHeaders
    o.extend_from_slice(&0u32.to_le_bytes()); // CheckSum
    o.extend_from_slice(&3u16.to_le_bytes()); // Subsystem: console
    o.extend_from_slice(&0x8540u16.to_le_bytes()); // DllCharacteristics
    for v in [0x10_0000u32, 0x1000, 0x10_0000, 0x1000, 0, 16] {
        o.extend_from_slice(&v.to_le_bytes());
    }
    for dir in 0..16 {
        let (rva, size) = if dir == 14 && with_cli_header {
            (TEXT_RVA, 72u32)
        } else {
            (0, 0)
        };
        o.extend_from_slice(&rva.to_le_bytes());
        o.extend_from_slice(&size.to_le_bytes());
    }
    assert_eq!(o.len(), 0xE0);
    h.extend_from_slice(&o);
    // Section header.
    h.extend_from_slice(b".text\0\0\0");
    h.extend_from_slice(&(text.len() as u32).to_le_bytes());
    h.extend_from_slice(&TEXT_RVA.to_le_bytes());
    h.extend_from_slice(&(raw_size as u32).to_le_bytes());
    h.extend_from_slice(&(TEXT_FILE_OFFSET as u32).to_le_bytes());
    h.extend_from_slice(&[0; 12]);
    h.extend_from_slice(&0x6000_0020u32.to_le_bytes());
    file[0x80..0x80 + h.len()].copy_from_slice(&h);
    text.resize(raw_size, 0);
    file.extend_from_slice(&text);
    (file, extra_rva)
}

/// An uncompressed (`#-`) image with every `*Ptr` table and the rare tables.
///
/// Type A owns fields 3, 1 and methods 2, 3; type B owns field 2 and method 1
/// (through FieldPtr = [3, 1, 2] and MethodPtr = [2, 3, 1]).
fn uncompressed_image() -> Vec<u8> {
    let mut strings = Heap(vec![0]);
    let mut blobs = Heap(vec![0]);
    let int_field = blobs.blob(&[0x06, 0x08]);
    let void_method = blobs.blob(&[0x00, 0x00, 0x01]);
    let int_property = blobs.blob(&[0x28, 0x00, 0x08]);
    let native_int = blobs.blob(&[0x08]);
    let permission = blobs.blob(&[0x2E, 0x00]);
    let key_token = blobs.blob(&[1, 2, 3, 4, 5, 6, 7, 8]);

    // Tiny bodies (`ret`), one per method, located after the metadata.
    let bodies = [0x06u8, 0x2A, 0x06, 0x2A, 0x06, 0x2A];
    let mut t = TablesBuilder { rows: Vec::new() };
    let name = |s: &mut Heap, n: &str| s.string(n);
    t.add(
        TableId::Module,
        &[0, name(&mut strings, "Test.dll"), 1, 0, 0],
    );
    t.add(
        TableId::TypeDef,
        &[0, name(&mut strings, "<Module>"), 0, 0, 1, 1],
    );
    let ns = name(&mut strings, "Ptr");
    t.add(TableId::TypeDef, &[1, name(&mut strings, "A"), ns, 0, 1, 1]);
    t.add(TableId::TypeDef, &[1, name(&mut strings, "B"), ns, 0, 3, 3]);
    for target in [3, 1, 2] {
        t.add(TableId::FieldPtr, &[target]);
    }
    for f in ["f1", "f2", "f3"] {
        t.add(TableId::Field, &[0x0006, name(&mut strings, f), int_field]);
    }
    for target in [2, 3, 1] {
        t.add(TableId::MethodPtr, &[target]);
    }
    // Method rows: the RVA is patched in below once the body RVA is known.
    for (i, m) in ["m1", "m2", "m3"].iter().enumerate() {
        let param_list = if i == 2 { 2 } else { 1 };
        t.add(
            TableId::MethodDef,
            &[
                u32::MAX - i as u32,
                0,
                0x0016,
                name(&mut strings, m),
                void_method,
                param_list,
            ],
        );
    }
    t.add(TableId::ParamPtr, &[1]);
    t.add(TableId::Param, &[0, 1, name(&mut strings, "p")]);
    t.add(TableId::FieldMarshal, &[2, native_int]); // HasFieldMarshal::Field(1)
    t.add(TableId::DeclSecurity, &[2, 6, permission]); // HasDeclSecurity::Assembly(1)
    t.add(TableId::EventMap, &[2, 1]);
    t.add(TableId::EventPtr, &[1]);
    t.add(TableId::Event, &[0, name(&mut strings, "E"), 0]);
    t.add(TableId::PropertyMap, &[3, 1]);
    t.add(TableId::PropertyPtr, &[1]);
    t.add(
        TableId::Property,
        &[0, name(&mut strings, "P"), int_property],
    );
    t.add(TableId::EncLog, &[0x0600_0001, 0]);
    t.add(TableId::EncMap, &[0x0600_0001]);
    t.add(
        TableId::Assembly,
        &[0x8004, 1, 2, 3, 4, 0, 0, name(&mut strings, "Test"), 0],
    );
    t.add(TableId::AssemblyProcessor, &[0x14C]);
    t.add(TableId::AssemblyOs, &[2, 5, 1]);
    t.add(
        TableId::AssemblyRef,
        &[
            4,
            0,
            0,
            0,
            0,
            key_token,
            name(&mut strings, "mscorlib"),
            0,
            0,
        ],
    );
    t.add(TableId::AssemblyRefProcessor, &[0x14C, 1]);
    t.add(TableId::AssemblyRefOs, &[2, 5, 1, 1]);
    t.add(
        TableId::File,
        &[0, name(&mut strings, "other.netmodule"), key_token],
    );
    t.add(
        TableId::ExportedType,
        &[1, 0x0200_0002, name(&mut strings, "C"), ns, 4],
    ); // File(1)
    t.add(
        TableId::ManifestResource,
        &[0, 1, name(&mut strings, "res"), 0],
    );

    let build = |t: &TablesBuilder, strings: &Heap, blobs: &Heap| {
        let tables = TablesBuilder {
            rows: t.rows.clone(),
        }
        .build();
        metadata_root(&[
            ("#-", &tables),
            ("#Strings", &strings.0),
            ("#US", &[0]),
            ("#GUID", &[0xAB; 16]),
            ("#Blob", &blobs.0),
        ])
    };
    // First pass to learn where the bodies land, then patch the RVAs.
    let (_, bodies_rva) = pe_file(&build(&t, &strings, &blobs), &bodies, true);
    for (_, rows) in t
        .rows
        .iter_mut()
        .filter(|(id, _)| *id == TableId::MethodDef)
    {
        for (i, row) in rows.iter_mut().enumerate() {
            row[0] = bodies_rva + 2 * i as u32;
        }
    }
    pe_file(&build(&t, &strings, &blobs), &bodies, true).0
}

#[test]
fn uncompressed_metadata_with_ptr_tables() {
    let bytes = uncompressed_image();
    let report = common::assert_walk_clean("uncompressed image", &bytes);
    assert_eq!(report.stats.method_bodies, 3);
    let image = Image::parse(&bytes).unwrap();
    assert!(image.tables().header().uncompressed);
    assert_eq!(image.assembly_name().unwrap(), Some("Test"));

    let (a, b) = (2, 3);
    let fields = image.field_range(a).unwrap();
    assert!(fields.is_indirect());
    assert_eq!(fields.collect::<Vec<_>>(), [3, 1]);
    assert_eq!(image.field_range(b).unwrap().collect::<Vec<_>>(), [2]);
    assert_eq!(image.method_range(a).unwrap().collect::<Vec<_>>(), [2, 3]);
    assert_eq!(image.method_range(b).unwrap().collect::<Vec<_>>(), [1]);
    assert_eq!(image.method_range(1).unwrap().len(), 0);
    assert_eq!(image.method_owner(1).unwrap(), Some(b));
    assert_eq!(image.method_owner(3).unwrap(), Some(a));
    assert_eq!(image.field_owner(1).unwrap(), Some(a));
    assert_eq!(image.field_owner(2).unwrap(), Some(b));
    // Param lists: m1 empty, m2 owns the only param, m3 empty.
    assert_eq!(image.param_range(1).unwrap().len(), 0);
    assert_eq!(image.param_range(2).unwrap().collect::<Vec<_>>(), [1]);
    assert_eq!(image.param_range(3).unwrap().len(), 0);
    assert_eq!(image.param_owner(1).unwrap(), Some(2));
    assert_eq!(image.events_of(a).unwrap().collect::<Vec<_>>(), [1]);
    assert_eq!(image.event(1).unwrap().event_type, None);
    assert_eq!(image.properties_of(b).unwrap().collect::<Vec<_>>(), [1]);
    assert_eq!(image.properties_of(a).unwrap().len(), 0);

    // The rare tables decode.
    assert_eq!(
        image.enc_log(1).unwrap(),
        EncLogRow {
            token: 0x0600_0001,
            func_code: 0
        }
    );
    assert_eq!(image.enc_map(1).unwrap().token, 0x0600_0001);
    assert_eq!(image.assembly_os(1).unwrap().os_major_version, 5);
    assert_eq!(image.assembly_processor(1).unwrap().processor, 0x14C);
    assert_eq!(image.assembly_ref_os(1).unwrap().assembly_ref, 1);
    assert_eq!(image.assembly_ref_processor(1).unwrap().assembly_ref, 1);
    assert_eq!(
        image.exported_type(1).unwrap().implementation,
        Implementation::File(1)
    );
    assert_eq!(image.manifest_resource(1).unwrap().implementation, None);
    assert_eq!(
        image.field_marshal_of(HasFieldMarshal::Field(1)).unwrap(),
        Some(&[0x08][..])
    );
    let security: Vec<_> = image
        .decl_security_of(HasDeclSecurity::Assembly(1))
        .map(|r| r.unwrap().1)
        .collect();
    assert_eq!(security[0].action, 2);
    let asm = image.assembly(1).unwrap();
    assert_eq!(
        (
            asm.major_version,
            asm.minor_version,
            asm.build_number,
            asm.revision_number
        ),
        (1, 2, 3, 4)
    );
}

#[test]
fn corrupt_ptr_and_list_columns_are_errors() {
    let bytes = uncompressed_image();
    let image = Image::parse(&bytes).unwrap();
    let table = image.tables().table(TableId::MethodPtr);
    let offset_in_file = |data: &[u8]| data.as_ptr() as usize - bytes.as_ptr() as usize;
    // A MethodPtr entry naming a missing method is rejected at parse time.
    let mut bad = bytes.clone();
    bad[offset_in_file(table.data())] = 9;
    assert!(matches!(
        Image::parse(&bad),
        Err(MetadataError::IndexOutOfRange {
            table: TableId::MethodPtr,
            ..
        })
    ));
    // A MethodList that goes backwards is a BadList error, not a panic.
    let typedef = image.tables().table(TableId::TypeDef);
    let mut bad = bytes.clone();
    let row3 = offset_in_file(typedef.row_bytes(3).unwrap());
    bad[row3 + 12] = 0; // B.MethodList = 0x??00
    bad[row3 + 13] = 0;
    let image = Image::parse(&bad).unwrap();
    assert!(matches!(
        image.method_range(3),
        Err(MetadataError::BadList { .. })
    ));
    assert!(common::walk_catching(&bad).unwrap().error_count > 0);
}

#[test]
fn pe_container_errors() {
    let bytes = uncompressed_image();
    let metadata = Image::parse(&bytes).unwrap().metadata().to_vec();
    let (no_cli, _) = pe_file(&metadata, &[], false);
    assert_eq!(
        Image::parse(&no_cli).unwrap_err(),
        MetadataError::NotManaged
    );
    assert!(matches!(Image::parse(b"MZ"), Err(MetadataError::Pe { .. })));
    // A metadata directory pointing outside the section.
    let mut bad = bytes.clone();
    bad[TEXT_FILE_OFFSET + 8..TEXT_FILE_OFFSET + 12].copy_from_slice(&0x9000u32.to_le_bytes());
    assert!(matches!(
        Image::parse(&bad),
        Err(MetadataError::RvaNotMapped { rva: 0x9000, .. })
    ));
    // Missing table stream.
    let root = metadata_root(&[("#Strings", &[0])]);
    let (file, _) = pe_file(&root, &[], true);
    assert_eq!(
        Image::parse(&file).unwrap_err(),
        MetadataError::NoTableStream
    );
    // Bad signature.
    let mut bad = bytes.clone();
    bad[TEXT_FILE_OFFSET + 72] = b'X';
    assert!(matches!(
        Image::parse(&bad),
        Err(MetadataError::BadMetadataSignature { .. })
    ));
    // Every truncation of the small image is an error or a clean walk, never a panic.
    for len in 0..bytes.len() {
        common::walk_catching(&bytes[..len]).unwrap_or_else(|p| panic!("truncated at {len}: {p}"));
    }
}
