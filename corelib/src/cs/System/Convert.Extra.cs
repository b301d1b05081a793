using System.Globalization;
using System.Text;

namespace System
{
    // The rest of Convert: ChangeType, IConvertible's default ToType, bases
    // 2/8/16, Base64. (Convert.cs has the conversions shared with the
    // managed-logic test; Convert.Generated.cs the overloads between the
    // base types.)
    public static partial class Convert
    {
        public static readonly object DBNull = System.DBNull.Value;

        internal static InvalidCastException InvalidCast(string from, string to)
        {
            return new InvalidCastException(String.Concat("Invalid cast from '", from, "' to '", to, "'."));
        }

        // Rounds half to even, then checks the range.
        private static uint ToUInt32Rounded(double value)
        {
            if (value >= -0.5 && value < 4294967295.5)
            {
                uint result = (uint)value;
                double dif = value - result;
                if (dif > 0.5 || (dif == 0.5 && (result & 1) != 0))
                    result++;
                return result;
            }
            throw new OverflowException("Value was either too large or too small for a UInt32.");
        }

        public static TypeCode GetTypeCode(object value)
        {
            if (value == null)
                return TypeCode.Empty;
            IConvertible c = value as IConvertible;
            return c != null ? c.GetTypeCode() : TypeCode.Object;
        }

        public static bool IsDBNull(object value)
        {
            return value == System.DBNull.Value;
        }

        public static string ToString(object value, IFormatProvider provider)
        {
            IConvertible ic = value as IConvertible;
            if (ic != null)
                return ic.ToString(provider);
            IFormattable formattable = value as IFormattable;
            if (formattable != null)
                return formattable.ToString(null, provider);
            return value == null ? String.Empty : value.ToString();
        }

        // What IConvertible.ToType does for the base types: the conversion
        // the target type names, or InvalidCastException.
        internal static object DefaultToType(IConvertible value, Type targetType, IFormatProvider provider)
        {
            if (targetType == null)
                throw new ArgumentNullException("targetType");
            if (value.GetType() == targetType)
                return value;
            object converted = ToTypeCode(value, TypeCodeOf(targetType), provider, false);
            if (converted != null)
                return converted;
            if (targetType == typeof(object))
                return value;
            if (targetType == typeof(Enum) && value is Enum)
                return value;
            throw InvalidCast(value.GetType().FullName, targetType.FullName);
        }

        // The TypeCode of a base type, TypeCode.Object for the others.
        internal static TypeCode TypeCodeOf(Type t)
        {
            if (t == typeof(bool)) return TypeCode.Boolean;
            if (t == typeof(char)) return TypeCode.Char;
            if (t == typeof(sbyte)) return TypeCode.SByte;
            if (t == typeof(byte)) return TypeCode.Byte;
            if (t == typeof(short)) return TypeCode.Int16;
            if (t == typeof(ushort)) return TypeCode.UInt16;
            if (t == typeof(int)) return TypeCode.Int32;
            if (t == typeof(uint)) return TypeCode.UInt32;
            if (t == typeof(long)) return TypeCode.Int64;
            if (t == typeof(ulong)) return TypeCode.UInt64;
            if (t == typeof(float)) return TypeCode.Single;
            if (t == typeof(double)) return TypeCode.Double;
            if (t == typeof(decimal)) return TypeCode.Decimal;
            if (t == typeof(DateTime)) return TypeCode.DateTime;
            if (t == typeof(string)) return TypeCode.String;
            if (t == typeof(System.DBNull)) return TypeCode.DBNull;
            return TypeCode.Object;
        }

        // The conversion to a base type's code; null for Object/Empty/DBNull
        // unless `strict` (then InvalidCastException).
        private static object ToTypeCode(IConvertible v, TypeCode code, IFormatProvider provider, bool strict)
        {
            switch (code)
            {
                case TypeCode.Boolean:
                    return v.ToBoolean(provider);
                case TypeCode.Char:
                    return v.ToChar(provider);
                case TypeCode.SByte:
                    return v.ToSByte(provider);
                case TypeCode.Byte:
                    return v.ToByte(provider);
                case TypeCode.Int16:
                    return v.ToInt16(provider);
                case TypeCode.UInt16:
                    return v.ToUInt16(provider);
                case TypeCode.Int32:
                    return v.ToInt32(provider);
                case TypeCode.UInt32:
                    return v.ToUInt32(provider);
                case TypeCode.Int64:
                    return v.ToInt64(provider);
                case TypeCode.UInt64:
                    return v.ToUInt64(provider);
                case TypeCode.Single:
                    return v.ToSingle(provider);
                case TypeCode.Double:
                    return v.ToDouble(provider);
                case TypeCode.Decimal:
                    return v.ToDecimal(provider);
                case TypeCode.DateTime:
                    return v.ToDateTime(provider);
                case TypeCode.String:
                    return v.ToString(provider);
                case TypeCode.Object:
                    return strict ? (object)v : null;
                case TypeCode.DBNull:
                    if (strict)
                        throw new InvalidCastException("Object cannot be cast to DBNull.");
                    return null;
                case TypeCode.Empty:
                    if (strict)
                        throw new InvalidCastException("Object cannot be cast to Empty.");
                    return null;
            }
            throw new ArgumentException("Unknown TypeCode value.");
        }

