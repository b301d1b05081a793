// Console redirection: SetOut into a StringWriter and back, SetIn from a
// StringReader, Console.Error (standard error is not compared, so what
// goes there is also echoed), Console.Out/In as TextWriter/TextReader,
// every Write/WriteLine overload and format strings, and the standard
// streams as bytes.
using System;
using System.IO;
using System.Text;

class Program
{
    static void Main()
    {
        TextWriter original = Console.Out;
        StringWriter captured = new StringWriter();
        Console.SetOut(captured);
        Console.Write("a");
        Console.Write(1);
        Console.Write(2L);
        Console.Write(3u);
        Console.Write(4ul);
        Console.Write(true);
        Console.Write('c');
        Console.Write(1.5);
        Console.Write(2.5f);
        Console.Write(3.25m);
        Console.Write(new char[] { 'x', 'y' });
        Console.Write(new char[] { 'p', 'q', 'r' }, 1, 2);
        Console.Write((object)null);
        Console.Write("{0}-{1}", 7, "eight");
        Console.WriteLine();
        Console.WriteLine("{0,5}|{1,-5}|{2:X4}", 1, 2, 255);
        Console.WriteLine("{0} {1} {2} {3}", 1, 2, 3, 4);
        Console.WriteLine(12.5m);
        Console.WriteLine(-7L);
        Console.WriteLine((object)DayOfWeek.Monday);
        Console.SetOut(original);
        Console.WriteLine("captured: [" + captured.ToString().Replace("\n", "|") + "]");
        Console.WriteLine(ReferenceEquals(Console.Out, original));

        // A TextWriter subclass sees the writes.
        Console.SetOut(new Upper(original));
        Console.WriteLine("shouted {0}", "words");
        Console.Write("and more");
        Console.WriteLine();
        Console.SetOut(original);

        // Reading from a StringReader instead of the (empty) standard input.
        Console.SetIn(new StringReader("line one\r\nline two\n\nlast"));
        string line;
        int n = 0;
        while ((line = Console.ReadLine()) != null)
            Console.WriteLine(++n + ": [" + line + "]");
        Console.SetIn(new StringReader("xy"));
        Console.WriteLine(Console.Read() + " " + (char)Console.In.Peek() + " " + Console.Read() + " " + Console.Read());

        // Standard error goes to stderr (not compared): echo what is written.
        Console.Error.WriteLine("to stderr");
        Console.Error.Write("partial ");
        Console.Error.WriteLine(42);
        StringWriter err = new StringWriter();
        Console.SetError(err);
        Console.Error.WriteLine("captured error {0}", 1);
        Console.WriteLine("error was: " + err.ToString().Trim());

        // Console.Out and the standard output stream.
        Console.Out.WriteLine("via Out {0:F1}", 2.25);
        Console.Out.Write(new char[] { 'o', 'k' });
        Console.Out.WriteLine();
        Console.Out.Flush();
        Stream stdout = Console.OpenStandardOutput();
        byte[] bytes = Encoding.UTF8.GetBytes("bytes \u00e9\u2603\n");
        // Split inside a multi-byte character: the console keeps the first half.
        stdout.Write(bytes, 0, 8);
        stdout.Write(bytes, 8, bytes.Length - 8);
        stdout.Flush();
        StreamWriter sw = new StreamWriter(stdout);
        sw.AutoFlush = true;
        sw.WriteLine("through a StreamWriter");
        Console.WriteLine(Console.Out.Encoding.WebName + " " + (Console.Out.NewLine == "\n") + " " + Console.In.ReadLine() + " " + (Console.In.ReadLine() == null));
        try
        {
            Console.SetOut(null);
        }
        catch (ArgumentNullException e)
        {
            Console.WriteLine("ArgumentNullException " + e.ParamName);
        }
        // Standard input is empty here: ReadLine returns null at once.
        Console.SetIn(new StreamReader(Console.OpenStandardInput()));
        Console.WriteLine(Console.ReadLine() == null);
    }

    class Upper : TextWriter
    {
        private readonly TextWriter _inner;

        public Upper(TextWriter inner)
        {
            _inner = inner;
        }

        public override Encoding Encoding
        {
            get { return _inner.Encoding; }
        }

        public override void Write(char value)
        {
            _inner.Write(Char.ToUpperInvariant(value));
        }
    }
}
