namespace System.Threading
{
    // Timeout values of waits and Thread.Sleep.
    public static class Timeout
    {
        public const int Infinite = -1;
    }
}
