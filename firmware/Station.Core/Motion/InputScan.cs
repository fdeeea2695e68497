using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>The bay's input banks, each read once at the start of the control tick (a PLC's input scan): the input
    /// groups that joined read their levels from here in the tick, so the interlocks, the lift, the locks and the pack
    /// sensors judge the same reading, and a bank costs one call per tick however many groups sit on it.</summary>
    /// <remarks>
    /// On nanoFramework's interpreter an interface call costs about as much as thirty IL instructions, and the car bay's
    /// four groups on one expander made four identical calls per tick (the expander's adapter returns the snapshot it
    /// read before the tick: <c>Mcp23s17.Refresh</c>). Only the tick reads the scan's levels: a group sampled outside it
    /// (power-up, a move's start, a command) reads its bank afresh (<see cref="InputGroup.Sample"/>), and a group that
    /// never joined (built on its own, as in a test) always does. Built once, allocation-free after.
    /// </remarks>
    public sealed class InputScan
    {
        // One per distinct bank of the joined groups, in the order they joined. The sequencer's tick walks the list
        // inline (a call per tick is dear on the interpreter).
        internal BankReading First;

        /// <summary>Makes <paramref name="group"/> read its bank's levels from this scan in the tick. A group with inputs
        /// read alone (not all on its bank) keeps reading itself: its tick is the dear one anyway. Allocates once per
        /// new bank.</summary>
        public void Join(InputGroup group)
        {
            if (!group.BankOnly) return;
            BankReading last = null;
            for (BankReading b = First; b != null; b = b.Next)
            {
                if (b.Bank == group.Bank)
                {
                    group.Reading = b;
                    return;
                }
                last = b;
            }
            var added = new BankReading(group.Bank);
            if (last == null) First = added;
            else last.Next = added;
            group.Reading = added;
        }

        /// <summary>Reads every bank once now (the sequencer's tick runs this loop inline).</summary>
        public void Read()
        {
            for (BankReading b = First; b != null; b = b.Next) b.Levels = b.Bank.ReadLevels();
        }
    }
}
