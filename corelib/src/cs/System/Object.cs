// The root of the type hierarchy.

using System.Runtime.CompilerServices;

namespace System
{
    public class Object
    {
        public Object()
        {
        }

        // Called by the garbage collector before an unreachable object is
        // reclaimed (once finalization exists). Object's own finalizer does
        // nothing.
        ~Object()
        {
        }

        // Returns the exact runtime type of this object: one RuntimeType per
        // type, created by the runtime.
        [MethodImpl(MethodImplOptions.InternalCall)]
        public extern Type GetType();

        public virtual string ToString()
        {
            return GetType().ToString();
        }

        public virtual bool Equals(object obj)
        {
            return this == obj;
        }

        public static bool Equals(object objA, object objB)
        {
            if (objA == objB)
                return true;
            if (objA == null || objB == null)
                return false;
            return objA.Equals(objB);
        }

        public static bool ReferenceEquals(object objA, object objB)
        {
            return objA == objB;
        }

        public virtual int GetHashCode()
        {
            return RuntimeHelpers.GetHashCode(this);
        }

        // A shallow copy of this object: same type (and for arrays, same
        // dimensions), fields copied bit for bit.
        [MethodImpl(MethodImplOptions.InternalCall)]
        protected extern object MemberwiseClone();
    }
}
