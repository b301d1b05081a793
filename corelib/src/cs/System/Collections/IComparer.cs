namespace System.Collections
{
    // Orders two objects: negative, zero or positive as x sorts before,
    // with or after y.
    public interface IComparer
    {
        int Compare(object x, object y);
    }
}
