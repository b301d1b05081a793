using System.Runtime.CompilerServices;

namespace System
{
    // The base of every enum. An enum value is boxed when these methods run
    // (`this` is the boxed value); the runtime answers questions about the
    // enum's named constants (FCalls, cached per type) and the formatting is
    // done here, with the CLR's rules.
    public abstract class Enum : ValueType, IComparable, IFormattable, IConvertible
    {
        protected Enum()
        {
        }

        // The name of the value; for [Flags] enums the names of the flags it
        // combines ("Read, Write"); otherwise the number.
        public override string ToString()
        {
            IntPtr type = ((RuntimeType)GetType()).m_handle;
            return FormatValue(type, InternalGetRawValue(this), (InternalGetInfo(type) & FlagsBit) != 0);
        }

        // "G" (as ToString()), "F" (flags style even without [Flags]), "D"
        // (the number), "X" (hexadecimal, two digits per byte).
        public string ToString(string format)
        {
            IntPtr type = ((RuntimeType)GetType()).m_handle;
            return FormatCore(type, InternalGetRawValue(this), format);
        }

        public string ToString(IFormatProvider provider)
        {
            return ToString();
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return ToString(format);
        }

        private static string FormatCore(IntPtr type, ulong value, string format)
        {
            if (String.IsNullOrEmpty(format))
                return FormatValue(type, value, (InternalGetInfo(type) & FlagsBit) != 0);
            if (format.Length != 1)
                throw new FormatException("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
            int info = InternalGetInfo(type);
            switch (format[0])
            {
                case 'G':
                case 'g':
                    return FormatValue(type, value, (info & FlagsBit) != 0);
                case 'F':
                case 'f':
                    return FormatValue(type, value, true);
                case 'D':
                case 'd':
                    return FormatNumber(value, info);
                case 'X':
                case 'x':
                    {
                        int size = info >> SizeShift;
                        ulong masked = size >= 8 ? value : value & ((1UL << (size * 8)) - 1);
                        return masked.ToString(String.Concat("X", (size * 2).ToString()));
                    }
            }
            throw new FormatException("Format String can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".");
        }

        // The name of `value`; with `flags` the names of the flags it
        // combines, largest first in the search, listed ascending; the
        // number when no name fits.
        private static string FormatValue(IntPtr type, ulong value, bool flags)
        {
            int count = InternalGetCount(type);
            for (int i = 0; i < count; i++)
            {
                if (InternalGetValue(type, i) == value)
                    return InternalGetName(type, i);
            }
            int info = InternalGetInfo(type);
            if (!flags || value == 0)
                return FormatNumber(value, info);
            // Flags, from the largest value down; names are listed ascending.
            ulong rest = value;
            string result = null;
            for (int i = count - 1; i >= 0 && rest != 0; i--)
            {
                ulong flag = InternalGetValue(type, i);
                if (flag != 0 && (rest & flag) == flag)
                {
                    rest -= flag;
                    string name = InternalGetName(type, i);
                    result = result == null ? name : String.Concat(name, ", ", result);
                }
            }
            if (rest != 0 || result == null)
                return FormatNumber(value, info);
            return result;
        }

        // ----- Reflection over enum types --------------------------------------

        private static IntPtr EnumHandle(Type enumType)
        {
            if (enumType == null)
                throw new ArgumentNullException("enumType");
            RuntimeType rt = enumType as RuntimeType;
            if (rt == null || !enumType.IsEnum)
                throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return rt.m_handle;
        }

        public static Type GetUnderlyingType(Type enumType)
        {
            int info = InternalGetInfo(EnumHandle(enumType));
            return UnderlyingType(info);
        }

        private static Type UnderlyingType(int info)
        {
            bool signed = (info & SignedBit) != 0;
            switch (info >> SizeShift)
            {
                case 1:
                    return (info & BoolBit) != 0 ? typeof(bool) : signed ? typeof(sbyte) : typeof(byte);
                case 2:
                    return (info & CharBit) != 0 ? typeof(char) : signed ? typeof(short) : typeof(ushort);
                case 4:
                    return signed ? typeof(int) : typeof(uint);
                default:
                    return signed ? typeof(long) : typeof(ulong);
            }
        }

        // The names of the enum's constants, ordered by their values (as
        // unsigned numbers, as .NET orders them).
        public static string[] GetNames(Type enumType)
        {
            IntPtr type = EnumHandle(enumType);
            int count = InternalGetCount(type);
            string[] names = new string[count];
            for (int i = 0; i < count; i++)
                names[i] = InternalGetName(type, i);
            return names;
        }

        // The values, as an array of the enum type, in the same order.
        public static Array GetValues(Type enumType)
        {
            IntPtr type = EnumHandle(enumType);
            int count = InternalGetCount(type);
            Array values = Array.CreateInstance(enumType, count);
            for (int i = 0; i < count; i++)
                values.SetValue(InternalBoxEnum(type, InternalGetValue(type, i)), i);
            return values;
        }

        // The name of `value` (an enum of this type, or a number of the
        // underlying type); null when no constant has that value.
        public static string GetName(Type enumType, object value)
        {
            IntPtr type = EnumHandle(enumType);
            if (value == null)
                throw new ArgumentNullException("value");
            ulong v = ToRawValue(type, value, true);
            int count = InternalGetCount(type);
            for (int i = 0; i < count; i++)
            {
                if (InternalGetValue(type, i) == v)
                    return InternalGetName(type, i);
            }
            return null;
        }

        // A name of the enum, or a value of its own type or of its
        // underlying type (any other type is an ArgumentException).
        public static bool IsDefined(Type enumType, object value)
        {
            IntPtr type = EnumHandle(enumType);
            if (value == null)
                throw new ArgumentNullException("value");
            string name = value as string;
            int count = InternalGetCount(type);
            if (name != null)
            {
                for (int i = 0; i < count; i++)
                {
                    if (InternalGetName(type, i) == name)
                        return true;
                }
                return false;
            }
            Type vt = value.GetType();
            if (vt.IsEnum)
            {
                if (vt != enumType)
                    throw new ArgumentException(String.Concat("Object must be the same type as the enum. The type passed in was '", vt.FullName, "'; the enum type was '", enumType.FullName, "'."));
            }
            else
            {
                Type underlying = GetUnderlyingType(enumType);
                if (vt != underlying)
                {
                    if (Convert.TypeCodeOf(vt) < TypeCode.Boolean || Convert.TypeCodeOf(vt) > TypeCode.UInt64)
                        throw new InvalidOperationException("Unknown enum type.");
                    throw new ArgumentException(String.Concat("Enum underlying type and the object must be same type or object must be a String. Type passed in was '", vt.FullName, "'; the enum underlying type was '", underlying.FullName, "'."));
                }
            }
            ulong v = ToRawValue(type, value, false);
            for (int i = 0; i < count; i++)
            {
                if (InternalGetValue(type, i) == v)
                    return true;
            }
            return false;
        }

        public static string Format(Type enumType, object value, string format)
        {
            IntPtr type = EnumHandle(enumType);
            if (value == null)
                throw new ArgumentNullException("value");
            if (format == null)
                throw new ArgumentNullException("format");
            Type vt = value.GetType();
            if (vt.IsEnum && vt != enumType)
                throw new ArgumentException(String.Concat("Object must be the same type as the enum. The type passed in was '", vt.FullName, "'; the enum type was '", enumType.FullName, "'."));
            return FormatCore(type, ToRawValue(type, value, true), format);
        }

        // `value` (a number of an integer type, or an enum) as a value of
        // the enum type.
        public static object ToObject(Type enumType, object value)
        {
            IntPtr type = EnumHandle(enumType);
            if (value == null)
                throw new ArgumentNullException("value");
            TypeCode code = Convert.GetTypeCode(value);
            if (code < TypeCode.Boolean || code > TypeCode.UInt64 || code == TypeCode.Char && !value.GetType().IsEnum)
            {
                if (code != TypeCode.Char && code != TypeCode.Boolean)
                    throw new ArgumentException("The value passed in must be an enum base or an underlying type for an enum, such as an Int32.", "value");
            }
            return InternalBoxEnum(type, ToRawValue(type, value, true));
        }

        [CLSCompliant(false)]
        public static object ToObject(Type enumType, sbyte value)
        {
            return InternalBoxEnum(EnumHandle(enumType), (ulong)(long)value);
        }

        public static object ToObject(Type enumType, short value)
        {
            return InternalBoxEnum(EnumHandle(enumType), (ulong)(long)value);
        }

        public static object ToObject(Type enumType, int value)
        {
            return InternalBoxEnum(EnumHandle(enumType), (ulong)(long)value);
        }

        public static object ToObject(Type enumType, long value)
        {
            return InternalBoxEnum(EnumHandle(enumType), (ulong)value);
        }

        public static object ToObject(Type enumType, byte value)
        {
            return InternalBoxEnum(EnumHandle(enumType), value);
        }

        [CLSCompliant(false)]
        public static object ToObject(Type enumType, ushort value)
        {
            return InternalBoxEnum(EnumHandle(enumType), value);
        }

        [CLSCompliant(false)]
        public static object ToObject(Type enumType, uint value)
        {
            return InternalBoxEnum(EnumHandle(enumType), value);
        }

        [CLSCompliant(false)]
        public static object ToObject(Type enumType, ulong value)
        {
            return InternalBoxEnum(EnumHandle(enumType), value);
        }

        public static object Parse(Type enumType, string value)
        {
            return Parse(enumType, value, false);
        }

        // A name, names of flags separated by commas, or a number; white
        // space around each part is ignored.
        public static object Parse(Type enumType, string value, bool ignoreCase)
        {
            object result;
            string error = TryParseCore(enumType, value, ignoreCase, out result);
            if (error != null)
                throw new ArgumentException(error);
            return result;
        }

        public static bool TryParse(Type enumType, string value, out object result)
        {
            return TryParse(enumType, value, false, out result);
        }

        public static bool TryParse(Type enumType, string value, bool ignoreCase, out object result)
        {
            EnumHandle(enumType);
            return TryParseCore(enumType, value, ignoreCase, out result) == null;
        }

        private static string TryParseCore(Type enumType, string value, bool ignoreCase, out object result)
        {
            result = null;
            IntPtr type = EnumHandle(enumType);
            if (value == null)
                throw new ArgumentNullException("value");
            string trimmed = value.Trim();
            if (trimmed.Length == 0)
                return "Must specify valid information for parsing in the string.";
            int info = InternalGetInfo(type);
            char first = trimmed[0];
            if ((first >= '0' && first <= '9') || first == '-' || first == '+')
            {
                ulong number;
                if ((info & SignedBit) != 0)
                {
                    long l;
                    if (!Int64.TryParse(trimmed, out l))
                        return String.Concat("Requested value '", value, "' was not found.");
                    number = (ulong)l;
                }
                else if (!UInt64.TryParse(trimmed, out number))
                {
                    return String.Concat("Requested value '", value, "' was not found.");
                }
                result = InternalBoxEnum(type, number);
                return null;
            }
            string[] parts = trimmed.Split(',');
            ulong total = 0;
            int count = InternalGetCount(type);
            for (int p = 0; p < parts.Length; p++)
            {
                string part = parts[p].Trim();
                bool found = false;
                for (int i = 0; i < count; i++)
                {
                    if (String.Compare(InternalGetName(type, i), part, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal) == 0)
                    {
                        total |= InternalGetValue(type, i);
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return String.Concat("Requested value '", value, "' was not found.");
            }
            result = InternalBoxEnum(type, total);
            return null;
        }

        // A boxed enum of the enum's type or a boxed integer, as the raw
        // value (sign-extended). `anyInteger`: any integer type converts;
        // else only the enum's own and its underlying type.
        private static ulong ToRawValue(IntPtr type, object value, bool anyInteger)
        {
            if (value is Enum)
                return InternalGetRawValue(value);
            switch (Convert.GetTypeCode(value))
            {
                case TypeCode.SByte:
                    return (ulong)(long)(sbyte)value;
                case TypeCode.Int16:
                    return (ulong)(long)(short)value;
                case TypeCode.Int32:
                    return (ulong)(long)(int)value;
                case TypeCode.Int64:
                    return (ulong)(long)value;
                case TypeCode.Byte:
                    return (byte)value;
                case TypeCode.UInt16:
                    return (ushort)value;
                case TypeCode.UInt32:
                    return (uint)value;
                case TypeCode.UInt64:
                    return (ulong)value;
                case TypeCode.Char:
                    return (char)value;
                case TypeCode.Boolean:
                    return (bool)value ? 1UL : 0UL;
            }
            throw new ArgumentException("The value passed in must be an enum base or an underlying type for an enum, such as an Int32.", "value");
        }

        // ----- IConvertible (through the underlying value) -----------------

        public TypeCode GetTypeCode()
        {
            return Convert.TypeCodeOf(UnderlyingType(InternalGetInfo(((RuntimeType)GetType()).m_handle)));
        }

        private object UnderlyingValue()
        {
            ulong raw = InternalGetRawValue(this);
            switch (GetTypeCode())
            {
                case TypeCode.Boolean:
                    return raw != 0;
                case TypeCode.Char:
                    return (char)raw;
                case TypeCode.SByte:
                    return (sbyte)raw;
                case TypeCode.Byte:
                    return (byte)raw;
                case TypeCode.Int16:
                    return (short)raw;
                case TypeCode.UInt16:
                    return (ushort)raw;
                case TypeCode.Int32:
                    return (int)raw;
                case TypeCode.UInt32:
                    return (uint)raw;
                case TypeCode.Int64:
                    return (long)raw;
                default:
                    return raw;
            }
        }

        bool IConvertible.ToBoolean(IFormatProvider provider)
        {
            return Convert.ToBoolean(UnderlyingValue(), provider);
        }

        char IConvertible.ToChar(IFormatProvider provider)
        {
            return Convert.ToChar(UnderlyingValue(), provider);
        }

        sbyte IConvertible.ToSByte(IFormatProvider provider)
        {
            return Convert.ToSByte(UnderlyingValue(), provider);
        }

        byte IConvertible.ToByte(IFormatProvider provider)
        {
            return Convert.ToByte(UnderlyingValue(), provider);
        }

        short IConvertible.ToInt16(IFormatProvider provider)
        {
            return Convert.ToInt16(UnderlyingValue(), provider);
        }

        ushort IConvertible.ToUInt16(IFormatProvider provider)
        {
            return Convert.ToUInt16(UnderlyingValue(), provider);
        }

        int IConvertible.ToInt32(IFormatProvider provider)
        {
            return Convert.ToInt32(UnderlyingValue(), provider);
        }

        uint IConvertible.ToUInt32(IFormatProvider provider)
        {
            return Convert.ToUInt32(UnderlyingValue(), provider);
        }

        long IConvertible.ToInt64(IFormatProvider provider)
        {
            return Convert.ToInt64(UnderlyingValue(), provider);
        }

        ulong IConvertible.ToUInt64(IFormatProvider provider)
        {
            return Convert.ToUInt64(UnderlyingValue(), provider);
        }

        float IConvertible.ToSingle(IFormatProvider provider)
        {
            return Convert.ToSingle(UnderlyingValue(), provider);
        }

        double IConvertible.ToDouble(IFormatProvider provider)
        {
            return Convert.ToDouble(UnderlyingValue(), provider);
        }

        decimal IConvertible.ToDecimal(IFormatProvider provider)
        {
            return Convert.ToDecimal(UnderlyingValue(), provider);
        }

        DateTime IConvertible.ToDateTime(IFormatProvider provider)
        {
            throw Convert.InvalidCast("Enum", "DateTime");
        }

        object IConvertible.ToType(Type type, IFormatProvider provider)
        {
            return Convert.DefaultToType(this, type, provider);
        }

        public override bool Equals(object obj)
        {
            if (obj == null || obj.GetType() != GetType())
                return false;
            return InternalGetRawValue(obj) == InternalGetRawValue(this);
        }

        // The underlying value's hash code.
        public override int GetHashCode()
        {
            ulong value = InternalGetRawValue(this);
            if ((InternalGetInfo(((RuntimeType)GetType()).m_handle) >> SizeShift) <= 4)
                return (int)value;
            return (int)value ^ (int)(value >> 32);
        }

        public bool HasFlag(Enum flag)
        {
            if (flag == null)
                throw new ArgumentNullException("flag");
            if (flag.GetType() != GetType())
                throw new ArgumentException("The argument type is not the same as the enum type.");
            ulong f = InternalGetRawValue(flag);
            return (InternalGetRawValue(this) & f) == f;
        }

        // Compares the underlying values (signed or unsigned as the
        // underlying type is); null sorts first. Comparer<TEnum>.Default
        // and sorting enums rely on it.
        public int CompareTo(object target)
        {
            if (target == null)
                return 1;
            if (target.GetType() != GetType())
                throw new ArgumentException(String.Concat("Object must be the same type as the enum. The type passed in was '", target.GetType().ToString(), "'; the enum type was '", GetType().ToString(), "'."));
            ulong mine = InternalGetRawValue(this);
            ulong theirs = InternalGetRawValue(target);
            if ((InternalGetInfo(((RuntimeType)GetType()).m_handle) & SignedBit) != 0)
            {
                long a = (long)mine;
                long b = (long)theirs;
                return a < b ? -1 : (a > b ? 1 : 0);
            }
            return mine < theirs ? -1 : (mine > theirs ? 1 : 0);
        }

        private static string FormatNumber(ulong value, int info)
        {
            if ((info & SignedBit) != 0)
                return ((long)value).ToString();
            return value.ToString();
        }

        private const int FlagsBit = 1;
        private const int SignedBit = 2;
        private const int BoolBit = 4;
        private const int CharBit = 8;
        private const int SizeShift = 8;

        // FCalls (vm/src/fcall/enums.rs). Values are the underlying values
        // converted to ulong (sign-extended for signed underlying types),
        // sorted ascending; names are in the same order.

        // The value inside a boxed enum.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern ulong InternalGetRawValue(object value);

        // Number of named constants.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetCount(IntPtr enumType);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern ulong InternalGetValue(IntPtr enumType, int index);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string InternalGetName(IntPtr enumType, int index);

        // Bit 0: [Flags]; bit 1: signed underlying type; bit 2: the
        // underlying type is bool, bit 3: char; bits 8..: its size in bytes.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int InternalGetInfo(IntPtr enumType);

        // A new boxed enum of the enum type holding `value` (truncated to
        // the underlying size). Allocates under a helper frame.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object InternalBoxEnum(IntPtr enumType, ulong value);
    }
}
