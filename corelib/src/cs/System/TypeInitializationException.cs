namespace System
{
    // Thrown when a type's static constructor throws; InnerException is what
    // it threw.
    public sealed class TypeInitializationException : SystemException
    {
        private readonly string _typeName;

        private const int COR_E_TYPEINITIALIZATION = unchecked((int)0x80131534);

        public TypeInitializationException(string fullTypeName, Exception innerException)
            : base(String.Concat("The type initializer for '", fullTypeName, "' threw an exception."), innerException)
        {
            _typeName = fullTypeName;
            HResult = COR_E_TYPEINITIALIZATION;
        }

        public string TypeName
        {
            get { return _typeName == null ? String.Empty : _typeName; }
        }
    }
}
