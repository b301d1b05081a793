using System.Globalization;

namespace System
{
    // A date and time with its offset from UTC (at most 14 hours, whole
    // minutes). Comparisons use the UTC instant.
    public struct DateTimeOffset : IComparable, IFormattable
    {
        private const long MaxOffset = TimeSpan.TicksPerHour * 14;
        private const long MinOffset = -MaxOffset;

        public static readonly DateTimeOffset MinValue = new DateTimeOffset(DateTime.MinTicks, TimeSpan.Zero);
        public static readonly DateTimeOffset MaxValue = new DateTimeOffset(DateTime.MaxTicks, TimeSpan.Zero);
        public static readonly DateTimeOffset UnixEpoch = new DateTimeOffset(DateTime.UnixEpochTicks, TimeSpan.Zero);

        // The UTC instant and the offset in minutes.
        private readonly DateTime _dateTime;
        private readonly short _offsetMinutes;

        public DateTimeOffset(long ticks, TimeSpan offset)
        {
            _offsetMinutes = ValidateOffset(offset);
            _dateTime = ValidateDate(new DateTime(ticks), offset);
        }

        public DateTimeOffset(DateTime dateTime)
        {
            TimeSpan offset;
            if (dateTime.Kind != DateTimeKind.Utc)
                offset = DateTime.LocalOffsetAtLocal(dateTime.Ticks);
            else
                offset = TimeSpan.Zero;
            _offsetMinutes = ValidateOffset(offset);
            _dateTime = ValidateDate(dateTime, offset);
        }

        public DateTimeOffset(DateTime dateTime, TimeSpan offset)
        {
            if (dateTime.Kind == DateTimeKind.Local)
            {
                if (offset != DateTime.LocalOffsetAtLocal(dateTime.Ticks))
                    throw new ArgumentException("The UTC Offset of the local dateTime parameter does not match the offset argument.", "offset");
            }
            else if (dateTime.Kind == DateTimeKind.Utc && offset != TimeSpan.Zero)
            {
                throw new ArgumentException("The UTC Offset for Utc DateTime instances must be 0.", "offset");
            }
            _offsetMinutes = ValidateOffset(offset);
            _dateTime = ValidateDate(dateTime, offset);
        }

        public DateTimeOffset(int year, int month, int day, int hour, int minute, int second, TimeSpan offset)
            : this(new DateTime(year, month, day, hour, minute, second).Ticks, offset)
        {
        }

        public DateTimeOffset(int year, int month, int day, int hour, int minute, int second, int millisecond, TimeSpan offset)
            : this(new DateTime(year, month, day, hour, minute, second, millisecond).Ticks, offset)
        {
        }

        private static short ValidateOffset(TimeSpan offset)
        {
            long ticks = offset.Ticks;
            if (ticks % TimeSpan.TicksPerMinute != 0)
                throw new ArgumentException("Offset must be specified in whole minutes.", "offset");
            if (ticks < MinOffset || ticks > MaxOffset)
                throw new ArgumentOutOfRangeException("offset", "Offset must be within plus or minus 14 hours.");
            return (short)(ticks / TimeSpan.TicksPerMinute);
        }

        private static DateTime ValidateDate(DateTime dateTime, TimeSpan offset)
        {
            long utcTicks = dateTime.Ticks - offset.Ticks;
            if (utcTicks < DateTime.MinTicks || utcTicks > DateTime.MaxTicks)
                throw new ArgumentOutOfRangeException("offset", "The UTC time represented when the offset is applied must be between year 0 and 10,000.");
            return new DateTime(utcTicks, DateTimeKind.Unspecified);
        }

        public static DateTimeOffset Now
        {
            get { return new DateTimeOffset(DateTime.Now); }
        }

        public static DateTimeOffset UtcNow
        {
            get { return new DateTimeOffset(DateTime.UtcNow); }
        }

        public TimeSpan Offset
        {
            get { return new TimeSpan(_offsetMinutes * TimeSpan.TicksPerMinute); }
        }

