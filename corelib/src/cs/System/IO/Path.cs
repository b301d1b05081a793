using System.Text;

namespace System.IO
{
    // Paths as Unix spells them: '/' separates, nothing else does. The
    // operations are textual (only GetTempFileName touches the file system).
    public static class Path
    {
        public static readonly char DirectorySeparatorChar = '/';
        public static readonly char AltDirectorySeparatorChar = '/';
        public static readonly char VolumeSeparatorChar = '/';
        public static readonly char PathSeparator = ':';

        [Obsolete("Please use GetInvalidPathChars or GetInvalidFileNameChars instead.")]
        public static readonly char[] InvalidPathChars = new char[] { '\0' };

        public static char[] GetInvalidPathChars()
        {
            return new char[] { '\0' };
        }

        public static char[] GetInvalidFileNameChars()
        {
            return new char[] { '\0', '/' };
        }

        public static bool IsPathRooted(string path)
        {
            return path != null && path.Length > 0 && path[0] == '/';
        }

        public static bool IsPathFullyQualified(string path)
        {
            if (path == null)
                throw new ArgumentNullException("path");
            return IsPathRooted(path);
        }

        public static string GetPathRoot(string path)
        {
            if (String.IsNullOrEmpty(path))
                return null;
            return IsPathRooted(path) ? "/" : "";
        }

        public static string Combine(string path1, string path2)
        {
            if (path1 == null)
                throw new ArgumentNullException("path1");
            if (path2 == null)
                throw new ArgumentNullException("path2");
            return Join2(path1, path2);
        }

        public static string Combine(string path1, string path2, string path3)
        {
            if (path1 == null)
                throw new ArgumentNullException("path1");
            if (path2 == null)
                throw new ArgumentNullException("path2");
            if (path3 == null)
                throw new ArgumentNullException("path3");
            return Join2(Join2(path1, path2), path3);
        }

        public static string Combine(string path1, string path2, string path3, string path4)
        {
            if (path1 == null)
                throw new ArgumentNullException("path1");
            if (path2 == null)
                throw new ArgumentNullException("path2");
            if (path3 == null)
                throw new ArgumentNullException("path3");
            if (path4 == null)
                throw new ArgumentNullException("path4");
            return Join2(Join2(Join2(path1, path2), path3), path4);
        }

        public static string Combine(params string[] paths)
        {
            if (paths == null)
                throw new ArgumentNullException("paths");
            string result = "";
            for (int i = 0; i < paths.Length; i++)
            {
                if (paths[i] == null)
                    throw new ArgumentNullException("paths");
                result = Join2(result, paths[i]);
            }
            return result;
        }

        // A rooted second part replaces the first; otherwise one separator
        // goes between them.
        private static string Join2(string first, string second)
        {
            if (second.Length == 0)
                return first;
            if (first.Length == 0 || IsPathRooted(second))
                return second;
            if (first[first.Length - 1] == '/')
                return String.Concat(first, second);
            return String.Concat(first, "/", second);
        }

        public static string GetFileName(string path)
        {
            if (path == null)
                return null;
            int i = path.LastIndexOf('/');
            return i < 0 ? path : path.Substring(i + 1);
        }

        public static string GetFileNameWithoutExtension(string path)
        {
            string name = GetFileName(path);
            if (name == null)
                return null;
            int dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(0, dot);
        }

        // ".txt" for "a/b.txt"; "" when the name has no extension (or ends
        // with '.'); null for null.
        public static string GetExtension(string path)
        {
            if (path == null)
                return null;
            int dot = ExtensionDot(path);
            if (dot < 0 || dot == path.Length - 1)
                return "";
            return path.Substring(dot);
        }

        public static bool HasExtension(string path)
        {
            if (path == null)
                return false;
            int dot = ExtensionDot(path);
            return dot >= 0 && dot < path.Length - 1;
        }

        // `extension` null removes the extension; a leading '.' is optional.
        public static string ChangeExtension(string path, string extension)
        {
            if (path == null)
                return null;
            int dot = ExtensionDot(path);
            string stem = dot < 0 ? path : path.Substring(0, dot);
            if (extension == null)
                return stem;
            if (extension.Length == 0 || extension[0] != '.')
                return String.Concat(stem, ".", extension);
            return String.Concat(stem, extension);
        }

        // The index of the '.' starting the file name's extension, or -1.
        private static int ExtensionDot(string path)
        {
            for (int i = path.Length - 1; i >= 0; i--)
            {
                char c = path[i];
                if (c == '.')
                    return i;
                if (c == '/')
                    break;
            }
            return -1;
        }

        // The directory part: "/a/b" for "/a/b/c.txt", "/" for "/a", "" for
        // "a", null for "/", "" and null (.NET Core's answers).
        public static string GetDirectoryName(string path)
        {
            if (String.IsNullOrEmpty(path))
                return null;
            int end = path.Length;
            int i = path.LastIndexOf('/');
            if (i < 0)
                return "";
            // Collapse the separators before the file name.
            int cut = i;
            while (cut > 0 && path[cut - 1] == '/')
                cut--;
            if (cut == 0)
                return i == end - 1 && i == 0 ? null : "/";
            return path.Substring(0, cut);
        }

        // TMPDIR (with a trailing '/'), or "/tmp/".
        public static string GetTempPath()
        {
            string tmp = Environment.GetEnvironmentVariable("TMPDIR");
            if (String.IsNullOrEmpty(tmp))
                return "/tmp/";
            return tmp[tmp.Length - 1] == '/' ? tmp : String.Concat(tmp, "/");
        }

        // Creates an empty file with a new name in GetTempPath() and returns
        // its path.
        public static string GetTempFileName()
        {
            string dir = GetTempPath();
            for (int attempt = 0; ; attempt++)
            {
                string path = String.Concat(dir, "tmp", GetRandomName(6), ".tmp");
                try
                {
                    new FileStream(path, FileMode.CreateNew, FileAccess.Write).Close();
                    return path;
                }
                catch (IOException)
                {
                    if (attempt > 100 || FileSystem.GetPathKind(dir) != FileSystem.KindDirectory)
                        throw;
                }
            }
        }

        // Eight random letters and digits, a dot, three more: "w3kq0zxb.p1d".
        public static string GetRandomFileName()
        {
            return String.Concat(GetRandomName(8), ".", GetRandomName(3));
        }

        private static Random s_random;

        private static string GetRandomName(int length)
        {
            if (s_random == null)
                s_random = new Random();
            const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++)
                sb.Append(alphabet[s_random.Next(alphabet.Length)]);
            return sb.ToString();
        }
    }
}
