namespace System.Reflection
{
    // Thrown by reflection (Activator.CreateInstance) when the member it
    // invoked threw: the member's exception is the inner exception.
    public sealed class TargetInvocationException : ApplicationException
    {
        public TargetInvocationException(Exception inner)
            : base("Exception has been thrown by the target of an invocation.", inner)
        {
            HResult = unchecked((int)0x80131604);
        }

        public TargetInvocationException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = unchecked((int)0x80131604);
        }
    }
}