        public static object ChangeType(object value, TypeCode typeCode)
        {
            return ChangeType(value, typeCode, null);
        }

        public static object ChangeType(object value, TypeCode typeCode, IFormatProvider provider)
        {
            if (value == null && (typeCode == TypeCode.Empty || typeCode == TypeCode.String || typeCode == TypeCode.Object))
                return null;
            IConvertible v = value as IConvertible;
            if (v == null)
                throw new InvalidCastException("Object must implement IConvertible.");
            return ToTypeCode(v, typeCode, provider, true);
        }

        public static object ChangeType(object value, Type conversionType)
        {
            return ChangeType(value, conversionType, null);
        }

        public static object ChangeType(object value, Type conversionType, IFormatProvider provider)
        {
            if (conversionType == null)
                throw new ArgumentNullException("conversionType");
            if (value == null)
            {
                if (conversionType.IsValueType)
                    throw new InvalidCastException("Null object cannot be converted to a value type.");
                return null;
            }
            IConvertible v = value as IConvertible;
            if (v == null)
            {
                if (value.GetType() == conversionType)
                    return value;
                throw new InvalidCastException("Object must implement IConvertible.");
            }
            TypeCode code = TypeCodeOf(conversionType);
            if (code != TypeCode.Object && code != TypeCode.DBNull)
                return ToTypeCode(v, code, provider, true);
            return v.ToType(conversionType, provider);
        }

        // ----- Bases 2, 8, 10 and 16 -----------------------------------------

        public static string ToString(byte value, int toBase)
        {
            CheckBase(toBase);
            if (toBase == 10)
                return Number.UInt32ToDecStr(value);
            return ToBaseString(value, toBase);
        }

        public static string ToString(short value, int toBase)
        {
            CheckBase(toBase);
            if (toBase == 10)
                return Number.Int32ToDecStr(value);
            return ToBaseString((ushort)value, toBase);
        }

        public static byte ToByte(string value, int fromBase)
        {
            return (byte)FromBase(value, fromBase, 8, 0, byte.MaxValue, "Value was either too large or too small for an unsigned byte.");
        }

        [CLSCompliant(false)]
        public static sbyte ToSByte(string value, int fromBase)
        {
            return (sbyte)FromBase(value, fromBase, 8, sbyte.MinValue, sbyte.MaxValue, "Value was either too large or too small for a signed byte.");
        }

        public static short ToInt16(string value, int fromBase)
        {
            return (short)FromBase(value, fromBase, 16, short.MinValue, short.MaxValue, "Value was either too large or too small for an Int16.");
        }

        [CLSCompliant(false)]
        public static ushort ToUInt16(string value, int fromBase)
        {
            return (ushort)FromBase(value, fromBase, 16, 0, ushort.MaxValue, "Value was either too large or too small for a UInt16.");
        }

        public static int ToInt32(string value, int fromBase)
        {
            return (int)FromBase(value, fromBase, 32, int.MinValue, int.MaxValue, "Value was either too large or too small for an Int32.");
        }

        [CLSCompliant(false)]
        public static uint ToUInt32(string value, int fromBase)
        {
            return (uint)FromBase(value, fromBase, 32, 0, uint.MaxValue, "Value was either too large or too small for a UInt32.");
        }

        public static long ToInt64(string value, int fromBase)
        {
            return FromBase(value, fromBase, 64, long.MinValue, long.MaxValue, "Value was either too large or too small for an Int64.");
        }

        [CLSCompliant(false)]
        public static ulong ToUInt64(string value, int fromBase)
        {
            bool negative;
            ulong magnitude = ParseBase(value, fromBase, 64, "Value was either too large or too small for a UInt64.", out negative);
            if (negative && magnitude != 0)
                throw new OverflowException("Value was either too large or too small for a UInt64.");
            return magnitude;
        }

