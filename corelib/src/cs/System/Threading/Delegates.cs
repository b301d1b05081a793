namespace System.Threading
{
    // The entry point of a thread started with Thread(ThreadStart).
    public delegate void ThreadStart();

    // The entry point of a thread started with Thread.Start(object).
    public delegate void ParameterizedThreadStart(object obj);

    // A work item of ThreadPool.QueueUserWorkItem.
    public delegate void WaitCallback(object state);
}
