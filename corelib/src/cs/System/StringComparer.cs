using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace System
{
    // Comparers of strings: ordinal (code unit by code unit, optionally
    // ignoring case) and culture-sensitive (String.Compare's rules; Osprey
    // has only the invariant culture, so the current-culture and
    // invariant-culture comparers agree). Non-string objects are compared
    // through IComparable / Equals.
    public abstract class StringComparer : IComparer, IEqualityComparer, IComparer<string>, IEqualityComparer<string>
    {
        private static readonly StringComparer s_ordinal = new OrdinalComparer(false);
        private static readonly StringComparer s_ordinalIgnoreCase = new OrdinalComparer(true);
        private static readonly StringComparer s_culture = new CultureAwareComparer(false);
        private static readonly StringComparer s_cultureIgnoreCase = new CultureAwareComparer(true);

        protected StringComparer()
        {
        }

        public static StringComparer Ordinal
        {
            get { return s_ordinal; }
        }

        public static StringComparer OrdinalIgnoreCase
        {
            get { return s_ordinalIgnoreCase; }
        }

        public static StringComparer InvariantCulture
        {
            get { return s_culture; }
        }

        public static StringComparer InvariantCultureIgnoreCase
        {
            get { return s_cultureIgnoreCase; }
        }

        public static StringComparer CurrentCulture
        {
            get { return s_culture; }
        }

        public static StringComparer CurrentCultureIgnoreCase
        {
            get { return s_cultureIgnoreCase; }
        }

        public static StringComparer Create(CultureInfo culture, bool ignoreCase)
        {
            if (culture == null)
                throw new ArgumentNullException("culture");
            return ignoreCase ? s_cultureIgnoreCase : s_culture;
        }

        public static StringComparer FromComparison(StringComparison comparisonType)
        {
            switch (comparisonType)
            {
                case StringComparison.CurrentCulture:
                    return CurrentCulture;
                case StringComparison.CurrentCultureIgnoreCase:
                    return CurrentCultureIgnoreCase;
                case StringComparison.InvariantCulture:
                    return InvariantCulture;
                case StringComparison.InvariantCultureIgnoreCase:
                    return InvariantCultureIgnoreCase;
                case StringComparison.Ordinal:
                    return Ordinal;
                case StringComparison.OrdinalIgnoreCase:
                    return OrdinalIgnoreCase;
                default:
                    throw new ArgumentException("The string comparison type passed in is currently not supported.", "comparisonType");
            }
        }

        public int Compare(object x, object y)
        {
            if (x == y)
                return 0;
            if (x == null)
                return -1;
            if (y == null)
                return 1;
            string sa = x as string;
            if (sa != null)
            {
                string sb = y as string;
                if (sb != null)
                    return Compare(sa, sb);
            }
            IComparable ia = x as IComparable;
            if (ia != null)
                return ia.CompareTo(y);
            throw new ArgumentException("At least one object must implement IComparable.");
        }

        public new bool Equals(object x, object y)
        {
            if (x == y)
                return true;
            if (x == null || y == null)
                return false;
            string sa = x as string;
            if (sa != null)
            {
                string sb = y as string;
                if (sb != null)
                    return Equals(sa, sb);
            }
            return x.Equals(y);
        }

        public int GetHashCode(object obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            string s = obj as string;
            if (s != null)
                return GetHashCode(s);
            return obj.GetHashCode();
        }

        public abstract int Compare(string x, string y);

        public abstract bool Equals(string x, string y);

        public abstract int GetHashCode(string obj);
    }

    // StringComparer.Ordinal and OrdinalIgnoreCase.
    internal sealed class OrdinalComparer : StringComparer
    {
        private readonly bool _ignoreCase;

        internal OrdinalComparer(bool ignoreCase)
        {
            _ignoreCase = ignoreCase;
        }

        public override int Compare(string x, string y)
        {
            if (Object.ReferenceEquals(x, y))
                return 0;
            if (x == null)
                return -1;
            if (y == null)
                return 1;
            if (_ignoreCase)
                return String.Compare(x, y, StringComparison.OrdinalIgnoreCase);
            return String.CompareOrdinal(x, y);
        }

        public override bool Equals(string x, string y)
        {
            if (Object.ReferenceEquals(x, y))
                return true;
            if (x == null || y == null)
                return false;
            if (_ignoreCase)
            {
                if (x.Length != y.Length)
                    return false;
                return String.Compare(x, y, StringComparison.OrdinalIgnoreCase) == 0;
            }
            return x.Equals(y);
        }

        public override int GetHashCode(string obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            if (_ignoreCase)
                return obj.ToUpperInvariant().GetHashCode();
            return obj.GetHashCode();
        }

        public override bool Equals(object obj)
        {
            OrdinalComparer comparer = obj as OrdinalComparer;
            return comparer != null && _ignoreCase == comparer._ignoreCase;
        }

        public override int GetHashCode()
        {
            int hashCode = "OrdinalComparer".GetHashCode();
            return _ignoreCase ? (~hashCode) : hashCode;
        }
    }

    // StringComparer.InvariantCulture, CurrentCulture and their IgnoreCase
    // forms: String.Compare with the culture comparison.
    internal sealed class CultureAwareComparer : StringComparer
    {
        private readonly bool _ignoreCase;

        internal CultureAwareComparer(bool ignoreCase)
        {
            _ignoreCase = ignoreCase;
        }

        public override int Compare(string x, string y)
        {
            if (Object.ReferenceEquals(x, y))
                return 0;
            if (x == null)
                return -1;
            if (y == null)
                return 1;
            return String.Compare(x, y, _ignoreCase ? StringComparison.InvariantCultureIgnoreCase : StringComparison.InvariantCulture);
        }

        public override bool Equals(string x, string y)
        {
            if (Object.ReferenceEquals(x, y))
                return true;
            if (x == null || y == null)
                return false;
            return Compare(x, y) == 0;
        }

        // A hash that agrees with Equals: the culture comparison ignores
        // '\0' (and, ignoring case, the case of letters).
        public override int GetHashCode(string obj)
        {
            if (obj == null)
                throw new ArgumentNullException("obj");
            string key = obj.IndexOf('\0') >= 0 ? obj.Replace("\0", "") : obj;
            if (_ignoreCase)
                key = key.ToUpperInvariant();
            return key.GetHashCode();
        }

        public override bool Equals(object obj)
        {
            CultureAwareComparer comparer = obj as CultureAwareComparer;
            return comparer != null && _ignoreCase == comparer._ignoreCase;
        }

        public override int GetHashCode()
        {
            int hashCode = "CultureAwareComparer".GetHashCode();
            return _ignoreCase ? (~hashCode) : hashCode;
        }
    }
}
