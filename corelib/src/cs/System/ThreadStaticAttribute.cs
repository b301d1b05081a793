namespace System
{
    // Marks a static field whose value is per thread: every thread sees its
    // own copy, starting at the field's default value (docs/runtime.md,
    // "Thread statics").
    [AttributeUsage(AttributeTargets.Field, Inherited = false)]
    public class ThreadStaticAttribute : Attribute
    {
        public ThreadStaticAttribute()
        {
        }
    }
}
