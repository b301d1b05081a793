namespace System
{
    public abstract class ValueType
    {
        protected ValueType()
        {
        }

        // Field-by-field equality of boxed value types needs runtime support
        // that does not exist yet; fail clearly rather than fall back to
        // Object's reference equality (which would be wrong for boxes).
        public override bool Equals(object obj)
        {
            throw new NotSupportedException("ValueType.Equals is not supported yet: override Equals in the struct.");
        }

        public override int GetHashCode()
        {
            throw new NotSupportedException("ValueType.GetHashCode is not supported yet: override GetHashCode in the struct.");
        }

        public override string ToString()
        {
            return GetType().ToString();
        }
    }
}
