namespace System
{
    // The state of an asynchronous operation. Every C# delegate type has a
    // BeginInvoke/EndInvoke pair that mentions it (and AsyncCallback).
    // (.NET's AsyncWaitHandle property comes with System.Threading.)
    public interface IAsyncResult
    {
        bool IsCompleted { get; }

        object AsyncState { get; }

        bool CompletedSynchronously { get; }
    }
}
