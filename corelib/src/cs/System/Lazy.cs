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
    // Not yet: ExecutionAndPublication does not make other threads wait
    // for the first one (corelib has no Monitor yet, issue 13), so two
    // threads racing on the first access may both run the factory. The
    // constructors without a factory create the value with T's public
    // parameterless constructor.
    public class Lazy<T>
    {
        // 0: not created; 1: the factory is running; 2: created;
        // 3: the factory threw (_exception).
        private int _state;
        private readonly LazyThreadSafetyMode _mode;
        private Func<T> _factory;
        private T _value;
        private Exception _exception;

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
        }

        public bool IsValueCreated
        {
            get { return _state == Created; }
        }

        public T Value
        {
            get
            {
                if (_state == Created)
                    return _value;
                return CreateValue();
            }
        }

        private T CreateValue()
        {
            if (_state == Faulted)
                throw _exception;
            if (_mode == LazyThreadSafetyMode.PublicationOnly)
            {
                T value = _factory();
                if (_state != Created)
                {
                    _value = value;
                    _state = Created;
                    _factory = null;
                }
                return _value;
            }
            if (_state == Running)
                throw new InvalidOperationException("ValueFactory attempted to access the Value property of this instance.");
            _state = Running;
            try
            {
                _value = _factory();
            }
            catch (Exception e)
            {
                _exception = e;
                _state = Faulted;
                _factory = null;
                throw;
            }
            _state = Created;
            _factory = null;
            return _value;
        }

        // The value's text, or "Value is not created.".
        public override string ToString()
        {
            return IsValueCreated ? _value.ToString() : "Value is not created.";
        }
    }
}
