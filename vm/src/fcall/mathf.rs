//! `System.MathF` internal calls: the C library's single-precision
//! functions (`sqrtf`, `sinf`, ...) through Rust's `f32` methods, as mono's
//! icalls call them. `Round` rounds halves to even (`roundss`).

pub(super) extern "C" fn sqrt(x: f32) -> f32 {
    x.sqrt()
}

pub(super) extern "C" fn exp(x: f32) -> f32 {
    x.exp()
}

pub(super) extern "C" fn log(x: f32) -> f32 {
    x.ln()
}

pub(super) extern "C" fn log10(x: f32) -> f32 {
    x.log10()
}

pub(super) extern "C" fn sin(x: f32) -> f32 {
    x.sin()
}

pub(super) extern "C" fn cos(x: f32) -> f32 {
    x.cos()
}

pub(super) extern "C" fn tan(x: f32) -> f32 {
    x.tan()
}

pub(super) extern "C" fn asin(x: f32) -> f32 {
    x.asin()
}

pub(super) extern "C" fn acos(x: f32) -> f32 {
    x.acos()
}

pub(super) extern "C" fn atan(x: f32) -> f32 {
    x.atan()
}

pub(super) extern "C" fn sinh(x: f32) -> f32 {
    x.sinh()
}

pub(super) extern "C" fn cosh(x: f32) -> f32 {
    x.cosh()
}

pub(super) extern "C" fn tanh(x: f32) -> f32 {
    x.tanh()
}

pub(super) extern "C" fn asinh(x: f32) -> f32 {
    x.asinh()
}

pub(super) extern "C" fn acosh(x: f32) -> f32 {
    x.acosh()
}

pub(super) extern "C" fn atanh(x: f32) -> f32 {
    x.atanh()
}

pub(super) extern "C" fn cbrt(x: f32) -> f32 {
    x.cbrt()
}

pub(super) extern "C" fn floor(x: f32) -> f32 {
    x.floor()
}

pub(super) extern "C" fn ceiling(x: f32) -> f32 {
    x.ceil()
}

pub(super) extern "C" fn truncate(x: f32) -> f32 {
    x.trunc()
}

pub(super) extern "C" fn round(x: f32) -> f32 {
    x.round_ties_even()
}

pub(super) extern "C" fn pow(x: f32, y: f32) -> f32 {
    x.powf(y)
}

pub(super) extern "C" fn atan2(y: f32, x: f32) -> f32 {
    y.atan2(x)
}
