using System.Diagnostics;
using System.Text;

namespace System
{
    // A 128-bit identifier, laid out as .NET lays it out (an int, two
    // shorts, eight bytes). NewGuid makes version-4 (random) identifiers
    // from a generator seeded by the clocks: unique in practice, not for
    // cryptographic use.
    public struct Guid : IFormattable, IComparable
    {
        public static readonly Guid Empty = new Guid();

        private readonly int _a;
        private readonly short _b;
        private readonly short _c;
        private readonly byte _d;
        private readonly byte _e;
        private readonly byte _f;
        private readonly byte _g;
        private readonly byte _h;
        private readonly byte _i;
        private readonly byte _j;
        private readonly byte _k;

        public Guid(byte[] b)
        {
            if (b == null)
                throw new ArgumentNullException("b");
            if (b.Length != 16)
                throw new ArgumentException("Byte array for GUID must be exactly 16 bytes long.", "b");
            _a = b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
            _b = (short)(b[4] | (b[5] << 8));
            _c = (short)(b[6] | (b[7] << 8));
            _d = b[8];
            _e = b[9];
            _f = b[10];
            _g = b[11];
            _h = b[12];
            _i = b[13];
            _j = b[14];
            _k = b[15];
        }

        public Guid(int a, short b, short c, byte[] d)
        {
            if (d == null)
                throw new ArgumentNullException("d");
            if (d.Length != 8)
                throw new ArgumentException("Byte array for GUID must be exactly 8 bytes long.", "d");
            _a = a;
            _b = b;
            _c = c;
            _d = d[0];
            _e = d[1];
            _f = d[2];
            _g = d[3];
            _h = d[4];
            _i = d[5];
            _j = d[6];
            _k = d[7];
        }

        public Guid(int a, short b, short c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k)
        {
            _a = a;
            _b = b;
            _c = c;
            _d = d;
            _e = e;
            _f = f;
            _g = g;
            _h = h;
            _i = i;
            _j = j;
            _k = k;
        }

        [CLSCompliant(false)]
        public Guid(uint a, ushort b, ushort c, byte d, byte e, byte f, byte g, byte h, byte i, byte j, byte k)
            : this((int)a, (short)b, (short)c, d, e, f, g, h, i, j, k)
        {
        }

        public Guid(string g)
        {
            this = Parse(g);
        }

        // ----- New identifiers -------------------------------------------------

        private static ulong s_state0;
        private static ulong s_state1;

        // xorshift128+, seeded once from the wall clock and the cycle counter.
        private static ulong NextRandom()
        {
            if (s_state0 == 0 && s_state1 == 0)
            {
                s_state0 = (ulong)DateTime.UtcNow.Ticks * 0x9E3779B97F4A7C15UL | 1;
                s_state1 = (ulong)Stopwatch.GetTimestamp() * 0xBF58476D1CE4E5B9UL ^ 0x94D049BB133111EBUL;
            }
            ulong s1 = s_state0;
            ulong s0 = s_state1;
            s_state0 = s0;
            s1 ^= s1 << 23;
            s_state1 = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
            return s_state1 + s0;
        }

        public static Guid NewGuid()
        {
            byte[] b = new byte[16];
            ulong r1 = NextRandom();
            ulong r2 = NextRandom() ^ (ulong)Stopwatch.GetTimestamp();
            for (int i = 0; i < 8; i++)
            {
                b[i] = (byte)(r1 >> (8 * i));
                b[8 + i] = (byte)(r2 >> (8 * i));
            }
            // Version 4, variant 10xx (RFC 4122).
            b[7] = (byte)((b[7] & 0x0F) | 0x40);
            b[8] = (byte)((b[8] & 0x3F) | 0x80);
            return new Guid(b);
        }

        public byte[] ToByteArray()
        {
            return new byte[]
            {
                (byte)_a, (byte)(_a >> 8), (byte)(_a >> 16), (byte)(_a >> 24),
                (byte)_b, (byte)(_b >> 8), (byte)_c, (byte)(_c >> 8),
                _d, _e, _f, _g, _h, _i, _j, _k,
            };
        }

        // ----- Equality and order ---------------------------------------------

        public override int GetHashCode()
        {
            return _a ^ (((int)_b << 16) | (int)(ushort)_c) ^ (((int)_f << 24) | _k);
        }

        public override bool Equals(object o)
        {
            return o is Guid && Equals((Guid)o);
        }

