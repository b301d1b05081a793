// mcs compiles a lifted shift by a null constant to a Nullable<int>
// temporary and then calls Nullable<byte>.GetValueOrDefault on it
// (`ldloca V_0; call Nullable<uint8>::GetValueOrDefault()` with V_0 a
// Nullable<int32>): a method of one reference-free value type called on a
// pointer to another. Memory-safe (both hold only bits), so it is the
// unsafe-code Pointer rule, not type safety: code compiled with -unsafe
// runs it as mono does; under --verify it is unverifiable. The
// differential fuzzer found it (seeds 8, 21, 23).
using System;

class Program
{
    static byte? b = 7;

    static void Main()
    {
        Console.WriteLine(((byte?)(((int?)b) >> ((int?)null))).GetValueOrDefault());
        Console.WriteLine(((byte?)(((int?)b) << 1)).GetValueOrDefault());
    }
}
