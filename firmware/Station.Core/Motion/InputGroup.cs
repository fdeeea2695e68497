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
        private readonly bool _anyAlone;
        // Bank 0's reader, mask, levels and settled flag (the arrays' entry 0 is not used for its state).
        private readonly IInputBank _bank0;
        private readonly int _mask0;
        private int _levels0;
        private bool _settled0;

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
            _anyAlone = aloneCount > 0;
            if (bankCount > 0)
            {
                _bank0 = _banks[0];
                _mask0 = _masks[0];
            }
        }

        /// <summary>Number of banks this group reads (the rest of its inputs are read one by one).</summary>
        public int BankCount { get { return _banks.Length; } }

        /// <summary>Reads every input once; true when a debounced level changed. Allocation-free (control tick).</summary>
        public bool Sample(long nowMs)
        {
            bool changed = false;
            // The first bank's state in fields: a group on one bank (the usual case) reads no array while nothing changes.
            if (_bank0 != null)
            {
                int levels = _bank0.ReadLevels() & _mask0;
                // Same raw levels and every input settled (so each Level equals its RawLevel): nothing to do.
                if (levels != _levels0 || !_settled0)
                {
                    _levels0 = levels;
                    int r = SampleBank(_members[0], _bits[0], levels, nowMs);
                    _settled0 = (r & Settled) != 0;
                    changed = (r & Changed) != 0;
                }
                for (int b = 1; b < _banks.Length; b++)
                {
                    levels = _banks[b].ReadLevels() & _masks[b];
                    if (levels == _levels[b] && _settled[b]) continue;
                    _levels[b] = levels;
                    int r = SampleBank(_members[b], _bits[b], levels, nowMs);
                    _settled[b] = (r & Settled) != 0;
                    if ((r & Changed) != 0) changed = true;
                }
            }
            if (_anyAlone && DebouncedInput.SampleAll(_alone, nowMs)) changed = true;
            return changed;
        }

        private const int Changed = 1;
        private const int Settled = 2;

        // Debounces every input of one bank from its levels; Changed when a debounced level changed, Settled when every
        // input is quiet afterwards.
        private static int SampleBank(DebouncedInput[] members, int[] bits, int levels, long nowMs)
        {
            int result = Settled;
            for (int m = 0; m < members.Length; m++)
            {
                DebouncedInput d = members[m];
                bool r = (levels & bits[m]) != 0;
                d.RawLevel = r;
                if ((r != d.Level || !d.Quiet) && d.Settle(r, nowMs)) result |= Changed;
                if (!d.Quiet) result &= ~Settled;
            }
            return result;
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
