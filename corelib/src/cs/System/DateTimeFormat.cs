using System.Globalization;
using System.Text;

namespace System
{
    // DateTime and DateTimeOffset formatting with the invariant culture:
    // the standard formats (d D f F g G m M o O r R s t T u U y Y) and the
    // custom format specifiers of .NET.
    internal static class DateTimeFormat
    {
        internal static readonly string[] DayNames = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
        internal static readonly string[] AbbreviatedDayNames = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
        internal static readonly string[] MonthNames = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };
        internal static readonly string[] AbbreviatedMonthNames = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        internal const string ShortDatePattern = "MM/dd/yyyy";
        internal const string LongDatePattern = "dddd, dd MMMM yyyy";
        internal const string ShortTimePattern = "HH:mm";
        internal const string LongTimePattern = "HH:mm:ss";
        internal const string MonthDayPattern = "MMMM dd";
        internal const string YearMonthPattern = "yyyy MMMM";
        internal const string RoundtripPattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
        internal const string RFC1123Pattern = "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
        internal const string SortablePattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
        internal const string UniversalSortablePattern = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";

        // `offset` is TimeSpan.MinValue for a DateTime (its kind decides
        // what K and z print) and the offset of a DateTimeOffset.
        internal static string Format(DateTime dateTime, string format, TimeSpan offset)
        {
            if (String.IsNullOrEmpty(format))
            {
                if (offset == TimeSpan.MinValue)
                    format = "G";
                else
                    return Format(dateTime, "G", offset) + " " + FormatOffset(offset, 3);
            }
            if (format.Length == 1)
            {
                char c = format[0];
                switch (c)
                {
                    case 'r':
                    case 'R':
                    case 'u':
                        if (offset != TimeSpan.MinValue)
                        {
                            dateTime = new DateTime(dateTime.Ticks - offset.Ticks, DateTimeKind.Utc);
                            offset = TimeSpan.Zero;
                        }
                        else if (dateTime.Kind == DateTimeKind.Local)
                        {
                            dateTime = dateTime.ToUniversalTime();
                        }
                        break;
                    case 'U':
                        if (offset != TimeSpan.MinValue)
                            throw new FormatException("Input string was not in a correct format.");
                        dateTime = dateTime.ToUniversalTime();
                        break;
                }
                format = ExpandStandard(c);
            }
            return FormatCustom(dateTime, format, offset);
        }

        private static string ExpandStandard(char c)
        {
            switch (c)
            {
                case 'd':
                    return ShortDatePattern;
                case 'D':
                    return LongDatePattern;
                case 'f':
                    return LongDatePattern + " " + ShortTimePattern;
                case 'F':
                case 'U':
                    return LongDatePattern + " " + LongTimePattern;
                case 'g':
                    return ShortDatePattern + " " + ShortTimePattern;
                case 'G':
                    return ShortDatePattern + " " + LongTimePattern;
                case 'm':
                case 'M':
                    return MonthDayPattern;
                case 'o':
                case 'O':
                    return RoundtripPattern;
                case 'r':
                case 'R':
                    return RFC1123Pattern;
                case 's':
                    return SortablePattern;
                case 't':
                    return ShortTimePattern;
                case 'T':
                    return LongTimePattern;
                case 'u':
                    return UniversalSortablePattern;
                case 'y':
                case 'Y':
                    return YearMonthPattern;
            }
            throw new FormatException("Input string was not in a correct format.");
        }

