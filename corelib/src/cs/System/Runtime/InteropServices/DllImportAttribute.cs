namespace System.Runtime.InteropServices
{
    // A pseudo-attribute: the compiler stores it as pinvokeimpl flags and an
    // ImplMap row. [DllImport("QCall", EntryPoint = "X")] declares a QCall.
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class DllImportAttribute : Attribute
    {
        private readonly string _val;

        // Field names are part of the attribute's surface (named arguments).
        public string EntryPoint;
        public CharSet CharSet;
        public bool SetLastError;
        public bool ExactSpelling;
        public CallingConvention CallingConvention;
        public bool BestFitMapping;
        public bool PreserveSig;
        public bool ThrowOnUnmappableChar;

        public DllImportAttribute(string dllName)
        {
            _val = dllName;
        }

        public string Value
        {
            get { return _val; }
        }
    }
}
