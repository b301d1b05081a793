namespace System.Runtime.InteropServices
{
    // A pseudo-attribute: the compiler stores it in the type's flags and
    // ClassLayout row.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
    public sealed class StructLayoutAttribute : Attribute
    {
        private readonly LayoutKind _val;

        // Field names are part of the attribute's surface (named arguments).
        public int Pack;
        public int Size;
        public CharSet CharSet;

        public StructLayoutAttribute(LayoutKind layoutKind)
        {
            _val = layoutKind;
        }

        public StructLayoutAttribute(short layoutKind)
        {
            _val = (LayoutKind)layoutKind;
        }

        public LayoutKind Value
        {
            get { return _val; }
        }
    }
}
