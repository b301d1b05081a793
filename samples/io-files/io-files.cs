// Files through the kernel's FileService: write, read and append text,
// lines and bytes, streams and readers/writers, seeking, directories and
// listings, Path, and the IO exceptions with .NET's messages (mono's
// differ: see expected-differences). Everything happens in a fresh
// directory under the temporary path, removed at the end.
using System;
using System.IO;
using System.Text;

class Program
{
    static string dir;

    // Paths in messages, made independent of the run's directory.
    static string Local(string text)
    {
        return text.Replace(dir, "<dir>");
    }

    static void Fails(string what, Action action)
    {
        try
        {
            action();
            Console.WriteLine(what + ": no exception");
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": " + e.GetType().FullName + ": " + Local(e.Message.Split('\n')[0]));
        }
    }

    delegate void Action();

    static string[] Sorted(string[] items)
    {
        string[] copy = (string[])items.Clone();
        for (int i = 1; i < copy.Length; i++)
        {
            string x = copy[i];
            int j = i - 1;
            while (j >= 0 && String.CompareOrdinal(copy[j], x) > 0)
            {
                copy[j + 1] = copy[j];
                j--;
            }
            copy[j + 1] = x;
        }
        return copy;
    }

    static void Main()
    {
        dir = Path.Combine(Path.GetTempPath(), "osprey-io-" + Guid.NewGuid().ToString("N"));
        Console.WriteLine(Directory.Exists(dir));
        DirectoryInfo info = Directory.CreateDirectory(Path.Combine(dir, "sub/deeper"));
        Console.WriteLine(Directory.Exists(dir) + " " + info.Name + " " + info.Exists);

        // Text: write, append, read back whole and by lines.
        string notes = Path.Combine(dir, "notes.txt");
        File.WriteAllText(notes, "first line\nsecond line\n");
        File.AppendAllText(notes, "third: caf\u00e9 \u2603 \U0001F600\n");
        File.AppendAllText(notes, "no newline at the end");
        string all = File.ReadAllText(notes);
        Console.WriteLine(all.Length + " chars, " + File.ReadAllBytes(notes).Length + " bytes");
        Console.WriteLine(all);
        string[] lines = File.ReadAllLines(notes);
        for (int i = 0; i < lines.Length; i++)
            Console.WriteLine(i + ": [" + lines[i] + "]");
        File.WriteAllLines(Path.Combine(dir, "list.txt"), new string[] { "alpha", "beta", "", "gamma" });
        Console.WriteLine(File.ReadAllText(Path.Combine(dir, "list.txt")).Replace("\n", "|"));
        File.WriteAllText(Path.Combine(dir, "utf16.txt"), "wide \u00e9", Encoding.Unicode);
        Console.WriteLine(BitConverter.ToString(File.ReadAllBytes(Path.Combine(dir, "utf16.txt"))) + " " + File.ReadAllText(Path.Combine(dir, "utf16.txt")));
        File.WriteAllText(Path.Combine(dir, "bom.txt"), "bom", new UTF8Encoding(true));
        Console.WriteLine(File.ReadAllBytes(Path.Combine(dir, "bom.txt")).Length + " " + File.ReadAllText(Path.Combine(dir, "bom.txt")).Length);

        // Bytes and streams.
        string data = Path.Combine(dir, "data.bin");
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = (byte)(i * 7);
        File.WriteAllBytes(data, bytes);
        using (FileStream fs = new FileStream(data, FileMode.Open, FileAccess.ReadWrite))
        {
            Console.WriteLine(fs.Length + " " + fs.Position + " " + fs.CanRead + " " + fs.CanWrite + " " + fs.CanSeek);
            fs.Seek(10, SeekOrigin.Begin);
            Console.WriteLine(fs.ReadByte() + " " + fs.ReadByte() + " " + fs.Position);
            byte[] chunk = new byte[5];
            Console.WriteLine(fs.Read(chunk, 0, 5) + " " + BitConverter.ToString(chunk));
            fs.Seek(-3, SeekOrigin.End);
            Console.WriteLine(fs.Read(chunk, 0, 5) + " " + fs.Position);
            fs.Position = 0;
            fs.WriteByte(255);
            fs.Write(new byte[] { 1, 2, 3 }, 0, 3);
            fs.Seek(0, SeekOrigin.Current);
            Console.WriteLine(fs.Position + " " + fs.ReadByte());
            fs.SetLength(100);
            Console.WriteLine(fs.Length);
        }
        byte[] back = File.ReadAllBytes(data);
        Console.WriteLine(back.Length + " " + back[0] + " " + back[3] + " " + back[4] + " " + back[99]);
        using (FileStream append = new FileStream(data, FileMode.Append))
        {
            append.Write(new byte[] { 9, 9 }, 0, 2);
            Console.WriteLine(append.Position + " " + append.CanRead);
        }
        Console.WriteLine(new FileInfo(data).Length);

        // Readers and writers.
        string log = Path.Combine(dir, "sub/log.txt");
        using (StreamWriter w = new StreamWriter(log))
        {
            w.WriteLine("entry {0}: {1:F2}", 1, 3.14159);
            w.Write(42);
            w.Write(' ');
            w.Write(true);
            w.WriteLine();
            w.WriteLine(12.5m);
        }
        using (StreamWriter w = File.AppendText(log))
            w.WriteLine("appended");
        using (StreamReader r = new StreamReader(log))
        {
            Console.WriteLine((char)r.Peek() + " " + r.ReadLine());
            string line;
            while ((line = r.ReadLine()) != null)
                Console.WriteLine("> " + line);
            Console.WriteLine(r.EndOfStream + " " + (r.ReadLine() == null) + " " + r.Read());
        }
        using (StreamReader r = File.OpenText(log))
        {
            char[] buffer = new char[6];
            Console.WriteLine(r.Read(buffer, 0, 6) + " " + new string(buffer) + " | rest " + r.ReadToEnd().Length);
        }
        MemoryStream memory = new MemoryStream();
        StreamWriter mw = new StreamWriter(memory);
        mw.Write("in memory \u00e9");
        mw.Flush();
        Console.WriteLine(memory.Length + " " + BitConverter.ToString(memory.ToArray()));
        memory.Position = 0;
        Console.WriteLine(new StreamReader(memory).ReadToEnd());

        // Copy, existence, listings.
        File.Copy(notes, Path.Combine(dir, "copy.txt"));
        Fails("Copy onto an existing file", delegate { File.Copy(notes, Path.Combine(dir, "copy.txt")); });
        File.Copy(notes, Path.Combine(dir, "copy.txt"), true);
        Console.WriteLine(File.Exists(Path.Combine(dir, "copy.txt")) + " " + File.Exists(dir) + " " + File.Exists(Path.Combine(dir, "nope")) + " " + File.Exists(null) + " " + Directory.Exists(notes));
        foreach (string f in Sorted(Directory.GetFiles(dir)))
            Console.WriteLine("file " + Path.GetFileName(f) + " in " + Local(Path.GetDirectoryName(f)));
        foreach (string f in Sorted(Directory.GetFiles(dir, "*.txt")))
            Console.WriteLine("txt " + Path.GetFileName(f));
        foreach (string f in Sorted(Directory.GetFiles(dir, "?ata.*")))
            Console.WriteLine("?ata " + Path.GetFileName(f));
        foreach (string d in Sorted(Directory.GetDirectories(dir)))
            Console.WriteLine("dir " + Local(d));
        foreach (string f in Sorted(Directory.GetFiles(dir, "*", SearchOption.AllDirectories)))
            Console.WriteLine("all " + Local(f));

        // Path.
        string[] paths = { "/a/b/c.txt", "a/b.tar.gz", "/a/b/", "file", ".hidden", "/", "dir.d/file", "x." };
        foreach (string p in paths)
            Console.WriteLine(p + " | " + Path.GetFileName(p) + " | " + Path.GetFileNameWithoutExtension(p) + " | " + Path.GetExtension(p) + " | " + Path.GetDirectoryName(p) + " | " + Path.HasExtension(p) + " | " + Path.IsPathRooted(p) + " | " + Path.ChangeExtension(p, ".bak"));
        Console.WriteLine(Path.Combine("a", "b") + " " + Path.Combine("a/", "b") + " " + Path.Combine("a", "/b") + " " + Path.Combine("a", "b", "c") + " " + Path.Combine("a", "", "c") + " " + Path.Combine(new string[] { "x", "y", "z.txt" }));
        Console.WriteLine(Path.DirectorySeparatorChar + " " + Path.AltDirectorySeparatorChar + " " + Path.PathSeparator + " " + Path.GetTempPath().EndsWith("/"));

        // Exceptions.
        Fails("read a missing file", delegate { File.ReadAllText(Path.Combine(dir, "missing.txt")); });
        Fails("read in a missing directory", delegate { File.ReadAllText(Path.Combine(dir, "nowhere/missing.txt")); });
        Fails("open a directory as a file", delegate { File.ReadAllBytes(dir); });
        Fails("CreateNew an existing file", delegate { new FileStream(notes, FileMode.CreateNew).Close(); });
        Fails("list a missing directory", delegate { Directory.GetFiles(Path.Combine(dir, "nowhere")); });
        Fails("write to a missing directory", delegate { File.WriteAllText(Path.Combine(dir, "nowhere/x.txt"), "x"); });
        Fails("StreamReader on a missing file", delegate { new StreamReader(Path.Combine(dir, "gone.txt")); });
        Fails("delete a non-empty directory", delegate { Directory.Delete(dir); });
        Fails("read past a closed stream", delegate { FileStream fs = File.OpenRead(notes); fs.Close(); fs.ReadByte(); });
        Fails("write a read-only stream", delegate { using (FileStream fs = File.OpenRead(notes)) fs.WriteByte(1); });
        Fails("empty path", delegate { File.ReadAllText(""); });
        Fails("null path", delegate { File.ReadAllText(null); });
        Fails("Read with FileMode.Create", delegate { new FileStream(notes, FileMode.Create, FileAccess.Read); });
        try
        {
            File.ReadAllText(Path.Combine(dir, "missing.txt"));
        }
        catch (FileNotFoundException e)
        {
            Console.WriteLine("FileName " + Local(e.FileName) + " is IOException " + (e is IOException));
        }
        File.Delete(Path.Combine(dir, "never-existed.txt"));
        Console.WriteLine("deleting a missing file is fine");
        Fails("delete in a missing directory", delegate { File.Delete(Path.Combine(dir, "nowhere/x.txt")); });

        // Clean up.
        File.Delete(notes);
        Console.WriteLine(File.Exists(notes));
        Directory.Delete(dir, true);
        Console.WriteLine(Directory.Exists(dir));
    }
}
