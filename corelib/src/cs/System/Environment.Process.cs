using System.Runtime.InteropServices;

namespace System
{
    // The parts of Environment that concern the process as a whole.
    public static partial class Environment
    {
        public static int ProcessorCount
        {
            get { return GetProcessorCount(); }
        }

        // Ends the process with `exitCode`, from any thread: the kernel stops
        // the process (ProcessService::Stop), every thread leaves its managed
        // code at its next safepoint or wait, without running finally
        // blocks, and the process ends.
        public static void Exit(int exitCode)
        {
            ExitCore(exitCode);
        }

        [DllImport("QCall", EntryPoint = "Environment_GetProcessorCount")]
        private static extern int GetProcessorCount();

        // Stops the process; the QCall then abandons the calling thread's
        // managed code (it does not return).
        [DllImport("QCall", EntryPoint = "Environment_Exit")]
        private static extern void ExitCore(int exitCode);
    }
}
