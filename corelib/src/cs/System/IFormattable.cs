namespace System
{
    // A value that formats itself according to a format string, as
    // String.Format's "{0:X4}" holes ask: the numeric types implement it.
    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }
}
