using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace System
{
    // The rest of String: ICloneable, IConvertible, interning, the pointer
    // constructors, the culture overloads (Osprey's one culture is the
    // invariant one, so they compare ordinally, ignoring case when asked),
    // Normalize (strings are kept as they are: ordinal), the enumerator.
    public sealed partial class String : ICloneable, IConvertible
    {
        // Strings are immutable: the clone is the string itself.
        public object Clone()
        {
            return this;
        }

        // A new string with the same characters (a different object).
        [Obsolete("This API should not be used to create mutable strings. See https://go.microsoft.com/fwlink/?linkid=2084035 for alternatives.")]
        public static string Copy(string str)
        {
            if (str == null)
                throw new ArgumentNullException("str");
            return CopyChars(str.ToCharArray(), 0, str.Length);
        }

        // The intern table. (No lock: corelib has no Monitor yet, so two
        // threads interning at once may race.)
        private static Hashtable s_interned;

        // The one string of the intern table equal to `str` (added if none);
        // literals are interned by the runtime separately.
        public static string Intern(string str)
        {
            if (str == null)
                throw new ArgumentNullException("str");
            if (s_interned == null)
                s_interned = new Hashtable();
            string found = (string)s_interned[str];
            if (found != null)
                return found;
            s_interned[str] = str;
            return str;
        }

        public static string IsInterned(string str)
        {
            if (str == null)
                throw new ArgumentNullException("str");
            return s_interned == null ? null : (string)s_interned[str];
        }

        public static string Concat(object arg0, object arg1, object arg2, object arg3)
        {
            return Concat(new object[] { arg0, arg1, arg2, arg3 });
        }

        public string ToString(IFormatProvider provider)
        {
            return this;
        }

        // ----- Pointer constructors (factories as in String.Construction.cs) --

        [CLSCompliant(false)]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(char* value);

        [CLSCompliant(false)]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(char* value, int startIndex, int length);

        [CLSCompliant(false)]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(sbyte* value);

        [CLSCompliant(false)]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(sbyte* value, int startIndex, int length);

        [CLSCompliant(false)]
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern unsafe String(sbyte* value, int startIndex, int length, Encoding enc);

        // The characters up to the first '\0' (the empty string for null).
        private static unsafe string Ctor(char* value)
        {
            if (value == null)
                return Empty;
            int length = 0;
            while (value[length] != '\0')
                length++;
            return Ctor(value, 0, length);
        }

        private static unsafe string Ctor(char* value, int startIndex, int length)
        {
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (value == null)
            {
                if (length != 0)
                    throw new ArgumentOutOfRangeException("value", "Pointer startIndex and length do not refer to a valid string.");
                return Empty;
            }
            string s = FastAllocateString(length);
            fixed (char* dst = &s._firstChar)
            {
                for (int i = 0; i < length; i++)
                    dst[i] = value[startIndex + i];
            }
            return s;
        }

        // Bytes up to the first 0, decoded as UTF-8 (as .NET Core does).
        private static unsafe string Ctor(sbyte* value)
        {
            if (value == null)
                return Empty;
            int length = 0;
            while (value[length] != 0)
                length++;
            return Ctor(value, 0, length, null);
        }

        private static unsafe string Ctor(sbyte* value, int startIndex, int length)
        {
            return Ctor(value, startIndex, length, null);
        }

        private static unsafe string Ctor(sbyte* value, int startIndex, int length, Encoding enc)
        {
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Length cannot be less than zero.");
            if (startIndex < 0)
                throw new ArgumentOutOfRangeException("startIndex", "StartIndex cannot be less than zero.");
            if (value == null)
            {
                if (length != 0)
                    throw new ArgumentNullException("value");
                return Empty;
            }
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
                bytes[i] = (byte)value[startIndex + i];
            return (enc == null ? new UTF8Encoding(false) : enc).GetString(bytes);
        }

        // ----- Culture overloads (the invariant culture) -------------------

        public bool StartsWith(string value, bool ignoreCase, CultureInfo culture)
        {
            return StartsWith(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        public bool EndsWith(string value, bool ignoreCase, CultureInfo culture)
        {
            return EndsWith(value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        public string ToLower(CultureInfo culture)
        {
            return ToLowerInvariant();
        }

        public string ToUpper(CultureInfo culture)
        {
            return ToUpperInvariant();
        }

        public static int Compare(string strA, string strB, bool ignoreCase, CultureInfo culture)
        {
            return Compare(strA, strB, ignoreCase);
        }

        public static int Compare(string strA, string strB, CultureInfo culture, CompareOptions options)
        {
            return Compare(strA, strB, (options & (CompareOptions.IgnoreCase | CompareOptions.OrdinalIgnoreCase)) != 0);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase, CultureInfo culture)
        {
            return Compare(strA, indexA, strB, indexB, length, ignoreCase);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, CultureInfo culture, CompareOptions options)
        {
            return Compare(strA, indexA, strB, indexB, length, (options & (CompareOptions.IgnoreCase | CompareOptions.OrdinalIgnoreCase)) != 0);
        }

        // Every occurrence of `oldValue` (compared as `comparisonType`
        // says: ordinally, ignoring case for the *IgnoreCase kinds).
        public string Replace(string oldValue, string newValue, StringComparison comparisonType)
        {
            if (oldValue == null)
                throw new ArgumentNullException("oldValue");
            if (oldValue.Length == 0)
                throw new ArgumentException("String cannot be of zero length.", "oldValue");
            if (comparisonType == StringComparison.Ordinal || comparisonType == StringComparison.CurrentCulture || comparisonType == StringComparison.InvariantCulture)
                return Replace(oldValue, newValue);
            StringBuilder sb = null;
            int start = 0;
            int at;
            while ((at = IndexOf(oldValue, start, comparisonType)) >= 0)
            {
                if (sb == null)
                    sb = new StringBuilder(Length);
                sb.Append(this, start, at - start);
                sb.Append(newValue);
                start = at + oldValue.Length;
            }
            if (sb == null)
                return this;
            sb.Append(this, start, Length - start);
            return sb.ToString();
        }

        public string Replace(string oldValue, string newValue, bool ignoreCase, CultureInfo culture)
        {
            return Replace(oldValue, newValue, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }

        // Normalization is not implemented: strings are left as they are.
        public bool IsNormalized()
        {
            return true;
        }

        public bool IsNormalized(NormalizationForm normalizationForm)
        {
            return true;
        }

        public string Normalize()
        {
            return this;
        }

        public string Normalize(NormalizationForm normalizationForm)
        {
            return this;
        }

        // ----- IConvertible ------------------------------------------------

        public TypeCode GetTypeCode()
        {
            return TypeCode.String;
        }

        bool IConvertible.ToBoolean(IFormatProvider provider)
        {
            return Convert.ToBoolean(this, provider);
        }

        char IConvertible.ToChar(IFormatProvider provider)
        {
            return Convert.ToChar(this, provider);
        }

        sbyte IConvertible.ToSByte(IFormatProvider provider)
        {
            return Convert.ToSByte(this, provider);
        }

        byte IConvertible.ToByte(IFormatProvider provider)
        {
            return Convert.ToByte(this, provider);
        }

        short IConvertible.ToInt16(IFormatProvider provider)
        {
            return Convert.ToInt16(this, provider);
        }

        ushort IConvertible.ToUInt16(IFormatProvider provider)
        {
            return Convert.ToUInt16(this, provider);
        }

        int IConvertible.ToInt32(IFormatProvider provider)
        {
            return Convert.ToInt32(this, provider);
        }

        uint IConvertible.ToUInt32(IFormatProvider provider)
        {
            return Convert.ToUInt32(this, provider);
        }

        long IConvertible.ToInt64(IFormatProvider provider)
        {
            return Convert.ToInt64(this, provider);
        }

        ulong IConvertible.ToUInt64(IFormatProvider provider)
        {
            return Convert.ToUInt64(this, provider);
        }

        float IConvertible.ToSingle(IFormatProvider provider)
        {
            return Convert.ToSingle(this, provider);
        }

        double IConvertible.ToDouble(IFormatProvider provider)
        {
            return Convert.ToDouble(this, provider);
        }

        decimal IConvertible.ToDecimal(IFormatProvider provider)
        {
            return Convert.ToDecimal(this, provider);
        }

        DateTime IConvertible.ToDateTime(IFormatProvider provider)
        {
            return Convert.ToDateTime(this, provider);
        }

        object IConvertible.ToType(Type type, IFormatProvider provider)
        {
            return Convert.DefaultToType(this, type, provider);
        }
    }
}

namespace System.Text
{
    public enum NormalizationForm
    {
        FormC = 1,
        FormD = 2,
        FormKC = 5,
        FormKD = 6,
    }
}

namespace System.Globalization
{
    [Flags]
    public enum CompareOptions
    {
        None = 0,
        IgnoreCase = 1,
        IgnoreNonSpace = 2,
        IgnoreSymbols = 4,
        IgnoreKanaType = 8,
        IgnoreWidth = 16,
        OrdinalIgnoreCase = 268435456,
        StringSort = 536870912,
        Ordinal = 1073741824,
    }
}
