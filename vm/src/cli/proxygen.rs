//! `osprey proxygen ASSEMBLY INTERFACE`: generates the C# for calling an
//! interface across processes (docs/kernel.md, "Interfaces across
//! processes").
//!
//! In the spirit of Nemesis's Middl and the ES kernel's IDL (seeds 001 and
//! 002: interfaces as typed closures, object calls between processes), the
//! interface's compiled metadata is the interface definition. For
//! interface `N.IName` the output declares, in namespace `N`:
//!
//! * `INameProxy : N.IName`, built on a `Channel`: each method sends one
//!   request (the method's number and its arguments, in a
//!   `MessageWriter`) and waits for one response, whose result it returns
//!   or whose exception it throws as a `RemoteException`;
//! * `INameDispatcher : IRemoteDispatcher`, built on an `N.IName`
//!   implementation: it decodes a request, calls the method, and encodes
//!   its result (`RemoteCall.Serve` runs the loop and carries exceptions
//!   back).
//!
//! Parameter and return types: `bool`, `int`, `long`, `double`, `string`,
//! `byte[]` (and `void` returns). Anything else (properties, events,
//! generic methods, `ref`/`out` parameters, other types) is refused with an
//! error naming it.

use std::fmt::Write as _;

use osprey_metadata::flags::{method_attributes, type_attributes};
use osprey_metadata::sig::TypeSig;
use osprey_metadata::Primitive;
use osprey_metadata::{Image, TableId};

/// A supported parameter or return type.
#[derive(Copy, Clone)]
struct Wire {
    /// The C# type.
    cs: &'static str,
    /// The `MessageWriter`/`MessageReader` suffix (`Int32`).
    op: &'static str,
}

fn wire(t: &TypeSig) -> Option<Wire> {
    Some(match t {
        TypeSig::Prim(Primitive::Boolean) => Wire {
            cs: "bool",
            op: "Boolean",
        },
        TypeSig::Prim(Primitive::I4) => Wire {
            cs: "int",
            op: "Int32",
        },
        TypeSig::Prim(Primitive::I8) => Wire {
            cs: "long",
            op: "Int64",
        },
        TypeSig::Prim(Primitive::R8) => Wire {
            cs: "double",
            op: "Double",
        },
        TypeSig::String => Wire {
            cs: "string",
            op: "String",
        },
        TypeSig::SzArray(e) if **e == TypeSig::Prim(Primitive::U1) => Wire {
            cs: "byte[]",
            op: "Bytes",
        },
        _ => return None,
    })
}

struct Method {
    name: String,
    params: Vec<(String, Wire)>,
    ret: Option<Wire>,
}

/// The C# source of the proxy and dispatcher for interface `name` (a
/// full name, `Namespace.IName`) of the assembly `bytes`, or why not.
pub fn generate(bytes: &[u8], assembly: &str, name: &str) -> Result<String, String> {
    let img = Image::parse(bytes)
        .map_err(|e| format!("'{assembly}' is not a valid .NET assembly: {e}"))?;
    let count = img.row_count(TableId::TypeDef);
    let rid = (1..=count)
        .find(|&r| img.type_def_full_name(r).ok().as_deref() == Some(name))
        .ok_or_else(|| format!("'{assembly}' defines no type '{name}'"))?;
    let row = img.type_def(rid).map_err(|e| e.to_string())?;
    if row.flags & type_attributes::INTERFACE == 0 {
        return Err(format!("'{name}' is not an interface"));
    }
    if name.contains('/') {
        return Err(format!("'{name}' is nested; export a top-level interface"));
    }
    if img
        .generic_params_of(osprey_metadata::tables::TypeOrMethodDef::TypeDef(rid))
        .next()
        .is_some()
    {
        return Err(format!(
            "'{name}' is generic; generic interfaces are not supported"
        ));
    }
    let (namespace, simple) = match name.rsplit_once('.') {
        Some((n, s)) => (n.to_string(), s.to_string()),
        None => (String::new(), name.to_string()),
    };
    let mut methods = Vec::new();
    for m in img.method_range(rid).map_err(|e| e.to_string())? {
        let mrow = img.method_def(m).map_err(|e| e.to_string())?;
        let mname = img
            .string(mrow.name)
            .map_err(|e| e.to_string())?
            .to_string();
        if mrow.flags & method_attributes::STATIC != 0 {
            continue;
        }
        if mrow.flags & method_attributes::SPECIAL_NAME != 0 {
            return Err(format!(
                "{name}.{mname}: properties and events are not supported; use methods"
            ));
        }
        let sig = img.method_def_sig(m).map_err(|e| e.to_string())?;
        if sig.generic_param_count != 0 {
            return Err(format!("{name}.{mname}: generic methods are not supported"));
        }
        let mut names = vec![String::new(); sig.params.len()];
        for p in img.param_range(m).map_err(|e| e.to_string())? {
            if let Ok(prow) = img.param(p) {
                let i = prow.sequence as usize;
                if (1..=names.len()).contains(&i) {
                    names[i - 1] = img.string(prow.name).unwrap_or("").to_string();
                }
            }
        }
        let mut params = Vec::new();
        for (i, t) in sig.params.iter().enumerate() {
            let w = wire(t).ok_or_else(|| {
                format!(
                    "{name}.{mname}: parameter {} has a type proxies cannot carry (they carry bool, int, long, double, string and byte[])",
                    i + 1
                )
            })?;
            let pname = if names[i].is_empty() {
                format!("arg{i}")
            } else {
                names[i].clone()
            };
            params.push((pname, w));
        }
        let ret = match &sig.ret {
            TypeSig::Void => None,
            t => Some(wire(t).ok_or_else(|| {
                format!(
                    "{name}.{mname}: its return type is one proxies cannot carry (they carry bool, int, long, double, string and byte[])"
                )
            })?),
        };
        methods.push(Method {
            name: mname,
            params,
            ret,
        });
    }
    Ok(emit(assembly, &namespace, &simple, name, &methods))
}