        // The clock time at the offset.
        private DateTime ClockDateTime
        {
            get { return new DateTime(_dateTime.Ticks + Offset.Ticks, DateTimeKind.Unspecified); }
        }

        public DateTime DateTime
        {
            get { return ClockDateTime; }
        }

        public DateTime UtcDateTime
        {
            get { return DateTime.SpecifyKind(_dateTime, DateTimeKind.Utc); }
        }

        public DateTime LocalDateTime
        {
            get { return UtcDateTime.ToLocalTime(); }
        }

        public DateTime Date
        {
            get { return ClockDateTime.Date; }
        }

        public long Ticks
        {
            get { return ClockDateTime.Ticks; }
        }

        public long UtcTicks
        {
            get { return _dateTime.Ticks; }
        }

        public TimeSpan TimeOfDay
        {
            get { return ClockDateTime.TimeOfDay; }
        }

        public int Year
        {
            get { return ClockDateTime.Year; }
        }

        public int Month
        {
            get { return ClockDateTime.Month; }
        }

        public int Day
        {
            get { return ClockDateTime.Day; }
        }

        public int DayOfYear
        {
            get { return ClockDateTime.DayOfYear; }
        }

        public DayOfWeek DayOfWeek
        {
            get { return ClockDateTime.DayOfWeek; }
        }

        public int Hour
        {
            get { return ClockDateTime.Hour; }
        }

        public int Minute
        {
            get { return ClockDateTime.Minute; }
        }

        public int Second
        {
            get { return ClockDateTime.Second; }
        }

        public int Millisecond
        {
            get { return ClockDateTime.Millisecond; }
        }

        public DateTimeOffset ToOffset(TimeSpan offset)
        {
            return new DateTimeOffset(_dateTime.Ticks + offset.Ticks, offset);
        }

        public DateTimeOffset ToUniversalTime()
        {
            return new DateTimeOffset(_dateTime.Ticks, TimeSpan.Zero);
        }

        public DateTimeOffset ToLocalTime()
        {
            return new DateTimeOffset(UtcDateTime.ToLocalTime());
        }

        public long ToUnixTimeSeconds()
        {
            long seconds = _dateTime.Ticks / TimeSpan.TicksPerSecond;
            return seconds - DateTime.UnixEpochTicks / TimeSpan.TicksPerSecond;
        }

        public long ToUnixTimeMilliseconds()
        {
            long millis = _dateTime.Ticks / TimeSpan.TicksPerMillisecond;
            return millis - DateTime.UnixEpochTicks / TimeSpan.TicksPerMillisecond;
        }

        public static DateTimeOffset FromUnixTimeSeconds(long seconds)
        {
            const long MinSeconds = -62135596800;
            const long MaxSeconds = 253402300799;
            if (seconds < MinSeconds || seconds > MaxSeconds)
                throw new ArgumentOutOfRangeException("seconds", String.Concat("Valid values are between ", MinSeconds.ToString(), " and ", MaxSeconds.ToString(), ", inclusive."));
            return new DateTimeOffset(seconds * TimeSpan.TicksPerSecond + DateTime.UnixEpochTicks, TimeSpan.Zero);
        }

        public static DateTimeOffset FromUnixTimeMilliseconds(long milliseconds)
        {
            const long MinMilliseconds = -62135596800000;
            const long MaxMilliseconds = 253402300799999;
            if (milliseconds < MinMilliseconds || milliseconds > MaxMilliseconds)
                throw new ArgumentOutOfRangeException("milliseconds", String.Concat("Valid values are between ", MinMilliseconds.ToString(), " and ", MaxMilliseconds.ToString(), ", inclusive."));
            return new DateTimeOffset(milliseconds * TimeSpan.TicksPerMillisecond + DateTime.UnixEpochTicks, TimeSpan.Zero);
        }

        public long ToFileTime()
        {
            return UtcDateTime.ToFileTimeUtc();
        }

        public static DateTimeOffset FromFileTime(long fileTime)
        {
            return new DateTimeOffset(DateTime.FromFileTime(fileTime));
        }

