namespace System.Threading
{
    // How a Lazy<T> behaves when several threads ask for its value.
    public enum LazyThreadSafetyMode
    {
        // No thread safety.
        None = 0,
        // Threads may each run the factory; the first value stored wins.
        PublicationOnly = 1,
        // The factory runs once; other threads wait for it.
        ExecutionAndPublication = 2,
    }
}
