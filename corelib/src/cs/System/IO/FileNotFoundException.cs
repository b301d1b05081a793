namespace System.IO
{
    // A file (a child process's assembly, say) does not exist.
    public class FileNotFoundException : SystemException
    {
        public FileNotFoundException()
            : base("Unable to find the specified file.")
        {
            HResult = unchecked((int)0x80070002);
        }

        public FileNotFoundException(string message)
            : base(message)
        {
            HResult = unchecked((int)0x80070002);
        }

        public FileNotFoundException(string message, Exception innerException)
            : base(message, innerException)
        {
            HResult = unchecked((int)0x80070002);
        }
    }
}
