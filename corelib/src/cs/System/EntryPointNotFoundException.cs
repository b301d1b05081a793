namespace System
{
    // Raised by the runtime when a method has no implementation it can call
    // (an abstract method reached directly).
    public class EntryPointNotFoundException : TypeLoadException
    {
        private const int COR_E_ENTRYPOINTNOTFOUND = unchecked((int)0x80131523);

        public EntryPointNotFoundException()
            : base("Entry point was not found.")
        {
            HResult = COR_E_ENTRYPOINTNOTFOUND;
        }

        public EntryPointNotFoundException(string message)
            : base(message)
        {
            HResult = COR_E_ENTRYPOINTNOTFOUND;
        }

        public EntryPointNotFoundException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = COR_E_ENTRYPOINTNOTFOUND;
        }
    }
}
