namespace System.Globalization
{
    // Osprey has one culture, the invariant culture: it formats numbers
    // with '.' and ',' and compares strings with the invariant rules.
    // CultureInfo exists so that programs can pass
    // CultureInfo.InvariantCulture (or CurrentCulture, the same culture)
    // as a format provider.
    public class CultureInfo : IFormatProvider
    {
        private static readonly CultureInfo s_invariant = new CultureInfo();

        private CultureInfo()
        {
        }

        public static CultureInfo InvariantCulture
        {
            get { return s_invariant; }
        }

        public static CultureInfo CurrentCulture
        {
            get { return s_invariant; }
        }

        public static CultureInfo CurrentUICulture
        {
            get { return s_invariant; }
        }

        // The invariant culture's name is "".
        public virtual string Name
        {
            get { return ""; }
        }

        // Formatting reads nothing from the provider.
        public virtual object GetFormat(Type formatType)
        {
            return null;
        }

        public override string ToString()
        {
            return Name;
        }
    }
}
