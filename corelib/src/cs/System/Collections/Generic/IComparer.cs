namespace System.Collections.Generic
{
    // Orders two values: negative, zero or positive as x sorts before, with
    // or after y.
    public interface IComparer<in T>
    {
        int Compare(T x, T y);
    }
}
