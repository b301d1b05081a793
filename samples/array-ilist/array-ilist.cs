using System; using System.Collections;
class P { static void Main() {
  int[] a = {1,2,3}; IList l = a; ICollection c = a;
  Console.WriteLine(l.Count + " " + l.IsReadOnly + " " + l.IsFixedSize + " " + c.IsSynchronized + " " + (c.SyncRoot == a));
  Console.WriteLine(l[1] + " " + l.Contains(2) + " " + l.Contains("x") + " " + l.IndexOf(3) + " " + l.IndexOf(9));
  l[0] = 7; Console.WriteLine(a[0]);
  foreach (var x in new[]{"add","insert","remove","removeat","clear"}) {
    try { switch (x) { case "add": l.Add(1); break; case "insert": l.Insert(0,1); break; case "remove": l.Remove(1); break; case "removeat": l.RemoveAt(0); break; default: l.Clear(); break; } Console.WriteLine(x + " ok " + a[0]); }
    catch (Exception e) { Console.WriteLine(x + " " + e.GetType().Name + ": " + e.Message); }
  }
  int[] d = new int[5]; c.CopyTo(d, 1); Console.WriteLine(d[1] + " " + d[3]);
  try { l[5] = 1; } catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
  try { Console.WriteLine(l[-1]); } catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
}}
