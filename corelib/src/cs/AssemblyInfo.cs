// Assembly-level attributes of corelib. The assembly's name, "corelib",
// comes from the output file name (see corelib/build.rs).

using System;

[assembly: CLSCompliant(true)]
