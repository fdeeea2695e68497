using System;
using Station.Core.Motion;
using Station.Core.Tests.Bay;
using Station.Hal;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The tick's cheaper bookkeeping (inputs sampled in one loop, the lock hold check and the on-time walk
    /// skipped while nothing they judge changed) decides exactly what the plain rules decide.</summary>
    public class TickSamplingTests
    {
        /// <summary>The debounce rule written out plainly (one input, every case in order), the reference for the
        /// sampler's fast path.</summary>
        private sealed class PlainDebounce
        {
            private readonly int _debounceMs;
            private readonly bool _dropAtOnce;
            private bool _primed;
            private long _since = -1;
            public bool Value;

            public PlainDebounce(int debounceMs, bool dropAtOnce) { _debounceMs = debounceMs; _dropAtOnce = dropAtOnce; }

            public void Sample(bool r, long now)
            {
                if (r == Value && _primed) { _since = -1; return; }
                if (!_primed) { _primed = true; Value = r; return; }
                if (_dropAtOnce && !r) { Value = false; _since = -1; return; }
                if (_since < 0) _since = now;
                if (now - _since >= _debounceMs) { Value = r; _since = -1; }
            }
        }

        [Theory]
        [InlineData(false, 0.05, 1)]
        [InlineData(true, 0.05, 2)]
        [InlineData(false, 0.4, 3)]
        [InlineData(true, 0.4, 4)]
        [InlineData(false, 0.15, 5)]
        public void Sampling_in_one_loop_debounces_exactly_as_the_plain_rule(bool dropAtOnce, double flipChance, int seed)
        {
            var rng = new Random(seed);
            const int n = 6;
            var raws = new TestInput[n];
            var inputs = new DebouncedInput[n];
            var singles = new DebouncedInput[n];
            var plain = new PlainDebounce[n];
            for (int i = 0; i < n; i++)
            {
                raws[i] = new TestInput { Level = rng.Next(2) == 1 };
                inputs[i] = new DebouncedInput(raws[i], 20 + 10 * i, dropAtOnce);
                singles[i] = new DebouncedInput(raws[i], 20 + 10 * i, dropAtOnce);
                plain[i] = new PlainDebounce(20 + 10 * i, dropAtOnce);
            }
            int changes = 0;
            for (long t = 0; t < 20000; t += 10)
            {
                for (int i = 0; i < n; i++) if (rng.NextDouble() < flipChance) raws[i].Level = !raws[i].Level;
                var before = new bool[n];
                for (int i = 0; i < n; i++) before[i] = inputs[i].Value;
                bool changed = DebouncedInput.SampleAll(inputs, t);
                bool expectChanged = false;
                for (int i = 0; i < n; i++)
                {
                    singles[i].Sample(t);
                    plain[i].Sample(raws[i].Level, t);
                    Assert.Equal(plain[i].Value, inputs[i].Value);
                    Assert.Equal(plain[i].Value, singles[i].Value);
                    Assert.Equal(raws[i].Level, inputs[i].Raw);
                    // The first sample primes the input: reported as a change only when it differs from the default.
                    if (inputs[i].Value != before[i]) { expectChanged = true; changes++; }
                }
                Assert.Equal(expectChanged, changed);
            }
            Assert.True(changes > 10, "the sequence must exercise level changes");
        }

        [Fact]
        public void A_held_lock_that_leaves_its_end_after_many_quiet_ticks_is_still_caught()
        {
            var config = new StationConfig();
            var ports = new LockSetPorts();
            int n = config.LockCount;
            var locked = new TestInput[n];
            var unlocked = new TestInput[n];
            ports.Engage = new IDigitalOutput[n];
            ports.Release = new IDigitalOutput[n];
            ports.LockedSensor = new IDigitalInput[n];
            ports.UnlockedSensor = new IDigitalInput[n];
            for (int i = 0; i < n; i++)
            {
                ports.Engage[i] = new TestOutput();
                ports.Release[i] = new TestOutput();
                ports.LockedSensor[i] = locked[i] = new TestInput();
                ports.UnlockedSensor[i] = unlocked[i] = new TestInput { Level = true };
            }
            var locks = new LockSet(ports, config);
            long t = 1000;
            locks.Update(t);
            locks.MonitorHold = true;
            locks.EngageAll(t);
            // The latches travel for half the allowed time, then read locked.
            for (; t < 1000 + config.LockTravelMs / 2; t += 10) locks.Update(t);
            for (int i = 0; i < n; i++) { locked[i].Level = true; unlocked[i].Level = false; }
            for (int k = 0; k < 20 && !locks.TakeDone(); k++) locks.Update(t += 10);
            Assert.Equal(FaultCode.None, locks.Fault);
            // Held: many ticks in which nothing changes (the check is skipped), then one latch opens.
            for (int k = 0; k < 200; k++) locks.Update(t += 10);
            Assert.Equal(FaultCode.None, locks.Fault);
            locked[2].Level = false;
            for (int k = 0; k < 10 && locks.Fault == FaultCode.None; k++) locks.Update(t += 10);
            Assert.Equal(FaultCode.LockLeftEndPosition, locks.Fault);
            Assert.Equal(2, locks.FaultLock);

            // Held released, then a fresh hold: a lock reading both ends is a conflict once it outlasts the travel time.
            locks.ClearFault();
            locked[2].Level = true;
            locks.MonitorHold = false;
            locks.MonitorHold = true;
            locks.EngageAll(t);
            for (int k = 0; k < 20 && !locks.TakeDone(); k++) locks.Update(t += 10);
            for (int k = 0; k < 50; k++) locks.Update(t += 10);
            unlocked[1].Level = true; // locked and unlocked at once
            long conflictFrom = t;
            while (locks.Fault == FaultCode.None && t - conflictFrom < 3 * config.LockTravelMs) locks.Update(t += 10);
            Assert.Equal(FaultCode.LockSensorConflict, locks.Fault);
            Assert.True(t - conflictFrom > config.LockTravelMs);
        }

        [Fact]
        public void An_output_registered_while_on_is_timed_and_one_switched_on_later_too()
        {
            var bay = new TestBay();
            var coil = (TestOutput)bay.Io.Locks.Engage[0];
            coil.Write(true); // left on before the controller was built (a power cut)
            OutputRegistry r = bay.Io.RegisterOutputs(bay.Config);
            GuardedOutput left = r.Find("Locks.Engage[0]");
            Assert.True(left.IsOn);
            long t = 5000;
            FaultCode f = FaultCode.None;
            while (f == FaultCode.None && t < 5000 + 2 * left.MaxOnMs) f = r.Supervise(t += 10);
            Assert.Equal(FaultCode.OutputOnTooLong, f);
            Assert.Same(left, r.Faulted);

            // Off: quiet. Another coil on, off, on: its time counts from the last switch-on.
            left.Write(false);
            Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            GuardedOutput other = r.Find("Locks.Release[1]");
            other.Write(true);
            other.Write(false);
            for (int k = 0; k < 100; k++) Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            other.Write(true);
            long on = t;
            f = FaultCode.None;
            while (f == FaultCode.None) f = r.Supervise(t += 10);
            Assert.Equal(FaultCode.OutputOnTooLong, f);
            Assert.Same(other, r.Faulted);
            Assert.True(t - on > other.MaxOnMs);
        }
    }
}
