using System;
using Station.Core.Motion;
using Station.Core.Tests.Bay;
using Station.Hal;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>An input group reading its inputs through their banks (one call per bank, nothing done while a bank's
    /// levels hold and its inputs have settled) debounces exactly as each input sampled alone.</summary>
    public class InputGroupTests
    {
        private sealed class TestBank : IInputBank
        {
            public int Levels;
            public int Reads;
            public int ReadLevels() { Reads++; return Levels; }
        }

        private sealed class BankBit : IBankedInput
        {
            private readonly TestBank _bank;
            public int Reads;
            public BankBit(TestBank bank, int bit) { _bank = bank; Bit = bit; }
            public IInputBank Bank => _bank;
            public int Bit { get; }
            public bool Read() { Reads++; return (_bank.Levels & (1 << Bit)) != 0; }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Banked_sampling_debounces_exactly_as_each_input_alone(bool dropAtOnce)
        {
            // Rare, occasional, frequent and constant flips: settled banks skipped, debounce timers running, both.
            double[] flipChances = { 0.01, 0.05, 0.15, 0.4 };
            for (int k = 0; k < flipChances.Length; k++) RunAgainstEachAlone(dropAtOnce, flipChances[k], 100 + k);
        }

        private static void RunAgainstEachAlone(bool dropAtOnce, double flipChance, int seed)
        {
            var rng = new Random(seed);
            // Two banks (bits spread, bit 31 included, a foreign bit that flips too) and two inputs read alone: the
            // first bank's inputs are read through it, the second bank's and the others alone.
            var banks = new[] { new TestBank(), new TestBank() };
            int[] bankOf = { 0, 1, 0, -1, 1, 0, -1, 1 };
            int[] bitOf = { 0, 31, 7, 0, 3, 12, 0, 4 };
            int n = bankOf.Length;
            var ports = new IDigitalInput[n];
            var grouped = new DebouncedInput[n];
            var alone = new DebouncedInput[n];
            var aloneInputs = new TestInput[n];
            for (int i = 0; i < n; i++)
            {
                int debounce = 20 + 10 * i;
                if (bankOf[i] < 0) ports[i] = aloneInputs[i] = new TestInput();
                else ports[i] = new BankBit(banks[bankOf[i]], bitOf[i]);
                grouped[i] = new DebouncedInput(ports[i], debounce, dropAtOnce);
                alone[i] = new DebouncedInput(ports[i], debounce, dropAtOnce);
            }
            var group = new InputGroup(grouped);
            Assert.Equal(3, group.BankedCount);
            int changes = 0;
            for (long t = 0; t < 20000; t += 10)
            {
                for (int i = 0; i < n; i++)
                {
                    if (rng.NextDouble() >= flipChance) continue;
                    if (bankOf[i] < 0) aloneInputs[i].Level = !aloneInputs[i].Level;
                    else banks[bankOf[i]].Levels ^= 1 << bitOf[i];
                }
                if (rng.NextDouble() < flipChance) banks[0].Levels ^= 1 << 20; // no input of the group sits on bit 20
                var before = new bool[n];
                for (int i = 0; i < n; i++) before[i] = grouped[i].Value;
                int reads0 = banks[0].Reads, reads1 = banks[1].Reads;
                bool changed = group.Sample(t);
                Assert.Equal(reads0 + 1, banks[0].Reads);
                Assert.Equal(reads1, banks[1].Reads);
                changes += AgreeWithEachAlone(grouped, alone, before, changed, t);
            }
            Assert.True(changes > 10, "the sequence must exercise level changes");
        }

        // Samples each reference input alone at t; the group's inputs must hold the same levels, and the group must have
        // reported a change exactly when one of its levels moved. Returns how many moved.
        private static int AgreeWithEachAlone(DebouncedInput[] grouped, DebouncedInput[] alone, bool[] before, bool reported, long t)
        {
            int moved = 0;
            for (int i = 0; i < grouped.Length; i++)
            {
                alone[i].Sample(t);
                Assert.Equal(alone[i].Value, grouped[i].Value);
                Assert.Equal(alone[i].Raw, grouped[i].Raw);
                if (grouped[i].Value != before[i]) moved++;
            }
            Assert.Equal(moved > 0, reported);
            return moved;
        }

        [Fact]
        public void A_banked_input_is_never_read_alone_and_a_bit_out_of_range_is()
        {
            var bank = new TestBank { Levels = 0b101 };
            var inBank = new BankBit(bank, 2);
            var outOfRange = new BankBit(bank, 32);
            var group = new InputGroup(new[] { new DebouncedInput(inBank, 20, true), new DebouncedInput(outOfRange, 20, true) });
            Assert.Equal(1, group.BankedCount);
            for (long t = 0; t < 100; t += 10) group.Sample(t);
            Assert.Equal(0, inBank.Reads);
            Assert.Equal(10, outOfRange.Reads);
            Assert.Equal(10, bank.Reads);
        }

        [Fact]
        public void A_scan_reads_each_bank_once_however_many_groups_joined_and_a_group_sampled_outside_the_tick_reads_afresh()
        {
            var first = new TestBank { Levels = 0b11 };
            var second = new TestBank { Levels = 0b1 };
            var a = new DebouncedInput(new BankBit(first, 0), 0, true);
            var b = new DebouncedInput(new BankBit(first, 1), 0, true);
            var c = new DebouncedInput(new BankBit(second, 0), 0, true);
            var groupA = new InputGroup(new[] { a });
            var groupB = new InputGroup(new[] { b });
            var groupC = new InputGroup(new[] { c });
            var scan = new InputScan();
            scan.Join(groupA);
            scan.Join(groupB);
            scan.Join(groupC);
            scan.Read();
            Assert.Equal(1, first.Reads);
            Assert.Equal(1, second.Reads);
            // Outside the tick (power-up, a move's start, a command) a group does not trust the last scan: its bank now.
            first.Levels = 0;
            groupA.Sample(10);
            Assert.False(a.Value);
            Assert.Equal(2, first.Reads);
            // A group with an input read alone keeps reading itself: joining leaves it as it was.
            var alone = new TestInput { Level = true };
            var mixed = new InputGroup(new[] { new DebouncedInput(new BankBit(second, 3), 0, true), new DebouncedInput(alone, 0, true) });
            var own = new InputScan();
            own.Join(mixed);
            own.Read();
            Assert.Equal(1, second.Reads);
        }
    }
}