        public DateTimeOffset Add(TimeSpan timeSpan)
        {
            return new DateTimeOffset(ClockDateTime.Add(timeSpan).Ticks, Offset);
        }

        public DateTimeOffset AddDays(double days)
        {
            return new DateTimeOffset(ClockDateTime.AddDays(days).Ticks, Offset);
        }

        public DateTimeOffset AddHours(double hours)
        {
            return new DateTimeOffset(ClockDateTime.AddHours(hours).Ticks, Offset);
        }

        public DateTimeOffset AddMinutes(double minutes)
        {
            return new DateTimeOffset(ClockDateTime.AddMinutes(minutes).Ticks, Offset);
        }

        public DateTimeOffset AddSeconds(double seconds)
        {
            return new DateTimeOffset(ClockDateTime.AddSeconds(seconds).Ticks, Offset);
        }

        public DateTimeOffset AddMilliseconds(double milliseconds)
        {
            return new DateTimeOffset(ClockDateTime.AddMilliseconds(milliseconds).Ticks, Offset);
        }

        public DateTimeOffset AddTicks(long ticks)
        {
            return new DateTimeOffset(ClockDateTime.AddTicks(ticks).Ticks, Offset);
        }

        public DateTimeOffset AddMonths(int months)
        {
            return new DateTimeOffset(ClockDateTime.AddMonths(months).Ticks, Offset);
        }

        public DateTimeOffset AddYears(int years)
        {
            return new DateTimeOffset(ClockDateTime.AddYears(years).Ticks, Offset);
        }

        public TimeSpan Subtract(DateTimeOffset value)
        {
            return UtcDateTime.Subtract(value.UtcDateTime);
        }

        public DateTimeOffset Subtract(TimeSpan value)
        {
            return new DateTimeOffset(ClockDateTime.Subtract(value).Ticks, Offset);
        }

        public static DateTimeOffset operator +(DateTimeOffset dateTimeOffset, TimeSpan timeSpan)
        {
            return dateTimeOffset.Add(timeSpan);
        }

        public static DateTimeOffset operator -(DateTimeOffset dateTimeOffset, TimeSpan timeSpan)
        {
            return dateTimeOffset.Subtract(timeSpan);
        }

        public static TimeSpan operator -(DateTimeOffset left, DateTimeOffset right)
        {
            return left.UtcDateTime - right.UtcDateTime;
        }

        public static implicit operator DateTimeOffset(DateTime dateTime)
        {
            return new DateTimeOffset(dateTime);
        }

        public static int Compare(DateTimeOffset first, DateTimeOffset second)
        {
            return DateTime.Compare(first.UtcDateTime, second.UtcDateTime);
        }

        public int CompareTo(object obj)
        {
            if (obj == null)
                return 1;
            if (!(obj is DateTimeOffset))
                throw new ArgumentException("Object must be of type DateTimeOffset.");
            return Compare(this, (DateTimeOffset)obj);
        }

        public int CompareTo(DateTimeOffset other)
        {
            return Compare(this, other);
        }

        public override bool Equals(object obj)
        {
            return obj is DateTimeOffset && UtcDateTime.Equals(((DateTimeOffset)obj).UtcDateTime);
        }

        public bool Equals(DateTimeOffset other)
        {
            return UtcDateTime.Equals(other.UtcDateTime);
        }

        public static bool Equals(DateTimeOffset first, DateTimeOffset second)
        {
            return first.UtcDateTime.Equals(second.UtcDateTime);
        }

        // Same instant and same offset.
        public bool EqualsExact(DateTimeOffset other)
        {
            return ClockDateTime == other.ClockDateTime && Offset == other.Offset;
        }

        public override int GetHashCode()
        {
            return UtcDateTime.GetHashCode();
        }

        public static bool operator ==(DateTimeOffset left, DateTimeOffset right)
        {
            return left.UtcDateTime == right.UtcDateTime;
        }

        public static bool operator !=(DateTimeOffset left, DateTimeOffset right)
        {
            return left.UtcDateTime != right.UtcDateTime;
        }

        public static bool operator <(DateTimeOffset left, DateTimeOffset right)
        {
            return left.UtcDateTime < right.UtcDateTime;
        }

