namespace System
{
    // The base of objects that .NET Framework could reach across
    // application domains by reference. Osprey has no remoting: it is an
    // ordinary base class (Stream, TextReader and TextWriter derive from it,
    // as in .NET).
    public abstract class MarshalByRefObject
    {
        protected MarshalByRefObject()
        {
        }

        // A memberwise copy; `cloneIdentity` has no meaning without remoting.
        protected MarshalByRefObject MemberwiseClone(bool cloneIdentity)
        {
            return (MarshalByRefObject)MemberwiseClone();
        }
    }
}
