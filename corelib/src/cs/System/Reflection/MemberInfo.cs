namespace System.Reflection
{
    public abstract class MemberInfo
    {
        protected MemberInfo()
        {
        }

        public abstract string Name { get; }
    }
}
