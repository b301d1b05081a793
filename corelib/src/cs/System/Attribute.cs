namespace System
{
    // The base class of custom attributes. (mcs needs the AttributeUsage
    // here: without it it crashes emitting [MethodImpl(InternalCall)].)
    [AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
    public abstract class Attribute
    {
        protected Attribute()
        {
        }
    }
}
