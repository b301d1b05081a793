namespace System
{
    // A pointer-sized signed integer. Osprey targets x86-64 only: 8 bytes.
    public unsafe struct IntPtr
    {
        // The value itself. The runtime relies on this being the only
        // instance field.
        internal void* m_value;

        public static readonly IntPtr Zero;

        public IntPtr(int value)
        {
            m_value = (void*)value;
        }

        public IntPtr(long value)
        {
            m_value = (void*)value;
        }

        [CLSCompliant(false)]
        public IntPtr(void* value)
        {
            m_value = value;
        }

        public static int Size
        {
            get { return 8; }
        }

        // Throws OverflowException when the value does not fit in 32 bits.
        public int ToInt32()
        {
            return checked((int)(long)m_value);
        }

        public long ToInt64()
        {
            return (long)m_value;
        }

        [CLSCompliant(false)]
        public void* ToPointer()
        {
            return m_value;
        }

        public static explicit operator IntPtr(int value)
        {
            return new IntPtr(value);
        }

        public static explicit operator IntPtr(long value)
        {
            return new IntPtr(value);
        }

        [CLSCompliant(false)]
        public static explicit operator IntPtr(void* value)
        {
            return new IntPtr(value);
        }

        [CLSCompliant(false)]
        public static explicit operator void*(IntPtr value)
        {
            return value.m_value;
        }

        public static explicit operator int(IntPtr value)
        {
            return checked((int)(long)value.m_value);
        }

        public static explicit operator long(IntPtr value)
        {
            return (long)value.m_value;
        }

        public static bool operator ==(IntPtr value1, IntPtr value2)
        {
            return value1.m_value == value2.m_value;
        }

        public static bool operator !=(IntPtr value1, IntPtr value2)
        {
            return value1.m_value != value2.m_value;
        }

        public override bool Equals(object obj)
        {
            if (!(obj is IntPtr))
                return false;
            return m_value == ((IntPtr)obj).m_value;
        }

        // Mono's hash (what programs print): the low 32 bits.
        public override int GetHashCode()
        {
            return unchecked((int)(long)m_value);
        }

        public override string ToString()
        {
            return Number.Int64ToDecStr((long)m_value);
        }
    }
}
