using System.Runtime.CompilerServices;

namespace System
{
    public static partial class Activator
    {
        // `new T()` (mcs compiles it to this): the public parameterless
        // constructor of T, or default(T) for a value type.
        public static T CreateInstance<T>()
        {
            return (T)GenericHooks.CreateInstance(typeof(T));
        }
    }
}
