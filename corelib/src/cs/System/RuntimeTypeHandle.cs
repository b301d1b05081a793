namespace System
{
    // A type, as ldtoken pushes it: the runtime's type handle (method table pointer).
    public struct RuntimeTypeHandle
    {
        // The runtime's native handle; the runtime relies on this being
        // the only instance field.
        internal IntPtr m_value;

        internal RuntimeTypeHandle(IntPtr value)
        {
            m_value = value;
        }

        public IntPtr Value
        {
            get { return m_value; }
        }

        public override bool Equals(object obj)
        {
            if (!(obj is RuntimeTypeHandle))
                return false;
            return m_value == ((RuntimeTypeHandle)obj).m_value;
        }

        public bool Equals(RuntimeTypeHandle handle)
        {
            return m_value == handle.m_value;
        }

        public override int GetHashCode()
        {
            return m_value.GetHashCode();
        }
    }
}