        public static bool operator <=(DateTimeOffset left, DateTimeOffset right)
        {
            return left.UtcDateTime <= right.UtcDateTime;
        }

        public static bool operator >(DateTimeOffset left, DateTimeOffset right)
        {
            return left.UtcDateTime > right.UtcDateTime;
        }

        public static bool operator >=(DateTimeOffset left, DateTimeOffset right)
        {
            return left.UtcDateTime >= right.UtcDateTime;
        }

        // "MM/dd/yyyy HH:mm:ss zzz" unless a format says otherwise.
        public override string ToString()
        {
            return DateTimeFormat.Format(ClockDateTime, null, Offset);
        }

        public string ToString(string format)
        {
            return DateTimeFormat.Format(ClockDateTime, format, Offset);
        }

        public string ToString(IFormatProvider formatProvider)
        {
            return DateTimeFormat.Format(ClockDateTime, null, Offset);
        }

        public string ToString(string format, IFormatProvider formatProvider)
        {
            return DateTimeFormat.Format(ClockDateTime, format, Offset);
        }

        // Without a zone in the text, the local zone's offset.
        public static DateTimeOffset Parse(string input)
        {
            return Parse(input, null, DateTimeStyles.None);
        }

        public static DateTimeOffset Parse(string input, IFormatProvider formatProvider)
        {
            return Parse(input, formatProvider, DateTimeStyles.None);
        }

        public static DateTimeOffset Parse(string input, IFormatProvider formatProvider, DateTimeStyles styles)
        {
            if (input == null)
                throw new ArgumentNullException("input");
            DateTimeOffset result;
            string error = ParseCore(input, null, styles, out result);
            if (error != null)
                throw new FormatException(error);
            return result;
        }

        public static bool TryParse(string input, out DateTimeOffset result)
        {
            return TryParse(input, null, DateTimeStyles.None, out result);
        }

        public static bool TryParse(string input, IFormatProvider formatProvider, DateTimeStyles styles, out DateTimeOffset result)
        {
            if (input == null)
            {
                result = MinValue;
                return false;
            }
            return ParseCore(input, null, styles, out result) == null;
        }

        public static DateTimeOffset ParseExact(string input, string format, IFormatProvider formatProvider)
        {
            return ParseExact(input, format, formatProvider, DateTimeStyles.None);
        }

        public static DateTimeOffset ParseExact(string input, string format, IFormatProvider formatProvider, DateTimeStyles styles)
        {
            if (input == null)
                throw new ArgumentNullException("input");
            if (format == null)
                throw new ArgumentNullException("format");
            DateTimeOffset result;
            string error = ParseCore(input, format, styles, out result);
            if (error != null)
                throw new FormatException(error);
            return result;
        }

        public static bool TryParseExact(string input, string format, IFormatProvider formatProvider, DateTimeStyles styles, out DateTimeOffset result)
        {
            if (input == null || format == null)
            {
                result = MinValue;
                return false;
            }
            return ParseCore(input, format, styles, out result) == null;
        }

        private static string ParseCore(string input, string format, DateTimeStyles styles, out DateTimeOffset result)
        {
            result = MinValue;
            DateTime clock;
            TimeSpan offset;
            DateTimeStyles asked = styles | DateTimeParse.KeepClock;
            string error = format == null
                ? DateTimeParse.Parse(input, asked, out clock, out offset)
                : DateTimeParse.ParseExact(input, format, asked, out clock, out offset);
            if (error != null)
                return error;
            if (offset == TimeSpan.MinValue)
            {
                // No zone: the clock time is local (or UTC if assumed so).
                if ((styles & DateTimeStyles.AssumeUniversal) != 0)
                    offset = TimeSpan.Zero;
                else
                    offset = DateTime.LocalOffsetAtLocal(clock.Ticks);
            }
            result = new DateTimeOffset(clock.Ticks, offset);
            if ((styles & DateTimeStyles.AdjustToUniversal) != 0)
                result = result.ToUniversalTime();
            return null;
        }
    }
}
