namespace System.Runtime.InteropServices
{
    // A pseudo-attribute: the compiler stores it as a FieldMarshal row of
    // the parameter, return value or field (docs/native-interop.md lists
    // the native types Osprey's marshaler honours).
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, Inherited = false)]
    public sealed class MarshalAsAttribute : Attribute
    {
        private readonly UnmanagedType _val;

        // Field names are part of the attribute's surface (named arguments).
        public UnmanagedType ArraySubType;
        public short SizeParamIndex;
        public int SizeConst;
        public int IidParameterIndex;
        public VarEnum SafeArraySubType;
        public Type SafeArrayUserDefinedSubType;
        public string MarshalType;
        public Type MarshalTypeRef;
        public string MarshalCookie;

        public MarshalAsAttribute(UnmanagedType unmanagedType)
        {
            _val = unmanagedType;
        }

        public MarshalAsAttribute(short unmanagedType)
        {
            _val = (UnmanagedType)unmanagedType;
        }

        public UnmanagedType Value
        {
            get { return _val; }
        }
    }

    // Only named by MarshalAsAttribute.SafeArraySubType.
    public enum VarEnum
    {
        VT_EMPTY = 0,
    }
}
