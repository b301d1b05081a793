namespace System
{
    // Values to and from their bytes, in the machine's order (little-endian
    // on x86-64).
    public static class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        public static byte[] GetBytes(bool value)
        {
            return new byte[] { value ? (byte)1 : (byte)0 };
        }

        public static byte[] GetBytes(char value)
        {
            return GetBytes((short)value);
        }

        public static unsafe byte[] GetBytes(short value)
        {
            byte[] bytes = new byte[2];
            fixed (byte* p = bytes)
                *(short*)p = value;
            return bytes;
        }

        public static unsafe byte[] GetBytes(int value)
        {
            byte[] bytes = new byte[4];
            fixed (byte* p = bytes)
                *(int*)p = value;
            return bytes;
        }

        public static unsafe byte[] GetBytes(long value)
        {
            byte[] bytes = new byte[8];
            fixed (byte* p = bytes)
                *(long*)p = value;
            return bytes;
        }

        [CLSCompliant(false)]
        public static byte[] GetBytes(ushort value)
        {
            return GetBytes((short)value);
        }

        [CLSCompliant(false)]
        public static byte[] GetBytes(uint value)
        {
            return GetBytes((int)value);
        }

        [CLSCompliant(false)]
        public static byte[] GetBytes(ulong value)
        {
            return GetBytes((long)value);
        }

        public static unsafe byte[] GetBytes(float value)
        {
            return GetBytes(*(int*)&value);
        }

        public static unsafe byte[] GetBytes(double value)
        {
            return GetBytes(*(long*)&value);
        }

        // The checks .NET makes before reading `size` bytes at `startIndex`.
        private static void Check(byte[] value, int startIndex, int size)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if ((uint)startIndex >= (uint)value.Length)
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex > value.Length - size)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.", "value");
        }

        public static bool ToBoolean(byte[] value, int startIndex)
        {
            Check(value, startIndex, 1);
            return value[startIndex] != 0;
        }

        public static char ToChar(byte[] value, int startIndex)
        {
            return (char)ToInt16(value, startIndex);
        }

        public static unsafe short ToInt16(byte[] value, int startIndex)
        {
            Check(value, startIndex, 2);
            fixed (byte* p = &value[startIndex])
                return *(short*)p;
        }

        public static unsafe int ToInt32(byte[] value, int startIndex)
        {
            Check(value, startIndex, 4);
            fixed (byte* p = &value[startIndex])
                return *(int*)p;
        }

        public static unsafe long ToInt64(byte[] value, int startIndex)
        {
            Check(value, startIndex, 8);
            fixed (byte* p = &value[startIndex])
                return *(long*)p;
        }

        [CLSCompliant(false)]
        public static ushort ToUInt16(byte[] value, int startIndex)
        {
            return (ushort)ToInt16(value, startIndex);
        }

        [CLSCompliant(false)]
        public static uint ToUInt32(byte[] value, int startIndex)
        {
            return (uint)ToInt32(value, startIndex);
        }

        [CLSCompliant(false)]
        public static ulong ToUInt64(byte[] value, int startIndex)
        {
            return (ulong)ToInt64(value, startIndex);
        }

        public static unsafe float ToSingle(byte[] value, int startIndex)
        {
            int bits = ToInt32(value, startIndex);
            return *(float*)&bits;
        }

        public static unsafe double ToDouble(byte[] value, int startIndex)
        {
            long bits = ToInt64(value, startIndex);
            return *(double*)&bits;
        }

        public static unsafe long DoubleToInt64Bits(double value)
        {
            return *(long*)&value;
        }

        public static unsafe double Int64BitsToDouble(long value)
        {
            return *(double*)&value;
        }

        public static unsafe int SingleToInt32Bits(float value)
        {
            return *(int*)&value;
        }

        public static unsafe float Int32BitsToSingle(int value)
        {
            return *(float*)&value;
        }

        // "01-AB-FF": each byte as two upper-case hex digits, '-' between.
        public static string ToString(byte[] value)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return ToString(value, 0, value.Length);
        }

        public static string ToString(byte[] value, int startIndex)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            return ToString(value, startIndex, value.Length - startIndex);
        }

        public static string ToString(byte[] value, int startIndex, int length)
        {
            if (value == null)
                throw new ArgumentNullException("value");
            if (startIndex < 0 || (startIndex >= value.Length && startIndex > 0))
                throw new ArgumentOutOfRangeException("startIndex", "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length < 0)
                throw new ArgumentOutOfRangeException("length", "Value must be positive.");
            if (startIndex > value.Length - length)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.", "value");
            if (length == 0)
                return String.Empty;
            const string hex = "0123456789ABCDEF";
            char[] chars = new char[length * 3 - 1];
            for (int i = 0; i < length; i++)
            {
                byte b = value[startIndex + i];
                chars[3 * i] = hex[b >> 4];
                chars[3 * i + 1] = hex[b & 15];
                if (i + 1 < length)
                    chars[3 * i + 2] = '-';
            }
            return new string(chars, 0, chars.Length);
        }
    }
}
