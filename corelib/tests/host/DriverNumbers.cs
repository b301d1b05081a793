// Number formatting and parsing: corelib's Number (compiled into this
// driver, see managed_logic.rs) against Mono's ToString and Parse.

using System;
using System.Collections.Generic;
using System.Globalization;

internal static class NumberTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly string[] IntegerFormats =
    {
        null, "", "G", "g", "G0", "G1", "G3", "G10", "G20", "D", "d", "D0", "D1", "D5", "D10", "D20", "D99",
        "X", "x", "X1", "X4", "X8", "X16", "x20", "N", "N0", "N1", "N3", "n2", "F", "F0", "F3", "f1",
        "E", "E0", "E2", "e5", "E20", "P", "P0", "P3", "C", "C0", "C3", "R", "Z", "D100", "X-1", "Q1",
        "0", "00000", "#", "#,##0", "0.00", "#,#", "0.0e+00", "#.##%", "00;(00);zero", ";;", "'abc'0",
        "\\#0", "0,", "0,,", "#,##0,", "0\u2030", "E-1", "N+", "#.#E0", "0.00E-00", "#;", "x0;y0",
    };

    private static readonly string[] DoubleFormats =
    {
        null, "", "R", "r", "G", "g", "G1", "G2", "G5", "G10", "G15", "G16", "G17", "G20", "E", "e", "E0",
        "E1", "E3", "E10", "E14", "E15", "E16", "E20", "F", "F0", "F1", "F2", "F5", "F10", "F20", "N", "N0",
        "N2", "N5", "P", "P0", "P2", "C", "C2", "X", "D", "0", "0.00", "#.##", "#,##0.00", "0.###E+0",
        "0.0e-00", "00.00;(00.00);zero", "#%", "0.0\u2030", "#,#", "0,,", "'x'0.0", "0.000000000000000000000",
        "#,##0.###", "0.#", "E-2",
    };

    internal static void Run()
    {
        IntegerFormatting();
        DoubleFormatting();
        IntegerParsing();
        DoubleParsing();
        BooleanParsing();
    }

    private static void Check(string label, string ours, string mono)
    {
        Driver.Check(label, ours, mono);
    }

    private static string Try(Func<string> f)
    {
        return Driver.Try(f);
    }

    // Around every power of ten, the extremes, and random values.
    private static List<long> SignedValues(long min, long max, int randomCount)
    {
        List<long> values = new List<long> { 0, 1, -1, 5, -5, 9, 10, 99, 100, 255, 999, 1000, 1234, -1234, 12345, 65535, 123456789 };
        long p = 1;
        for (int i = 0; i < 19; i++)
        {
            values.Add(p - 1);
            values.Add(p);
            values.Add(-p);
            values.Add(p * 5 / 10);
            if (p > long.MaxValue / 10)
                break;
            p *= 10;
        }
        values.Add(max);
        values.Add(min);
        values.Add(max - 1);
        values.Add(min + 1);
        for (int i = 0; i < randomCount; i++)
        {
            ulong r = Driver.Random();
            values.Add((long)(r >> (int)(r % 64)) * ((r & 1) == 0 ? 1 : -1));
        }
        List<long> result = new List<long>();
        foreach (long v in values)
        {
            if (v >= min && v <= max)
                result.Add(v);
        }
        return result;
    }

    private static void IntegerFormatting()
    {
        foreach (long l in SignedValues(int.MinValue, int.MaxValue, 40))
        {
            int v = (int)l;
            foreach (string f in IntegerFormats)
                Check("format-int32 " + v + " " + Driver.Show(f), Try(() => Number.FormatInt32(v, f)), Try(() => v.ToString(f, Invariant)));
        }
        foreach (long l in SignedValues(0, uint.MaxValue, 15))
        {
            uint v = (uint)l;
            foreach (string f in IntegerFormats)
                Check("format-uint32 " + v + " " + Driver.Show(f), Try(() => Number.FormatUInt32(v, f)), Try(() => v.ToString(f, Invariant)));
        }
        foreach (long v in SignedValues(long.MinValue, long.MaxValue, 40))
        {
            foreach (string f in IntegerFormats)
                Check("format-int64 " + v + " " + Driver.Show(f), Try(() => Number.FormatInt64(v, f)), Try(() => v.ToString(f, Invariant)));
        }
        List<ulong> unsigned = new List<ulong> { ulong.MaxValue, ulong.MaxValue - 1, 10000000000000000000UL, 9999999999999999999UL };
        foreach (long l in SignedValues(0, long.MaxValue, 15))
            unsigned.Add((ulong)l);
        foreach (ulong v in unsigned)
        {
            foreach (string f in IntegerFormats)
                Check("format-uint64 " + v + " " + Driver.Show(f), Try(() => Number.FormatUInt64(v, f)), Try(() => v.ToString(f, Invariant)));
        }
    }

    // Doubles of every kind: special values, powers of ten and their
    // neighbours, halves (which round in the formats), decimal-looking
    // values, integers, subnormals and random bit patterns.
    internal static List<double> InterestingDoubles(int randomCount)
    {
        List<double> values = new List<double>
        {
            0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue,
            double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 2.2250738585072009E-308, 0.1, 0.2, 0.3, 0.1 + 0.2,
            1.0 / 3, 2.0 / 3, 1e20, 1e21, 123456789012345678.0, 1e15, 1e16, 1e17, 1e-5, 1e-4, 0.0001, 1.5e-10, 2.5, 0.5,
            1.5, 0.125, 0.375, 100, 0.05, 0.15, 0.25, 0.35, 0.45, 9.5, 99.5, 999999999999999.5, 0.9999999999999999,
            1234567.891, -1234.5678, 4.9e-324, 1e23, 9.999999999999999e22, 522482590873090.5, 4555422777956325.0,
            1e-300, 1e300, 0.000123456789, 123456789.123456789, 1.7976931348623157E+308, 3.14159265358979, Math.PI,
            Math.E, 299792458, 6.02214076e23, 1.602176634e-19, 0.999, 0.9995, 9.9999, 99999.5,
        };
        double p = 1;
        for (int i = 0; i <= 25; i++)
        {
            values.Add(p);
            values.Add(1 / p);
            values.Add(p * 1.5);
            values.Add(-p / 3);
            p *= 10;
        }
        for (int i = 0; i < randomCount; i++)
        {
            ulong r = Driver.Random();
            switch ((int)(r % 5))
            {
                case 0:
                    values.Add(BitConverter.Int64BitsToDouble((long)Driver.Random()));
                    break;
                case 1:
                {
                    // Moderate exponents.
                    long bits = (long)(((ulong)(1023 - 40 + (long)(r >> 8) % 80) << 52) | (Driver.Random() >> 12));
                    values.Add(BitConverter.Int64BitsToDouble(bits) * ((r & 0x80) == 0 ? 1 : -1));
                    break;
                }
                case 2:
                {
                    // Short decimals: n / 10^k.
                    long n = (long)(Driver.Random() % 100000000);
                    int k = (int)(r >> 10) % 12;
                    values.Add(n / Math.Pow(10, k));
                    break;
                }
                case 3:
                    // Halves.
                    values.Add(((long)(Driver.Random() % 2000000) - 1000000) + 0.5);
                    break;
                default:
                    // Subnormals and huge values.
                    values.Add(BitConverter.Int64BitsToDouble((long)(Driver.Random() >> 12)) * ((r & 0x40) == 0 ? 1 : 1e300));
                    break;
            }
        }
        return values;
    }

    private static void DoubleFormatting()
    {
        foreach (double d in InterestingDoubles(300))
        {
            double v = d;
            string shown = Driver.Show(v);
            foreach (string f in DoubleFormats)
                Check("format-double " + shown + " " + Driver.Show(f), Try(() => Number.FormatDouble(v, f)), Try(() => v.ToString(f, Invariant)));
        }
        foreach (double d in InterestingDoubles(20000))
        {
            double v = d;
            Check("double-tostring " + Driver.Show(v), Number.FormatDouble(v, null), v.ToString(Invariant));
        }
        List<float> floats = new List<float> { 0.1f, 1f / 3, 16777216f, 16777217f, float.MaxValue, float.MinValue, float.Epsilon, 1e-45f, 0.3f, 1.5f, 7f, 1e20f, 123456.7f, float.NaN, float.PositiveInfinity, -0.0f };
        foreach (double d in InterestingDoubles(3000))
            floats.Add((float)d);
        foreach (float f in floats)
        {
            float v = f;
            Check("single-tostring " + Driver.Show(v), Number.FormatSingle(v, null), v.ToString(Invariant));
        }
        for (int i = 0; i < 60; i++)
        {
            float v = floats[(i * 37) % floats.Count];
            foreach (string format in DoubleFormats)
                Check("format-single " + Driver.Show(v) + " " + Driver.Show(format), Try(() => Number.FormatSingle(v, format)), Try(() => v.ToString(format, Invariant)));
        }
    }

    private static readonly string[] IntegerStrings =
    {
        "0", "1", "-1", "+1", " 12 ", "\t-7\n", "\r\n\v\f 8", "00000000000000000001", "99999999999",
        "99999999999x", "99999999999 ", "99999999999 x", "", " ", "-", "+", "1 2", "1e3", "1.0", "0x10",
        "\u0661\u0662", "1\0", "1\0x", "1 \0", "1\0 ", "--1", "+-1", "- 1", "\uFF11", null, "-0", "+0", "abc",
        "1,000", " +0 ", "\u00A05", "5\u00A0", "12345678901234567890", "123456789012345678901234567890",
        "-12345678901234567890", "0000000000000000000000000000000000000042", "-00", "2 ", " 2", "1_0",
    };

    private static void IntegerParsing()
    {
        List<string> strings = new List<string>(IntegerStrings);
        foreach (long v in SignedValues(long.MinValue, long.MaxValue, 30))
        {
            strings.Add(v.ToString(Invariant));
            strings.Add(" " + v.ToString(Invariant) + "\t");
            if (v >= 0)
                strings.Add("+" + v.ToString(Invariant));
        }
        foreach (string boundary in new string[] { "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967295", "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "32767", "32768", "-32768", "-32769", "65535", "65536", "127", "128", "-128", "-129", "255", "256" })
            strings.Add(boundary);

        foreach (string str in strings)
        {
            string s = str;
            string shown = Driver.Show(s);
            Check("parse-int32 " + shown, Try(() => Number.ParseInt32(s).ToString()), Try(() => int.Parse(s).ToString()));
            Check("parse-int32 try " + shown, Try(() => { int r; bool ok = Number.TryParseInt32(s, out r); return ok + " " + r; }), Try(() => { int r; bool ok = int.TryParse(s, out r); return ok + " " + r; }));
            Check("parse-uint32 " + shown, Try(() => Number.ParseUInt32(s).ToString()), Try(() => uint.Parse(s).ToString()));
            Check("parse-uint32 try " + shown, Try(() => { uint r; bool ok = Number.TryParseUInt32(s, out r); return ok + " " + r; }), Try(() => { uint r; bool ok = uint.TryParse(s, out r); return ok + " " + r; }));
            Check("parse-int64 " + shown, Try(() => Number.ParseInt64(s).ToString()), Try(() => long.Parse(s).ToString()));
            Check("parse-int64 try " + shown, Try(() => { long r; bool ok = Number.TryParseInt64(s, out r); return ok + " " + r; }), Try(() => { long r; bool ok = long.TryParse(s, out r); return ok + " " + r; }));
            Check("parse-uint64 " + shown, Try(() => Number.ParseUInt64(s).ToString()), Try(() => ulong.Parse(s).ToString()));
            Check("parse-uint64 try " + shown, Try(() => { ulong r; bool ok = Number.TryParseUInt64(s, out r); return ok + " " + r; }), Try(() => { ulong r; bool ok = ulong.TryParse(s, out r); return ok + " " + r; }));
            // The small types, as Int16.cs, UInt16.cs, SByte.cs and Byte.cs
            // call Number.
            Check("parse-small short " + shown, Try(() => Number.ParseSmallInteger(s, -32768, 32767, "Value was either too large or too small for an Int16.").ToString()), Try(() => short.Parse(s).ToString()));
            Check("parse-small ushort " + shown, Try(() => Number.ParseSmallInteger(s, 0, 65535, "Value was either too large or too small for a UInt16.").ToString()), Try(() => ushort.Parse(s).ToString()));
            Check("parse-small sbyte " + shown, Try(() => Number.ParseSmallInteger(s, -128, 127, "Value was either too large or too small for a signed byte.").ToString()), Try(() => sbyte.Parse(s).ToString()));
            Check("parse-small byte " + shown, Try(() => Number.ParseSmallInteger(s, 0, 255, "Value was either too large or too small for an unsigned byte.").ToString()), Try(() => byte.Parse(s).ToString()));
            Check("parse-small try short " + shown, Try(() => { int r; bool ok = Number.TryParseSmallInteger(s, -32768, 32767, out r); return ok + " " + r; }), Try(() => { short r; bool ok = short.TryParse(s, out r); return ok + " " + r; }));
            Check("parse-small try byte " + shown, Try(() => { int r; bool ok = Number.TryParseSmallInteger(s, 0, 255, out r); return ok + " " + r; }), Try(() => { byte r; bool ok = byte.TryParse(s, out r); return ok + " " + r; }));
        }
    }

    private static readonly string[] DoubleStrings =
    {
        "1e400", "-1e400", "1e40", "Infinity", "-Infinity", "NaN", "+Infinity", "infinity", "  NaN ", " \u00A0NaN\u2000",
        "1,000.5", "1e", ".5", "5.", "-", "", " ", "1_000", "0x10", "1e-400", "  -12.5e+3  ", "\t7\n",
        "1.7976931348623157E+308", "1.7976931348623159E+308", "1.7976931348623158E+308", "4.9e-324",
        "2.4703282292062328e-324", "2.4703282292062327e-324", "12345678901234567890123", "0.1", "+5", "- 5", "5-",
        "(5)", "1e1000000", "--5", "1\0", "1\0x", "\u22125", "-0", "00012", "1.2.3", "1,,2", ",1", "1e+", "1e-",
        "Infinityx", "+NaN", "-NaN", "1E5", "\u00A05", "0.30000000000000004", "3.4028235E+38", "3.4028236E+38",
        "3.40282357E+38", "1.17549435E-38", "1.401298E-45", "7.006492E-46", "1.234567890123456789012345678901234567890e-10",
        "123456789012345678901234567890123456789012345678901234567890", "0.000000000000000000000000000000000000001",
        ".", "-.", "-.5", "5.e3", "1,2.3", "1.2,3", "1e3.5", "1 e3", "e3", "0e0", "-0.0", "00.00e-5", "9007199254740993",
        "9007199254740992.5", "1e308", "1e309", "1e-323", "1e-324", "1e-325", "2.225073858507201e-308", null,
    };

    private static void DoubleParsing()
    {
        List<string> strings = new List<string>(DoubleStrings);
        foreach (double d in InterestingDoubles(500))
        {
            strings.Add(d.ToString("R", Invariant));
            strings.Add(d.ToString("E16", Invariant));
            strings.Add(d.ToString(Invariant));
        }
        // Digit strings of every length, with points and exponents.
        for (int i = 0; i < 600; i++)
        {
            ulong r = Driver.Random();
            int length = 1 + (int)(r % 30);
            char[] digits = new char[length];
            for (int k = 0; k < length; k++)
                digits[k] = (char)('0' + (int)(Driver.Random() % 10));
            string s = new string(digits);
            int point = (int)((r >> 8) % (ulong)(length + 1));
            if ((r & 0x10000) != 0)
                s = s.Substring(0, point) + "." + s.Substring(point);
            if ((r & 0x20000) != 0)
                s = s + "e" + ((int)((r >> 20) % 700) - 350).ToString(Invariant);
            if ((r & 0x40000) != 0)
                s = "-" + s;
            strings.Add(s);
        }

        foreach (string str in strings)
        {
            string s = str;
            string shown = Driver.Show(s);
            Check("parse-double " + shown, Try(() => Driver.Show(Number.ParseDouble(s))), Try(() => Driver.Show(double.Parse(s, Invariant))));
            Check("parse-double try " + shown, Try(() => { double r; bool ok = Number.TryParseDouble(s, out r); return ok + " " + Driver.Show(r); }), Try(() => { double r; bool ok = double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, Invariant, out r); return ok + " " + Driver.Show(r); }));
        }
        for (int i = 0; i < strings.Count; i += 3)
        {
            string s = strings[i];
            string shown = Driver.Show(s);
            Check("parse-single " + shown, Try(() => Driver.Show(Number.ParseSingle(s))), Try(() => Driver.Show(float.Parse(s, Invariant))));
            Check("parse-single try " + shown, Try(() => { float r; bool ok = Number.TryParseSingle(s, out r); return ok + " " + Driver.Show(r); }), Try(() => { float r; bool ok = float.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, Invariant, out r); return ok + " " + Driver.Show(r); }));
        }

        // What corelib prints with "R" reads back as Mono reads it.
        foreach (double d in InterestingDoubles(5000))
        {
            double v = d;
            Check("roundtrip-double " + Driver.Show(v), Try(() => Driver.Show(Number.ParseDouble(Number.FormatDouble(v, "R")))), Try(() => Driver.Show(double.Parse(v.ToString("R", Invariant), Invariant))));
        }
    }

    private static void BooleanParsing()
    {
        foreach (string str in new string[] { "True", "true", "TRUE", " True ", "\0false\0", "False", "false ", "\u00A0true\u2028", "yes", "", null, "Tru", "True!", "1", "0", "t", "\ttrue\n", "\0", " ", "fAlSe", "true\0x" })
        {
            string s = str;
            Check("parse-bool " + Driver.Show(s), Try(() => { bool r; bool ok = Number.TryParseBoolean(s, out r); return ok + " " + r; }), Try(() => { bool r; bool ok = bool.TryParse(s, out r); return ok + " " + r; }));
        }
    }
}
