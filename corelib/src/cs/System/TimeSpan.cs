using System.Globalization;
using System.Text;

namespace System
{
    // A length of time in ticks of 100 ns. From* and Add* with a double round
    // to the nearest millisecond, as .NET Framework and mono do (.NET Core
    // 3.0 and later keep the fraction).
    public struct TimeSpan : IComparable, IFormattable
    {
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = TicksPerMillisecond * 1000;
        public const long TicksPerMinute = TicksPerSecond * 60;
        public const long TicksPerHour = TicksPerMinute * 60;
        public const long TicksPerDay = TicksPerHour * 24;

        private const double MillisecondsPerTick = 1.0 / TicksPerMillisecond;
        private const double SecondsPerTick = 1.0 / TicksPerSecond;
        private const double MinutesPerTick = 1.0 / TicksPerMinute;
        private const double HoursPerTick = 1.0 / TicksPerHour;
        private const double DaysPerTick = 1.0 / TicksPerDay;

        private const int MillisPerSecond = 1000;
        private const int MillisPerMinute = MillisPerSecond * 60;
        private const int MillisPerHour = MillisPerMinute * 60;
        private const int MillisPerDay = MillisPerHour * 24;

        internal const long MaxSeconds = long.MaxValue / TicksPerSecond;
        internal const long MinSeconds = long.MinValue / TicksPerSecond;
        internal const long MaxMilliSeconds = long.MaxValue / TicksPerMillisecond;
        internal const long MinMilliSeconds = long.MinValue / TicksPerMillisecond;

        public static readonly TimeSpan Zero = new TimeSpan(0);
        public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
        public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

        internal const string OverflowMessage = "TimeSpan overflowed because the duration is too long.";

        private long _ticks;

        public TimeSpan(long ticks)
        {
            _ticks = ticks;
        }

        public TimeSpan(int hours, int minutes, int seconds)
        {
            _ticks = TimeToTicks(hours, minutes, seconds);
        }

        public TimeSpan(int days, int hours, int minutes, int seconds)
            : this(days, hours, minutes, seconds, 0)
        {
        }

        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds)
        {
            long totalMilliSeconds = ((long)days * 3600 * 24 + (long)hours * 3600 + (long)minutes * 60 + seconds) * 1000 + milliseconds;
            if (totalMilliSeconds > MaxMilliSeconds || totalMilliSeconds < MinMilliSeconds)
                throw new ArgumentOutOfRangeException(null, OverflowMessage);
            _ticks = totalMilliSeconds * TicksPerMillisecond;
        }

        internal static long TimeToTicks(int hour, int minute, int second)
        {
            long totalSeconds = (long)hour * 3600 + (long)minute * 60 + second;
            if (totalSeconds > MaxSeconds || totalSeconds < MinSeconds)
                throw new ArgumentOutOfRangeException(null, OverflowMessage);
            return totalSeconds * TicksPerSecond;
        }

        public long Ticks
        {
            get { return _ticks; }
        }

        public int Days
        {
            get { return (int)(_ticks / TicksPerDay); }
        }

        public int Hours
        {
            get { return (int)((_ticks / TicksPerHour) % 24); }
        }

        public int Minutes
        {
            get { return (int)((_ticks / TicksPerMinute) % 60); }
        }

        public int Seconds
        {
            get { return (int)((_ticks / TicksPerSecond) % 60); }
        }

        public int Milliseconds
        {
            get { return (int)((_ticks / TicksPerMillisecond) % 1000); }
        }

        public double TotalDays
        {
            get { return _ticks * DaysPerTick; }
        }

        public double TotalHours
        {
            get { return _ticks * HoursPerTick; }
        }

        public double TotalMinutes
        {
            get { return _ticks * MinutesPerTick; }
        }

        public double TotalSeconds
        {
            get { return _ticks * SecondsPerTick; }
        }

