namespace System.Runtime.InteropServices
{
    // On a delegate type: how its instances cross as C function pointers
    // (Marshal.GetDelegateForFunctionPointer, delegates passed to or
    // returned by P/Invokes): the character set of its string and char
    // parameters, and whether calls through a native pointer save errno.
    [AttributeUsage(AttributeTargets.Delegate, AllowMultiple = false, Inherited = false)]
    public sealed class UnmanagedFunctionPointerAttribute : Attribute
    {
        private readonly CallingConvention _callingConvention;

        public bool BestFitMapping;
        public bool SetLastError;
        public bool ThrowOnUnmappableChar;
        public CharSet CharSet;

        public UnmanagedFunctionPointerAttribute()
        {
            _callingConvention = CallingConvention.Winapi;
        }

        public UnmanagedFunctionPointerAttribute(CallingConvention callingConvention)
        {
            _callingConvention = callingConvention;
        }

        public CallingConvention CallingConvention
        {
            get { return _callingConvention; }
        }
    }
}
