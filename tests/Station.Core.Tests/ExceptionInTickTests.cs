using System;
using System.Collections.Generic;
using Station.Core.Tests.Bay;
using Station.Hal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>An unexpected exception in the control tick, at every step of a swap: every output off, ControlException
    /// latched and journaled, the tick keeps returning (console and cloud stay served) and the watchdog stays fed; a
    /// repeating exception neither re-journals nor hides the first fault; the station recovers by reset and homing.</summary>
    public class ExceptionInTickTests
    {
        public static IEnumerable<object[]> Cases()
        {
            foreach (var step in FaultAtEveryStepTests.MotionSteps)
            {
                yield return new object[] { step, "encoder" }; // a read inside the tick throws, every tick
                // A subscriber throws in the middle of the step's way out (homing raises no swap events).
                if (step != SwapState.Homing) yield return new object[] { step, "event" };
            }
        }

        /// <summary>Reads through to the bay's encoder until armed, then throws on every read.</summary>
        private sealed class ThrowingEncoder : IPositionInput
        {
            private readonly IPositionInput _inner;
            public bool Armed;
            public ThrowingEncoder(IPositionInput inner) { _inner = inner; }
            public int ReadCounts() => Armed ? throw new InvalidOperationException("encoder driver fault") : _inner.ReadCounts();
        }

        /// <summary>Writes through until armed, then throws on every write (an output driver that failed).</summary>
        private sealed class ThrowingOutput : IDigitalOutput
        {
            private readonly IDigitalOutput _inner;
            public bool Armed;
            public ThrowingOutput(IDigitalOutput inner) { _inner = inner; }
            public void Write(bool on) { if (Armed) throw new InvalidOperationException("SPI fault"); _inner.Write(on); }
            public bool State => _inner.State;
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void An_exception_at_any_step_stops_every_output_latches_ControlException_and_the_loop_goes_on(SwapState step, string where)
        {
            ThrowingEncoder encoder = null;
            var s = TestStation.WithRack(b =>
            {
                if (step == SwapState.WaitStaged) b.StagingMs = 20_000;
                if (step == SwapState.Arming) b.RelayDelayMs = 100;
                encoder = new ThrowingEncoder(b.Io.Lift.Encoder);
                b.Io.Lift.Encoder = encoder;
            });
            var watchdog = new SimWatchdog(s.Bay.Clock);
            s.C.Watchdog = watchdog;
            Assert.True(watchdog.Start(200));
            // ReleaseGate: an unanswered check holds the step for the encoder case; a passing one lets it end for the event case.
            if (step == SwapState.ReleaseGate) s.C.PackCheck = new ScriptedCheck(where == "event" ? GateVerdict.Passed : GateVerdict.Pending, FaultCode.None);
            s.DriveTo(step);
            Assert.Equal(step, s.C.State);
            bool throwing = true;
            if (where == "encoder") encoder.Armed = true;
            else s.C.SwapEvent += (kind, state, record) => { if (throwing) throw new InvalidOperationException("subscriber bug"); };

            // The next tick (or the tick that ends the step) meets the exception; the tick itself returns.
            s.RunUntil(() => s.C.LatchedFault != FaultCode.None, 60_000);
            Assert.Equal(FaultCode.ControlException, s.C.LatchedFault);
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.False(s.Bay.AnyOutputOn(), "an output is still on");
            Assert.True(s.C.TickExceptions >= 1);
            Assert.Contains(where == "encoder" ? "encoder driver fault" : "subscriber bug", s.C.LastTickException);
            var tail = s.JournalTail();
            Assert.Equal(SwapState.Faulted, tail.State);
            Assert.Equal(FaultCode.ControlException, tail.LatchedFault);
            Assert.True(tail.Inventory.SameAs(s.C.Inventory), "journal inventory differs");

            // The exception repeats every tick (encoder): outputs stay off, the watchdog stays fed (the loop is alive and
            // serving console and cloud), the journal is not rewritten every tick and the first fault stays.
            int records = s.C.Sequencer.Journal.Sequence;
            long feeds = watchdog.Feeds;
            s.Run(2000);
            Assert.False(s.Bay.AnyOutputOn());
            Assert.Equal(SwapState.Faulted, s.C.State);
            Assert.Equal(FaultCode.ControlException, s.C.LatchedFault);
            Assert.Equal(records, s.C.Sequencer.Journal.Sequence);
            Assert.True(watchdog.Feeds >= feeds + 190, "watchdog fed " + (watchdog.Feeds - feeds) + " times in 200 ticks");
            Assert.False(watchdog.Expired);

            // Cause gone: a technician resets and the station homes again.
            encoder.Armed = false;
            throwing = false;
            TestStation.Ok(s.C.ResetFault());
            Assert.Equal(SwapState.NotHomed, s.C.State);
        }

        [Fact]
        public void When_even_switching_off_throws_the_watchdog_is_not_fed_and_restarts_the_board()
        {
            ThrowingEncoder encoder = null;
            ThrowingOutput enable = null;
            var s = TestStation.WithRack(b =>
            {
                encoder = new ThrowingEncoder(b.Io.Lift.Encoder);
                b.Io.Lift.Encoder = encoder;
                enable = new ThrowingOutput(b.Io.Lift.Enable);
                b.Io.Lift.Enable = enable;
            });
            var watchdog = new SimWatchdog(s.Bay.Clock);
            s.C.Watchdog = watchdog;
            watchdog.Start(200);
            s.DriveTo(SwapState.RaiseToPack);
            s.Run(100);
            Assert.False(watchdog.Expired);
            encoder.Armed = true;
            enable.Armed = true;
            s.Run(300);
            Assert.True(s.C.TickExceptions > 0);
            Assert.True(watchdog.Expired, "outputs could not be confirmed off, yet the watchdog was fed");
        }

        [Fact]
        public void ControlException_is_catalogued_in_the_state_helpers_range()
        {
            Assert.Equal(71, (int)FaultCode.ControlException);
            Assert.True(FaultCatalogue.IsKnown(FaultCode.ControlException));
            Assert.Equal("ControlException", FaultCatalogue.Name(FaultCode.ControlException));
        }
    }
}
