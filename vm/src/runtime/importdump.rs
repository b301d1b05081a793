//! `osprey run --import-dump[=PATTERN]`: the importer's typed ops of the
//! methods a program compiles (the JIT's first stage, docs/jit.md), with
//! the runtime's names for everything they refer to. The importer's golden
//! filetests (tests/filetests.rs, docs/testing.md) compare these listings
//! with checked-in files.
//!
//! ```text
//! ; import int32 Program::Add(int32,int32)
//! args: int32, int32
//! ...
//! block IL_0000 []
//!   IL_0000  ldarg.0                       ldarg 0                      -> int32
//! ```

use std::collections::HashMap;

use osprey_jit::opdump::{ImportedMethod, OpNames};
use osprey_jit::{MethodInput, RuntimeLookup};
use osprey_metadata::Token;

use super::jitdump::{address_names, header_signature, method_text, token_text};
use super::Runtime;
use crate::codeheap::CodeKind;
use crate::loader::sharing::LookupDesc;
use crate::loader::{AssemblyId, Loader, MethodHandle, TypeHandle};

/// The names a listing of one method uses.
struct Names<'a> {
    rt: &'a Runtime,
    loader: &'a Loader,
    assembly: AssemblyId,
    addresses: HashMap<usize, String>,
}

impl OpNames for Names<'_> {
    fn type_name(&self, t: osprey_jit::TypeHandle) -> String {
        // SAFETY: the importer passes back handles this runtime gave it.
        unsafe { TypeHandle::from_jit(t) }.name.clone()
    }

    fn method_name(&self, m: osprey_jit::MethodHandle) -> String {
        // The methods of multi-dimensional array types have no descriptor
        // (the JIT compiles them inline: `JitContext::array_method`).
        if m.0 == 0 {
            return "<array method>".into();
        }
        let m = super::helpers::method_from_raw(m.0 as *const crate::loader::MethodDesc);
        method_text(self.loader, m)
    }

    fn address(&self, address: usize) -> Option<String> {
        if let Some(n) = self.addresses.get(&address) {
            return Some(n.clone());
        }
        match self.rt.code.find(address)?.kind {
            CodeKind::Method(c) if c.start == address => Some(method_text(self.loader, c.method)),
            CodeKind::Stub(name) => Some(format!("[stub: {name}]")),
            _ => None,
        }
    }

    fn lookup(&self, lookup: RuntimeLookup) -> String {
        // SAFETY: the descriptors of runtime lookups are the loader's
        // boxed `LookupDesc`s (`Loader::dictionary_slot`), which live as
        // long as the runtime.
        let desc = unsafe { &*(lookup.descriptor as *const LookupDesc) };
        let img = self.loader.assembly(desc.assembly);
        let name = |t: Token| token_text(img.image(), t).unwrap_or_else(|| t.to_string());
        let mut s = format!("{:?}", desc.kind);
        if desc.kind != crate::loader::sharing::LookupKind::ClassInit {
            s.push(' ');
            s.push_str(&name(desc.token));
        }
        if let Some(c) = desc.constrained {
            s.push_str(" constrained to ");
            s.push_str(&name(c));
        }
        s
    }

    fn token(&self, token: Token) -> Option<String> {
        token_text(self.loader.assembly(self.assembly).image(), token)
    }
}

/// The listing of `method`'s imported ops (as shared code, if `shared`),
/// whose JIT input was `input`.
pub(super) fn listing(
    rt: &Runtime,
    loader: &mut Loader,
    method: MethodHandle,
    shared: bool,
    input: &MethodInput<'_>,
    imported: &ImportedMethod,
) -> String {
    let addresses = address_names(rt, loader, method, input.il);
    let names = Names {
        rt,
        loader,
        assembly: method.assembly,
        addresses,
    };
    // The header names a generic method's instantiation (the JIT dump's
    // does not), so that its shared and exact code tell apart.
    let mut signature = header_signature(loader, method, shared);
    if !method.instantiation.is_empty() {
        let args: Vec<&str> = method
            .instantiation
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        let at = signature.find('(').unwrap_or(signature.len());
        signature.insert_str(at, &format!("<{}>", args.join(",")));
    }
    format!(
        "; import {signature}\n{}\n",
        imported.listing(input, &names)
    )
}
