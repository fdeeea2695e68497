using Station.Hal;

namespace Station.Core.Motion
{
    /// <summary>One owner's debounced inputs (the interlocks, a lock set's sensors, the lift's switches, the pack
    /// sensors), sampled together once per tick, exactly as <see cref="DebouncedInput.Sample"/> each.</summary>
    /// <remarks>
    /// Inputs that belong to an <see cref="IInputBank"/> are read with one call per bank. A bank whose levels are the
    /// ones of the last sample, while every input of this group on it had settled (nothing being timed), changes
    /// nothing and costs that call and one comparison: on nanoFramework's interpreter an interface call per input was
    /// the largest part of an idle tick. The other inputs are read one by one, as before.
    /// </remarks>
    public sealed class InputGroup
    {
        private readonly IInputBank[] _banks;
        // Per bank: the bits of this group's inputs on it, the levels of those bits at the last sample, and whether every
        // input on it had settled after that sample (false before the first, so the first sample primes every input).
        private readonly int[] _masks;
        private readonly int[] _levels;
        private readonly bool[] _settled;
        private readonly DebouncedInput[][] _members;
        private readonly int[][] _bits;
        private readonly DebouncedInput[] _alone;

        /// <summary>Groups <paramref name="inputs"/> by the bank each is read with (built once; allocates).</summary>
        public InputGroup(DebouncedInput[] inputs)
        {
            int n = inputs.Length;
            var banks = new IInputBank[n];
            var bankOf = new int[n];
            int bankCount = 0, aloneCount = 0;
            for (int i = 0; i < n; i++)
            {
                IInputBank bank = BankOf(inputs[i]);
                bankOf[i] = -1;
                if (bank == null)
                {
                    aloneCount++;
                    continue;
                }
                for (int b = 0; b < bankCount && bankOf[i] < 0; b++)
                {
                    if (banks[b] == bank) bankOf[i] = b;
                }
                if (bankOf[i] < 0)
                {
                    banks[bankCount] = bank;
                    bankOf[i] = bankCount++;
                }
            }
            _banks = new IInputBank[bankCount];
            _masks = new int[bankCount];
            _levels = new int[bankCount];
            _settled = new bool[bankCount];
            _members = new DebouncedInput[bankCount][];
            _bits = new int[bankCount][];
            _alone = new DebouncedInput[aloneCount];
            for (int b = 0; b < bankCount; b++)
            {
                _banks[b] = banks[b];
                int count = 0;
                for (int i = 0; i < n; i++) if (bankOf[i] == b) count++;
                _members[b] = new DebouncedInput[count];
                _bits[b] = new int[count];
                int m = 0;
                for (int i = 0; i < n; i++)
                {
                    if (bankOf[i] != b) continue;
                    int bit = 1 << ((IBankedInput)inputs[i].Port).Bit;
                    _members[b][m] = inputs[i];
                    _bits[b][m++] = bit;
                    _masks[b] |= bit;
                }
            }
            int a = 0;
            for (int i = 0; i < n; i++) if (bankOf[i] < 0) _alone[a++] = inputs[i];
        }

        /// <summary>Number of banks this group reads (the rest of its inputs are read one by one).</summary>
        public int BankCount { get { return _banks.Length; } }

        /// <summary>Reads every input once; true when a debounced level changed. Allocation-free (control tick).</summary>
        public bool Sample(long nowMs)
        {
            bool changed = false;
            for (int b = 0; b < _banks.Length; b++)
            {
                int levels = _banks[b].ReadLevels() & _masks[b];
                // Same raw levels and every input settled (so each Level equals its RawLevel): nothing to do.
                if (levels == _levels[b] && _settled[b]) continue;
                _levels[b] = levels;
                bool settled = true;
                DebouncedInput[] members = _members[b];
                int[] bits = _bits[b];
                for (int m = 0; m < members.Length; m++)
                {
                    DebouncedInput d = members[m];
                    bool r = (levels & bits[m]) != 0;
                    d.RawLevel = r;
                    if ((r != d.Level || !d.Quiet) && d.Settle(r, nowMs)) changed = true;
                    if (!d.Quiet) settled = false;
                }
                _settled[b] = settled;
            }
            if (_alone.Length > 0 && DebouncedInput.SampleAll(_alone, nowMs)) changed = true;
            return changed;
        }

        // The bank an input is read with, or null (not banked, or a bit no int can hold).
        private static IInputBank BankOf(DebouncedInput d)
        {
            var banked = d.Port as IBankedInput;
            if (banked == null) return null;
            int bit = banked.Bit;
            return bit < 0 || bit > 31 ? null : banked.Bank;
        }
    }
}
