namespace System
{
    // Thrown when combining delegates of a type that cannot be combined.
    public sealed class MulticastNotSupportedException : SystemException
    {
        public MulticastNotSupportedException()
            : base("Attempted to add multiple callbacks to a delegate that does not support multicast.")
        {
        }

        public MulticastNotSupportedException(string message)
            : base(message)
        {
        }
    }
}
