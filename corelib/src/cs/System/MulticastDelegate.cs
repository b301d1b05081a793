namespace System
{
    // The base class of C# delegate types. A combined delegate is a copy of
    // its first delegate whose _invocationList holds the delegates to call,
    // in order (never nested): the JIT's inline Invoke loops over it.
    public abstract class MulticastDelegate : Delegate
    {
        private object[] _invocationList;
        private IntPtr _invocationCount;

        protected sealed override Delegate CombineImpl(Delegate follow)
        {
            MulticastDelegate other = (MulticastDelegate)follow;
            int n1 = Count();
            int n2 = other.Count();
            object[] list = new object[n1 + n2];
            CopyList(list, 0);
            other.CopyList(list, n1);
            return NewMulticast(list, n1 + n2);
        }

        protected sealed override Delegate RemoveImpl(Delegate value)
        {
            MulticastDelegate v = (MulticastDelegate)value;
            int n = Count();
            int m = v.Count();
            for (int start = n - m; start >= 0; start--)
            {
                bool match = true;
                for (int j = 0; j < m && match; j++)
                    match = At(start + j).SameSingle(v.At(j));
                if (!match)
                    continue;
                int left = n - m;
                if (left == 0)
                    return null;
                if (left == 1)
                    return start == 0 ? At(m) : At(0);
                object[] list = new object[left];
                int k = 0;
                for (int i = 0; i < n; i++)
                    if (i < start || i >= start + m)
                        list[k++] = At(i);
                return NewMulticast(list, left);
            }
            return this;
        }

        public sealed override Delegate[] GetInvocationList()
        {
            int n = Count();
            Delegate[] result = new Delegate[n];
            for (int i = 0; i < n; i++)
                result[i] = At(i);
            return result;
        }

        public sealed override bool Equals(object obj)
        {
            MulticastDelegate d = obj as MulticastDelegate;
            if ((object)d == null || d.GetType() != GetType())
                return false;
            int n = Count();
            if (d.Count() != n)
                return false;
            for (int i = 0; i < n; i++)
                if (!At(i).SameSingle(d.At(i)))
                    return false;
            return true;
        }

        public sealed override int GetHashCode()
        {
            return base.GetHashCode();
        }

        public static bool operator ==(MulticastDelegate d1, MulticastDelegate d2)
        {
            if ((object)d1 == null)
                return (object)d2 == null;
            return d1.Equals(d2);
        }

        public static bool operator !=(MulticastDelegate d1, MulticastDelegate d2)
        {
            return !(d1 == d2);
        }

        private int Count()
        {
            return _invocationList == null ? 1 : (int)_invocationCount;
        }

        private MulticastDelegate At(int i)
        {
            return _invocationList == null ? this : (MulticastDelegate)_invocationList[i];
        }

        private void CopyList(object[] to, int at)
        {
            int n = Count();
            for (int i = 0; i < n; i++)
                to[at + i] = At(i);
        }

        private MulticastDelegate NewMulticast(object[] list, int count)
        {
            MulticastDelegate d = (MulticastDelegate)MemberwiseClone();
            d._invocationList = list;
            d._invocationCount = (IntPtr)count;
            return d;
        }
    }
}
