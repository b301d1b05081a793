using System.Collections.Generic;

namespace System.Threading
{
    // A value per thread and per instance. Each instance has a unique id and
    // a slot number (slots of disposed instances are reused); each thread
    // keeps its values in a [ThreadStatic] array of holders by slot, and a
    // holder is the instance's only if it carries the instance's id, so a
    // reused slot never shows a disposed instance's value.
    public class ThreadLocal<T> : IDisposable
    {
        private sealed class Holder
        {
            public long Owner;
            public T Value;
        }

        private readonly Func<T> _factory;
        private readonly bool _trackAllValues;
        private readonly long _id;
        private int _slot;
        private bool _disposed;
        // Every thread's holder, when tracking values (under the lock).
        private List<Holder> _all;

        public ThreadLocal()
            : this(null, false)
        {
        }

        public ThreadLocal(bool trackAllValues)
            : this(null, trackAllValues)
        {
        }

        public ThreadLocal(Func<T> valueFactory)
            : this(valueFactory, false)
        {
            if (valueFactory == null)
                throw new ArgumentNullException("valueFactory");
        }

        public ThreadLocal(Func<T> valueFactory, bool trackAllValues)
        {
            _factory = valueFactory;
            _trackAllValues = trackAllValues;
            if (trackAllValues)
                _all = new List<Holder>();
            _id = ThreadLocalSlots.NewId();
            _slot = ThreadLocalSlots.TakeSlot();
        }

        private Holder Find()
        {
            if (_disposed)
                throw new ObjectDisposedException("The ThreadLocal object has been disposed.");
            object[] slots = ThreadLocalSlots.Current;
            if (slots == null || _slot >= slots.Length)
                return null;
            Holder h = slots[_slot] as Holder;
            return h != null && h.Owner == _id ? h : null;
        }

        private Holder Create(T value)
        {
            Holder h = new Holder();
            h.Owner = _id;
            h.Value = value;
            ThreadLocalSlots.Store(_slot, h);
            if (_trackAllValues)
            {
                lock (_all)
                    _all.Add(h);
            }
            return h;
        }

        public T Value
        {
            get
            {
                Holder h = Find();
                if (h != null)
                    return h.Value;
                T value = default(T);
                if (_factory != null)
                {
                    // A factory that reads Value recurses: the CLR's error.
                    if (ThreadLocalSlots.Initializing(_id))
                        throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
                    long outer = ThreadLocalSlots.BeginInitializing(_id);
                    try
                    {
                        value = _factory();
                    }
                    finally
                    {
                        ThreadLocalSlots.EndInitializing(outer);
                    }
                    h = Find();
                    if (h != null)
                    {
                        h.Value = value;
                        return value;
                    }
                }
                Create(value);
                return value;
            }
            set
            {
                Holder h = Find();
                if (h != null)
                    h.Value = value;
                else
                    Create(value);
            }
        }

        public bool IsValueCreated
        {
            get { return Find() != null; }
        }

        public IList<T> Values
        {
            get
            {
                if (_disposed)
                    throw new ObjectDisposedException("The ThreadLocal object has been disposed.");
                if (!_trackAllValues)
                    throw new InvalidOperationException("The ThreadLocal object is not tracking values. To use the Values property, use a ThreadLocal constructor that accepts the trackAllValues parameter and set the parameter to true.");
                List<T> values = new List<T>();
                lock (_all)
                {
                    foreach (Holder h in _all)
                        values.Add(h.Value);
                }
                return values;
            }
        }

        public override string ToString()
        {
            T v = Value;
            return v == null ? "" : v.ToString();
        }

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            if (_all != null)
            {
                lock (_all)
                    _all.Clear();
            }
            ThreadLocalSlots.GiveBack(_slot);
        }
    }

    // The per-thread storage of every ThreadLocal<T>.
    internal static class ThreadLocalSlots
    {
        [ThreadStatic] private static object[] t_slots;
        [ThreadStatic] private static long t_initializing;
        private static long s_nextId;
        private static readonly object s_lock = new object();
        private static int[] s_free = new int[16];
        private static int s_freeCount;
        private static int s_nextSlot;

        public static object[] Current
        {
            get { return t_slots; }
        }

        public static long NewId()
        {
            return Interlocked.Increment(ref s_nextId);
        }

        public static int TakeSlot()
        {
            lock (s_lock)
            {
                if (s_freeCount > 0)
                    return s_free[--s_freeCount];
                return s_nextSlot++;
            }
        }

        public static void GiveBack(int slot)
        {
            lock (s_lock)
            {
                if (s_freeCount == s_free.Length)
                {
                    int[] grown = new int[s_free.Length * 2];
                    for (int i = 0; i < s_freeCount; i++)
                        grown[i] = s_free[i];
                    s_free = grown;
                }
                s_free[s_freeCount++] = slot;
            }
        }

        public static void Store(int slot, object holder)
        {
            object[] slots = t_slots;
            if (slots == null || slot >= slots.Length)
            {
                int n = slots == null ? 8 : slots.Length;
                while (n <= slot)
                    n *= 2;
                object[] grown = new object[n];
                if (slots != null)
                    for (int i = 0; i < slots.Length; i++)
                        grown[i] = slots[i];
                t_slots = slots = grown;
            }
            slots[slot] = holder;
        }

        public static bool Initializing(long id)
        {
            return t_initializing == id;
        }

        // The instance whose factory this thread now runs; returns the one
        // it ran before (factories may read other ThreadLocals).
        public static long BeginInitializing(long id)
        {
            long outer = t_initializing;
            t_initializing = id;
            return outer;
        }

        public static void EndInitializing(long outer)
        {
            t_initializing = outer;
        }
    }
}
