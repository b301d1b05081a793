namespace System
{
    // 96-bit integer scaled by a power of ten (CoreCLR's field layout).
    // Only the type exists so far: mcs needs it, and decimal arithmetic,
    // conversions and formatting are not implemented yet.
    public struct Decimal
    {
#pragma warning disable 169 // set by constructors that do not exist yet
        // Bits 16-23: the scale (0-28); bit 31: the sign.
        private int _flags;
        private uint _hi32;
        private ulong _lo64;
#pragma warning restore 169

        public override string ToString()
        {
            throw new NotSupportedException("Formatting a System.Decimal is not supported yet.");
        }
    }
}
