namespace System
{
    // Raised by the runtime for a malformed assembly or invalid IL.
    public class BadImageFormatException : SystemException
    {
        private const int COR_E_BADIMAGEFORMAT = unchecked((int)0x8007000B);

        public BadImageFormatException()
            : base("Format of the executable (.exe) or library (.dll) is invalid.")
        {
            HResult = COR_E_BADIMAGEFORMAT;
        }

        public BadImageFormatException(string message)
            : base(message)
        {
            HResult = COR_E_BADIMAGEFORMAT;
        }

        public BadImageFormatException(string message, Exception inner)
            : base(message, inner)
        {
            HResult = COR_E_BADIMAGEFORMAT;
        }
    }
}
