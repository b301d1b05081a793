namespace System.Security
{
    // Marks a module that may contain unverifiable code. mcs -unsafe puts it
    // on the module when the core library defines it, so programs compiled
    // against Osprey's corelib (-nostdlib) are marked as those compiled
    // against mono's mscorlib are; the trust policy lets such a module run
    // unverifiable code in a trusted process (docs/verification.md).
    [AttributeUsage(AttributeTargets.Module, AllowMultiple = true, Inherited = false)]
    public sealed class UnverifiableCodeAttribute : Attribute
    {
        public UnverifiableCodeAttribute()
        {
        }
    }
}
