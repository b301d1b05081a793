namespace System
{
    // A pointer-sized unsigned integer. Osprey targets x86-64 only: 8 bytes.
    [CLSCompliant(false)]
    public unsafe struct UIntPtr
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal void* m_value;

        public static readonly UIntPtr Zero;

        public UIntPtr(uint value)
        {
            m_value = (void*)value;
        }

        public UIntPtr(ulong value)
        {
            m_value = (void*)value;
        }

        public UIntPtr(void* value)
        {
            m_value = value;
        }

        public static int Size
        {
            get { return 8; }
        }

        // Throws OverflowException when the value does not fit in 32 bits.
        public uint ToUInt32()
        {
            return checked((uint)(ulong)m_value);
        }

        public ulong ToUInt64()
        {
            return (ulong)m_value;
        }

        public void* ToPointer()
        {
            return m_value;
        }

        public static explicit operator UIntPtr(uint value)
        {
            return new UIntPtr(value);
        }

        public static explicit operator UIntPtr(ulong value)
        {
            return new UIntPtr(value);
        }

        public static explicit operator UIntPtr(void* value)
        {
            return new UIntPtr(value);
        }

        public static explicit operator void*(UIntPtr value)
        {
            return value.m_value;
        }

        public static explicit operator uint(UIntPtr value)
        {
            return checked((uint)(ulong)value.m_value);
        }

        public static explicit operator ulong(UIntPtr value)
        {
            return (ulong)value.m_value;
        }

        public static bool operator ==(UIntPtr value1, UIntPtr value2)
        {
            return value1.m_value == value2.m_value;
        }

        public static bool operator !=(UIntPtr value1, UIntPtr value2)
        {
            return value1.m_value != value2.m_value;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is UIntPtr))
                return false;
            return m_value == ((UIntPtr)obj).m_value;
        }

        // Mono's hash (what programs print): the low 32 bits.
        public override int GetHashCode()
        {
            return unchecked((int)(ulong)m_value);
        }

        public override string ToString()
        {
            return Number.UInt64ToDecStr((ulong)m_value);
        }
    }
}
