using System.Globalization;

namespace System.Collections
{
    // The non-generic default comparer: strings by the culture's rules
    // (String.Compare), everything else through IComparable. What
    // Comparer<T>.Default uses for types that do not implement
    // IComparable<T>.
    public sealed class Comparer : IComparer
    {
        public static readonly Comparer Default = new Comparer(CultureInfo.CurrentCulture);
        public static readonly Comparer DefaultInvariant = new Comparer(CultureInfo.InvariantCulture);

        public Comparer(CultureInfo culture)
        {
            if (culture == null)
                throw new ArgumentNullException("culture");
        }

        // null sorts first; two nulls (or the same object) are equal.
        public int Compare(object a, object b)
        {
            if (a == b)
                return 0;
            if (a == null)
                return -1;
            if (b == null)
                return 1;
            string sa = a as string;
            string sb = b as string;
            if (sa != null && sb != null)
                return String.Compare(sa, sb, StringComparison.CurrentCulture);
            IComparable ia = a as IComparable;
            if (ia != null)
                return ia.CompareTo(b);
            IComparable ib = b as IComparable;
            if (ib != null)
                return -ib.CompareTo(a);
            throw new ArgumentException("At least one object must implement IComparable.");
        }
    }
}
