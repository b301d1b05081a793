// Interfaces `osprey proxygen` refuses, each for a reason its error names.
namespace Bad
{
    public interface IWithProperty
    {
        int Value { get; }
    }

    public interface IWithObject
    {
        void Take(object o);
    }

    public interface IWithRef
    {
        void Swap(ref int a);
    }

    public class NotAnInterface
    {
    }
}