        public double TotalMilliseconds
        {
            get
            {
                double temp = _ticks * MillisecondsPerTick;
                if (temp > MaxMilliSeconds)
                    return MaxMilliSeconds;
                if (temp < MinMilliSeconds)
                    return MinMilliSeconds;
                return temp;
            }
        }

        public TimeSpan Add(TimeSpan ts)
        {
            long result = _ticks + ts._ticks;
            // Overflow if the signs of the operands agree and the result's
            // differs.
            if ((_ticks >> 63 == ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
                throw new OverflowException(OverflowMessage);
            return new TimeSpan(result);
        }

        public TimeSpan Subtract(TimeSpan ts)
        {
            long result = _ticks - ts._ticks;
            if ((_ticks >> 63 != ts._ticks >> 63) && (_ticks >> 63 != result >> 63))
                throw new OverflowException(OverflowMessage);
            return new TimeSpan(result);
        }

        public TimeSpan Duration()
        {
            if (_ticks == MinValue._ticks)
                throw new OverflowException("The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.");
            return new TimeSpan(_ticks >= 0 ? _ticks : -_ticks);
        }

        public TimeSpan Negate()
        {
            if (_ticks == MinValue._ticks)
                throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            return new TimeSpan(-_ticks);
        }

        public TimeSpan Multiply(double factor)
        {
            return this * factor;
        }

        public TimeSpan Divide(double divisor)
        {
            return this / divisor;
        }

        public double Divide(TimeSpan ts)
        {
            return this / ts;
        }

        // ----- From* -------------------------------------------------------

        public static TimeSpan FromDays(double value)
        {
            return Interval(value, MillisPerDay);
        }

        public static TimeSpan FromHours(double value)
        {
            return Interval(value, MillisPerHour);
        }

        public static TimeSpan FromMinutes(double value)
        {
            return Interval(value, MillisPerMinute);
        }

        public static TimeSpan FromSeconds(double value)
        {
            return Interval(value, MillisPerSecond);
        }

        public static TimeSpan FromMilliseconds(double value)
        {
            return Interval(value, 1);
        }

        public static TimeSpan FromTicks(long value)
        {
            return new TimeSpan(value);
        }

        // `value` units of `scale` milliseconds, rounded to the nearest
        // millisecond.
        private static TimeSpan Interval(double value, int scale)
        {
            if (Double.IsNaN(value))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            double tmp = value * scale;
            double millis = tmp + (value >= 0 ? 0.5 : -0.5);
            if (millis > long.MaxValue / TicksPerMillisecond || millis < long.MinValue / TicksPerMillisecond)
                throw new OverflowException(OverflowMessage);
            return new TimeSpan((long)millis * TicksPerMillisecond);
        }

        private static TimeSpan FromDoubleTicks(double ticks)
        {
            if (Double.IsNaN(ticks))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            if (ticks > long.MaxValue || ticks < long.MinValue)
                throw new OverflowException(OverflowMessage);
            return new TimeSpan((long)ticks);
        }

        // ----- Comparison ----------------------------------------------------

        public static int Compare(TimeSpan t1, TimeSpan t2)
        {
            if (t1._ticks > t2._ticks)
                return 1;
            if (t1._ticks < t2._ticks)
                return -1;
            return 0;
        }

        public int CompareTo(object value)
        {
            if (value == null)
                return 1;
            if (!(value is TimeSpan))
                throw new ArgumentException("Object must be of type TimeSpan.");
            return Compare(this, (TimeSpan)value);
        }

        public int CompareTo(TimeSpan value)
        {
            return Compare(this, value);
        }

        public override bool Equals(object value)
        {
            return value is TimeSpan && _ticks == ((TimeSpan)value)._ticks;
        }

        public bool Equals(TimeSpan obj)
        {
            return _ticks == obj._ticks;
        }

        public static bool Equals(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks == t2._ticks;
        }

        public override int GetHashCode()
        {
            return (int)_ticks ^ (int)(_ticks >> 32);
        }

        // ----- Operators ------------------------------------------------------

        public static TimeSpan operator -(TimeSpan t)
        {
            return t.Negate();
        }

        public static TimeSpan operator +(TimeSpan t)
        {
            return t;
        }

        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2)
        {
            return t1.Add(t2);
        }

        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2)
        {
            return t1.Subtract(t2);
        }

