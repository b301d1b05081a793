using System.Globalization;
using System.Runtime.InteropServices;

namespace System
{
    public enum DateTimeKind
    {
        Unspecified = 0,
        Utc = 1,
        Local = 2,
    }

    public enum DayOfWeek
    {
        Sunday = 0,
        Monday = 1,
        Tuesday = 2,
        Wednesday = 3,
        Thursday = 4,
        Friday = 5,
        Saturday = 6,
    }

    // A date and time of day in the proleptic Gregorian calendar, from
    // 0001-01-01 to 9999-12-31, in ticks of 100 ns, with a kind (UTC, local
    // or unspecified). The wall clock and the local time zone's offset come
    // from the kernel (ProcessService.GetUtcTime/GetUtcOffset, ABI v3).
    // Formatting and parsing use the invariant culture (DateTimeFormat.cs,
    // DateTimeParse.cs).
    public struct DateTime : IComparable, IFormattable, IConvertible
    {
        private const long TicksPerMillisecond = 10000;
        private const long TicksPerSecond = TicksPerMillisecond * 1000;
        private const long TicksPerMinute = TicksPerSecond * 60;
        private const long TicksPerHour = TicksPerMinute * 60;
        private const long TicksPerDay = TicksPerHour * 24;

        private const int MillisPerSecond = 1000;
        private const int MillisPerMinute = MillisPerSecond * 60;
        private const int MillisPerHour = MillisPerMinute * 60;
        private const int MillisPerDay = MillisPerHour * 24;

        private const int DaysPerYear = 365;
        private const int DaysPer4Years = DaysPerYear * 4 + 1;
        private const int DaysPer100Years = DaysPer4Years * 25 - 1;
        private const int DaysPer400Years = DaysPer100Years * 4 + 1;
        private const int DaysTo1601 = DaysPer400Years * 4;
        private const int DaysTo1899 = DaysPer400Years * 4 + DaysPer100Years * 3 - 367;
        internal const int DaysTo1970 = DaysPer400Years * 4 + DaysPer100Years * 3 + DaysPer4Years * 17 + DaysPerYear;
        private const int DaysTo10000 = DaysPer400Years * 25 - 366;

        internal const long MinTicks = 0;
        internal const long MaxTicks = DaysTo10000 * TicksPerDay - 1;
        private const long MaxMillis = (long)DaysTo10000 * MillisPerDay;
        internal const long UnixEpochTicks = DaysTo1970 * TicksPerDay;
        private const long FileTimeOffset = DaysTo1601 * TicksPerDay;
        private const long DoubleDateOffset = DaysTo1899 * TicksPerDay;
        private const long OADateMinAsTicks = (DaysPer100Years - DaysPerYear) * TicksPerDay;
        private const double OADateMinAsDouble = -657435.0;
        private const double OADateMaxAsDouble = 2958466.0;

        private const ulong TicksMask = 0x3FFFFFFFFFFFFFFF;
        private const ulong FlagsMask = 0xC000000000000000;
        private const int KindShift = 62;
        private const ulong KindUtc = 0x4000000000000000;
        private const ulong KindLocal = 0x8000000000000000;

        private static readonly int[] s_daysToMonth365 = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
        private static readonly int[] s_daysToMonth366 = { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };

        public static readonly DateTime MinValue = new DateTime(MinTicks, DateTimeKind.Unspecified);
        public static readonly DateTime MaxValue = new DateTime(MaxTicks, DateTimeKind.Unspecified);
        public static readonly DateTime UnixEpoch = new DateTime(UnixEpochTicks, DateTimeKind.Utc);

        // The ticks in the low 62 bits, the kind in the top two (as .NET).
        private readonly ulong _dateData;

        private const string TicksOutOfRange = "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.";
        private const string BadYearMonthDay = "Year, Month, and Day parameters describe an un-representable DateTime.";
        private const string BadHourMinuteSecond = "Hour, Minute, and Second parameters describe an un-representable DateTime.";
        private const string AddOutOfRange = "The added or subtracted value results in an un-representable DateTime.";

