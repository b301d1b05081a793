namespace System.Diagnostics
{
    // Calls to a method marked [Conditional("X")] are compiled only when X
    // is defined.
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute
    {
        private readonly string _conditionString;

        public ConditionalAttribute(string conditionString)
        {
            _conditionString = conditionString;
        }

        public string ConditionString
        {
            get { return _conditionString; }
        }
    }
}