        public static TimeSpan operator *(TimeSpan timeSpan, double factor)
        {
            if (Double.IsNaN(factor))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.", "factor");
            return FromDoubleTicks(Math.Round(timeSpan._ticks * factor));
        }

        public static TimeSpan operator *(double factor, TimeSpan timeSpan)
        {
            return timeSpan * factor;
        }

        public static TimeSpan operator /(TimeSpan timeSpan, double divisor)
        {
            if (Double.IsNaN(divisor))
                throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.", "divisor");
            return FromDoubleTicks(Math.Round(timeSpan._ticks / divisor));
        }

        public static double operator /(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks / (double)t2._ticks;
        }

        public static bool operator ==(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks == t2._ticks;
        }

        public static bool operator !=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks != t2._ticks;
        }

        public static bool operator <(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks < t2._ticks;
        }

        public static bool operator <=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks <= t2._ticks;
        }

        public static bool operator >(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks > t2._ticks;
        }

        public static bool operator >=(TimeSpan t1, TimeSpan t2)
        {
            return t1._ticks >= t2._ticks;
        }

        // ----- Formatting -----------------------------------------------------

        // [-][d.]hh:mm:ss[.fffffff] (the "c" format).
        public override string ToString()
        {
            return FormatConstant();
        }

        public string ToString(string format)
        {
            return ToString(format, null);
        }

        // "c" (also t, T, null, ""), "g" [-][d:]h:mm:ss[.FFFFFFF], "G"
        // [-]d:hh:mm:ss.fffffff, or a custom format of d, h, m, s, f, F and
        // quoted or escaped literals.
        public string ToString(string format, IFormatProvider formatProvider)
        {
            if (String.IsNullOrEmpty(format))
                return FormatConstant();
            if (format.Length == 1)
            {
                switch (format[0])
                {
                    case 'c':
                    case 't':
                    case 'T':
                        return FormatConstant();
                    case 'g':
                        return FormatGeneral(false);
                    case 'G':
                        return FormatGeneral(true);
                }
                throw new FormatException("Input string was not in a correct format.");
            }
            return FormatCustom(format);
        }

        private string FormatConstant()
        {
            StringBuilder sb = new StringBuilder();
            long ticks = _ticks;
            int day = (int)(ticks / TicksPerDay);
            long time = ticks % TicksPerDay;
            if (ticks < 0)
            {
                sb.Append('-');
                day = -day;
                time = -time;
            }
            if (day != 0)
            {
                sb.Append(day);
                sb.Append('.');
            }
            AppendTime(sb, time, true);
            int fraction = (int)(time % TicksPerSecond);
            if (fraction != 0)
            {
                sb.Append('.');
                AppendDigits(sb, fraction, 7);
            }
            return sb.ToString();
        }

        private string FormatGeneral(bool full)
        {
            StringBuilder sb = new StringBuilder();
            long ticks = _ticks;
            int day = (int)(ticks / TicksPerDay);
            long time = ticks % TicksPerDay;
            if (ticks < 0)
            {
                sb.Append('-');
                day = -day;
                time = -time;
            }
            if (full || day != 0)
            {
                sb.Append(day);
                sb.Append(':');
            }
            AppendTime(sb, time, full);
            int fraction = (int)(time % TicksPerSecond);
            if (full)
            {
                sb.Append('.');
                AppendDigits(sb, fraction, 7);
            }
            else if (fraction != 0)
            {
                sb.Append('.');
                int digits = 7;
                while (fraction % 10 == 0)
                {
                    fraction /= 10;
                    digits--;
                }
                AppendDigits(sb, fraction, digits);
            }
            return sb.ToString();
        }

        // h:mm:ss (hh:mm:ss when `padHours`) of a non-negative time of day.
        private static void AppendTime(StringBuilder sb, long time, bool padHours)
        {
            int hours = (int)(time / TicksPerHour % 24);
            int minutes = (int)(time / TicksPerMinute % 60);
            int seconds = (int)(time / TicksPerSecond % 60);
            AppendDigits(sb, hours, padHours ? 2 : 1);
            sb.Append(':');
            AppendDigits(sb, minutes, 2);
            sb.Append(':');
            AppendDigits(sb, seconds, 2);
        }

        internal static void AppendDigits(StringBuilder sb, long value, int minDigits)
        {
            string s = value.ToString();
            for (int i = s.Length; i < minDigits; i++)
                sb.Append('0');
            sb.Append(s);
        }

        private string FormatCustom(string format)
        {
            long ticks = _ticks;
            int day = (int)(ticks / TicksPerDay);
            long time = ticks % TicksPerDay;
            if (ticks < 0)
            {
                day = -day;
                time = -time;
            }
            int hours = (int)(time / TicksPerHour % 24);
            int minutes = (int)(time / TicksPerMinute % 60);
            int seconds = (int)(time / TicksPerSecond % 60);
            int fraction = (int)(time % TicksPerSecond);
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                int n;
                switch (c)
                {
                    case 'h':
                        n = RepeatCount(format, i);
                        if (n > 2)
                            throw new FormatException("Input string was not in a correct format.");
                        AppendDigits(sb, hours, n);
                        break;
                    case 'm':
                        n = RepeatCount(format, i);
                        if (n > 2)
                            throw new FormatException("Input string was not in a correct format.");
                        AppendDigits(sb, minutes, n);
                        break;
                    case 's':
                        n = RepeatCount(format, i);
                        if (n > 2)
                            throw new FormatException("Input string was not in a correct format.");
                        AppendDigits(sb, seconds, n);
                        break;
                    case 'f':
                        n = RepeatCount(format, i);
                        if (n > 7)
                            throw new FormatException("Input string was not in a correct format.");
                        AppendDigits(sb, fraction / Pow10(7 - n), n);
                        break;
                    case 'F':
                        n = RepeatCount(format, i);
                        if (n > 7)
                            throw new FormatException("Input string was not in a correct format.");
                        {
                            int value = fraction / Pow10(7 - n);
                            int digits = n;
                            while (digits > 0 && value % 10 == 0)
                            {
                                value /= 10;
                                digits--;
                            }
                            if (digits > 0)
                                AppendDigits(sb, value, digits);
                        }
                        break;
                    case 'd':
                        n = RepeatCount(format, i);
                        if (n > 8)
                            throw new FormatException("Input string was not in a correct format.");
                        AppendDigits(sb, day, n);
                        break;
                    case '\'':
                    case '"':
                        n = DateTimeFormat.ParseQuoted(format, i, sb);
                        break;
                    case '%':
                        if (i + 1 >= format.Length || format[i + 1] == '%')
                            throw new FormatException("Input string was not in a correct format.");
                        n = 1;
                        break;
                    case '\\':
                        if (i + 1 >= format.Length)
                            throw new FormatException("Input string was not in a correct format.");
                        sb.Append(format[i + 1]);
                        n = 2;
                        break;
                    default:
                        throw new FormatException("Input string was not in a correct format.");
                }
                i += n;
            }
            return sb.ToString();
        }

        private static int RepeatCount(string format, int i)
        {
            char c = format[i];
            int n = 1;
            while (i + n < format.Length && format[i + n] == c)
                n++;
            return n;
        }

        private static long CheckedDays(long days)
        {
            return days > 10675199 ? 0 : days * TicksPerDay;
        }

        private static int Pow10(int n)
        {
            int p = 1;
            for (int i = 0; i < n; i++)
                p *= 10;
            return p;
        }

        // ----- Parsing --------------------------------------------------------

        // [ws][-]{ d | [d.]hh:mm[:ss[.fffffff]] | d:hh:mm[:ss[.fffffff]] }[ws]
        public static TimeSpan Parse(string s)
        {
            if (s == null)
                throw new ArgumentNullException("input");
            TimeSpan result;
            int error = TryParseCore(s, out result);
            if (error == 1)
                throw new FormatException("String was not recognized as a valid TimeSpan.");
            if (error == 2)
                throw new OverflowException("The TimeSpan could not be parsed because at least one of the numeric components is out of range or contains too many digits.");
            return result;
        }

        public static TimeSpan Parse(string input, IFormatProvider formatProvider)
        {
            return Parse(input);
        }

        public static bool TryParse(string s, out TimeSpan result)
        {
            if (s == null)
            {
                result = Zero;
                return false;
            }
            return TryParseCore(s, out result) == 0;
        }

        public static bool TryParse(string input, IFormatProvider formatProvider, out TimeSpan result)
        {
            return TryParse(input, out result);
        }

        // The standard formats parse as Parse does; a custom format's
        // elements must match one for one.
        public static TimeSpan ParseExact(string input, string format, IFormatProvider formatProvider)
        {
            TimeSpan result;
            if (!TryParseExact(input, format, formatProvider, out result))
                throw new FormatException("String was not recognized as a valid TimeSpan.");
            return result;
        }

        public static TimeSpan ParseExact(string input, string[] formats, IFormatProvider formatProvider)
        {
            TimeSpan result;
            if (!TryParseExact(input, formats, formatProvider, out result))
                throw new FormatException("String was not recognized as a valid TimeSpan.");
            return result;
        }

        public static bool TryParseExact(string input, string[] formats, IFormatProvider formatProvider, out TimeSpan result)
        {
            if (formats != null)
            {
                for (int i = 0; i < formats.Length; i++)
                {
                    if (TryParseExact(input, formats[i], formatProvider, out result))
                        return true;
                }
            }
            result = Zero;
            return false;
        }

        public static bool TryParseExact(string input, string format, IFormatProvider formatProvider, out TimeSpan result)
        {
            result = Zero;
            if (input == null || format == null)
                return false;
            if (format.Length == 1 && (format[0] == 'c' || format[0] == 't' || format[0] == 'T' || format[0] == 'g' || format[0] == 'G'))
                return TryParseCore(input, out result) == 0;
            return TryParseCustom(input, format, out result);
        }

        private static bool TryParseCustom(string input, string format, out TimeSpan result)
        {
            result = Zero;
            long days = 0, hours = 0, minutes = 0, seconds = 0, fraction = 0;
            int pos = 0;
            int i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                int n = 1;
                if (c == 'd' || c == 'h' || c == 'm' || c == 's' || c == 'f' || c == 'F')
                {
                    n = RepeatCount(format, i);
                    int start = pos;
                    long value = 0;
                    int max = c == 'd' ? 8 : c == 'f' || c == 'F' ? n : 2;
                    while (pos < input.Length && pos - start < max && input[pos] >= '0' && input[pos] <= '9')
                        value = value * 10 + (input[pos++] - '0');
                    int got = pos - start;
                    if (got == 0 && c != 'F')
                        return false;
                    if ((c == 'f' && got != n) || (c != 'f' && c != 'F' && c != 'd' && n == 2 && got != 2))
                        return false;
                    switch (c)
                    {
                        case 'd':
                            days = value;
                            break;
                        case 'h':
                            hours = value;
                            break;
                        case 'm':
                            minutes = value;
                            break;
                        case 's':
                            seconds = value;
                            break;
                        default:
                            fraction = value * Pow10(7 - got);
                            break;
                    }
                }
                else if (c == '\\')
                {
                    if (i + 1 >= format.Length || pos >= input.Length || input[pos] != format[i + 1])
                        return false;
                    pos++;
                    n = 2;
                }
                else if (c == '\'' || c == '"')
                {
                    StringBuilder literal = new StringBuilder();
                    n = DateTimeFormat.ParseQuoted(format, i, literal);
                    string text = literal.ToString();
                    if (String.CompareOrdinal(input, pos, text, 0, text.Length) != 0)
                        return false;
                    pos += text.Length;
                }
                else if (c != '%')
                {
                    return false;
                }
                i += n;
            }
            if (pos != input.Length || hours > 23 || minutes > 59 || seconds > 59)
                return false;
            long ticks = days * TicksPerDay + hours * TicksPerHour + minutes * TicksPerMinute + seconds * TicksPerSecond + fraction;
            if (ticks < 0)
                return false;
            result = new TimeSpan(ticks);
            return true;
        }

        // 0: parsed; 1: not a TimeSpan; 2: a component out of range.
        private static int TryParseCore(string s, out TimeSpan result)
        {
            result = Zero;
            int i = 0;
            int end = s.Length;
            while (i < end && Char.IsWhiteSpace(s[i]))
                i++;
            while (end > i && Char.IsWhiteSpace(s[end - 1]))
                end--;
            bool negative = false;
            if (i < end && s[i] == '-')
            {
                negative = true;
                i++;
            }
            // Up to five numbers with the separators between them.
            long[] numbers = new long[5];
            int[] digits = new int[5];
            char[] seps = new char[4];
            int count = 0;
            while (true)
            {
                if (i >= end || s[i] < '0' || s[i] > '9')
                    return 1;
                long value = 0;
                int start = i;
                while (i < end && s[i] >= '0' && s[i] <= '9')
                {
                    if (value > 100000000000L)
                        return 2;
                    value = value * 10 + (s[i] - '0');
                    i++;
                }
                numbers[count] = value;
                digits[count] = i - start;
                count++;
                if (i == end)
                    break;
                if (count == 5 || (s[i] != ':' && s[i] != '.'))
                    return 1;
                seps[count - 1] = s[i];
                i++;
            }
            long d = 0, h = 0, m = 0, sec = 0, frac = 0;
            int fracDigits = 0;
            // The separators decide what the numbers are: "d", "h:m",
            // "h:m:s", "d.h:m", "d.h:m:s", "h:m:s.f", "d.h:m:s.f", "d:h:m:s",
            // "d:h:m:s.f".
            string shape = new string(seps, 0, count - 1);
            int first;
            bool hasDays;
            bool hasFraction = shape.Length > 0 && shape[shape.Length - 1] == '.' && shape.Length >= 3;
            string times = hasFraction ? shape.Substring(0, shape.Length - 1) : shape;
            if (times == "")
            {
                if (hasFraction)
                    return 1;
                result = new TimeSpan((negative ? -1 : 1) * CheckedDays(numbers[0]));
                return numbers[0] > 10675199 ? 2 : 0;
            }
            if (times == ":" || times == "::")
            {
                hasDays = false;
                first = 0;
            }
            else if (times == ".:" || times == ".::" || times == ":::")
            {
                hasDays = true;
                first = 1;
            }
            else
            {
                return 1;
            }
            if (hasDays)
                d = numbers[0];
            h = numbers[first];
            m = numbers[first + 1];
            int parts = times.Length + 1 - (hasDays ? 1 : 0);
            if (hasFraction && parts != 3)
                return 1;
            if (parts == 3)
                sec = numbers[first + 2];
            if (hasFraction)
            {
                frac = numbers[count - 1];
                fracDigits = digits[count - 1];
            }
            if (h > 23 || m > 59 || sec > 59 || fracDigits > 7 || d > 10675199)
                return 2;
            long ticks = d * TicksPerDay + h * TicksPerHour + m * TicksPerMinute + sec * TicksPerSecond + frac * Pow10(7 - fracDigits);
            if (ticks < 0)
                return 2;
            result = new TimeSpan(negative ? -ticks : ticks);
            return 0;
        }
    }
}
