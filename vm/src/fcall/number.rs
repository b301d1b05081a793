//! `System.Number` internal calls: the digits of a double.

/// `static unsafe int Number.DoubleToDigits(double value, int precision,
/// char* digits)`: writes the first `precision` significant decimal digits
/// of |value| to `digits` (as UTF-16 '0'-'9') and returns the decimal
/// exponent plus one, so that |value| = 0.d1d2d3... * 10^result (1 for
/// zero). corelib calls it only for finite values and precisions of 7, 9,
/// 15 and 17, with room for `precision` characters.
///
/// The digits are rounded exactly as Mono 6.8's `Number.DoubleToNumber`
/// rounds them: it prints the value with C's `"%.40e"` (the exact value
/// correctly rounded to 41 significant digits, halves to even) and rounds
/// that to `precision` digits by looking at the next digit only (half away
/// from zero). Rust's exact `{:.40e}` formatting prints the same 41 digits.
/// Mono's loop looks at the character after the last copied one, which for
/// `precision` 1 is the decimal point, so a single digit is never rounded
/// up; that quirk is kept.
pub(super) extern "C" fn double_to_digits(value: f64, precision: i32, digits: *mut u16) -> i32 {
    if digits.is_null() || precision <= 0 {
        return 0;
    }
    let (out, scale) = mono_digits(value, precision as usize);
    for (i, &d) in out.iter().enumerate() {
        // SAFETY: corelib passes a pinned buffer of at least `precision`
        // characters.
        unsafe { digits.add(i).write(u16::from(d)) };
    }
    scale
}

