// Array.SetValue storing young references into an old array (of objects,
// of structs holding references, of Nullable) must mark the card: the
// generational collector otherwise frees or moves them under the array
// (a GC hole found while fixing SetValue for Nullable elements).
using System;
struct R { public string s; public int k; }
class Program {
    static int Main() {
        object[] objs = new object[64];
        R[] rs = new R[64];
        int?[] ns = new int?[4];
        for (int i = 0; i < 3; i++) GC.Collect();
        for (int i = 0; i < 64; i++) {
            objs.SetValue("o" + i, i);
            rs.SetValue(new R { s = "r" + i, k = i }, i);
            for (int j = 0; j < 20; j++) { object junk = new string('x', 10 + j); GC.KeepAlive(junk); }
            GC.Collect(0);
        }
        ns.SetValue(5, 1);
        for (int i = 0; i < 5; i++) { string x = new string('y', 1000); GC.KeepAlive(x); GC.Collect(0); }
        int sum = 0;
        for (int i = 0; i < 64; i++) sum += ((string)objs[i]).Length + rs[i].s.Length + rs[i].k;
        Console.WriteLine(sum + " " + objs[63] + " " + rs[40].s + " " + ns[1]);
        return 0;
    }
}
