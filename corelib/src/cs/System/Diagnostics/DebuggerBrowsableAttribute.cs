namespace System.Diagnostics
{
    // C# compilers put [DebuggerBrowsable(Never)] on the fields behind
    // auto-properties and events.
    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
    public sealed class DebuggerBrowsableAttribute : Attribute
    {
        private readonly DebuggerBrowsableState _state;

        public DebuggerBrowsableAttribute(DebuggerBrowsableState state)
        {
            if (state < DebuggerBrowsableState.Never || state > DebuggerBrowsableState.RootHidden)
                throw new ArgumentOutOfRangeException("state");
            _state = state;
        }

        public DebuggerBrowsableState State
        {
            get { return _state; }
        }
    }
}