fn emit(assembly: &str, namespace: &str, simple: &str, full: &str, methods: &[Method]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// Generated by `osprey proxygen {assembly} {full}`: do not edit.\n// A call of {full} across processes: one request and one response over a channel."
    );
    let _ = writeln!(s, "using System;\nusing Osprey.Isolation;\n");
    let indent = if namespace.is_empty() { "" } else { "    " };
    if !namespace.is_empty() {
        let _ = writeln!(s, "namespace {namespace}\n{{");
    }
    let iface = format!("global::{full}");
    // The proxy.
    let _ = writeln!(
        s,
        "{indent}public sealed class {simple}Proxy : {iface}\n{indent}{{"
    );
    let _ = writeln!(s, "{indent}    private readonly Channel _channel;\n");
    let _ = writeln!(
        s,
        "{indent}    public {simple}Proxy(Channel channel)\n{indent}    {{\n{indent}        if (channel == null)\n{indent}            throw new ArgumentNullException(\"channel\");\n{indent}        _channel = channel;\n{indent}    }}"
    );
    for (k, m) in methods.iter().enumerate() {
        let params: Vec<String> = m
            .params
            .iter()
            .map(|(n, w)| format!("{} @{n}", w.cs))
            .collect();
        let _ = writeln!(
            s,
            "\n{indent}    public {} {}({})\n{indent}    {{",
            m.ret.map_or("void", |w| w.cs),
            m.name,
            params.join(", ")
        );
        let _ = writeln!(
            s,
            "{indent}        MessageWriter request = RemoteCall.Request({k});"
        );
        for (n, w) in &m.params {
            let _ = writeln!(s, "{indent}        request.Write{}(@{n});", w.op);
        }
        match m.ret {
            Some(w) => {
                let _ = writeln!(
                    s,
                    "{indent}        return RemoteCall.Invoke(_channel, request).Read{}();",
                    w.op
                );
            }
            None => {
                let _ = writeln!(s, "{indent}        RemoteCall.Invoke(_channel, request);");
            }
        }
        let _ = writeln!(s, "{indent}    }}");
    }
    let _ = writeln!(s, "{indent}}}\n");
    // The dispatcher.
    let _ = writeln!(
        s,
        "{indent}public sealed class {simple}Dispatcher : IRemoteDispatcher\n{indent}{{"
    );
    let _ = writeln!(s, "{indent}    private readonly {iface} _target;\n");
    let _ = writeln!(
        s,
        "{indent}    public {simple}Dispatcher({iface} target)\n{indent}    {{\n{indent}        if (target == null)\n{indent}            throw new ArgumentNullException(\"target\");\n{indent}        _target = target;\n{indent}    }}\n"
    );
    let _ = writeln!(
        s,
        "{indent}    public void Dispatch(int method, MessageReader args, MessageWriter result)\n{indent}    {{"
    );
    for (k, m) in methods.iter().enumerate() {
        let _ = writeln!(s, "{indent}        if (method == {k})\n{indent}        {{");
        let mut names = Vec::new();
        for (i, (_, w)) in m.params.iter().enumerate() {
            let _ = writeln!(
                s,
                "{indent}            {} a{i} = args.Read{}();",
                w.cs, w.op
            );
            names.push(format!("a{i}"));
        }
        let call = format!("_target.{}({})", m.name, names.join(", "));
        match m.ret {
            Some(w) => {
                let _ = writeln!(s, "{indent}            result.Write{}({call});", w.op);
            }
            None => {
                let _ = writeln!(s, "{indent}            {call};");
            }
        }
        let _ = writeln!(s, "{indent}            return;\n{indent}        }}");
    }
    let _ = writeln!(
        s,
        "{indent}        throw new InvalidOperationException(\"{full} has no method number \" + method + \".\");\n{indent}    }}\n{indent}}}"
    );
    if !namespace.is_empty() {
        let _ = writeln!(s, "}}");
    }
    s
}
