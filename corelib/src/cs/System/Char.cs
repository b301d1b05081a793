using System.Globalization;

namespace System
{
    // A UTF-16 code unit.
    //
    // Classification follows the Unicode general category
    // (CharUnicodeInfo.GetUnicodeCategory), with a fast path for ASCII;
    // case conversion is the invariant culture's.
    //
    // This file is also compiled against Mono's mscorlib by
    // corelib/tests/managed_logic.rs (the struct renamed), which checks
    // every static method for every code unit against Mono's.
    public struct Char : IComparable, IComparable<char>, IEquatable<char>
    {
        // The UTF-16 code unit. The runtime relies on this being the only
        // instance field.
        internal char m_value;

        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;

        // A one-character string. Restricted path (see Number.cs): a static
        // call only.
        public override string ToString()
        {
            return Number.CharToString(m_value);
        }

        public string ToString(IFormatProvider provider)
        {
            return Number.CharToString(m_value);
        }

        public static string ToString(char c)
        {
            return Number.CharToString(c);
        }

        public override bool Equals(object obj)
        {
            if (!(obj is char))
                return false;
            return m_value == (char)obj;
        }

        public bool Equals(char obj)
        {
            return m_value == obj;
        }

        public override int GetHashCode()
        {
            return (int)m_value | ((int)m_value << 16);
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is char))
                throw new ArgumentException("Object must be of type Char.");
            return CompareTo((char)value);
        }

        public int CompareTo(char value)
        {
            return m_value - value;
        }

        // The single character of `s`.
        public static char Parse(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if (s.Length != 1)
                throw new FormatException("String must be exactly one character long.");
            return s[0];
        }

        public static bool TryParse(string s, out char result)
        {
            result = '\0';
            if (s == null || s.Length != 1)
                return false;
            result = s[0];
            return true;
        }

        public static UnicodeCategory GetUnicodeCategory(char c)
        {
            return CharUnicodeInfo.GetUnicodeCategory(c);
        }

        public static UnicodeCategory GetUnicodeCategory(string s, int index)
        {
            return CharUnicodeInfo.GetUnicodeCategory(CharAt(s, index));
        }

        // A decimal digit: '0'-'9' and the other scripts' digits
        // (DecimalDigitNumber).
        public static bool IsDigit(char c)
        {
            if (c < 0x80)
                return c >= '0' && c <= '9';
            return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber;
        }

        // A letter of any kind (categories Lu, Ll, Lt, Lm, Lo).
        public static bool IsLetter(char c)
        {
            if (c < 0x80)
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            return IsLetterCategory(CharUnicodeInfo.GetUnicodeCategory(c));
        }

        public static bool IsLetterOrDigit(char c)
        {
            if (c < 0x80)
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return IsLetterCategory(category) || category == UnicodeCategory.DecimalDigitNumber;
        }

        public static bool IsUpper(char c)
        {
            if (c < 0x80)
                return c >= 'A' && c <= 'Z';
            return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.UppercaseLetter;
        }

        public static bool IsLower(char c)
        {
            if (c < 0x80)
                return c >= 'a' && c <= 'z';
            return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LowercaseLetter;
        }

        // Space, tab, the line breaks (\n \v \f \r, U+0085, U+2028, U+2029)
        // and the other space separators (U+00A0, U+2000-U+200A, ...).
        public static bool IsWhiteSpace(char c)
        {
            if (c == ' ' || (c >= '\t' && c <= '\r'))
                return true;
            if (c < 0x80)
                return false;
            if (c == '\u0085')
                return true;
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category == UnicodeCategory.SpaceSeparator
                || category == UnicodeCategory.LineSeparator
                || category == UnicodeCategory.ParagraphSeparator;
        }

        // Categories Pc, Pd, Ps, Pe, Pi, Pf and Po.
        public static bool IsPunctuation(char c)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category >= UnicodeCategory.ConnectorPunctuation && category <= UnicodeCategory.OtherPunctuation;
        }

        // Categories Sm, Sc, Sk and So.
        public static bool IsSymbol(char c)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category >= UnicodeCategory.MathSymbol && category <= UnicodeCategory.OtherSymbol;
        }

        // Categories Nd, Nl and No.
        public static bool IsNumber(char c)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category >= UnicodeCategory.DecimalDigitNumber && category <= UnicodeCategory.OtherNumber;
        }

        public static bool IsControl(char c)
        {
            return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Control;
        }

        // Categories Zs, Zl and Zp.
        public static bool IsSeparator(char c)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category >= UnicodeCategory.SpaceSeparator && category <= UnicodeCategory.ParagraphSeparator;
        }

        public static bool IsSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDFFF';
        }

        public static bool IsHighSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDBFF';
        }

        public static bool IsLowSurrogate(char c)
        {
            return c >= '\uDC00' && c <= '\uDFFF';
        }

        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate)
        {
            return IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);
        }

        // The string forms test s[index].
        public static bool IsDigit(string s, int index)
        {
            return IsDigit(CharAt(s, index));
        }

        public static bool IsLetter(string s, int index)
        {
            return IsLetter(CharAt(s, index));
        }

        public static bool IsLetterOrDigit(string s, int index)
        {
            return IsLetterOrDigit(CharAt(s, index));
        }

        public static bool IsUpper(string s, int index)
        {
            return IsUpper(CharAt(s, index));
        }

        public static bool IsLower(string s, int index)
        {
            return IsLower(CharAt(s, index));
        }

        public static bool IsWhiteSpace(string s, int index)
        {
            return IsWhiteSpace(CharAt(s, index));
        }

        public static bool IsPunctuation(string s, int index)
        {
            return IsPunctuation(CharAt(s, index));
        }

        public static bool IsSymbol(string s, int index)
        {
            return IsSymbol(CharAt(s, index));
        }

        public static bool IsNumber(string s, int index)
        {
            return IsNumber(CharAt(s, index));
        }

        public static bool IsControl(string s, int index)
        {
            return IsControl(CharAt(s, index));
        }

        public static bool IsSeparator(string s, int index)
        {
            return IsSeparator(CharAt(s, index));
        }

        public static bool IsSurrogate(string s, int index)
        {
            return IsSurrogate(CharAt(s, index));
        }

        // Case conversion. The current culture is always the invariant
        // culture in Osprey, so ToUpper and ToUpperInvariant agree.
        public static char ToUpper(char c)
        {
            return CharUnicodeInfo.ToUpper(c);
        }

        public static char ToLower(char c)
        {
            return CharUnicodeInfo.ToLower(c);
        }

        public static char ToUpperInvariant(char c)
        {
            return CharUnicodeInfo.ToUpper(c);
        }

        public static char ToLowerInvariant(char c)
        {
            return CharUnicodeInfo.ToLower(c);
        }

        private static bool IsLetterCategory(UnicodeCategory category)
        {
            return category <= UnicodeCategory.OtherLetter;
        }

        // s[index], with the exceptions .NET throws for a bad argument.
        private static char CharAt(string s, int index)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if ((uint)index >= (uint)s.Length)
                throw new ArgumentOutOfRangeException("index");
            return s[index];
        }
    }
}
