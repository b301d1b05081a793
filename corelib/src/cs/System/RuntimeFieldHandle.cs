namespace System
{
    // A field, as ldtoken pushes it: the runtime's field descriptor.
    public struct RuntimeFieldHandle
    {
        // The runtime's native handle; the runtime relies on this being
        // the only instance field.
        internal IntPtr m_value;

        internal RuntimeFieldHandle(IntPtr value)
        {
            m_value = value;
        }

        public IntPtr Value
        {
            get { return m_value; }
        }

        public override bool Equals(object obj)
        {
            if (!(obj is RuntimeFieldHandle))
                return false;
            return m_value == ((RuntimeFieldHandle)obj).m_value;
        }

        public bool Equals(RuntimeFieldHandle handle)
        {
            return m_value == handle.m_value;
        }

        public override int GetHashCode()
        {
            return m_value.GetHashCode();
        }
    }
}
