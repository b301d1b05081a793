//! `System.Math` internal calls.
//!
//! Pure functions of their arguments: no thread, no allocation, nothing to
//! throw. Each is the C library function of the same name, reached through
//! Rust's `f64` methods (which call the platform's libm), so results agree
//! bit for bit with Mono's, whose icalls call the same libm. `Round` rounds
//! halves to even, as .NET specifies and as Mono's JIT compiles
//! `Math.Round` (`roundsd`).

pub(super) extern "C" fn sqrt(d: f64) -> f64 {
    d.sqrt()
}

pub(super) extern "C" fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}

pub(super) extern "C" fn exp(d: f64) -> f64 {
    d.exp()
}

/// The natural logarithm (C's `log`).
pub(super) extern "C" fn log(d: f64) -> f64 {
    d.ln()
}

pub(super) extern "C" fn log10(d: f64) -> f64 {
    d.log10()
}

pub(super) extern "C" fn sin(a: f64) -> f64 {
    a.sin()
}

pub(super) extern "C" fn cos(d: f64) -> f64 {
    d.cos()
}

pub(super) extern "C" fn tan(a: f64) -> f64 {
    a.tan()
}

pub(super) extern "C" fn asin(d: f64) -> f64 {
    d.asin()
}

pub(super) extern "C" fn acos(d: f64) -> f64 {
    d.acos()
}

pub(super) extern "C" fn atan(d: f64) -> f64 {
    d.atan()
}

pub(super) extern "C" fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

pub(super) extern "C" fn sinh(value: f64) -> f64 {
    value.sinh()
}

pub(super) extern "C" fn cosh(value: f64) -> f64 {
    value.cosh()
}

pub(super) extern "C" fn tanh(value: f64) -> f64 {
    value.tanh()
}

pub(super) extern "C" fn floor(d: f64) -> f64 {
    d.floor()
}

/// C's `ceil`.
pub(super) extern "C" fn ceiling(a: f64) -> f64 {
    a.ceil()
}

/// C's `trunc`: the integer part, sign kept (`Truncate(-0.5)` is -0.0).
pub(super) extern "C" fn truncate(d: f64) -> f64 {
    d.trunc()
}

/// The nearest integer, halves to the even one; -0.4 gives -0.0.
pub(super) extern "C" fn round(a: f64) -> f64 {
    a.round_ties_even()
}

pub(super) extern "C" fn asinh(d: f64) -> f64 {
    d.asinh()
}

pub(super) extern "C" fn acosh(d: f64) -> f64 {
    d.acosh()
}

pub(super) extern "C" fn atanh(d: f64) -> f64 {
    d.atanh()
}

pub(super) extern "C" fn cbrt(d: f64) -> f64 {
    d.cbrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(value, Math.Round(value))` as Mono 6.8 computes them (bits).
    #[test]
    fn round_halves_to_even() {
        let cases: &[(f64, f64)] = &[
            (0.5, 0.0),
            (1.5, 2.0),
            (2.5, 2.0),
            (-2.5, -2.0),
            (-0.5, -0.0),
            (0.49999999999999994, 0.0),
            (4503599627370495.5, 4503599627370496.0),
            (4503599627370497.0, 4503599627370497.0),
            (-2.5000000000000004, -3.0),
            (1e300, 1e300),
        ];
        for &(value, expected) in cases {
            assert_eq!(round(value).to_bits(), expected.to_bits(), "Round({value})");
        }
        assert!(round(f64::NAN).is_nan());
        assert_eq!(round(f64::INFINITY), f64::INFINITY);
        assert_eq!(round(-0.4).to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn libm_functions() {
        assert_eq!(sqrt(2.0), std::f64::consts::SQRT_2);
        assert_eq!(pow(2.0, 10.0), 1024.0);
        // glibc, and so Mono: pow(-1, inf) is 1 (.NET Core says NaN).
        assert_eq!(pow(-1.0, f64::INFINITY), 1.0);
        assert_eq!(log(std::f64::consts::E), 1.0);
        assert_eq!(log10(1000.0), 3.0);
        assert_eq!(floor(-2.5), -3.0);
        assert_eq!(ceiling(-2.5), -2.0);
        assert_eq!(truncate(-2.7), -2.0);
        assert_eq!(truncate(-0.5).to_bits(), (-0.0f64).to_bits());
        assert_eq!(atan2(1.0, 1.0), std::f64::consts::FRAC_PI_4);
        assert_eq!(sin(0.0), 0.0);
        assert_eq!(cos(0.0), 1.0);
        assert!(asin(2.0).is_nan());
    }
}
