using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Osprey
{
    // The example docs/internal-calls.md builds from scratch ("Walkthrough:
    // a new FCall and a new QCall"): one FCall (vm/src/fcall/walkthrough.rs)
    // and one QCall (qcall/src/walkthrough.rs), each in a file of its own.
    // vm/tests/internal_calls.rs calls both, so the walkthrough stays true.
    public static class Walkthrough
    {
        // The FCall: Adler-32 of a string's UTF-16 code units. Short, never
        // blocks, allocates nothing: what an FCall is for. (`uint` is not
        // CLS-compliant, hence the attribute, which keeps mcs from warning.)
        [CLSCompliant(false)]
        public static uint Adler32(string s)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            return Adler32Core(s);
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern uint Adler32Core(string s);

        // The QCall: `s` repeated `times` times, separated by `separator`.
        // It allocates the result, so it runs in preemptive mode, behind a
        // wrapper that checks the arguments before the transition.
        public static string Repeat(string s, int times, char separator)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if (times < 0)
                throw new ArgumentOutOfRangeException("times", "times must not be negative");
            string result = null;
            RepeatCore(s, times, separator, new StringHandleOnStack(ref result));
            return result;
        }

        [DllImport("QCall", EntryPoint = "Walkthrough_Repeat")]
        private static extern void RepeatCore(string s, int times, char separator, StringHandleOnStack result);
    }
}
