using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace System
{
    public static partial class Environment
    {
        public static string NewLine
        {
            get { return "\n"; }
        }

        // The value of an environment variable of the process, or null if it
        // is not set. A QCall: string in (pinned UTF-16), string out (through
        // a StringHandleOnStack).
        public static string GetEnvironmentVariable(string variable)
        {
            if (variable == null)
                throw new ArgumentNullException("variable");
            string result = null;
            GetEnvironmentVariableCore(variable, new StringHandleOnStack(ref result));
            return result;
        }

        [DllImport("QCall", EntryPoint = "Environment_GetEnvironmentVariable")]
        private static extern void GetEnvironmentVariableCore(string variable, StringHandleOnStack result);
    }
}
