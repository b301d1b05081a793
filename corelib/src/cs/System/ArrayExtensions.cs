using System.Runtime.CompilerServices;

namespace System
{
    // STOPGAP until System.Array declares `public int Length { get; }`.
    //
    // mcs compiles `array.Length` to the ldlen instruction, but only when
    // System.Array has a Length property, which corelib's Array does not
    // have yet. Until it does, corelib writes `array.Length()`, this
    // extension method, whose FCall reads the length the runtime stored in
    // the array. When Array.Length exists, `.Length()` no longer compiles
    // (a property cannot be called): replace every `.Length()` with
    // `.Length` and delete this file and its FCall.
    internal static class ArrayExtensions
    {
        internal static int Length(this Array array)
        {
            if (array == null)
                throw new NullReferenceException();
            return GetLength(array);
        }

        // FCall. The number of elements of a single-dimensional array.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int GetLength(Array array);
    }
}
