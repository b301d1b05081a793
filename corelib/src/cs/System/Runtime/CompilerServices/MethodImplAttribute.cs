namespace System.Runtime.CompilerServices
{
    // A pseudo-attribute: the compiler stores it as method impl flags.
    [AttributeUsage(AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
    public sealed class MethodImplAttribute : Attribute
    {
        private readonly MethodImplOptions _val;

        public MethodImplAttribute()
        {
        }

        public MethodImplAttribute(MethodImplOptions methodImplOptions)
        {
            _val = methodImplOptions;
        }

        public MethodImplAttribute(short value)
        {
            _val = (MethodImplOptions)value;
        }

        public MethodImplOptions Value
        {
            get { return _val; }
        }
    }
}
