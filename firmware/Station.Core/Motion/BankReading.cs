using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>One input bank's levels as the tick's <see cref="InputScan"/> read them.</summary>
    internal sealed class BankReading
    {
        internal readonly IInputBank Bank;
        // Every bit of the bank as read at the start of the current tick (ReadLevels, unmasked).
        internal int Levels;
        internal BankReading Next;

        internal BankReading(IInputBank bank) { Bank = bank; }
    }
}
