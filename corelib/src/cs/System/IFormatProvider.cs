namespace System
{
    // Supplies formatting information (a NumberFormatInfo, ...) to
    // formatting methods. Osprey formats everything with the invariant
    // culture and ignores providers.
    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }
}
