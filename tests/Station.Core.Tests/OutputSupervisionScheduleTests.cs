using System;
using System.Collections.Generic;
using Station.Core.Tests.Bay;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The output registry walks its timed outputs only once the earliest of them can be due (a tick before it
    /// looks at none, which the interpreter's tick cost needs). This holds it to the plain rule it replaces: in every
    /// supervision, the first timed output in registration order that has been on longer than its maximum on-time since
    /// its last change (every timer restarted after a supervision gap) is the fault, and nothing else is.</summary>
    public class OutputSupervisionScheduleTests
    {
        private const int GapMs = 100; // OutputRegistry's supervision gap

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(7)]
        [InlineData(8)]
        public void Random_switching_faults_exactly_when_the_plain_rule_does(int seed)
        {
            var bay = new TestBay();
            var staging = new TestInput();
            var transfer = new TestInput();
            bay.Io.StagingConveyor.Running = staging;
            bay.Io.TransferConveyor.Running = transfer;
            // Short on-times, so that outputs run out in a few hundred ticks and overlap with others.
            bay.Config.LockTravelMs = 300;
            bay.Config.StagingTimeoutMs = 400;
            bay.Config.TransferTimeoutMs = 250;
            OutputRegistry r = bay.Io.RegisterOutputs(bay.Config);
            var all = new List<GuardedOutput>();
            var timed = new List<GuardedOutput>();
            for (int i = 0; i < r.Count; i++)
            {
                all.Add(r.At(i));
                if (r.At(i).MaxOnMs > 0) timed.Add(r.At(i));
            }
            GuardedOutput stagingRun = r.Find("StagingConveyor.Run"), transferRun = r.Find("TransferConveyor.Run");
            staging.Source = () => stagingRun.State; // healthy contactors: only the on-time can fault
            transfer.Source = () => transferRun.State;

            var rng = new Random(seed);
            var onSince = new Dictionary<GuardedOutput, long>();
            var touched = new HashSet<GuardedOutput>();
            long t = 5000, last = 0;
            bool first = true;
            int faults = 0;
            for (int step = 0; step < 3000; step++)
            {
                t += rng.Next(100) < 2 ? GapMs + 50 : 10;
                int flips = rng.Next(100) < 15 ? 1 + rng.Next(2) : 0;
                for (int k = 0; k < flips; k++)
                {
                    GuardedOutput o = rng.Next(3) == 0 ? all[rng.Next(all.Count)] : timed[rng.Next(timed.Count)];
                    bool level = !o.State;
                    o.Write(level);
                    touched.Add(o);
                }
                // The plain rule: stamp what changed (everything after a gap), then the first timed output over its time.
                bool gap = first || t - last > GapMs;
                first = false;
                last = t;
                foreach (GuardedOutput o in all) if (gap || touched.Contains(o) || !onSince.ContainsKey(o)) onSince[o] = t;
                touched.Clear();
                GuardedOutput expected = null;
                foreach (GuardedOutput o in timed)
                {
                    if (o.IsOn && t - onSince[o] > o.MaxOnMs) { expected = o; break; }
                }

                FaultCode got = r.Supervise(t);
                Assert.Equal(expected == null ? FaultCode.None : FaultCode.OutputOnTooLong, got);
                if (expected == null) continue;
                Assert.Same(expected, r.Faulted);
                faults++;
                expected.Write(expected.SafeLevel); // as the controller's stop would; the others run on
                touched.Add(expected);
            }
            Assert.True(faults > 3, "the sequence should run outputs out of time several times, got " + faults);
        }
    }
}
