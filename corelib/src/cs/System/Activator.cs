using System.Reflection;
using System.Runtime.CompilerServices;

namespace System
{
    // Creating objects from Type objects.
    public static partial class Activator
    {
        // A new instance through the type's public parameterless
        // constructor (for a value type, its default value, boxed). An
        // exception in the constructor comes wrapped in a
        // TargetInvocationException, as .NET wraps it.
        public static object CreateInstance(Type type)
        {
            return CreateInstance(type, false);
        }

        public static object CreateInstance(Type type, bool nonPublic)
        {
            if (type == null)
                throw new ArgumentNullException("type");
            RuntimeType rt = type as RuntimeType;
            if (rt == null)
                throw new ArgumentException("Type must be a type provided by the runtime.", "type");
            if (type.IsAbstract || type.IsInterface)
                throw new MissingMethodException(String.Concat("Cannot create an abstract class '", type.FullName, "'."));
            if (type.IsArray)
                throw new MissingMethodException(String.Concat("No parameterless constructor defined for type '", type.FullName, "'."));
            IntPtr ctor = FindDefaultConstructor(rt.m_handle, nonPublic);
            if (ctor == IntPtr.Zero)
            {
                if (type.IsValueType)
                    return CreateValue(rt.m_handle, IntPtr.Zero);
                throw new MissingMethodException(String.Concat("No parameterless constructor defined for type '", type.FullName, "'."));
            }
            object result;
            try
            {
                result = CreateValue(rt.m_handle, ctor);
            }
            catch (Exception e)
            {
                throw new TargetInvocationException(e);
            }
            return result;
        }

        // FCall. The public (or any, with `nonPublic`) instance constructor
        // without parameters of the type, or 0.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern IntPtr FindDefaultConstructor(IntPtr type, bool nonPublic);

        // FCall. A new instance of the type (a zeroed box for a value type),
        // after running its class constructor, through `ctor` unless 0.
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern object CreateValue(IntPtr type, IntPtr ctor);
    }
}
