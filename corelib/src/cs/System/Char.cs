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
    public struct Char : IComparable, IConvertible, IComparable<char>, IEquatable<char>
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
        public static bool IsHighSurrogate(string s, int index)
        {
            CheckIndex(s, index);
            return IsHighSurrogate(s[index]);
        }

        public static bool IsLowSurrogate(string s, int index)
        {
            CheckIndex(s, index);
            return IsLowSurrogate(s[index]);
        }

        public static bool IsSurrogatePair(string s, int index)
        {
            CheckIndex(s, index);
            return index + 1 < s.Length && IsSurrogatePair(s[index], s[index + 1]);
        }

        private static void CheckIndex(string s, int index)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if ((uint)index >= (uint)s.Length)
                throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
        }

        // The code point as a string: one character, or a surrogate pair.
        public static string ConvertFromUtf32(int utf32)
        {
            if (utf32 < 0 || utf32 > 0x10FFFF || (utf32 >= 0xD800 && utf32 <= 0xDFFF))
                throw new ArgumentOutOfRangeException("utf32", "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).");
            if (utf32 < 0x10000)
                return ToString((char)utf32);
            utf32 -= 0x10000;
            return String.Concat(ToString((char)(0xD800 + (utf32 >> 10))), ToString((char)(0xDC00 + (utf32 & 0x3FF))));
        }

        public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
        {
            if (!IsHighSurrogate(highSurrogate))
                throw new ArgumentOutOfRangeException("highSurrogate", "A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.");
            if (!IsLowSurrogate(lowSurrogate))
                throw new ArgumentOutOfRangeException("lowSurrogate", "A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.");
            return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
        }

        public static int ConvertToUtf32(string s, int index)
        {
            CheckIndex(s, index);
            char c = s[index];
            if (IsHighSurrogate(c))
            {
                if (index + 1 < s.Length && IsLowSurrogate(s[index + 1]))
                    return ConvertToUtf32(c, s[index + 1]);
                throw new ArgumentException(String.Concat("Found a high surrogate char without a following low surrogate at index: ", index.ToString(), ". The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters."), "s");
            }
            if (IsLowSurrogate(c))
                throw new ArgumentException(String.Concat("Found a low surrogate char without a preceding high surrogate at index: ", index.ToString(), ". The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters."), "s");
            return c;
        }

        // The value of a decimal digit (of any script: its place in its run
        // of ten digits), of the superscripts one to three and of the common
        // vulgar fractions; -1 for other characters.
        public static double GetNumericValue(char c)
        {
            switch (c)
            {
                case '\u00B2':
                    return 2;
                case '\u00B3':
                    return 3;
                case '\u00B9':
                    return 1;
                case '\u00BC':
                    return 0.25;
                case '\u00BD':
                    return 0.5;
                case '\u00BE':
                    return 0.75;
            }
            if (GetUnicodeCategory(c) != UnicodeCategory.DecimalDigitNumber)
                return -1;
            int start = c;
            while (start > 0 && c - start < 9 && GetUnicodeCategory((char)(start - 1)) == UnicodeCategory.DecimalDigitNumber)
                start--;
            return (c - start) % 10;
        }

        public static double GetNumericValue(string s, int index)
        {
            CheckIndex(s, index);
            return GetNumericValue(s[index]);
        }

        public static char ToUpper(char c, CultureInfo culture)
        {
            return ToUpperInvariant(c);
        }

        public static char ToLower(char c, CultureInfo culture)
        {
            return ToLowerInvariant(c);
        }

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

        // ----- Generated by corelib/tools/gen_convertible.py: do not edit below -----

        public TypeCode GetTypeCode()
        {
            return TypeCode.Char;
        }

        bool IConvertible.ToBoolean(IFormatProvider provider)
        {
            return Convert.ToBoolean(m_value);
        }

        char IConvertible.ToChar(IFormatProvider provider)
        {
            return Convert.ToChar(m_value);
        }

        sbyte IConvertible.ToSByte(IFormatProvider provider)
        {
            return Convert.ToSByte(m_value);
        }

        byte IConvertible.ToByte(IFormatProvider provider)
        {
            return Convert.ToByte(m_value);
        }

        short IConvertible.ToInt16(IFormatProvider provider)
        {
            return Convert.ToInt16(m_value);
        }

        ushort IConvertible.ToUInt16(IFormatProvider provider)
        {
            return Convert.ToUInt16(m_value);
        }

        int IConvertible.ToInt32(IFormatProvider provider)
        {
            return Convert.ToInt32(m_value);
        }

        uint IConvertible.ToUInt32(IFormatProvider provider)
        {
            return Convert.ToUInt32(m_value);
        }

        long IConvertible.ToInt64(IFormatProvider provider)
        {
            return Convert.ToInt64(m_value);
        }

        ulong IConvertible.ToUInt64(IFormatProvider provider)
        {
            return Convert.ToUInt64(m_value);
        }

        float IConvertible.ToSingle(IFormatProvider provider)
        {
            return Convert.ToSingle(m_value);
        }

        double IConvertible.ToDouble(IFormatProvider provider)
        {
            return Convert.ToDouble(m_value);
        }

        decimal IConvertible.ToDecimal(IFormatProvider provider)
        {
            return Convert.ToDecimal(m_value);
        }

        DateTime IConvertible.ToDateTime(IFormatProvider provider)
        {
            return Convert.ToDateTime(m_value);
        }

        object IConvertible.ToType(Type type, IFormatProvider provider)
        {
            return Convert.DefaultToType(this, type, provider);
        }
        // ----- End of the generated part -----
    }
}