        // The value of `value` in `fromBase` for a type of `bits` bits: in
        // base 10 a signed number within [min, max]; in the other bases the
        // raw bits (so "ff" is -1 for an sbyte), at most `bits` of them.
        private static long FromBase(string value, int fromBase, int bits, long min, long max, string overflow)
        {
            bool negative;
            ulong magnitude = ParseBase(value, fromBase, bits, overflow, out negative);
            if (fromBase != 10)
            {
                if (bits == 64)
                    return (long)magnitude;
                ulong signBit = 1UL << (bits - 1);
                // Sign-extend for the signed types (min < 0).
                if (min < 0 && (magnitude & signBit) != 0)
                    return (long)magnitude - (long)(signBit << 1);
                return (long)magnitude;
            }
            if (negative)
            {
                if (magnitude > (ulong)(-(min + 1)) + 1)
                    throw new OverflowException(overflow);
                return -(long)magnitude;
            }
            if (magnitude > (ulong)max)
                throw new OverflowException(overflow);
            return (long)magnitude;
        }

        // .NET's ParseNumbers.StringToLong: digits of `fromBase` ("0x"
        // allowed for 16, a '-' only for 10), at most `bits` bits outside
        // base 10; null is 0. Returns the magnitude and the sign.
        private static ulong ParseBase(string value, int fromBase, int bits, string overflowMessage, out bool negative)
        {
            negative = false;
            if (fromBase != 2 && fromBase != 8 && fromBase != 10 && fromBase != 16)
                throw new ArgumentException("Invalid Base.");
            if (value == null)
                return 0;
            if (value.Length == 0)
                throw new ArgumentOutOfRangeException("value", "Index was out of range. Must be non-negative and less than the size of the collection.");
            int i = 0;
            if (value[0] == '-')
            {
                if (fromBase != 10)
                    throw new ArgumentException("String cannot contain a minus sign if the base is not 10.");
                negative = true;
                i++;
            }
            else if (value[0] == '+')
            {
                i++;
            }
            if (fromBase == 16 && i + 1 < value.Length && value[i] == '0' && (value[i + 1] == 'x' || value[i + 1] == 'X'))
                i += 2;
            int start = i;
            ulong result = 0;
            ulong limit = bits == 64 || fromBase == 10 ? ulong.MaxValue : (1UL << bits) - 1;
            bool overflow = false;
            while (i < value.Length)
            {
                char c = value[i];
                int digit;
                if (c >= '0' && c <= '9')
                    digit = c - '0';
                else if (c >= 'a' && c <= 'z')
                    digit = c - 'a' + 10;
                else if (c >= 'A' && c <= 'Z')
                    digit = c - 'A' + 10;
                else
                    break;
                if (digit >= fromBase)
                    break;
                if (result > (limit - (ulong)digit) / (ulong)fromBase)
                    overflow = true;
                else
                    result = result * (ulong)fromBase + (ulong)digit;
                i++;
            }
            if (i == start)
                throw new FormatException("Could not find any recognizable digits.");
            if (i != value.Length)
                throw new FormatException("Additional non-parsable characters are at the end of the string.");
            if (overflow)
                throw new OverflowException(overflowMessage);
            return result;
        }

        // ----- Base64 ----------------------------------------------------------

        private const string Base64Table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

        public static string ToBase64String(byte[] inArray)
        {
            if (inArray == null)
                throw new ArgumentNullException("inArray");
            return ToBase64String(inArray, 0, inArray.Length, Base64FormattingOptions.None);
        }

        public static string ToBase64String(byte[] inArray, Base64FormattingOptions options)
        {
            if (inArray == null)
                throw new ArgumentNullException("inArray");
            return ToBase64String(inArray, 0, inArray.Length, options);
        }

        public static string ToBase64String(byte[] inArray, int offset, int length)
        {
            return ToBase64String(inArray, offset, length, Base64FormattingOptions.None);
        }

        // "\r\n" after every 76 characters with InsertLineBreaks.
        public static string ToBase64String(byte[] inArray, int offset, int length, Base64FormattingOptions options)
        {
            if (inArray == null)
                throw new ArgumentNullException("inArray");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (offset < 0)
                throw new ArgumentOutOfRangeException("offset", "Value must be positive.");
            if (options < Base64FormattingOptions.None || options > Base64FormattingOptions.InsertLineBreaks)
                throw new ArgumentException("Illegal enum value: " + ((int)options).ToString() + ".", "options");
            if (offset > inArray.Length - length)
                throw new ArgumentOutOfRangeException("offset", "Offset and length must refer to a position in the string.");
            char[] chars = new char[Base64Length(length, options == Base64FormattingOptions.InsertLineBreaks)];
            int n = EncodeBase64(inArray, offset, length, chars, 0, options == Base64FormattingOptions.InsertLineBreaks);
            return new string(chars, 0, n);
        }

