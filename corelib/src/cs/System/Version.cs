namespace System
{
    // major.minor[.build[.revision]]; the unset parts are -1.
    public sealed class Version : ICloneable, IComparable
    {
        private readonly int _major;
        private readonly int _minor;
        private readonly int _build = -1;
        private readonly int _revision = -1;

        public Version()
        {
        }

        public Version(int major, int minor)
        {
            if (major < 0)
                throw new ArgumentOutOfRangeException("major", "Version's parameters must be greater than or equal to zero.");
            if (minor < 0)
                throw new ArgumentOutOfRangeException("minor", "Version's parameters must be greater than or equal to zero.");
            _major = major;
            _minor = minor;
        }

        public Version(int major, int minor, int build)
            : this(major, minor)
        {
            if (build < 0)
                throw new ArgumentOutOfRangeException("build", "Version's parameters must be greater than or equal to zero.");
            _build = build;
        }

        public Version(int major, int minor, int build, int revision)
            : this(major, minor, build)
        {
            if (revision < 0)
                throw new ArgumentOutOfRangeException("revision", "Version's parameters must be greater than or equal to zero.");
            _revision = revision;
        }

        public Version(string version)
        {
            Version v = Parse(version);
            _major = v._major;
            _minor = v._minor;
            _build = v._build;
            _revision = v._revision;
        }

        public int Major
        {
            get { return _major; }
        }

        public int Minor
        {
            get { return _minor; }
        }

        public int Build
        {
            get { return _build; }
        }

        public int Revision
        {
            get { return _revision; }
        }

        public short MajorRevision
        {
            get { return (short)(_revision >> 16); }
        }

        public short MinorRevision
        {
            get { return (short)(_revision & 0xFFFF); }
        }

        public static Version Parse(string input)
        {
            if (input == null)
                throw new ArgumentNullException("input");
            string[] parts = input.Split('.');
            if (parts.Length < 2 || parts.Length > 4)
                throw new ArgumentException("Version string portion was too short or too long.", "input");
            int[] n = new int[4];
            for (int i = 0; i < parts.Length; i++)
            {
                n[i] = int.Parse(parts[i]);
                if (n[i] < 0)
                    throw new ArgumentOutOfRangeException("version", "Version's parameters must be greater than or equal to zero.");
            }
            switch (parts.Length)
            {
                case 2:
                    return new Version(n[0], n[1]);
                case 3:
                    return new Version(n[0], n[1], n[2]);
                default:
                    return new Version(n[0], n[1], n[2], n[3]);
            }
        }

        public static bool TryParse(string input, out Version result)
        {
            try
            {
                result = Parse(input);
                return true;
            }
            catch (Exception)
            {
                result = null;
                return false;
            }
        }

        // The first (up to) four runs of digits in `text`: "6.1.0-18-amd64"
        // is 6.1.0.18; fewer than two give x.0.
        internal static Version FromNumbersIn(string text)
        {
            int[] n = new int[4];
            int count = 0;
            int i = 0;
            while (i < text.Length && count < 4)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    i++;
                    continue;
                }
                long value = 0;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    if (value < int.MaxValue)
                        value = value * 10 + (text[i] - '0');
                    i++;
                }
                n[count++] = value > int.MaxValue ? int.MaxValue : (int)value;
            }
            switch (count)
            {
                case 0:
                case 1:
                    return new Version(n[0], 0);
                case 2:
                    return new Version(n[0], n[1]);
                case 3:
                    return new Version(n[0], n[1], n[2]);
                default:
                    return new Version(n[0], n[1], n[2], n[3]);
            }
        }

        public object Clone()
        {
            return MemberwiseClone();
        }

        public int CompareTo(object version)
        {
            if (version == null)
                return 1;
            Version v = version as Version;
            if (v == null)
                throw new ArgumentException("Object must be of type Version.");
            return CompareTo(v);
        }

        public int CompareTo(Version value)
        {
            if ((object)value == null)
                return 1;
            if (_major != value._major)
                return _major > value._major ? 1 : -1;
            if (_minor != value._minor)
                return _minor > value._minor ? 1 : -1;
            if (_build != value._build)
                return _build > value._build ? 1 : -1;
            if (_revision != value._revision)
                return _revision > value._revision ? 1 : -1;
            return 0;
        }

        public override bool Equals(object obj)
        {
            return Equals(obj as Version);
        }

        public bool Equals(Version obj)
        {
            return (object)obj != null && obj._major == _major && obj._minor == _minor && obj._build == _build && obj._revision == _revision;
        }

        public override int GetHashCode()
        {
            return ((_major & 0xF) << 28) | ((_minor & 0xFF) << 20) | ((_build & 0xFF) << 12) | (_revision & 0xFFF);
        }

        public override string ToString()
        {
            if (_build == -1)
                return ToString(2);
            if (_revision == -1)
                return ToString(3);
            return ToString(4);
        }

        public string ToString(int fieldCount)
        {
            switch (fieldCount)
            {
                case 0:
                    return "";
                case 1:
                    return _major.ToString();
                case 2:
                    return String.Concat(_major.ToString(), ".", _minor.ToString());
            }
            if (_build == -1 || (fieldCount == 4 && _revision == -1))
                throw new ArgumentException("Argument must be between 0 and 2.", "fieldCount");
            if (fieldCount == 3)
                return String.Concat(_major.ToString(), ".", _minor.ToString(), ".", _build.ToString());
            if (fieldCount == 4)
                return String.Concat(new string[] { _major.ToString(), ".", _minor.ToString(), ".", _build.ToString(), ".", _revision.ToString() });
            throw new ArgumentException("Argument must be between 0 and 4.", "fieldCount");
        }

        public static bool operator ==(Version v1, Version v2)
        {
            if ((object)v1 == null)
                return (object)v2 == null;
            return v1.Equals(v2);
        }

        public static bool operator !=(Version v1, Version v2)
        {
            return !(v1 == v2);
        }

        public static bool operator <(Version v1, Version v2)
        {
            if ((object)v1 == null)
                throw new ArgumentNullException("v1");
            return v1.CompareTo(v2) < 0;
        }

        public static bool operator <=(Version v1, Version v2)
        {
            if ((object)v1 == null)
                throw new ArgumentNullException("v1");
            return v1.CompareTo(v2) <= 0;
        }

        public static bool operator >(Version v1, Version v2)
        {
            return v2 < v1;
        }

        public static bool operator >=(Version v1, Version v2)
        {
            return v2 <= v1;
        }
    }
}
