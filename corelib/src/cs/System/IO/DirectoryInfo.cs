namespace System.IO
{
    // What Directory.CreateDirectory returns: a directory by path.
    public abstract class FileSystemInfo : MarshalByRefObject
    {
        protected string FullPath;
        protected string OriginalPath;

        protected FileSystemInfo()
        {
        }

        public virtual string FullName
        {
            get { return FullPath; }
        }

        public abstract string Name { get; }

        public abstract bool Exists { get; }

        public string Extension
        {
            get { return Path.GetExtension(FullPath); }
        }

        public abstract void Delete();

        public void Refresh()
        {
        }

        public override string ToString()
        {
            return OriginalPath;
        }
    }

    public sealed class DirectoryInfo : FileSystemInfo
    {
        public DirectoryInfo(string path)
        {
            FileSystem.CheckPath(path, "path");
            OriginalPath = path;
            FullPath = path;
        }

        public override string Name
        {
            get
            {
                string p = FullPath;
                int end = p.Length;
                while (end > 1 && p[end - 1] == '/')
                    end--;
                return Path.GetFileName(p.Substring(0, end));
            }
        }

        public override bool Exists
        {
            get { return Directory.Exists(FullPath); }
        }

        public DirectoryInfo Parent
        {
            get { return Directory.GetParent(FullPath); }
        }

        public void Create()
        {
            Directory.CreateDirectory(FullPath);
        }

        public override void Delete()
        {
            Directory.Delete(FullPath);
        }

        public void Delete(bool recursive)
        {
            Directory.Delete(FullPath, recursive);
        }
    }

    public sealed class FileInfo : FileSystemInfo
    {
        public FileInfo(string fileName)
        {
            FileSystem.CheckPath(fileName, "fileName");
            OriginalPath = fileName;
            FullPath = fileName;
        }

        public override string Name
        {
            get { return Path.GetFileName(FullPath); }
        }

        public override bool Exists
        {
            get { return File.Exists(FullPath); }
        }

        public string DirectoryName
        {
            get { return Path.GetDirectoryName(FullPath); }
        }

        public DirectoryInfo Directory
        {
            get
            {
                string dir = DirectoryName;
                return String.IsNullOrEmpty(dir) ? null : new DirectoryInfo(dir);
            }
        }

        public long Length
        {
            get
            {
                FileStream fs = new FileStream(FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
                try
                {
                    return fs.Length;
                }
                finally
                {
                    fs.Close();
                }
            }
        }

        public override void Delete()
        {
            File.Delete(FullPath);
        }

        public FileStream OpenRead()
        {
            return File.OpenRead(FullPath);
        }

        public StreamReader OpenText()
        {
            return File.OpenText(FullPath);
        }

        public StreamWriter CreateText()
        {
            return File.CreateText(FullPath);
        }

        public StreamWriter AppendText()
        {
            return File.AppendText(FullPath);
        }
    }
}
