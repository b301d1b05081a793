namespace System
{
    // A value that converts itself to the base types (what Convert.ToXxx(object)
    // and Convert.ChangeType call). The primitives, Decimal, DateTime, String
    // and enums implement it.
    [CLSCompliant(false)]
    public interface IConvertible
    {
        TypeCode GetTypeCode();

        bool ToBoolean(IFormatProvider provider);

        char ToChar(IFormatProvider provider);

        sbyte ToSByte(IFormatProvider provider);

        byte ToByte(IFormatProvider provider);

        short ToInt16(IFormatProvider provider);

        ushort ToUInt16(IFormatProvider provider);

        int ToInt32(IFormatProvider provider);

        uint ToUInt32(IFormatProvider provider);

        long ToInt64(IFormatProvider provider);

        ulong ToUInt64(IFormatProvider provider);

        float ToSingle(IFormatProvider provider);

        double ToDouble(IFormatProvider provider);

        decimal ToDecimal(IFormatProvider provider);

        DateTime ToDateTime(IFormatProvider provider);

        string ToString(IFormatProvider provider);

        object ToType(Type conversionType, IFormatProvider provider);
    }

    public enum TypeCode
    {
        Empty = 0,
        Object = 1,
        DBNull = 2,
        Boolean = 3,
        Char = 4,
        SByte = 5,
        Byte = 6,
        Int16 = 7,
        UInt16 = 8,
        Int32 = 9,
        UInt32 = 10,
        Int64 = 11,
        UInt64 = 12,
        Single = 13,
        Double = 14,
        Decimal = 15,
        DateTime = 16,
        String = 18,
    }

    // The value of a database null (Convert.DBNull, Convert.IsDBNull).
    public sealed class DBNull : IConvertible
    {
        public static readonly DBNull Value = new DBNull();

        private DBNull()
        {
        }

        public override string ToString()
        {
            return "";
        }

        public string ToString(IFormatProvider provider)
        {
            return "";
        }

        public TypeCode GetTypeCode()
        {
            return TypeCode.DBNull;
        }

        private static InvalidCastException Invalid()
        {
            return new InvalidCastException("Object cannot be cast from DBNull to other types.");
        }

        bool IConvertible.ToBoolean(IFormatProvider provider) { throw Invalid(); }
        char IConvertible.ToChar(IFormatProvider provider) { throw Invalid(); }
        sbyte IConvertible.ToSByte(IFormatProvider provider) { throw Invalid(); }
        byte IConvertible.ToByte(IFormatProvider provider) { throw Invalid(); }
        short IConvertible.ToInt16(IFormatProvider provider) { throw Invalid(); }
        ushort IConvertible.ToUInt16(IFormatProvider provider) { throw Invalid(); }
        int IConvertible.ToInt32(IFormatProvider provider) { throw Invalid(); }
        uint IConvertible.ToUInt32(IFormatProvider provider) { throw Invalid(); }
        long IConvertible.ToInt64(IFormatProvider provider) { throw Invalid(); }
        ulong IConvertible.ToUInt64(IFormatProvider provider) { throw Invalid(); }
        float IConvertible.ToSingle(IFormatProvider provider) { throw Invalid(); }
        double IConvertible.ToDouble(IFormatProvider provider) { throw Invalid(); }
        decimal IConvertible.ToDecimal(IFormatProvider provider) { throw Invalid(); }
        DateTime IConvertible.ToDateTime(IFormatProvider provider) { throw Invalid(); }

        object IConvertible.ToType(Type type, IFormatProvider provider)
        {
            return Convert.DefaultToType(this, type, provider);
        }
    }
}
