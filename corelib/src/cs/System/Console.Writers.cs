using System.IO;

namespace System
{
    // Console.Out and Console.Error: TextWriters over the same FCall as the
    // static methods. Not on the restricted path (they allocate objects,
    // use static fields and virtual calls).
    public static partial class Console
    {
        private static TextWriter s_out;
        private static TextWriter s_error;

        // Racing first uses may each create a writer; any of them is fine.
        public static TextWriter Out
        {
            get
            {
                TextWriter writer = s_out;
                if (writer == null)
                {
                    writer = new ConsoleWriter(StdOut);
                    s_out = writer;
                }
                return writer;
            }
        }

        public static TextWriter Error
        {
            get
            {
                TextWriter writer = s_error;
                if (writer == null)
                {
                    writer = new ConsoleWriter(StdErr);
                    s_error = writer;
                }
                return writer;
            }
        }
    }
}
