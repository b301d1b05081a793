namespace System.Runtime.InteropServices
{
    // A pseudo-attribute: the compiler stores it as a parameter flag.
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class OutAttribute : Attribute
    {
        public OutAttribute()
        {
        }
    }
}
