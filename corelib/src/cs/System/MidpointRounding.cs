namespace System
{
    // How Math.Round treats a value halfway between two integers.
    public enum MidpointRounding
    {
        // To the even neighbour: 2.5 -> 2, 3.5 -> 4 (banker's rounding).
        ToEven = 0,
        // Away from zero: 2.5 -> 3, -2.5 -> -3.
        AwayFromZero = 1,
    }
}
