namespace System.IO
{
    // Directories. Listings come in the order the OS returns them (sort
    // them if the order matters), as full paths: `path` + "/" + name.
    public static class Directory
    {
        public static bool Exists(string path)
        {
            if (String.IsNullOrEmpty(path) || path.IndexOf('\0') >= 0)
                return false;
            return FileSystem.GetPathKind(path) == FileSystem.KindDirectory;
        }

        // Creates the directory and every missing parent; nothing happens
        // if it exists. A file in the way is an IOException.
        public static DirectoryInfo CreateDirectory(string path)
        {
            FileSystem.CheckPath(path, "path");
            CreateAll(path);
            return new DirectoryInfo(path);
        }

        private static void CreateAll(string path)
        {
            int kind = FileSystem.GetPathKind(path);
            if (kind == FileSystem.KindDirectory)
                return;
            if (kind != FileSystem.KindMissing)
                throw new IOException(String.Concat("The file '", path, "' already exists."));
            string parent = Path.GetDirectoryName(TrimEnd(path));
            if (!String.IsNullOrEmpty(parent))
                CreateAll(parent);
            if (!FileSystem.CreateDirectory(path) && FileSystem.GetPathKind(path) != FileSystem.KindDirectory)
                throw new IOException(String.Concat("The file '", path, "' already exists."));
        }

        private static string TrimEnd(string path)
        {
            int end = path.Length;
            while (end > 1 && path[end - 1] == '/')
                end--;
            return path.Substring(0, end);
        }

        public static void Delete(string path)
        {
            FileSystem.CheckPath(path, "path");
            FileSystem.DeleteDirectory(path);
        }

        // `recursive`: the directory's files and subdirectories first.
        public static void Delete(string path, bool recursive)
        {
            FileSystem.CheckPath(path, "path");
            if (recursive)
            {
                string[] names = FileSystem.ListDirectory(path);
                for (int i = 0; i < names.Length; i++)
                {
                    string child = Path.Combine(path, names[i]);
                    if (FileSystem.GetPathKind(child) == FileSystem.KindDirectory)
                        Delete(child, true);
                    else
                        FileSystem.DeleteFile(child);
                }
            }
            FileSystem.DeleteDirectory(path);
        }

        public static string[] GetFiles(string path)
        {
            return List(path, "*", FileSystem.KindFile, SearchOption.TopDirectoryOnly);
        }

        public static string[] GetFiles(string path, string searchPattern)
        {
            return List(path, searchPattern, FileSystem.KindFile, SearchOption.TopDirectoryOnly);
        }

        public static string[] GetFiles(string path, string searchPattern, SearchOption searchOption)
        {
            return List(path, searchPattern, FileSystem.KindFile, searchOption);
        }

        public static string[] GetDirectories(string path)
        {
            return List(path, "*", FileSystem.KindDirectory, SearchOption.TopDirectoryOnly);
        }

        public static string[] GetDirectories(string path, string searchPattern)
        {
            return List(path, searchPattern, FileSystem.KindDirectory, SearchOption.TopDirectoryOnly);
        }

        public static string[] GetDirectories(string path, string searchPattern, SearchOption searchOption)
        {
            return List(path, searchPattern, FileSystem.KindDirectory, searchOption);
        }

        public static string[] GetFileSystemEntries(string path)
        {
            return List(path, "*", -1, SearchOption.TopDirectoryOnly);
        }

        public static string[] GetFileSystemEntries(string path, string searchPattern)
        {
            return List(path, searchPattern, -1, SearchOption.TopDirectoryOnly);
        }

        public static DirectoryInfo GetParent(string path)
        {
            FileSystem.CheckPath(path, "path");
            string parent = Path.GetDirectoryName(TrimEnd(path));
            return String.IsNullOrEmpty(parent) ? null : new DirectoryInfo(parent);
        }

        // The entries of `path` whose names match `pattern` ('*' any run of
        // characters, '?' one) and whose kind is `kind` (-1: any).
        private static string[] List(string path, string pattern, int kind, SearchOption option)
        {
            FileSystem.CheckPath(path, "path");
            if (pattern == null)
                throw new ArgumentNullException("searchPattern");
            if (option != SearchOption.TopDirectoryOnly && option != SearchOption.AllDirectories)
                throw new ArgumentOutOfRangeException("searchOption", "Enum value was out of legal range.");
            string[] found = new string[8];
            int count = 0;
            Collect(path, pattern, kind, option == SearchOption.AllDirectories, ref found, ref count);
            string[] result = new string[count];
            Array.Copy(found, result, count);
            return result;
        }

        private static void Collect(string path, string pattern, int kind, bool recurse, ref string[] found, ref int count)
        {
            string[] names = FileSystem.ListDirectory(path);
            for (int i = 0; i < names.Length; i++)
            {
                string full = Path.Combine(path, names[i]);
                int k = FileSystem.GetPathKind(full);
                if ((kind < 0 || k == kind) && Matches(names[i], 0, pattern, 0))
                {
                    if (count == found.Length)
                    {
                        string[] grown = new string[count * 2];
                        Array.Copy(found, grown, count);
                        found = grown;
                    }
                    found[count++] = full;
                }
                if (recurse && k == FileSystem.KindDirectory)
                    Collect(full, pattern, kind, true, ref found, ref count);
            }
        }

        // Wildcard matching of name[n..] against pattern[p..].
        internal static bool Matches(string name, int n, string pattern, int p)
        {
            while (p < pattern.Length)
            {
                char c = pattern[p];
                if (c == '*')
                {
                    while (p < pattern.Length && pattern[p] == '*')
                        p++;
                    if (p == pattern.Length)
                        return true;
                    for (int k = n; k <= name.Length; k++)
                    {
                        if (Matches(name, k, pattern, p))
                            return true;
                    }
                    return false;
                }
                if (n >= name.Length)
                    return false;
                if (c != '?' && c != name[n])
                    return false;
                n++;
                p++;
            }
            return n == name.Length;
        }
    }
}