        private static string FormatCustom(DateTime dateTime, string format, TimeSpan offset)
        {
            StringBuilder sb = new StringBuilder();
            int year, month, day;
            dateTime.GetDate(out year, out month, out day);
            long ticks = dateTime.Ticks;
            int i = 0;
            while (i < format.Length)
            {
                char c = format[i];
                int n;
                switch (c)
                {
                    case 'g':
                        n = Repeat(format, i);
                        sb.Append("A.D.");
                        break;
                    case 'h':
                        n = Repeat(format, i);
                        {
                            int h = dateTime.Hour % 12;
                            TimeSpan.AppendDigits(sb, h == 0 ? 12 : h, n > 2 ? 2 : n);
                        }
                        break;
                    case 'H':
                        n = Repeat(format, i);
                        TimeSpan.AppendDigits(sb, dateTime.Hour, n > 2 ? 2 : n);
                        break;
                    case 'm':
                        n = Repeat(format, i);
                        TimeSpan.AppendDigits(sb, dateTime.Minute, n > 2 ? 2 : n);
                        break;
                    case 's':
                        n = Repeat(format, i);
                        TimeSpan.AppendDigits(sb, dateTime.Second, n > 2 ? 2 : n);
                        break;
                    case 'f':
                    case 'F':
                        n = Repeat(format, i);
                        if (n > 7)
                            throw new FormatException("Input string was not in a correct format.");
                        {
                            long fraction = ticks % TimeSpan.TicksPerSecond;
                            for (int k = n; k < 7; k++)
                                fraction /= 10;
                            if (c == 'f')
                            {
                                TimeSpan.AppendDigits(sb, fraction, n);
                            }
                            else
                            {
                                int digits = n;
                                while (digits > 0 && fraction % 10 == 0)
                                {
                                    fraction /= 10;
                                    digits--;
                                }
                                if (digits > 0)
                                    TimeSpan.AppendDigits(sb, fraction, digits);
                                else if (sb.Length > 0 && sb[sb.Length - 1] == '.')
                                    sb.Length = sb.Length - 1;
                            }
                        }
                        break;
                    case 't':
                        n = Repeat(format, i);
                        {
                            string designator = dateTime.Hour < 12 ? "AM" : "PM";
                            if (n == 1)
                                sb.Append(designator[0]);
                            else
                                sb.Append(designator);
                        }
                        break;
                    case 'd':
                        n = Repeat(format, i);
                        if (n <= 2)
                            TimeSpan.AppendDigits(sb, day, n);
                        else if (n == 3)
                            sb.Append(AbbreviatedDayNames[(int)dateTime.DayOfWeek]);
                        else
                            sb.Append(DayNames[(int)dateTime.DayOfWeek]);
                        break;
                    case 'M':
                        n = Repeat(format, i);
                        if (n <= 2)
                            TimeSpan.AppendDigits(sb, month, n);
                        else if (n == 3)
                            sb.Append(AbbreviatedMonthNames[month - 1]);
                        else
                            sb.Append(MonthNames[month - 1]);
                        break;
                    case 'y':
                        n = Repeat(format, i);
                        if (n <= 2)
                            TimeSpan.AppendDigits(sb, year % 100, n);
                        else
                            TimeSpan.AppendDigits(sb, year, n);
                        break;
                    case 'z':
                        n = Repeat(format, i);
                        sb.Append(FormatOffset(OffsetOf(dateTime, offset), n));
                        break;
                    case 'K':
                        n = 1;
                        if (offset != TimeSpan.MinValue)
                            sb.Append(FormatOffset(offset, 3));
                        else if (dateTime.Kind == DateTimeKind.Utc)
                            sb.Append('Z');
                        else if (dateTime.Kind == DateTimeKind.Local)
                            sb.Append(FormatOffset(DateTime.LocalOffsetAtLocal(ticks), 3));
                        break;
                    case ':':
                        sb.Append(':');
                        n = 1;
                        break;
                    case '/':
                        sb.Append('/');
                        n = 1;
                        break;
                    case '\'':
                    case '"':
                        n = ParseQuoted(format, i, sb);
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
                        sb.Append(c);
                        n = 1;
                        break;
                }
                i += n;
            }
            return sb.ToString();
        }

        // What z prints: the DateTimeOffset's offset; a DateTime's local
        // offset unless it is UTC.
        private static TimeSpan OffsetOf(DateTime dateTime, TimeSpan offset)
        {
            if (offset != TimeSpan.MinValue)
                return offset;
            if (dateTime.Kind == DateTimeKind.Utc)
                return TimeSpan.Zero;
            return DateTime.LocalOffsetAtLocal(dateTime.Ticks);
        }

        // "+2" (z), "+02" (zz), "+02:00" (zzz and K).
        internal static string FormatOffset(TimeSpan offset, int width)
        {
            StringBuilder sb = new StringBuilder();
            long ticks = offset.Ticks;
            if (ticks < 0)
            {
                sb.Append('-');
                ticks = -ticks;
            }
            else
            {
                sb.Append('+');
            }
            int hours = (int)(ticks / TimeSpan.TicksPerHour);
            int minutes = (int)(ticks / TimeSpan.TicksPerMinute % 60);
            TimeSpan.AppendDigits(sb, hours, width == 1 ? 1 : 2);
            if (width >= 3)
            {
                sb.Append(':');
                TimeSpan.AppendDigits(sb, minutes, 2);
            }
            return sb.ToString();
        }

        private static int Repeat(string format, int i)
        {
            char c = format[i];
            int n = 1;
            while (i + n < format.Length && format[i + n] == c)
                n++;
            return n;
        }

        // Appends the quoted literal starting at format[start] (a quote) and
        // returns its length, quotes included; '\' escapes inside it.
        internal static int ParseQuoted(string format, int start, StringBuilder sb)
        {
            char quote = format[start];
            int i = start + 1;
            while (i < format.Length)
            {
                char c = format[i++];
                if (c == quote)
                    return i - start;
                if (c == '\\')
                {
                    if (i >= format.Length)
                        throw new FormatException("Input string was not in a correct format.");
                    sb.Append(format[i++]);
                }
                else
                {
                    sb.Append(c);
                }
            }
            throw new FormatException(String.Concat("Cannot find a matching quote character for the character '", Number.CharToString(quote), "'."));
        }
    }
}
