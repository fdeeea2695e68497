using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>One owner's debounced inputs (the interlocks, a lock set's sensors, the lift's switches, the pack
    /// sensors), sampled together once per tick, exactly as <see cref="DebouncedInput.Sample"/> each.</summary>
    /// <remarks>
    /// The inputs on the first <see cref="IInputBank"/> found among them are read with one call per tick; while the
    /// bank's levels are the ones of the last sample and every one of those inputs had settled (nothing being timed),
    /// they cost that call and one comparison: on nanoFramework's interpreter an interface call per input was the
    /// largest part of an idle tick. Every other input (in no bank, or on a second bank) is read one by one, as before;
    /// a group wired over two banks is correct, only dearer. One bank per group keeps Station.Core within its byte-code
    /// budget.
    /// </remarks>
    public sealed class InputGroup
    {
        // Reading, Mask, Levels and Settled are read by the group's owners too (the lift's feedback, the lock set, the
        // interlocks, the sequencer's pack sensors), which run the common case inline in their tick (a call per tick is
        // dear on the interpreter): with the group joined to the tick's InputScan and every input settled, the scan's
        // word compared with Levels, and Take only when it changed; Sample otherwise.
        internal readonly IInputBank Bank;
        internal readonly int Mask;
        private readonly DebouncedInput[] _banked;
        private readonly int[] _bits;
        private readonly DebouncedInput[] _alone;
        private readonly bool _anyAlone;
        // Every input of the group is on its bank (none read alone): only such a group joins an InputScan.
        internal readonly bool BankOnly;
        // The bank's levels as the tick's InputScan read them, once the group joined one (InputScan.Join); null before.
        internal BankReading Reading;
        // The bank's levels (masked) at the last sample, and whether every banked input had settled after it (false
        // before the first sample, so the first one primes every input).
        internal int Levels;
        internal bool Settled;

        /// <summary>Groups <paramref name="inputs"/> (built once; allocates).</summary>
        public InputGroup(DebouncedInput[] inputs)
        {
            int n = inputs.Length, count = 0;
            for (int i = 0; i < n; i++)
            {
                IInputBank bank = BankOf(inputs[i]);
                if (Bank == null) Bank = bank;
                if (bank != null && bank == Bank) count++;
            }
            _banked = new DebouncedInput[count];
            _bits = new int[count];
            _alone = new DebouncedInput[n - count];
            int b = 0, a = 0;
            for (int i = 0; i < n; i++)
            {
                if (Bank != null && BankOf(inputs[i]) == Bank)
                {
                    _bits[b] = 1 << ((IBankedInput)inputs[i].Port).Bit;
                    Mask |= _bits[b];
                    _banked[b++] = inputs[i];
                }
                else _alone[a++] = inputs[i];
            }
            _anyAlone = a > 0;
            BankOnly = Bank != null && !_anyAlone;
        }

        /// <summary>Number of inputs read through the group's bank (the rest are read one by one).</summary>
        public int BankedCount { get { return _banked.Length; } }

        /// <summary>Reads every input once, its bank afresh; true when a debounced level changed. Allocation-free.</summary>
        public bool Sample(long nowMs)
        {
            bool changed = false;
            if (Bank != null)
            {
                int levels = Bank.ReadLevels() & Mask;
                // Same raw levels and every input settled (so each Level equals its RawLevel): nothing to do.
                if (levels != Levels || !Settled) changed = Take(levels, nowMs);
            }
            if (_anyAlone && DebouncedInput.SampleAll(_alone, nowMs)) changed = true;
            return changed;
        }

        // The banked inputs at levels (the bank's masked word, just read); true when a debounced level changed.
        internal bool Take(int levels, long nowMs)
        {
            bool changed = false;
            Levels = levels;
            Settled = true;
            for (int m = 0; m < _banked.Length; m++)
            {
                DebouncedInput d = _banked[m];
                bool r = (levels & _bits[m]) != 0;
                d.RawLevel = r;
                if ((r != d.Level || !d.Quiet) && d.Settle(r, nowMs)) changed = true;
                if (!d.Quiet) Settled = false;
            }
            return changed;
        }

        // The bank an input is read with, or null (not banked, or a bit no int can hold).
        private static IInputBank BankOf(DebouncedInput d)
        {
            var banked = d.Port as IBankedInput;
            if (banked == null || banked.Bit < 0 || banked.Bit > 31) return null;
            return banked.Bank;
        }
    }
}
