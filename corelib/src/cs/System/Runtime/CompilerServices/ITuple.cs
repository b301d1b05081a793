namespace System.Runtime.CompilerServices
{
    // A tuple's elements by position (Tuple and ValueTuple implement it).
    public interface ITuple
    {
        int Length { get; }

        object this[int index] { get; }
    }
}