        public DateTime(long ticks)
        {
            if (ticks < MinTicks || ticks > MaxTicks)
                throw new ArgumentOutOfRangeException("ticks", TicksOutOfRange);
            _dateData = (ulong)ticks;
        }

        public DateTime(long ticks, DateTimeKind kind)
        {
            if (ticks < MinTicks || ticks > MaxTicks)
                throw new ArgumentOutOfRangeException("ticks", TicksOutOfRange);
            if (kind < DateTimeKind.Unspecified || kind > DateTimeKind.Local)
                throw new ArgumentException("Invalid DateTimeKind value.", "kind");
            _dateData = (ulong)ticks | ((ulong)kind << KindShift);
        }

        private DateTime(ulong dateData)
        {
            _dateData = dateData;
        }

        public DateTime(int year, int month, int day)
        {
            _dateData = (ulong)DateToTicks(year, month, day);
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second)
        {
            _dateData = (ulong)(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second));
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)
            : this(DateToTicks(year, month, day) + TimeToTicks(hour, minute, second), kind)
        {
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond)
            : this(year, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified)
        {
        }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)
        {
            if (millisecond < 0 || millisecond >= MillisPerSecond)
                throw new ArgumentOutOfRangeException("millisecond", "Valid values are between 0 and 999, inclusive.");
            if (kind < DateTimeKind.Unspecified || kind > DateTimeKind.Local)
                throw new ArgumentException("Invalid DateTimeKind value.", "kind");
            long ticks = DateToTicks(year, month, day) + TimeToTicks(hour, minute, second) + millisecond * TicksPerMillisecond;
            if (ticks < MinTicks || ticks > MaxTicks)
                throw new ArgumentException("Combination of arguments to the DateTime constructor is out of the legal range.");
            _dateData = (ulong)ticks | ((ulong)kind << KindShift);
        }

        private static long DateToTicks(int year, int month, int day)
        {
            if (year >= 1 && year <= 9999 && month >= 1 && month <= 12)
            {
                int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
                if (day >= 1 && day <= days[month] - days[month - 1])
                {
                    int y = year - 1;
                    int n = y * 365 + y / 4 - y / 100 + y / 400 + days[month - 1] + day - 1;
                    return n * TicksPerDay;
                }
            }
            throw new ArgumentOutOfRangeException(null, BadYearMonthDay);
        }

        private static long TimeToTicks(int hour, int minute, int second)
        {
            if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60)
                return TimeSpan.TimeToTicks(hour, minute, second);
            throw new ArgumentOutOfRangeException(null, BadHourMinuteSecond);
        }

        // ----- Parts ----------------------------------------------------------

        public long Ticks
        {
            get { return (long)(_dateData & TicksMask); }
        }

        private long InternalTicks
        {
            get { return (long)(_dateData & TicksMask); }
        }

        public DateTimeKind Kind
        {
            get { return (DateTimeKind)(_dateData >> KindShift); }
        }

        public DateTime Date
        {
            get
            {
                long ticks = InternalTicks;
                return new DateTime((ulong)(ticks - ticks % TicksPerDay) | (_dateData & FlagsMask));
            }
        }

        public TimeSpan TimeOfDay
        {
            get { return new TimeSpan(InternalTicks % TicksPerDay); }
        }

        private const int DatePartYear = 0;
        private const int DatePartDayOfYear = 1;
        private const int DatePartMonth = 2;
        private const int DatePartDay = 3;

        private int GetDatePart(int part)
        {
            int n = (int)(InternalTicks / TicksPerDay);
            int y400 = n / DaysPer400Years;
            n -= y400 * DaysPer400Years;
            int y100 = n / DaysPer100Years;
            if (y100 == 4)
                y100 = 3;
            n -= y100 * DaysPer100Years;
            int y4 = n / DaysPer4Years;
            n -= y4 * DaysPer4Years;
            int y1 = n / DaysPerYear;
            if (y1 == 4)
                y1 = 3;
            if (part == DatePartYear)
                return y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1;
            n -= y1 * DaysPerYear;
            if (part == DatePartDayOfYear)
                return n + 1;
            bool leapYear = y1 == 3 && (y4 != 24 || y100 == 3);
            int[] days = leapYear ? s_daysToMonth366 : s_daysToMonth365;
            int m = (n >> 5) + 1;
            while (n >= days[m])
                m++;
            if (part == DatePartMonth)
                return m;
            return n - days[m - 1] + 1;
        }

        internal void GetDate(out int year, out int month, out int day)
        {
            year = GetDatePart(DatePartYear);
            month = GetDatePart(DatePartMonth);
            day = GetDatePart(DatePartDay);
        }

        public int Year
        {
            get { return GetDatePart(DatePartYear); }
        }

        public int Month
        {
            get { return GetDatePart(DatePartMonth); }
        }

        public int Day
        {
            get { return GetDatePart(DatePartDay); }
        }

        public int DayOfYear
        {
            get { return GetDatePart(DatePartDayOfYear); }
        }

        public DayOfWeek DayOfWeek
        {
            get { return (DayOfWeek)((InternalTicks / TicksPerDay + 1) % 7); }
        }

        public int Hour
        {
            get { return (int)((InternalTicks / TicksPerHour) % 24); }
        }

        public int Minute
        {
            get { return (int)((InternalTicks / TicksPerMinute) % 60); }
        }

        public int Second
        {
            get { return (int)((InternalTicks / TicksPerSecond) % 60); }
        }

        public int Millisecond
        {
            get { return (int)((InternalTicks / TicksPerMillisecond) % 1000); }
        }

        public static bool IsLeapYear(int year)
        {
            if (year < 1 || year > 9999)
                throw new ArgumentOutOfRangeException("year", "Year must be between 1 and 9999.");
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month < 1 || month > 12)
                throw new ArgumentOutOfRangeException("month", "Month must be between one and twelve.");
            int[] days = IsLeapYear(year) ? s_daysToMonth366 : s_daysToMonth365;
            return days[month] - days[month - 1];
        }

        // ----- Now ------------------------------------------------------------

        // QCalls (qcall/src/environment.rs): the wall clock in nanoseconds
        // since 1970-01-01 UTC, and the local time zone's offset in seconds
        // at an instant.
        [DllImport("QCall", EntryPoint = "Environment_GetUtcTime")]
        private static extern long GetUtcTimeCore();

        [DllImport("QCall", EntryPoint = "Environment_GetUtcOffset")]
        private static extern int GetUtcOffsetCore(long unixSeconds);

        public static DateTime UtcNow
        {
            get { return new DateTime((ulong)(UnixEpochTicks + GetUtcTimeCore() / 100) | KindUtc); }
        }

        public static DateTime Now
        {
            get { return UtcNow.ToLocalTime(); }
        }

        public static DateTime Today
        {
            get { return Now.Date; }
        }

        // The local zone's offset from UTC at the UTC instant `utcTicks`.
        internal static TimeSpan LocalOffsetAtUtc(long utcTicks)
        {
            long seconds = (utcTicks - UnixEpochTicks) / TicksPerSecond;
            return new TimeSpan(GetUtcOffsetCore(seconds) * TicksPerSecond);
        }

        // The local zone's offset in effect at local time `localTicks`.
        internal static TimeSpan LocalOffsetAtLocal(long localTicks)
        {
            TimeSpan guess = LocalOffsetAtUtc(localTicks);
            return LocalOffsetAtUtc(localTicks - guess.Ticks);
        }

        public DateTime ToLocalTime()
        {
            if (Kind == DateTimeKind.Local)
                return this;
            long ticks = InternalTicks;
            long local = ticks + LocalOffsetAtUtc(ticks).Ticks;
            if (local > MaxTicks)
                local = MaxTicks;
            if (local < MinTicks)
                local = MinTicks;
            return new DateTime((ulong)local | KindLocal);
        }

        // An Unspecified time is taken as local, as .NET does.
        public DateTime ToUniversalTime()
        {
            if (Kind == DateTimeKind.Utc)
                return this;
            long ticks = InternalTicks;
            long utc = ticks - LocalOffsetAtLocal(ticks).Ticks;
            if (utc > MaxTicks)
                utc = MaxTicks;
            if (utc < MinTicks)
                utc = MinTicks;
            return new DateTime((ulong)utc | KindUtc);
        }

        public bool IsDaylightSavingTime()
        {
            return false;
        }

        public static DateTime SpecifyKind(DateTime value, DateTimeKind kind)
        {
            return new DateTime(value.InternalTicks, kind);
        }

        // ----- Arithmetic -----------------------------------------------------

        public DateTime Add(TimeSpan value)
        {
            return AddTicks(value.Ticks);
        }

        // `value` units of `scale` milliseconds, rounded to the nearest
        // millisecond (as .NET Framework and mono do).
        private DateTime Add(double value, int scale)
        {
            double millis_double = value * scale + (value >= 0 ? 0.5 : -0.5);
            if (millis_double <= -MaxMillis || millis_double >= MaxMillis)
                throw new ArgumentOutOfRangeException("value", "Value to add was out of range.");
            return AddTicks((long)millis_double * TicksPerMillisecond);
        }

        public DateTime AddDays(double value)
        {
            return Add(value, MillisPerDay);
        }

        public DateTime AddHours(double value)
        {
            return Add(value, MillisPerHour);
        }

        public DateTime AddMinutes(double value)
        {
            return Add(value, MillisPerMinute);
        }

        public DateTime AddSeconds(double value)
        {
            return Add(value, MillisPerSecond);
        }

        public DateTime AddMilliseconds(double value)
        {
            return Add(value, 1);
        }

        public DateTime AddTicks(long value)
        {
            long ticks = InternalTicks;
            if (value > MaxTicks - ticks || value < MinTicks - ticks)
                throw new ArgumentOutOfRangeException("value", AddOutOfRange);
            return new DateTime((ulong)(ticks + value) | (_dateData & FlagsMask));
        }

        // The same day in a month `months` away; the last day of that month
        // when it is shorter.
        public DateTime AddMonths(int months)
        {
            if (months < -120000 || months > 120000)
                throw new ArgumentOutOfRangeException("months", "Months value must be between +/-120000.");
            int y, m, d;
            GetDate(out y, out m, out d);
            int i = m - 1 + months;
            if (i >= 0)
            {
                m = i % 12 + 1;
                y = y + i / 12;
            }
            else
            {
                m = 12 + (i + 1) % 12;
                y = y + (i - 11) / 12;
            }
            if (y < 1 || y > 9999)
                throw new ArgumentOutOfRangeException("months", AddOutOfRange);
            int days = DaysInMonth(y, m);
            if (d > days)
                d = days;
            return new DateTime((ulong)(DateToTicks(y, m, d) + InternalTicks % TicksPerDay) | (_dateData & FlagsMask));
        }

        public DateTime AddYears(int value)
        {
            if (value < -10000 || value > 10000)
                throw new ArgumentOutOfRangeException("years", "Years value must be between +/-10000.");
            return AddMonths(value * 12);
        }

        public TimeSpan Subtract(DateTime value)
        {
            return new TimeSpan(InternalTicks - value.InternalTicks);
        }

        public DateTime Subtract(TimeSpan value)
        {
            long ticks = InternalTicks;
            long delta = value.Ticks;
            if (ticks - MinTicks < delta || ticks - MaxTicks > delta)
                throw new ArgumentOutOfRangeException("value", AddOutOfRange);
            return new DateTime((ulong)(ticks - delta) | (_dateData & FlagsMask));
        }

        public static DateTime operator +(DateTime d, TimeSpan t)
        {
            return d.Add(t);
        }

        public static DateTime operator -(DateTime d, TimeSpan t)
        {
            return d.Subtract(t);
        }

        public static TimeSpan operator -(DateTime d1, DateTime d2)
        {
            return new TimeSpan(d1.InternalTicks - d2.InternalTicks);
        }

        // ----- Comparison (the kind does not take part) ------------------

        public static int Compare(DateTime t1, DateTime t2)
        {
            long a = t1.InternalTicks;
            long b = t2.InternalTicks;
            if (a > b)
                return 1;
            if (a < b)
                return -1;
            return 0;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is DateTime))
                throw new ArgumentException("Object must be of type DateTime.");
            return Compare(this, (DateTime)value);
        }

        public int CompareTo(DateTime value)
        {
            return Compare(this, value);
        }

        public override bool Equals(object value)
        {
            return value is DateTime && InternalTicks == ((DateTime)value).InternalTicks;
        }

        public bool Equals(DateTime value)
        {
            return InternalTicks == value.InternalTicks;
        }

        public static bool Equals(DateTime t1, DateTime t2)
        {
            return t1.InternalTicks == t2.InternalTicks;
        }

        public override int GetHashCode()
        {
            long ticks = InternalTicks;
            return unchecked((int)ticks) ^ (int)(ticks >> 32);
        }

        public static bool operator ==(DateTime d1, DateTime d2)
        {
            return d1.InternalTicks == d2.InternalTicks;
        }

        public static bool operator !=(DateTime d1, DateTime d2)
        {
            return d1.InternalTicks != d2.InternalTicks;
        }

        public static bool operator <(DateTime t1, DateTime t2)
        {
            return t1.InternalTicks < t2.InternalTicks;
        }

        public static bool operator <=(DateTime t1, DateTime t2)
        {
            return t1.InternalTicks <= t2.InternalTicks;
        }

        public static bool operator >(DateTime t1, DateTime t2)
        {
            return t1.InternalTicks > t2.InternalTicks;
        }

        public static bool operator >=(DateTime t1, DateTime t2)
        {
            return t1.InternalTicks >= t2.InternalTicks;
        }

        // ----- Conversions ----------------------------------------------------

        public long ToBinary()
        {
            if (Kind == DateTimeKind.Local)
            {
                // .NET stores a local time as its UTC ticks, negated.
                long ticks = InternalTicks - LocalOffsetAtLocal(InternalTicks).Ticks;
                if (ticks < 0)
                    ticks += 0x4000000000000000;
                return (long)((ulong)ticks | KindLocal);
            }
            return (long)_dateData;
        }

        public static DateTime FromBinary(long dateData)
        {
            ulong data = (ulong)dateData;
            if ((data & KindLocal) != 0)
            {
                long utc = (long)(data & TicksMask);
                if (utc > 0x3FFFFFFFFFFFFFFF - 0x4000000000000000 && utc > MaxTicks)
                    utc -= 0x4000000000000000;
                long local = utc + LocalOffsetAtUtc(utc).Ticks;
                if (local < MinTicks || local > MaxTicks)
                    throw new ArgumentException("The binary data must result in a DateTime with ticks between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.", "dateData");
                return new DateTime((ulong)local | KindLocal);
            }
            long t = (long)(data & TicksMask);
            if (t < MinTicks || t > MaxTicks)
                throw new ArgumentException("The binary data must result in a DateTime with ticks between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.", "dateData");
            return new DateTime(data);
        }

        public long ToFileTimeUtc()
        {
            long ticks = (Kind == DateTimeKind.Local ? ToUniversalTime() : this).InternalTicks - FileTimeOffset;
            if (ticks < 0)
                throw new ArgumentOutOfRangeException(null, "Not a valid Win32 FileTime.");
            return ticks;
        }

        public long ToFileTime()
        {
            return ToUniversalTime().ToFileTimeUtc();
        }

        public static DateTime FromFileTimeUtc(long fileTime)
        {
            if (fileTime < 0 || fileTime > MaxTicks - FileTimeOffset)
                throw new ArgumentOutOfRangeException("fileTime", "Not a valid Win32 FileTime.");
            return new DateTime((ulong)(fileTime + FileTimeOffset) | KindUtc);
        }

        public static DateTime FromFileTime(long fileTime)
        {
            return FromFileTimeUtc(fileTime).ToLocalTime();
        }

        // OLE Automation dates: days since 1899-12-30 (the fraction is the
        // time of day, measured from midnight even before the epoch).
        public double ToOADate()
        {
            long value = InternalTicks;
            if (value == 0)
                return 0.0;
            if (value < TicksPerDay)
                value += DoubleDateOffset;
            if (value < OADateMinAsTicks)
                throw new OverflowException("Not a legal OleAut date.");
            long millis = (value - DoubleDateOffset) / TicksPerMillisecond;
            if (millis < 0)
            {
                long frac = millis % MillisPerDay;
                if (frac != 0)
                    millis -= (MillisPerDay + frac) * 2;
            }
            return (double)millis / MillisPerDay;
        }

        public static DateTime FromOADate(double d)
        {
            if (!(d < OADateMaxAsDouble) || !(d > OADateMinAsDouble))
                throw new ArgumentException("Not a legal OleAut date.");
            long millis = (long)(d * MillisPerDay + (d >= 0 ? 0.5 : -0.5));
            if (millis < 0)
                millis -= (millis % MillisPerDay) * 2;
            millis += DoubleDateOffset / TicksPerMillisecond;
            if (millis < 0 || millis >= MaxMillis)
                throw new ArgumentException("OleAut date did not convert to a DateTime correctly.");
            return new DateTime(millis * TicksPerMillisecond, DateTimeKind.Unspecified);
        }

        // ----- Formatting (DateTimeFormat.cs) ------------------------------

        public override string ToString()
        {
            return DateTimeFormat.Format(this, null, TimeSpan.MinValue);
        }

        public string ToString(string format)
        {
            return DateTimeFormat.Format(this, format, TimeSpan.MinValue);
        }

        public string ToString(IFormatProvider provider)
        {
            return DateTimeFormat.Format(this, null, TimeSpan.MinValue);
        }

        public string ToString(string format, IFormatProvider provider)
        {
            return DateTimeFormat.Format(this, format, TimeSpan.MinValue);
        }

        public string ToShortDateString()
        {
            return DateTimeFormat.Format(this, "d", TimeSpan.MinValue);
        }

        public string ToLongDateString()
        {
            return DateTimeFormat.Format(this, "D", TimeSpan.MinValue);
        }

        public string ToShortTimeString()
        {
            return DateTimeFormat.Format(this, "t", TimeSpan.MinValue);
        }

        public string ToLongTimeString()
        {
            return DateTimeFormat.Format(this, "T", TimeSpan.MinValue);
        }

        public string[] GetDateTimeFormats()
        {
            return GetDateTimeFormats(null);
        }

        public string[] GetDateTimeFormats(IFormatProvider provider)
        {
            string all = "dDfFgGmorstTuUy";
            string[] result = new string[all.Length];
            for (int i = 0; i < all.Length; i++)
                result[i] = DateTimeFormat.Format(this, Number.CharToString(all[i]), TimeSpan.MinValue);
            return result;
        }

        public string[] GetDateTimeFormats(char format)
        {
            return new string[] { DateTimeFormat.Format(this, Number.CharToString(format), TimeSpan.MinValue) };
        }

        public string[] GetDateTimeFormats(char format, IFormatProvider provider)
        {
            return GetDateTimeFormats(format);
        }

        // ----- Parsing (DateTimeParse.cs) ----------------------------------

        public static DateTime Parse(string s)
        {
            return Parse(s, null, DateTimeStyles.None);
        }

        public static DateTime Parse(string s, IFormatProvider provider)
        {
            return Parse(s, provider, DateTimeStyles.None);
        }

        public static DateTime Parse(string s, IFormatProvider provider, DateTimeStyles styles)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            DateTime result;
            TimeSpan offset;
            string error = DateTimeParse.Parse(s, styles, out result, out offset);
            if (error != null)
                throw new FormatException(error);
            return result;
        }

        public static bool TryParse(string s, out DateTime result)
        {
            return TryParse(s, null, DateTimeStyles.None, out result);
        }

        public static bool TryParse(string s, IFormatProvider provider, DateTimeStyles styles, out DateTime result)
        {
            TimeSpan offset;
            if (s == null)
            {
                result = MinValue;
                return false;
            }
            return DateTimeParse.Parse(s, styles, out result, out offset) == null;
        }

        public static DateTime ParseExact(string s, string format, IFormatProvider provider)
        {
            return ParseExact(s, format, provider, DateTimeStyles.None);
        }

        public static DateTime ParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style)
        {
            if (s == null)
                throw new ArgumentNullException("s");
            if (format == null)
                throw new ArgumentNullException("format");
            DateTime result;
            TimeSpan offset;
            string error = DateTimeParse.ParseExact(s, format, style, out result, out offset);
            if (error != null)
                throw new FormatException(error);
            return result;
        }

        public static DateTime ParseExact(string s, string[] formats, IFormatProvider provider, DateTimeStyles style)
        {
            DateTime result;
            if (s == null)
                throw new ArgumentNullException("s");
            if (formats == null)
                throw new ArgumentNullException("formats");
            if (TryParseExact(s, formats, provider, style, out result))
                return result;
            throw new FormatException(String.Concat("String '", s, "' was not recognized as a valid DateTime."));
        }

        public static bool TryParseExact(string s, string format, IFormatProvider provider, DateTimeStyles style, out DateTime result)
        {
            TimeSpan offset;
            if (s == null || format == null)
            {
                result = MinValue;
                return false;
            }
            return DateTimeParse.ParseExact(s, format, style, out result, out offset) == null;
        }

        public static bool TryParseExact(string s, string[] formats, IFormatProvider provider, DateTimeStyles style, out DateTime result)
        {
            if (s != null && formats != null)
            {
                for (int i = 0; i < formats.Length; i++)
                {
                    if (formats[i] != null && TryParseExact(s, formats[i], provider, style, out result))
                        return true;
                }
            }
            result = MinValue;
            return false;
        }

        // ----- IConvertible -----------------------------------------------------

        public TypeCode GetTypeCode()
        {
            return TypeCode.DateTime;
        }

        bool IConvertible.ToBoolean(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Boolean");
        }

        char IConvertible.ToChar(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Char");
        }

        sbyte IConvertible.ToSByte(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "SByte");
        }

        byte IConvertible.ToByte(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Byte");
        }

        short IConvertible.ToInt16(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Int16");
        }

        ushort IConvertible.ToUInt16(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "UInt16");
        }

        int IConvertible.ToInt32(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Int32");
        }

        uint IConvertible.ToUInt32(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "UInt32");
        }

        long IConvertible.ToInt64(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Int64");
        }

        ulong IConvertible.ToUInt64(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "UInt64");
        }

        float IConvertible.ToSingle(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Single");
        }

        double IConvertible.ToDouble(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Double");
        }

        decimal IConvertible.ToDecimal(IFormatProvider provider)
        {
            throw Convert.InvalidCast("DateTime", "Decimal");
        }

        DateTime IConvertible.ToDateTime(IFormatProvider provider)
        {
            return this;
        }

        object IConvertible.ToType(Type type, IFormatProvider provider)
        {
            return Convert.DefaultToType(this, type, provider);
        }
    }
}