        public bool Equals(Guid g)
        {
            return g._a == _a && g._b == _b && g._c == _c && g._d == _d && g._e == _e && g._f == _f
                && g._g == _g && g._h == _h && g._i == _i && g._j == _j && g._k == _k;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is Guid))
                throw new ArgumentException("Object must be of type GUID.", "value");
            return CompareTo((Guid)value);
        }

        // Field by field, each as an unsigned number.
        public int CompareTo(Guid value)
        {
            if (value._a != _a)
                return (uint)_a < (uint)value._a ? -1 : 1;
            if (value._b != _b)
                return (ushort)_b < (ushort)value._b ? -1 : 1;
            if (value._c != _c)
                return (ushort)_c < (ushort)value._c ? -1 : 1;
            byte[] mine = { _d, _e, _f, _g, _h, _i, _j, _k };
            byte[] theirs = { value._d, value._e, value._f, value._g, value._h, value._i, value._j, value._k };
            for (int i = 0; i < 8; i++)
            {
                if (mine[i] != theirs[i])
                    return mine[i] < theirs[i] ? -1 : 1;
            }
            return 0;
        }

        public static bool operator ==(Guid a, Guid b)
        {
            return a.Equals(b);
        }

        public static bool operator !=(Guid a, Guid b)
        {
            return !a.Equals(b);
        }

        // ----- Formatting -------------------------------------------------------

        public override string ToString()
        {
            return ToString("D", null);
        }

        public string ToString(string format)
        {
            return ToString(format, null);
        }

        // "D" (the default) 8-4-4-4-12 hex digits, "N" 32 digits, "B" in
        // braces, "P" in parentheses, "X" as C initializer text; lower case.
        public string ToString(string format, IFormatProvider provider)
        {
            if (String.IsNullOrEmpty(format))
                format = "D";
            if (format.Length != 1)
                throw new FormatException("Format String can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
            StringBuilder sb = new StringBuilder(68);
            char f = format[0];
            switch (f)
            {
                case 'D':
                case 'd':
                    AppendD(sb);
                    break;
                case 'N':
                case 'n':
                    Hex(sb, (uint)_a, 8);
                    Hex(sb, (ushort)_b, 4);
                    Hex(sb, (ushort)_c, 4);
                    AppendBytes(sb, false);
                    break;
                case 'B':
                case 'b':
                    sb.Append('{');
                    AppendD(sb);
                    sb.Append('}');
                    break;
                case 'P':
                case 'p':
                    sb.Append('(');
                    AppendD(sb);
                    sb.Append(')');
                    break;
                case 'X':
                case 'x':
                    sb.Append("{0x");
                    Hex(sb, (uint)_a, 8);
                    sb.Append(",0x");
                    Hex(sb, (ushort)_b, 4);
                    sb.Append(",0x");
                    Hex(sb, (ushort)_c, 4);
                    sb.Append(",{");
                    byte[] rest = { _d, _e, _f, _g, _h, _i, _j, _k };
                    for (int i = 0; i < 8; i++)
                    {
                        if (i > 0)
                            sb.Append(',');
                        sb.Append("0x");
                        Hex(sb, rest[i], 2);
                    }
                    sb.Append("}}");
                    break;
                default:
                    throw new FormatException("Format String can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".");
            }
            return sb.ToString();
        }

        private void AppendD(StringBuilder sb)
        {
            Hex(sb, (uint)_a, 8);
            sb.Append('-');
            Hex(sb, (ushort)_b, 4);
            sb.Append('-');
            Hex(sb, (ushort)_c, 4);
            sb.Append('-');
            Hex(sb, _d, 2);
            Hex(sb, _e, 2);
            sb.Append('-');
            AppendBytes(sb, true);
        }

        // The last six bytes (all eight unless `fromF`).
        private void AppendBytes(StringBuilder sb, bool fromF)
        {
            if (!fromF)
            {
                Hex(sb, _d, 2);
                Hex(sb, _e, 2);
            }
            Hex(sb, _f, 2);
            Hex(sb, _g, 2);
            Hex(sb, _h, 2);
            Hex(sb, _i, 2);
            Hex(sb, _j, 2);
            Hex(sb, _k, 2);
        }

        private static void Hex(StringBuilder sb, uint value, int digits)
        {
            const string chars = "0123456789abcdef";
            for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
                sb.Append(chars[(int)((value >> shift) & 15)]);
        }

        // ----- Parsing ------------------------------------------------------------

        // The "D", "N", "B", "P" and "X" forms, with white space around.
        public static Guid Parse(string input)
        {
            if (input == null)
                throw new ArgumentNullException("input");
            Guid result;
            string error = TryParseCore(input.Trim(), null, out result);
            if (error != null)
                throw new FormatException(error);
            return result;
        }

        public static bool TryParse(string input, out Guid result)
        {
            if (input == null)
            {
                result = Empty;
                return false;
            }
            return TryParseCore(input.Trim(), null, out result) == null;
        }

        public static Guid ParseExact(string input, string format)
        {
            if (input == null)
                throw new ArgumentNullException("input");
            if (format == null)
                throw new ArgumentNullException("format");
            Guid result;
            string error = TryParseCore(input.Trim(), format, out result);
            if (error != null)
                throw new FormatException(error);
            return result;
        }

        public static bool TryParseExact(string input, string format, out Guid result)
        {
            if (input == null || format == null)
            {
                result = Empty;
                return false;
            }
            return TryParseCore(input.Trim(), format, out result) == null;
        }

        private const string BadGuid = "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).";

        private static string TryParseCore(string s, string format, out Guid result)
        {
            result = Empty;
            char f;
            if (format != null)
            {
                if (format.Length != 1)
                    return "Format String can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".";
                f = Char.ToUpperInvariant(format[0]);
            }
            else if (s.Length > 0 && s[0] == '{' && s.IndexOf("0x", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                f = 'X';
            }
            else if (s.Length > 0 && s[0] == '{')
            {
                f = 'B';
            }
            else if (s.Length > 0 && s[0] == '(')
            {
                f = 'P';
            }
            else if (s.IndexOf('-') >= 0)
            {
                f = 'D';
            }
            else if (s.Length == 32)
            {
                f = 'N';
            }
            else
            {
                return "Unrecognized Guid format.";
            }
            string digits;
            switch (f)
            {
                case 'N':
                    if (s.Length != 32)
                        return "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).";
                    digits = s;
                    break;
                case 'D':
                    if (s.Length != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
                        return BadGuid;
                    digits = String.Concat(s.Substring(0, 8), s.Substring(9, 4), s.Substring(14, 4), String.Concat(s.Substring(19, 4), s.Substring(24, 12)));
                    break;
                case 'B':
                case 'P':
                    {
                        char open = f == 'B' ? '{' : '(';
                        char close = f == 'B' ? '}' : ')';
                        if (s.Length != 38 || s[0] != open || s[37] != close)
                            return "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).";
                        return TryParseCore(s.Substring(1, 36), "D", out result);
                    }
                case 'X':
                    {
                        // {0xaaaaaaaa,0xbbbb,0xcccc,{0xdd,0xee,0xff,0xgg,0xhh,0xii,0xjj,0xkk}}
                        string inner = s.Replace(" ", "");
                        if (!inner.StartsWith("{") || !inner.EndsWith("}}"))
                            return "Could not find a brace, or the length between the previous token and the brace was zero (i.e., '0x,'etc.).";
                        string[] parts = inner.Substring(1, inner.Length - 3).Replace("{", "").Split(',');
                        if (parts.Length != 11)
                            return "Could not find a comma, or the length between the previous token and the comma was zero (i.e., '0x,'etc.).";
                        int[] widths = { 8, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2 };
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < 11; i++)
                        {
                            string p = parts[i];
                            if (!p.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || p.Length < 3 || p.Length - 2 > widths[i])
                                return "Could not find the '0x' prefix, or a hex value was too long.";
                            sb.Append('0', widths[i] - (p.Length - 2));
                            sb.Append(p, 2, p.Length - 2);
                        }
                        digits = sb.ToString();
                    }
                    break;
                default:
                    return "Format String can be only \"D\", \"d\", \"N\", \"n\", \"P\", \"p\", \"B\", \"b\", \"X\" or \"x\".";
            }
            byte[] bytes = new byte[16];
            for (int i = 0; i < 16; i++)
            {
                int hi = HexValue(digits[2 * i]);
                int lo = HexValue(digits[2 * i + 1]);
                if (hi < 0 || lo < 0)
                    return "Guid string should only contain hexadecimal characters.";
                bytes[i] = (byte)((hi << 4) | lo);
            }
            int a = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
            short b = (short)((bytes[4] << 8) | bytes[5]);
            short c = (short)((bytes[6] << 8) | bytes[7]);
            result = new Guid(a, b, c, bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]);
            return null;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            return -1;
        }
    }
}
