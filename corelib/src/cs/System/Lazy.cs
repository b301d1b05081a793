using System.Threading;

namespace System
{
    // A value computed by a factory on first use: .NET's Lazy<T>. In the
    // None and ExecutionAndPublication modes the factory runs once and an
    // exception it throws is thrown again by every later access; a factory
    // that reads the Value it is computing gets InvalidOperationException.
    // In PublicationOnly mode a failed factory runs again on the next
    // access.
    //
    // Threads: in ExecutionAndPublication mode the first thread to ask runs
    // the factory under a private lock while the others wait on that lock,
    // so the factory runs once and every thread gets its value (or its
    // exception). In PublicationOnly mode threads racing on the first
    // access may each run the factory; the first to finish publishes its
    // value (under the lock) and every thread returns that one. None takes
    // no lock. The state is written after the value it publishes and read
    // with Volatile.Read before it, so a thread that sees Created sees the
    // value. The constructors without a factory create the value with T's
    // public parameterless constructor.
    public class Lazy<T>
    {
        // 0: not created; 1: the factory is running; 2: created;
        // 3: the factory threw (_exception).
        private int _state;
        private readonly LazyThreadSafetyMode _mode;
        private Func<T> _factory;
        private T _value;
        private Exception _exception;
        // The lock of the thread-safe modes (null in None mode and for an
        // already created value).
        private readonly object _lock;

        private const int NotCreated = 0;
        private const int Running = 1;
        private const int Created = 2;
        private const int Faulted = 3;

        public Lazy()
            : this(LazyThreadSafetyMode.ExecutionAndPublication)
        {
        }

        public Lazy(bool isThreadSafe)
            : this(isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None)
        {
        }

        public Lazy(LazyThreadSafetyMode mode)
            : this(CreateViaDefaultConstructor, mode)
        {
        }

        private static T CreateViaDefaultConstructor()
        {
            try
            {
                return Activator.CreateInstance<T>();
            }
            catch (MissingMethodException)
            {
                throw new MissingMemberException("The lazily-initialized type does not have a public, parameterless constructor.");
            }
        }

        // An already created value.
        public Lazy(T value)
        {
            _value = value;
            _state = Created;
            _mode = LazyThreadSafetyMode.None;
        }

        public Lazy(Func<T> valueFactory)
            : this(valueFactory, LazyThreadSafetyMode.ExecutionAndPublication)
        {
        }

        public Lazy(Func<T> valueFactory, bool isThreadSafe)
            : this(valueFactory, isThreadSafe ? LazyThreadSafetyMode.ExecutionAndPublication : LazyThreadSafetyMode.None)
        {
        }

        public Lazy(Func<T> valueFactory, LazyThreadSafetyMode mode)
        {
            if (valueFactory == null)
                throw new ArgumentNullException("valueFactory");
            if (mode < LazyThreadSafetyMode.None || mode > LazyThreadSafetyMode.ExecutionAndPublication)
                throw new ArgumentOutOfRangeException("mode", "The mode argument specifies an invalid value.");
            _factory = valueFactory;
            _mode = mode;
            if (mode != LazyThreadSafetyMode.None)
                _lock = new object();
        }

        public bool IsValueCreated
        {
            get { return Volatile.Read(ref _state) == Created; }
        }

        public T Value
        {
            get
            {
                if (Volatile.Read(ref _state) == Created)
                    return _value;
                if (_mode == LazyThreadSafetyMode.None)
                    return CreateValue();
                if (_mode == LazyThreadSafetyMode.PublicationOnly)
                    return CreatePublicationOnly();
                lock (_lock)
                {
                    return CreateValue();
                }
            }
        }

        // None, and ExecutionAndPublication under the lock: runs the
        // factory once; a factory that asks for the Value it is computing
        // (the lock is recursive, so on the same thread it gets here) is
        // refused.
        private T CreateValue()
        {
            int state = Volatile.Read(ref _state);
            if (state == Created)
                return _value;
            if (state == Faulted)
                throw _exception;
            if (state == Running)
                throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
            _state = Running;
            try
            {
                _value = _factory();
            }
            catch (Exception e)
            {
                _exception = e;
                _factory = null;
                Volatile.Write(ref _state, Faulted);
                throw;
            }
            _factory = null;
            Volatile.Write(ref _state, Created);
            return _value;
        }

        // PublicationOnly: the factory runs outside the lock (perhaps on
        // several threads at once, and again after it threw); the first
        // value to be published wins.
        private T CreatePublicationOnly()
        {
            Func<T> factory = _factory;
            if (factory == null)
            {
                // Published: the lock orders this read after the
                // publisher's writes.
                lock (_lock)
                {
                    return _value;
                }
            }
            T value = factory();
            lock (_lock)
            {
                if (Volatile.Read(ref _state) != Created)
                {
                    _value = value;
                    _factory = null;
                    Volatile.Write(ref _state, Created);
                }
            }
            return _value;
        }

        // The value's text, or "Value is not created.".
        public override string ToString()
        {
            return IsValueCreated ? _value.ToString() : "Value is not created.";
        }
    }
}