        public static int ToBase64CharArray(byte[] inArray, int offsetIn, int length, char[] outArray, int offsetOut)
        {
            return ToBase64CharArray(inArray, offsetIn, length, outArray, offsetOut, Base64FormattingOptions.None);
        }

        public static int ToBase64CharArray(byte[] inArray, int offsetIn, int length, char[] outArray, int offsetOut, Base64FormattingOptions options)
        {
            if (inArray == null)
                throw new ArgumentNullException("inArray");
            if (outArray == null)
                throw new ArgumentNullException("outArray");
            if (length < 0 || offsetIn < 0 || offsetOut < 0)
                throw new ArgumentOutOfRangeException(length < 0 ? "length" : offsetIn < 0 ? "offsetIn" : "offsetOut", "Value must be positive.");
            if (offsetIn > inArray.Length - length)
                throw new ArgumentOutOfRangeException("offsetIn", "Offset and length must refer to a position in the string.");
            bool breaks = options == Base64FormattingOptions.InsertLineBreaks;
            if (offsetOut > outArray.Length - Base64Length(length, breaks))
                throw new ArgumentOutOfRangeException("offsetOut", "Either offset did not refer to a position in the string, or there is an insufficient length of destination character array.");
            return EncodeBase64(inArray, offsetIn, length, outArray, offsetOut, breaks);
        }

        private static int Base64Length(int length, bool breaks)
        {
            long chars = ((long)length + 2) / 3 * 4;
            if (breaks && chars > 0)
                chars += (chars - 1) / 76 * 2;
            if (chars > int.MaxValue)
                throw new OutOfMemoryException();
            return (int)chars;
        }

        private static int EncodeBase64(byte[] input, int offset, int length, char[] output, int at, bool breaks)
        {
            int start = at;
            int column = 0;
            int end = offset + length;
            for (int i = offset; i < end; i += 3)
            {
                if (breaks && column == 76)
                {
                    output[at++] = '\r';
                    output[at++] = '\n';
                    column = 0;
                }
                int b0 = input[i];
                int b1 = i + 1 < end ? input[i + 1] : 0;
                int b2 = i + 2 < end ? input[i + 2] : 0;
                output[at++] = Base64Table[b0 >> 2];
                output[at++] = Base64Table[((b0 & 3) << 4) | (b1 >> 4)];
                output[at++] = i + 1 < end ? Base64Table[((b1 & 15) << 2) | (b2 >> 6)] : '=';
                output[at++] = i + 2 < end ? Base64Table[b2 & 63] : '=';
                column += 4;
            }
            return at - start;
        }

        public static byte[] FromBase64String(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            return DecodeBase64(s.ToCharArray(), 0, s.Length);
        }

        public static byte[] FromBase64CharArray(char[] inArray, int offset, int length)
        {
            if (inArray == null)
                throw new ArgumentNullException("inArray");
            if (length < 0 || offset < 0)
                throw new ArgumentOutOfRangeException(length < 0 ? "length" : "offset", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (offset > inArray.Length - length)
                throw new ArgumentOutOfRangeException("offset", "Offset and length must refer to a position in the string.");
            return DecodeBase64(inArray, offset, length);
        }

        private const string BadBase64 = "The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.";

        // White space is ignored; '=' may pad the last group only.
        private static byte[] DecodeBase64(char[] chars, int offset, int length)
        {
            int[] values = new int[length];
            int count = 0;
            int padding = 0;
            for (int i = offset; i < offset + length; i++)
            {
                char c = chars[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                    continue;
                if (c == '=')
                {
                    padding++;
                    values[count++] = 0;
                    continue;
                }
                if (padding > 0)
                    throw new FormatException(BadBase64);
                int v = Base64Table.IndexOf(c);
                if (v < 0)
                    throw new FormatException(BadBase64);
                values[count++] = v;
            }
            if (count % 4 != 0)
                throw new FormatException("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.");
            if (padding > 2)
                throw new FormatException(BadBase64);
            byte[] bytes = new byte[count / 4 * 3 - padding];
            int at = 0;
            for (int i = 0; i < count; i += 4)
            {
                int n = (values[i] << 18) | (values[i + 1] << 12) | (values[i + 2] << 6) | values[i + 3];
                if (at < bytes.Length)
                    bytes[at++] = (byte)(n >> 16);
                if (at < bytes.Length)
                    bytes[at++] = (byte)(n >> 8);
                if (at < bytes.Length)
                    bytes[at++] = (byte)n;
            }
            return bytes;
        }
    }

    [Flags]
    public enum Base64FormattingOptions
    {
        None = 0,
        InsertLineBreaks = 1,
    }
}
