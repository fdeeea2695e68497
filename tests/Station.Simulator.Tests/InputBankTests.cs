using System.Collections.Generic;
using System.IO;
using System.Linq;
using Station.Hal.Sim;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>The controller's input scan (each input bank read once at the start of a tick, every input group deciding
    /// on that reading) decides exactly as reading every input alone: the same runs with every input on simulated banks
    /// (<c>--input-banks</c>, as a board with I/O expanders) print byte-identical output, sensor faults included.</summary>
    public class InputBankTests
    {
        public static IEnumerable<object[]> Runs()
        {
            yield return new object[] { "--swaps 3" };
            yield return new object[] { "--bay truck --swaps 2" };
            yield return new object[] { "--bay truck --positions 1,3 --swaps 1" };
            foreach (string f in Directory.GetFiles(Sim.ScenarioDir, "*.json").OrderBy(f => f))
                yield return new object[] { "--scenario " + Path.GetFileName(f) };
        }

        [Theory]
        [MemberData(nameof(Runs))]
        public void A_run_on_input_banks_prints_what_the_run_on_single_inputs_prints(string run)
        {
            var args = run.Split(' ').Select(a => a.EndsWith(".json") ? Path.Combine(Sim.ScenarioDir, a) : a).Concat(new[] { "--json", "--quiet" }).ToArray();
            var alone = Sim.Run(args);
            var banked = Sim.Run(args.Concat(new[] { "--input-banks" }).ToArray());
            Assert.Equal(alone.Exit, banked.Exit);
            Assert.Equal(alone.Out, banked.Out);
            Assert.Equal(alone.Err, banked.Err);
        }

        [Fact]
        public void The_controller_reads_each_bank_once_per_tick_through_a_swap()
        {
            // The car bay's 21 inputs fit one bank: one read per tick, and a few more only in the ticks after a sensor
            // changed (a group being debounced reads its bank afresh).
            var kind = new CarBayKind(new PlantParameters());
            List<SimInputBank> banks = SimInputBanks.Wire(kind.Io);
            Assert.Single(banks);
            var run = new BayRun(kind, 2);
            run.Run();
            Assert.Equal(2, run.SwapsCompleted);
            long ticks = run.Clock.NowMs / run.Config.TickMs;
            Assert.InRange(banks[0].ReadCount, ticks - 1, ticks + ticks / 20);
        }

        [Fact]
        public void The_truck_bay_spreads_its_inputs_over_banks_and_still_swaps()
        {
            var kind = new TruckBayKind(new[] { 1, 2, 3 });
            List<SimInputBank> banks = SimInputBanks.Wire(kind.Io);
            Assert.True(banks.Count >= 2, "the truck bay's inputs need more than one bank of 32");
            var run = new BayRun(kind, 1);
            run.Run();
            Assert.Equal(1, run.SwapsCompleted);
            long ticks = run.Clock.NowMs / run.Config.TickMs;
            foreach (SimInputBank b in banks) Assert.InRange(b.ReadCount, ticks - 1, 3 * ticks);
        }
    }
}
