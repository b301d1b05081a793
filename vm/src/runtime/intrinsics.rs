//! Which corelib methods the JIT compiles inline ([`Intrinsic`]; docs/jit.md,
//! "Intrinsics"): `System.Threading.Interlocked`'s operations and
//! `System.Math`'s Sqrt, Abs (of floats), Floor, Ceiling, Round and
//! Truncate (these four only where cpuid reports SSE4.1), by name and
//! signature. The methods keep their bodies (FCalls doing the same with
//! Rust atomics) for calls that reach them indirectly.

use osprey_jit::Intrinsic;

use crate::loader::{names, Loader, MethodHandle};

/// `(class, method, signature) -> intrinsic`.
const INTRINSICS: &[(&str, &str, &str, Intrinsic)] = &[
    (
        "System.Threading.Interlocked",
        "Add",
        "int32(int32&,int32)",
        Intrinsic::AddI4,
    ),
    (
        "System.Threading.Interlocked",
        "Add",
        "int64(int64&,int64)",
        Intrinsic::AddI8,
    ),
    (
        "System.Threading.Interlocked",
        "Increment",
        "int32(int32&)",
        Intrinsic::IncrementI4,
    ),
    (
        "System.Threading.Interlocked",
        "Increment",
        "int64(int64&)",
        Intrinsic::IncrementI8,
    ),
    (
        "System.Threading.Interlocked",
        "Decrement",
        "int32(int32&)",
        Intrinsic::DecrementI4,
    ),
    (
        "System.Threading.Interlocked",
        "Decrement",
        "int64(int64&)",
        Intrinsic::DecrementI8,
    ),
    (
        "System.Threading.Interlocked",
        "Exchange",
        "int32(int32&,int32)",
        Intrinsic::ExchangeI4,
    ),
    (
        "System.Threading.Interlocked",
        "Exchange",
        "int64(int64&,int64)",
        Intrinsic::ExchangeI8,
    ),
    (
        "System.Threading.Interlocked",
        "Exchange",
        "native int(native int&,native int)",
        Intrinsic::ExchangeI8,
    ),
    (
        "System.Threading.Interlocked",
        "Exchange",
        "object(object&,object)",
        Intrinsic::ExchangeRef,
    ),
    (
        "System.Threading.Interlocked",
        "CompareExchange",
        "int32(int32&,int32,int32)",
        Intrinsic::CompareExchangeI4,
    ),
    (
        "System.Threading.Interlocked",
        "CompareExchange",
        "int64(int64&,int64,int64)",
        Intrinsic::CompareExchangeI8,
    ),
    (
        "System.Threading.Interlocked",
        "CompareExchange",
        "native int(native int&,native int,native int)",
        Intrinsic::CompareExchangeI8,
    ),
    (
        "System.Threading.Interlocked",
        "CompareExchange",
        "object(object&,object,object)",
        Intrinsic::CompareExchangeRef,
    ),
    (
        "System.Threading.Interlocked",
        "Read",
        "int64(int64&)",
        Intrinsic::ReadI8,
    ),
    (
        "System.Threading.Interlocked",
        "MemoryBarrier",
        "void()",
        Intrinsic::MemoryBarrier,
    ),
    (
        "System.Threading.Thread",
        "MemoryBarrier",
        "void()",
        Intrinsic::MemoryBarrier,
    ),
    ("System.Math", "Sqrt", "float64(float64)", Intrinsic::SqrtR8),
    ("System.Math", "Abs", "float64(float64)", Intrinsic::AbsR8),
    ("System.Math", "Abs", "float32(float32)", Intrinsic::AbsR4),
    (
        "System.Math",
        "Floor",
        "float64(float64)",
        Intrinsic::FloorR8,
    ),
    (
        "System.Math",
        "Ceiling",
        "float64(float64)",
        Intrinsic::CeilingR8,
    ),
    (
        "System.Math",
        "Round",
        "float64(float64)",
        Intrinsic::RoundR8,
    ),
    (
        "System.Math",
        "Truncate",
        "float64(float64)",
        Intrinsic::TruncateR8,
    ),
];

/// Whether the CPU has SSE4.1 (`roundsd`), asked once (cpuid).
fn has_sse41() -> bool {
    static SSE41: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SSE41.get_or_init(|| std::arch::is_x86_feature_detected!("sse4.1"))
}

/// The intrinsic a call of `md` compiles to, if any.
pub(crate) fn intrinsic_of(loader: &Loader, md: MethodHandle) -> Option<Intrinsic> {
    let class = md.owner.name.as_str();
    if class != "System.Threading.Interlocked"
        && class != "System.Threading.Thread"
        && class != "System.Math"
    {
        return None;
    }
    let candidates: Vec<_> = INTRINSICS
        .iter()
        .filter(|(c, m, ..)| *c == class && *m == md.name)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let sig = names::method_sig_text(loader.assembly(md.assembly).image(), &md.sig);
    candidates
        .iter()
        .find(|(.., s, _)| *s == sig)
        .map(|(.., i)| *i)
        // Without SSE4.1 the rounding methods stay calls (of their FCalls).
        .filter(|i| !matches!(i.float_op(), Some((_, Some(_)))) || has_sse41())
}
