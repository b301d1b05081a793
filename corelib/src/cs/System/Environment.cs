using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace System
{
    // The process and the machine it runs on, as the kernel reports them
    // (ProcessService, ABI v3 and v5): command line, environment, exit,
    // clocks. Environment.Process.cs holds the threads branch's part.
    public static partial class Environment
    {
        public static string NewLine
        {
            get { return "\n"; }
        }

        // The value of an environment variable of the process, or null if it
        // is not set. A QCall: string in (pinned UTF-16), string out (through
        // a StringHandleOnStack).
        public static string GetEnvironmentVariable(string variable)
        {
            if (variable == null)
                throw new ArgumentNullException("variable");
            string result = null;
            GetEnvironmentVariableCore(variable, new StringHandleOnStack(ref result));
            return result;
        }

        public static string GetEnvironmentVariable(string variable, EnvironmentVariableTarget target)
        {
            if (target != EnvironmentVariableTarget.Process)
                return null;
            return GetEnvironmentVariable(variable);
        }

        [DllImport("QCall", EntryPoint = "Environment_GetEnvironmentVariable")]
        private static extern void GetEnvironmentVariableCore(string variable, StringHandleOnStack result);

        // Every variable of the process, names to values, in a Hashtable
        // (as .NET returns them).
        public static IDictionary GetEnvironmentVariables()
        {
            string joined = null;
            GetEnvironmentVariablesCore(new StringHandleOnStack(ref joined));
            string[] entries = FileSystem.SplitNulTerminated(joined);
            Hashtable table = new Hashtable();
            for (int i = 0; i < entries.Length; i++)
            {
                int eq = entries[i].IndexOf('=');
                if (eq <= 0)
                    continue;
                table[entries[i].Substring(0, eq)] = entries[i].Substring(eq + 1);
            }
            return table;
        }

        public static IDictionary GetEnvironmentVariables(EnvironmentVariableTarget target)
        {
            if (target != EnvironmentVariableTarget.Process)
                return new Hashtable();
            return GetEnvironmentVariables();
        }

        [DllImport("QCall", EntryPoint = "Environment_GetEnvironmentVariables")]
        private static extern void GetEnvironmentVariablesCore(StringHandleOnStack result);

        // "%NAME%" replaced by the variable's value (left as it is when the
        // variable is not set).
        public static string ExpandEnvironmentVariables(string name)
        {
            if (name == null)
                throw new ArgumentNullException("name");
            System.Text.StringBuilder sb = new System.Text.StringBuilder();
            int i = 0;
            while (i < name.Length)
            {
                int start = name.IndexOf('%', i);
                int end = start < 0 ? -1 : name.IndexOf('%', start + 1);
                if (end < 0)
                {
                    sb.Append(name, i, name.Length - i);
                    break;
                }
                sb.Append(name, i, start - i);
                string value = GetEnvironmentVariable(name.Substring(start + 1, end - start - 1));
                if (value == null)
                {
                    sb.Append(name, start, end - start);
                    i = end;
                }
                else
                {
                    sb.Append(value);
                    i = end + 1;
                }
            }
            return sb.ToString();
        }

        // The program (the path it was started from) and its arguments.
        public static string[] GetCommandLineArgs()
        {
            string joined = null;
            GetCommandLineCore(new StringHandleOnStack(ref joined));
            return FileSystem.SplitNulTerminated(joined);
        }

        // The command line as one string: the parts joined by spaces, each
        // quoted when it is empty or holds white space or quotes (.NET's
        // PasteArguments rules: backslashes before a quote are doubled).
        public static string CommandLine
        {
            get
            {
                string[] parts = GetCommandLineArgs();
                System.Text.StringBuilder sb = new System.Text.StringBuilder();
                for (int i = 0; i < parts.Length; i++)
                {
                    if (i > 0)
                        sb.Append(' ');
                    AppendQuoted(sb, parts[i]);
                }
                return sb.ToString();
            }
        }

        private static void AppendQuoted(System.Text.StringBuilder sb, string arg)
        {
            bool quote = arg.Length == 0;
            for (int i = 0; i < arg.Length && !quote; i++)
            {
                char c = arg[i];
                quote = c == ' ' || c == '\t' || c == '"' || c == '\n';
            }
            if (!quote)
            {
                sb.Append(arg);
                return;
            }
            sb.Append('"');
            int backslashes = 0;
            for (int i = 0; i < arg.Length; i++)
            {
                char c = arg[i];
                if (c == '\\')
                {
                    backslashes++;
                    continue;
                }
                if (c == '"')
                    sb.Append('\\', backslashes * 2 + 1);
                else
                    sb.Append('\\', backslashes);
                backslashes = 0;
                sb.Append(c);
            }
            sb.Append('\\', backslashes * 2);
            sb.Append('"');
        }

        [DllImport("QCall", EntryPoint = "Environment_GetCommandLine")]
        private static extern void GetCommandLineCore(StringHandleOnStack result);

        // ----- Exit ----------------------------------------------------------

        private static int s_exitCode;

        // The exit code of a program whose Main returns void (an int Main's
        // result wins, as in .NET).
        public static int ExitCode
        {
            get { return s_exitCode; }
            set
            {
                s_exitCode = value;
                SetExitCodeCore(value);
            }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern void SetExitCodeCore(int exitCode);

        // Environment.Exit (and its QCall ExitCore) is in
        // Environment.Process.cs.

        // Writes the message to standard error and ends the process with
        // the exit code .NET uses (134, SIGABRT's).
        public static void FailFast(string message)
        {
            FailFast(message, null);
        }

        public static void FailFast(string message, Exception exception)
        {
            Console.Error.WriteLine(String.Concat("Process terminated. ", message));
            if (exception != null)
                Console.Error.WriteLine(exception.ToString());
            ExitCore(134);
        }

        public static bool HasShutdownStarted
        {
            get { return false; }
        }

        // ----- Clocks ----------------------------------------------------------

        // Milliseconds since the kernel started (it wraps after 24.9 days,
        // as .NET's does after the machine's 24.9 days).
        public static int TickCount
        {
            get { return (int)TickCount64; }
        }

        public static long TickCount64
        {
            get
            {
                long ticks = Stopwatch.GetTimestamp();
                long frequency = Stopwatch.Frequency;
                return (long)((double)ticks * 1000.0 / (double)frequency);
            }
        }

        // ----- The machine and the process ----------------------------------

        // ProcessorCount is in Environment.Process.cs.

        // The host name up to its first '.', as .NET reports it.
        public static string MachineName
        {
            get
            {
                string name = null;
                GetMachineNameCore(new StringHandleOnStack(ref name));
                if (name == null)
                    return "";
                int dot = name.IndexOf('.');
                return dot > 0 ? name.Substring(0, dot) : name;
            }
        }

        [DllImport("QCall", EntryPoint = "Environment_GetMachineName")]
        private static extern void GetMachineNameCore(StringHandleOnStack result);

        // From the environment (USER, then LOGNAME): the kernel has no
        // user database entry.
        public static string UserName
        {
            get
            {
                string user = GetEnvironmentVariable("USER");
                if (String.IsNullOrEmpty(user))
                    user = GetEnvironmentVariable("LOGNAME");
                return user == null ? "" : user;
            }
        }

        public static string UserDomainName
        {
            get { return MachineName; }
        }

        public static bool UserInteractive
        {
            get { return false; }
        }

        // PlatformID.Unix with the OS kernel's release as the version (the
        // first four numbers in it: "6.1.0-18-amd64" is 6.1.0.18), as mono
        // and .NET Core report it on Linux.
        public static OperatingSystem OSVersion
        {
            get
            {
                string text = null;
                GetOsVersionCore(new StringHandleOnStack(ref text));
                int space = text == null ? -1 : text.IndexOf(' ');
                string release = space < 0 ? "" : text.Substring(space + 1);
                return new OperatingSystem(PlatformID.Unix, Version.FromNumbersIn(release));
            }
        }

        [DllImport("QCall", EntryPoint = "Environment_GetOsVersion")]
        private static extern void GetOsVersionCore(StringHandleOnStack result);

        // The runtime's version (Osprey reports 4.0.30319.42000, what .NET
        // Framework 4.6 and later do, like mono).
        public static Version Version
        {
            get { return new Version(4, 0, 30319, 42000); }
        }

        public static bool Is64BitProcess
        {
            get { return true; }
        }

        public static bool Is64BitOperatingSystem
        {
            get { return true; }
        }

        public static int SystemPageSize
        {
            get { return 4096; }
        }

        public static int CurrentManagedThreadId
        {
            get { return Thread.CurrentThread.ManagedThreadId; }
        }

        // The calling thread's managed stack, innermost frame first, in the
        // format of Exception.StackTrace (this property's own frame
        // included, as mono shows it).
        public static string StackTrace
        {
            get { return GetStackTraceCore(); }
        }

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern string GetStackTraceCore();

        public enum SpecialFolder
        {
            Desktop = 0,
            Programs = 2,
            MyDocuments = 5,
            Personal = 5,
            Favorites = 6,
            Startup = 7,
            Recent = 8,
            SendTo = 9,
            StartMenu = 11,
            MyMusic = 13,
            MyVideos = 14,
            DesktopDirectory = 16,
            MyComputer = 17,
            NetworkShortcuts = 19,
            Fonts = 20,
            Templates = 21,
            CommonStartMenu = 22,
            CommonPrograms = 23,
            CommonStartup = 24,
            CommonDesktopDirectory = 25,
            ApplicationData = 26,
            PrinterShortcuts = 27,
            LocalApplicationData = 28,
            InternetCache = 32,
            Cookies = 33,
            History = 34,
            CommonApplicationData = 35,
            Windows = 36,
            System = 37,
            ProgramFiles = 38,
            MyPictures = 39,
            UserProfile = 40,
            SystemX86 = 41,
            ProgramFilesX86 = 42,
            CommonProgramFiles = 43,
            CommonProgramFilesX86 = 44,
            CommonTemplates = 45,
            CommonDocuments = 46,
            CommonAdminTools = 47,
            AdminTools = 48,
            CommonMusic = 53,
            CommonPictures = 54,
            CommonVideos = 55,
            Resources = 56,
            LocalizedResources = 57,
            CommonOemLinks = 58,
            CDBurning = 59,
        }

        public enum SpecialFolderOption
        {
            None = 0,
            DoNotVerify = 16384,
            Create = 32768,
        }

        // The XDG answers .NET Core gives on Linux for the folders it knows
        // there; "" for the rest.
        public static string GetFolderPath(SpecialFolder folder)
        {
            string home = GetEnvironmentVariable("HOME");
            if (home == null)
                home = "";
            switch (folder)
            {
                case SpecialFolder.UserProfile:
                case SpecialFolder.MyDocuments:
                    return home;
                case SpecialFolder.ApplicationData:
                    return Xdg("XDG_CONFIG_HOME", home, ".config");
                case SpecialFolder.LocalApplicationData:
                    return Xdg("XDG_DATA_HOME", home, ".local/share");
                case SpecialFolder.CommonApplicationData:
                    return "/usr/share";
                case SpecialFolder.Desktop:
                case SpecialFolder.DesktopDirectory:
                    return Path.Combine(home, "Desktop");
            }
            return "";
        }

        public static string GetFolderPath(SpecialFolder folder, SpecialFolderOption option)
        {
            return GetFolderPath(folder);
        }

        private static string Xdg(string variable, string home, string fallback)
        {
            string value = GetEnvironmentVariable(variable);
            return String.IsNullOrEmpty(value) ? Path.Combine(home, fallback) : value;
        }
    }

    public enum EnvironmentVariableTarget
    {
        Process = 0,
        User = 1,
        Machine = 2,
    }

    public enum PlatformID
    {
        Win32S = 0,
        Win32Windows = 1,
        Win32NT = 2,
        WinCE = 3,
        Unix = 4,
        Xbox = 5,
        MacOSX = 6,
    }

    public sealed class OperatingSystem : ICloneable
    {
        private readonly PlatformID _platform;
        private readonly Version _version;
        private readonly string _servicePack;

        public OperatingSystem(PlatformID platform, Version version)
            : this(platform, version, null)
        {
        }

        internal OperatingSystem(PlatformID platform, Version version, string servicePack)
        {
            if (version == null)
                throw new ArgumentNullException("version");
            _platform = platform;
            _version = version;
            _servicePack = servicePack;
        }

        public PlatformID Platform
        {
            get { return _platform; }
        }

        public string ServicePack
        {
            get { return _servicePack == null ? "" : _servicePack; }
        }

        public Version Version
        {
            get { return _version; }
        }

        public object Clone()
        {
            return new OperatingSystem(_platform, _version, _servicePack);
        }

        // "Unix 6.1.0.18" (the platform as .NET names it, then the version).
        public string VersionString
        {
            get
            {
                string os;
                switch (_platform)
                {
                    case PlatformID.Win32NT:
                        os = "Microsoft Windows NT ";
                        break;
                    case PlatformID.Win32Windows:
                        os = "Microsoft Windows 98 ";
                        break;
                    case PlatformID.Win32S:
                        os = "Microsoft Win32S ";
                        break;
                    case PlatformID.WinCE:
                        os = "Microsoft Windows CE ";
                        break;
                    case PlatformID.MacOSX:
                        os = "Mac OS X ";
                        break;
                    case PlatformID.Unix:
                        os = "Unix ";
                        break;
                    default:
                        os = "<unknown> ";
                        break;
                }
                if (String.IsNullOrEmpty(_servicePack))
                    return String.Concat(os, _version.ToString());
                return String.Concat(os, _version.ToString(3), " ", _servicePack);
            }
        }

        public override string ToString()
        {
            return VersionString;
        }
    }
}
