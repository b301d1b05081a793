// Cross-check tool for osprey-metadata's tests: prints, for every method
// with an IL body in an assembly, what System.Reflection says about it.
// One line per method:
//   <token> <maxstack> <initlocals 0|1> <localsig token> <il length> <il fnv1a hash> <clauses>
// where each clause is `flags:tryOff+tryLen:handlerOff+handlerLen:extra`
// (extra = catch type token, or filter offset, or 0).
// Usage: mono BodyDump.exe ASSEMBLY  (the path "mscorlib" means the running corlib).
using System;
using System.Reflection;
using System.Text;

static class BodyDump
{
    static int Main(string[] args)
    {
        Assembly asm = args[0] == "mscorlib" ? typeof(object).Assembly : Assembly.LoadFile(args[0]);
        var flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var output = new StringBuilder();
        foreach (Module module in asm.GetModules())
        {
            foreach (Type type in module.GetTypes())
            {
                foreach (MethodBase m in type.GetMethods(flags)) Dump(m, output);
                foreach (MethodBase m in type.GetConstructors(flags)) Dump(m, output);
            }
        }
        Console.Out.Write(output.ToString());
        return 0;
    }

    static void Dump(MethodBase m, StringBuilder output)
    {
        MethodBody body;
        try { body = m.GetMethodBody(); } catch (Exception) { return; }
        if (body == null) return;
        byte[] il = body.GetILAsByteArray();
        uint hash = 2166136261;
        foreach (byte b in il) { hash = (hash ^ b) * 16777619; }
        output.AppendFormat("{0:X8} {1} {2} {3:X8} {4} {5:X8}", m.MetadataToken, body.MaxStackSize,
            body.InitLocals ? 1 : 0, body.LocalSignatureMetadataToken, il.Length, hash);
        foreach (ExceptionHandlingClause c in body.ExceptionHandlingClauses)
        {
            int extra = 0;
            if (c.Flags == ExceptionHandlingClauseOptions.Clause) extra = c.CatchType.MetadataToken;
            else if (c.Flags == ExceptionHandlingClauseOptions.Filter) extra = c.FilterOffset;
            output.AppendFormat(" {0}:{1}+{2}:{3}+{4}:{5:X}", (int)c.Flags, c.TryOffset, c.TryLength,
                c.HandlerOffset, c.HandlerLength, extra);
        }
        output.Append('\n');
    }
}
