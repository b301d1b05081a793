namespace System
{
    // A method, as ldtoken pushes it: the runtime's method descriptor.
    public struct RuntimeMethodHandle
    {
        // The runtime's native handle; the runtime relies on this being
        // the only instance field.
        internal IntPtr m_value;

        internal RuntimeMethodHandle(IntPtr value)
        {
            m_value = value;
        }

        public IntPtr Value
        {
            get { return m_value; }
        }

        public override bool Equals(object obj)
        {
            if (!(obj is RuntimeMethodHandle))
                return false;
            return m_value == ((RuntimeMethodHandle)obj).m_value;
        }

        public bool Equals(RuntimeMethodHandle handle)
        {
            return m_value == handle.m_value;
        }

        public override int GetHashCode()
        {
            return m_value.GetHashCode();
        }
    }
}
