using System; using System.Collections.Generic; using System.Collections;
class P { static void Main() {
  int[] a = {1,2,3}; IList<int> l = a; var e = l.GetEnumerator();
  try { Console.WriteLine(e.Current); } catch (Exception x) { Console.WriteLine(x.GetType().Name + ": " + x.Message); }
  while (e.MoveNext()) Console.Write(e.Current);
  try { Console.WriteLine(e.Current); } catch (Exception x) { Console.WriteLine(x.GetType().Name + ": " + x.Message); }
  try { l.Add(4); } catch (Exception x) { Console.WriteLine(x.GetType().Name + ": " + x.Message); }
  try { l.RemoveAt(0); } catch (Exception x) { Console.WriteLine(x.GetType().Name + ": " + x.Message); }
  try { Console.WriteLine(l[5]); } catch (Exception x) { Console.WriteLine(x.GetType().Name + ": " + x.Message); }
  Console.WriteLine(l.IsReadOnly + " " + ((ICollection<int>)a).IsReadOnly + " " + ((IList)a).IsReadOnly + " " + ((IList)a).IsFixedSize);
  e.Reset(); e.MoveNext(); Console.WriteLine(e.Current);
  IEnumerator<int> e0 = ((IEnumerable<int>)new int[0]).GetEnumerator(); Console.WriteLine(e0.MoveNext());
  IEnumerable<object> o = new string[]{"a"}; Console.WriteLine(o.GetType() + " " + (o is IList<object>) + " " + (o is IReadOnlyList<string>));
}}