/// The `precision` digits (ASCII) and the scale, as documented on
/// [`double_to_digits`]. Non-finite values give zeros and scale 0.
fn mono_digits(value: f64, precision: usize) -> (Vec<u8>, i32) {
    let mut out = vec![b'0'; precision];
    if !value.is_finite() {
        return (out, 0);
    }
    // "d.ddd...e<exponent>": 41 significant digits.
    let text = format!("{:.40e}", value.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mut scale = exponent.parse::<i32>().unwrap_or(0) + 1;

    // Copy digits, skipping the decimal point; `next` is the character
    // after the last one copied (Mono's `src[j]`), if any.
    let chars = mantissa.as_bytes();
    let mut copied = 0;
    let mut j = 0;
    while copied < precision && j < chars.len() {
        if chars[j].is_ascii_digit() {
            out[copied] = chars[j];
            copied += 1;
        }
        j += 1;
    }
    let next = chars.get(j).copied();
    if copied < precision || next.map_or(true, |c| c < b'5') {
        return (out, scale);
    }

    // Round up, carrying through nines.
    let mut i = precision - 1;
    while out[i] == b'9' && i > 0 {
        out[i] = b'0';
        i -= 1;
    }
    if i == 0 && out[0] == b'9' {
        out[0] = b'1';
        scale += 1;
    } else {
        out[i] += 1;
    }
    (out, scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(bits of the double, precision, digits, scale)`, from Mono 6.8:
    /// `d.ToString("E14")` (15 digits), `"E16"` (17) and, for floats,
    /// `f.ToString("E6")` (7) and `"E8"` (9), whose mantissa digits are
    /// exactly what DoubleToNumber produced and whose exponent is the
    /// scale minus one. Special values, then pseudo-random ones.
    const MONO: &[(u64, usize, &str, i32)] = &[
        (0x3FB999999999999A, 15, "100000000000000", 0),
        (0x3FB999999999999A, 17, "10000000000000001", 0),
        (0x3FC999999999999A, 15, "200000000000000", 0),
        (0x3FC999999999999A, 17, "20000000000000001", 0),
        (0x3FD3333333333333, 15, "300000000000000", 0),
        (0x3FD3333333333333, 17, "29999999999999999", 0),
        (0x3FD3333333333334, 15, "300000000000000", 0),
        (0x3FD3333333333334, 17, "30000000000000004", 0),
        (0x3FD5555555555555, 15, "333333333333333", 0),
        (0x3FD5555555555555, 17, "33333333333333331", 0),
        (0x3FE5555555555555, 15, "666666666666667", 0),
        (0x3FE5555555555555, 17, "66666666666666663", 0),
        (0x4415AF1D78B58C40, 15, "100000000000000", 21),
        (0x4415AF1D78B58C40, 17, "10000000000000000", 21),
        (0x437B69B4BA630F35, 15, "123456789012346", 18),
        (0x437B69B4BA630F35, 17, "12345678901234568", 18),
        (0x430C6BF526340000, 15, "100000000000000", 16),
        (0x430C6BF526340000, 17, "10000000000000000", 16),
        (0x4341C37937E08000, 15, "100000000000000", 17),
        (0x4341C37937E08000, 17, "10000000000000000", 17),
        (0x3EE4F8B588E368F1, 15, "100000000000000", -4),
        (0x3EE4F8B588E368F1, 17, "10000000000000001", -4),
        (0x3F1A36E2EB1C432D, 15, "100000000000000", -3),
        (0x3F1A36E2EB1C432D, 17, "10000000000000000", -3),
        (0x3DE49DA7E361CE4C, 15, "150000000000000", -9),
        (0x3DE49DA7E361CE4C, 17, "15000000000000000", -9),
        (0x7FEFFFFFFFFFFFFF, 15, "179769313486232", 309),
        (0x7FEFFFFFFFFFFFFF, 17, "17976931348623157", 309),
        (0x0000000000000001, 15, "494065645841247", -323),
        (0x0000000000000001, 17, "49406564584124654", -323),
        (0x4004000000000000, 15, "250000000000000", 1),
        (0x4004000000000000, 17, "25000000000000000", 1),
        (0x4059000000000000, 15, "100000000000000", 3),
        (0x4059000000000000, 17, "10000000000000000", 3),
        (0x3FE0000000000000, 15, "500000000000000", 0),
        (0x3FE0000000000000, 17, "50000000000000000", 0),
        (0x42FDB31F53AF6028, 15, "522482590873091", 15),
        (0x42FDB31F53AF6028, 17, "52248259087309050", 15),
        (0x43302F22047B57E5, 15, "455542277795633", 16),
        (0x43302F22047B57E5, 17, "45554227779563250", 16),
        (0x2B18E54F5500E973, 15, "444617483271523", -100),
        (0x2B18E54F5500E973, 17, "44461748327152350", -100),
        (0x44B52D02C7E14AF6, 15, "100000000000000", 24),
        (0x44B52D02C7E14AF6, 17, "99999999999999992", 23),
        (0x44B52D02C7E14AF6, 15, "100000000000000", 24),
        (0x44B52D02C7E14AF6, 17, "99999999999999992", 23),
        (0xBFF4000000000000, 15, "125000000000000", 1),
        (0xBFF4000000000000, 17, "12500000000000000", 1),
        (0x0000000000000001, 15, "494065645841247", -323),
        (0x0000000000000001, 17, "49406564584124654", -323),
        (0x0010000000000000, 15, "222507385850720", -307),
        (0x0010000000000000, 17, "22250738585072014", -307),
        (0x43B12210F47DE981, 15, "123456789012346", 19),
        (0x43B12210F47DE981, 17, "12345678901234568", 19),
        (0x3FC3333333333333, 15, "150000000000000", 0),
        (0x3FC3333333333333, 17, "14999999999999999", 0),
        (0x3FD0000000000000, 15, "250000000000000", 0),
        (0x3FD0000000000000, 17, "25000000000000000", 0),
        (0x3FD6666666666666, 15, "350000000000000", 0),
        (0x3FD6666666666666, 17, "34999999999999998", 0),
        (0x4023000000000000, 15, "950000000000000", 1),
        (0x4023000000000000, 17, "95000000000000000", 1),
        (0x4058E00000000000, 15, "995000000000000", 2),
        (0x4058E00000000000, 17, "99500000000000000", 2),
        (0x430C6BF52633FFFC, 15, "100000000000000", 16),
        (0x430C6BF52633FFFC, 17, "99999999999999950", 15),
        (0x3FEFFFFFFFFFFFFF, 15, "100000000000000", 1),
        (0x3FEFFFFFFFFFFFFF, 17, "99999999999999989", 0),
        (0x3FB99999A0000000, 7, "1000000", 0),
        (0x3FB99999A0000000, 9, "100000001", 0),
        (0x3FD5555560000000, 7, "3333333", 0),
        (0x3FD5555560000000, 9, "333333343", 0),
        (0x4170000000000000, 7, "1677722", 8),
        (0x4170000000000000, 9, "167772160", 8),
        (0x47EFFFFFE0000000, 7, "3402823", 39),
        (0x47EFFFFFE0000000, 9, "340282347", 39),
        (0x36A0000000000000, 7, "1401298", -44),
        (0x36A0000000000000, 9, "140129846", -44),
        (0x3FD3333340000000, 7, "3000000", 0),
        (0x3FD3333340000000, 9, "300000012", 0),
        (0x3FF8000000000000, 7, "1500000", 1),
        (0x3FF8000000000000, 9, "150000000", 1),
        (0x401C000000000000, 7, "7000000", 1),
        (0x401C000000000000, 9, "700000000", 1),
        (0x056D9C28A9741A02, 15, "159298769411252", -281),
        (0x06AD14D4430C32B6, 17, "16405473275589804", -275),
        (0x4118DA6000000000, 7, "4071920", 6),
        (0x412E6B8000000000, 7, "9968000", 6),
        (0x3CA10C145535098F, 15, "118288609841399", -15),
        (0x1E66E2665154E05C, 15, "317915262290356", -161),
        (0x3A86D597E9FDDE9C, 17, "92227202245274984", -26),
        (0x210665ED06C80221, 17, "13684983352230840", -148),
        (0x4115CC0000000000, 7, "3571200", 6),
        (0x36A0000000000000, 7, "1401298", -44),
        (0x3F0E5A8E8A548847, 15, "578951597083465", -4),
        (0x5D0032063244D097, 15, "964317101992764", 140),
        (0x30AA1FAB0CEA9CF6, 15, "288779147603646", -73),
        (0x332D875F5B54B44F, 17, "35890266784525581", -61),
        (0x4E0D0726096CA6FA, 15, "978239108533508", 68),
        (0x442B009688E68137, 15, "249052230880128", 21),
        (0x21231ACA8F9BE1F5, 15, "466908001484808", -148),
        (0x7CA19F2B96AE0B76, 17, "21981385409994280", 293),
        (0x468112FB3EAF4AE0, 17, "43288103338249558", 32),
        (0x778EDD7DD2B6AC75, 17, "79618735225818802", 268),
        (0x27A3A789A9EC7C6D, 17, "97425462031751438", -117),
        (0x3CC6ABCB80000000, 7, "6292487", -15),
        (0x4124290000000000, 7, "6606080", 6),
        (0x4111100000000000, 7, "2795520", 6),
        (0x17A391CE01F3892E, 15, "837748475344009", -194),
        (0x2EE6453C5B4FE5BC, 17, "91710748276629180", -82),
        (0x3C0F74A620000000, 7, "2131518", -18),
        (0x40D8F00000000000, 7, "2553600", 5),
        (0x3981070360000000, 7, "1049394", -30),
        (0x4107C20000000000, 7, "1946240", 6),
        (0x4123AC8000000000, 7, "6446720", 6),
        (0x40F7AC0000000000, 7, "9696000", 5),
        (0x4119450000000000, 7, "4140160", 6),
        (0x41263A0000000000, 7, "7283200", 6),
        (0x068B3DDACC72D755, 15, "384190773019232", -276),
        (0x69CA7BF6B0C347BB, 17, "40544739620152955", 202),
        (0x2E83CFBD9A6C4FF4, 17, "12747596196622304", -83),
        (0x3FC9536220000000, 7, "1978572", 0),
        (0x41260A8000000000, 7, "7222400", 6),
        (0x7C09F2701340DD13, 15, "316077354011758", 290),
        (0x7C232E1EC8217869, 15, "934583273139447", 290),
        (0x742A9330D35000D9, 15, "380538916981211", 252),
        (0x4680FD930BDDB698, 15, "430760984270218", 32),
        (0x2A2221383B9EABF5, 15, "988106345988507", -105),
        (0x37C7DE7CEEF9CBE2, 17, "54800751876968115", -39),
        (0x2AC9537191C080F5, 17, "14134396212508108", -101),
        (0x4122768000000000, 7, "6049920", 6),
        (0x430F59D9E2BE4B78, 15, "110306457811595", 16),
        (0x73EE4248E45AE9EE, 15, "270807012004741", 251),
        (0x5B2C4C55F16FE7BD, 15, "156923047592318", 132),
        (0x6C2A649A13E77732, 15, "111064512652931", 214),
        (0x08AE355D5A43355C, 15, "731917917257507", -266),
        (0x65CBB80BDEFD6436, 17, "23004027261897978", 183),
    ];

    #[test]
    fn digits_match_mono() {
        for &(bits, precision, digits, scale) in MONO {
            let value = f64::from_bits(bits);
            let (out, got_scale) = mono_digits(value, precision);
            assert_eq!(
                (std::str::from_utf8(&out).unwrap(), got_scale),
                (digits, scale),
                "{value:e} to {precision} digits"
            );
        }
    }

    #[test]
    fn negative_values_give_the_digits_of_the_magnitude() {
        assert_eq!(mono_digits(-1.25, 15), mono_digits(1.25, 15));
        assert_eq!(mono_digits(-0.0, 15), (vec![b'0'; 15], 1));
    }

    #[test]
    fn rounding() {
        let text = |(digits, scale): (Vec<u8>, i32)| (String::from_utf8(digits).unwrap(), scale);
        // A carry into a new digit.
        assert_eq!(
            text(mono_digits(999999999999999.5, 15)),
            ("100000000000000".to_owned(), 16)
        );
        // Halves round away from zero: 0.125 to 2 digits is 0.13.
        assert_eq!(text(mono_digits(0.125, 2)), ("13".to_owned(), 0));
        // One digit: Mono never rounds (it looks at the '.').
        assert_eq!(text(mono_digits(0.96, 1)), ("9".to_owned(), 0));
        // More digits than "%.40e" prints: zeros, no rounding.
        assert_eq!(text(mono_digits(0.1, 45)).0.len(), 45);
    }

    #[test]
    fn writes_utf16_digits() {
        let mut buffer = [0u16; 17];
        let scale = double_to_digits(0.1, 17, buffer.as_mut_ptr());
        let text: String = buffer.iter().map(|&c| c as u8 as char).collect();
        assert_eq!((text.as_str(), scale), ("10000000000000001", 0));
        assert_eq!(double_to_digits(1.0, 0, buffer.as_mut_ptr()), 0);
    }
}
