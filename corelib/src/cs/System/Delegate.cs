namespace System
{
    // The base class of delegate types. The runtime implements delegate
    // constructors (filling in the fields below) and Invoke (expanded inline
    // by the JIT); see vm/src/runtime/delegates.rs for what each field holds.
    public abstract class Delegate : ICloneable
    {
#pragma warning disable 169, 649 // written by the runtime
        // The receiver of an instance method (or the first argument of a
        // static method closed over it); null for a static method.
        internal object _target;
        // The code to call.
        internal IntPtr _methodPtr;
        // The method's descriptor: the delegate's identity, with _target.
        internal IntPtr _methodPtrAux;
        // The C function pointer (reverse P/Invoke thunk) made for this
        // delegate, 0 until one is (vm/src/interop/reverse.rs).
        internal IntPtr _unmanagedThunk;
#pragma warning restore 169, 649

        // The receiver (null for a static method). For a combined delegate,
        // the first delegate's, as on mono.
        public object Target
        {
            get { return _target; }
        }

        public static Delegate Combine(Delegate a, Delegate b)
        {
            if ((object)a == null)
                return b;
            if ((object)b == null)
                return a;
            if (a.GetType() != b.GetType())
                throw new ArgumentException("Delegates must be of the same type.");
            return a.CombineImpl(b);
        }

        public static Delegate Combine(params Delegate[] delegates)
        {
            if (delegates == null)
                return null;
            Delegate d = null;
            for (int i = 0; i < delegates.Length; i++)
                d = Combine(d, delegates[i]);
            return d;
        }

        // Removes the last occurrence of `value`'s invocation list from
        // `source`'s.
        public static Delegate Remove(Delegate source, Delegate value)
        {
            if ((object)source == null)
                return null;
            if ((object)value == null)
                return source;
            if (source.GetType() != value.GetType())
                throw new ArgumentException("Delegates must be of the same type.");
            return source.RemoveImpl(value);
        }

        // Removes every occurrence of `value`'s invocation list.
        public static Delegate RemoveAll(Delegate source, Delegate value)
        {
            Delegate last;
            do
            {
                last = source;
                source = Remove(source, value);
            } while ((object)last != (object)source);
            return source;
        }

        protected virtual Delegate CombineImpl(Delegate d)
        {
            throw new MulticastNotSupportedException();
        }

        protected virtual Delegate RemoveImpl(Delegate d)
        {
            return Equals(d) ? null : this;
        }

        public virtual Delegate[] GetInvocationList()
        {
            return new Delegate[] { this };
        }

        public virtual object Clone()
        {
            return MemberwiseClone();
        }

        // Same delegate type, same method, same target.
        public override bool Equals(object obj)
        {
            Delegate d = obj as Delegate;
            if ((object)d == null || d.GetType() != GetType())
                return false;
            return SameSingle(d);
        }

        internal bool SameSingle(Delegate d)
        {
            return d._methodPtrAux == _methodPtrAux && (object)d._target == (object)_target;
        }

        public override int GetHashCode()
        {
            return _methodPtrAux.GetHashCode() ^ GetType().GetHashCode();
        }

        public static bool operator ==(Delegate d1, Delegate d2)
        {
            if ((object)d1 == null)
                return (object)d2 == null;
            return d1.Equals(d2);
        }

        public static bool operator !=(Delegate d1, Delegate d2)
        {
            return !(d1 == d2);
        }
    }
}
