namespace System
{
    public abstract class Enum : ValueType
    {
        protected Enum()
        {
        }

        // Naming, comparing and hashing an enum value needs the enum's
        // underlying type and its named constants (reflection). Until the
        // runtime provides them these fail clearly instead of returning
        // ValueType's answers, which would be wrong for enums.
        public override string ToString()
        {
            throw new NotSupportedException("Enum.ToString is not supported yet.");
        }

        public override bool Equals(object obj)
        {
            throw new NotSupportedException("Enum.Equals is not supported yet.");
        }

        public override int GetHashCode()
        {
            throw new NotSupportedException("Enum.GetHashCode is not supported yet.");
        }
    }
}
