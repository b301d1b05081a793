using System.Text;

namespace System.IO
{
    // Whole-file operations. Text is read as UTF-8 unless told otherwise
    // (a byte-order mark picks the encoding it names) and written as UTF-8
    // without a byte-order mark.
    public static class File
    {
        public static bool Exists(string path)
        {
            if (String.IsNullOrEmpty(path) || path.IndexOf('\0') >= 0)
                return false;
            return FileSystem.GetPathKind(path) == FileSystem.KindFile;
        }

        // Deleting a file that does not exist is not an error; a missing
        // directory on the path is (DirectoryNotFoundException).
        public static void Delete(string path)
        {
            FileSystem.CheckPath(path, "path");
            if (!FileSystem.DeleteFile(path))
            {
                string dir = Path.GetDirectoryName(path);
                if (!String.IsNullOrEmpty(dir) && FileSystem.GetPathKind(dir) != FileSystem.KindDirectory)
                    throw FileSystem.ExceptionFor(FileSystem.PathNotFound, path);
            }
        }

        public static FileStream Open(string path, FileMode mode)
        {
            return new FileStream(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite, FileShare.None);
        }

        public static FileStream Open(string path, FileMode mode, FileAccess access)
        {
            return new FileStream(path, mode, access, FileShare.None);
        }

        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share)
        {
            return new FileStream(path, mode, access, share);
        }

        public static FileStream OpenRead(string path)
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        public static FileStream OpenWrite(string path)
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        }

        public static FileStream Create(string path)
        {
            return new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        }

        public static FileStream Create(string path, int bufferSize)
        {
            return new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize);
        }

        public static StreamReader OpenText(string path)
        {
            return new StreamReader(path);
        }

        public static StreamWriter CreateText(string path)
        {
            return new StreamWriter(path, false);
        }

        public static StreamWriter AppendText(string path)
        {
            return new StreamWriter(path, true);
        }

        public static string ReadAllText(string path)
        {
            return ReadAllText(path, new UTF8Encoding(false));
        }

        public static string ReadAllText(string path, Encoding encoding)
        {
            FileSystem.CheckPath(path, "path");
            if (encoding == null)
                throw new ArgumentNullException("encoding");
            StreamReader reader = new StreamReader(path, encoding, true);
            try
            {
                return reader.ReadToEnd();
            }
            finally
            {
                reader.Close();
            }
        }

        public static string[] ReadAllLines(string path)
        {
            return ReadAllLines(path, new UTF8Encoding(false));
        }

        public static string[] ReadAllLines(string path, Encoding encoding)
        {
            FileSystem.CheckPath(path, "path");
            if (encoding == null)
                throw new ArgumentNullException("encoding");
            StreamReader reader = new StreamReader(path, encoding, true);
            try
            {
                string[] lines = new string[16];
                int count = 0;
                string line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (count == lines.Length)
                    {
                        string[] grown = new string[count * 2];
                        Array.Copy(lines, grown, count);
                        lines = grown;
                    }
                    lines[count++] = line;
                }
                string[] result = new string[count];
                Array.Copy(lines, result, count);
                return result;
            }
            finally
            {
                reader.Close();
            }
        }

        public static byte[] ReadAllBytes(string path)
        {
            FileSystem.CheckPath(path, "path");
            FileStream fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            try
            {
                long length = fs.Length;
                if (length > int.MaxValue)
                    throw new IOException("The file is too long. This operation is currently limited to supporting files less than 2 gigabytes in size.");
                byte[] bytes = new byte[(int)length];
                int total = 0;
                int n;
                while (total < bytes.Length && (n = fs.Read(bytes, total, bytes.Length - total)) > 0)
                    total += n;
                if (total < bytes.Length)
                {
                    byte[] shorter = new byte[total];
                    Array.Copy(bytes, shorter, total);
                    return shorter;
                }
                return bytes;
            }
            finally
            {
                fs.Close();
            }
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            FileSystem.CheckPath(path, "path");
            if (bytes == null)
                throw new ArgumentNullException("bytes");
            FileStream fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
            try
            {
                fs.Write(bytes, 0, bytes.Length);
            }
            finally
            {
                fs.Close();
            }
        }

        public static void WriteAllText(string path, string contents)
        {
            WriteAllText(path, contents, new UTF8Encoding(false));
        }

        public static void WriteAllText(string path, string contents, Encoding encoding)
        {
            WriteText(path, contents, encoding, false);
        }

        public static void AppendAllText(string path, string contents)
        {
            AppendAllText(path, contents, new UTF8Encoding(false));
        }

        public static void AppendAllText(string path, string contents, Encoding encoding)
        {
            WriteText(path, contents, encoding, true);
        }

        public static void WriteAllLines(string path, string[] contents)
        {
            WriteAllLines(path, contents, new UTF8Encoding(false));
        }

        public static void WriteAllLines(string path, string[] contents, Encoding encoding)
        {
            FileSystem.CheckPath(path, "path");
            if (contents == null)
                throw new ArgumentNullException("contents");
            if (encoding == null)
                throw new ArgumentNullException("encoding");
            StreamWriter writer = new StreamWriter(path, false, encoding);
            try
            {
                for (int i = 0; i < contents.Length; i++)
                    writer.WriteLine(contents[i]);
            }
            finally
            {
                writer.Close();
            }
        }

        private static void WriteText(string path, string contents, Encoding encoding, bool append)
        {
            FileSystem.CheckPath(path, "path");
            if (encoding == null)
                throw new ArgumentNullException("encoding");
            StreamWriter writer = new StreamWriter(path, append, encoding);
            try
            {
                writer.Write(contents);
            }
            finally
            {
                writer.Close();
            }
        }

        public static void Copy(string sourceFileName, string destFileName)
        {
            Copy(sourceFileName, destFileName, false);
        }

        // Copies the bytes (the copy does not keep the source's permissions
        // or times).
        public static void Copy(string sourceFileName, string destFileName, bool overwrite)
        {
            FileSystem.CheckPath(sourceFileName, "sourceFileName");
            FileSystem.CheckPath(destFileName, "destFileName");
            FileStream source = new FileStream(sourceFileName, FileMode.Open, FileAccess.Read, FileShare.Read);
            try
            {
                FileStream dest = new FileStream(destFileName, overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None);
                try
                {
                    source.CopyTo(dest);
                }
                finally
                {
                    dest.Close();
                }
            }
            finally
            {
                source.Close();
            }
        }
    }
}
