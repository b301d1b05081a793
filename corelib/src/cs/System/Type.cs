using System.Reflection;

namespace System
{
    // A type, as reflection sees it: the basic questions programs ask
    // (names, kind, base and element types, assignability, enums) and
    // lookup by name among the loaded assemblies. Object.GetType() and
    // typeof return the runtime's RuntimeType, one object per type.
#pragma warning disable 660, 661 // Equals/GetHashCode: reference identity, as Object's
    public abstract class Type : MemberInfo
    {
        public static readonly Type[] EmptyTypes = new Type[0];
        public static readonly object Missing = null;
        public static readonly char Delimiter = '.';

        protected Type()
        {
        }

        // "Namespace.Outer+Inner"; null for generic parameters.
        public abstract string FullName { get; }

        // null for types outside any namespace.
        public abstract string Namespace { get; }

        public abstract Type BaseType { get; }

        public abstract Type UnderlyingSystemType { get; }

        public virtual string AssemblyQualifiedName
        {
            get { return FullName; }
        }

        public virtual bool IsValueType
        {
            get { return false; }
        }

        public virtual bool IsClass
        {
            get { return false; }
        }

        public virtual bool IsInterface
        {
            get { return false; }
        }

        public virtual bool IsEnum
        {
            get { return false; }
        }

        public virtual bool IsArray
        {
            get { return false; }
        }

        public virtual bool IsSZArray
        {
            get { return false; }
        }

        public virtual bool IsPrimitive
        {
            get { return false; }
        }

        public virtual bool IsAbstract
        {
            get { return false; }
        }

        public virtual bool IsSealed
        {
            get { return false; }
        }

        public virtual bool IsPublic
        {
            get { return false; }
        }

        public virtual bool IsNotPublic
        {
            get { return !IsPublic && !IsNested; }
        }

        public virtual bool IsNested
        {
            get { return false; }
        }

        public virtual bool IsPointer
        {
            get { return false; }
        }

        public virtual bool IsByRef
        {
            get { return false; }
        }

        public virtual bool IsGenericType
        {
            get { return false; }
        }

        public virtual bool IsGenericTypeDefinition
        {
            get { return false; }
        }

        public virtual bool ContainsGenericParameters
        {
            get { return false; }
        }

        public virtual bool IsGenericParameter
        {
            get { return false; }
        }

        public bool HasElementType
        {
            get { return GetElementType() != null; }
        }

        public virtual bool IsMarshalByRef
        {
            get { return IsSubclassOf(typeof(MarshalByRefObject)); }
        }

        public virtual bool IsSerializable
        {
            get { return false; }
        }

        public abstract Type GetElementType();

        public virtual int GetArrayRank()
        {
            throw new ArgumentException("The type must be an array.");
        }

        public virtual Type MakeArrayType()
        {
            throw new NotSupportedException();
        }

        public virtual Type MakeArrayType(int rank)
        {
            throw new NotSupportedException();
        }

        // Whether a value of type `c` can be stored in a variable of this
        // type (the CLI's assignment compatibility).
        public virtual bool IsAssignableFrom(Type c)
        {
            return c != null && (object)c == (object)this;
        }

        public virtual bool IsInstanceOfType(object o)
        {
            return o != null && IsAssignableFrom(o.GetType());
        }

        public virtual bool IsSubclassOf(Type c)
        {
            if (c == null)
                throw new ArgumentNullException("c");
            for (Type t = BaseType; t != null; t = t.BaseType)
            {
                if ((object)t == (object)c)
                    return true;
            }
            return false;
        }

        public virtual Type GetEnumUnderlyingType()
        {
            if (!IsEnum)
                throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return Enum.GetUnderlyingType(this);
        }

        public virtual string[] GetEnumNames()
        {
            if (!IsEnum)
                throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return Enum.GetNames(this);
        }

        public virtual Array GetEnumValues()
        {
            if (!IsEnum)
                throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return Enum.GetValues(this);
        }

        public virtual string GetEnumName(object value)
        {
            if (!IsEnum)
                throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return Enum.GetName(this, value);
        }

        public virtual bool IsEnumDefined(object value)
        {
            if (!IsEnum)
                throw new ArgumentException("Type provided must be an Enum.", "enumType");
            return Enum.IsDefined(this, value);
        }

        public override string ToString()
        {
            return String.Concat("Type: ", Name);
        }

        public virtual bool Equals(Type o)
        {
            return (object)o != null && (object)o.UnderlyingSystemType == (object)UnderlyingSystemType;
        }

        public override bool Equals(object o)
        {
            return Equals(o as Type);
        }

        public override int GetHashCode()
        {
            Type t = UnderlyingSystemType;
            if ((object)t != (object)this)
                return t.GetHashCode();
            return base.GetHashCode();
        }

        public static TypeCode GetTypeCode(Type type)
        {
            if (type == null)
                return TypeCode.Empty;
            if (type.IsEnum)
                type = Enum.GetUnderlyingType(type);
            return Convert.TypeCodeOf(type);
        }

        // typeof(T): mcs emits ldtoken T and a call to this method.
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle)
        {
            return GetTypeFromHandleCore(handle.Value);
        }

        // FCall: the one Type object of the type whose method table is `handle`
        // (null for a null handle).
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        internal static extern Type GetTypeFromHandleCore(IntPtr handle);

        public RuntimeTypeHandle TypeHandle
        {
            get { return GetTypeHandle(this); }
        }

        private static RuntimeTypeHandle GetTypeHandle(Type t)
        {
            RuntimeType rt = t as RuntimeType;
            return rt == null ? new RuntimeTypeHandle() : new RuntimeTypeHandle(rt.m_handle);
        }

        public static RuntimeTypeHandle GetTypeHandle(object o)
        {
            if (o == null)
                throw new ArgumentNullException(null, "Invalid handle.");
            return GetTypeHandle(o.GetType());
        }

        // A type of a loaded assembly by its full name ("Ns.Outer+Inner",
        // with "[]" or "[,]" for arrays; an assembly name after a comma is
        // ignored); null when there is none.
        public static Type GetType(string typeName)
        {
            return GetType(typeName, false, false);
        }

        public static Type GetType(string typeName, bool throwOnError)
        {
            return GetType(typeName, throwOnError, false);
        }

        public static Type GetType(string typeName, bool throwOnError, bool ignoreCase)
        {
            if (typeName == null)
                throw new ArgumentNullException("typeName");
            Type t = RuntimeType.FindType(typeName, ignoreCase);
            if (t == null && throwOnError)
                throw new TypeLoadException(String.Concat("Could not load type '", typeName, "'."));
            return t;
        }

        // Each type has exactly one Type object.
        public static bool operator ==(Type left, Type right)
        {
            return (object)left == (object)right;
        }

        public static bool operator !=(Type left, Type right)
        {
            return (object)left != (object)right;
        }
    }
#pragma warning restore 660, 661
}
