using System;
using System.Collections.Generic;
using System.Linq;
using Station.Core.Tests.Bay;
using Station.Hal;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The output registry: every output of the car bay registered once, all-off, maximum on-time and
    /// read-back supervision. The per-output cases are generated from the registry itself (every output × off / on /
    /// on too long / stuck), so a port added to a group is covered without a new test.</summary>
    public class OutputRegistryTests
    {
        private static readonly StationConfig Config = new StationConfig();

        /// <summary>A registry over a test bay whose conveyors have read-back inputs.</summary>
        private static (TestBay Bay, OutputRegistry Registry, Dictionary<string, TestInput> ReadBacks) Registered()
        {
            var bay = new TestBay();
            var staging = new TestInput();
            var transfer = new TestInput();
            bay.Io.StagingConveyor.Running = staging;
            bay.Io.TransferConveyor.Running = transfer;
            OutputRegistry r = bay.Io.RegisterOutputs(bay.Config);
            Assert.Null(r.Problem);
            return (bay, r, new Dictionary<string, TestInput> { ["StagingConveyor.Run"] = staging, ["TransferConveyor.Run"] = transfer });
        }

        public static TheoryData<string> Outputs()
        {
            var data = new TheoryData<string>();
            foreach (var name in Enumerable.Range(0, Registered().Registry.Count).Select(i => Registered().Registry.At(i).Name)) data.Add(name);
            return data;
        }

        public static TheoryData<string> TimedOutputs()
        {
            var r = Registered().Registry;
            var data = new TheoryData<string>();
            for (int i = 0; i < r.Count; i++) if (r.At(i).MaxOnMs > 0) data.Add(r.At(i).Name);
            return data;
        }

        public static TheoryData<string> ReadBackOutputs()
        {
            var r = Registered().Registry;
            var data = new TheoryData<string>();
            for (int i = 0; i < r.Count; i++) if (r.At(i).ReadBack != null) data.Add(r.At(i).Name);
            return data;
        }

        [Fact]
        public void The_car_bay_registers_every_output_port_of_its_groups_once()
        {
            var (bay, r, _) = Registered();
            var names = Enumerable.Range(0, r.Count).Select(i => r.At(i).Name).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            // 3 lift outputs, 2 per lock, 2 conveyors, the motion permit and the permit watchdog's kick; the lift drive as
            // a PWM drive.
            Assert.Equal(3 + 2 * Config.LockCount + 2 + 2, r.Count);
            Assert.Equal(1, r.DriveCount);
            Assert.Equal("Lift.Drive", r.DriveName(0));
            // Each group's port is now the guard (everything built afterwards writes through the registry).
            Assert.Same(r.Find("Lift.Enable"), bay.Io.Lift.Enable);
            Assert.Same(r.Find("Locks.Release[3]"), bay.Io.Locks.Release[3]);
            Assert.Same(r.Find("Safety.MotionPermit"), bay.Io.Safety.MotionPermit);
            Assert.Same(r.Find("Safety.PermitWatchdogKick"), bay.Io.Safety.PermitWatchdogKick);
            Assert.Equal(Config.TickLateMs, r.Find("Safety.PermitWatchdogKick").MaxOnMs);
            Assert.Same(bay.Enable, r.Find("Lift.Enable").Port);
            // The wiring's own arrays keep their ports.
            Assert.Same(bay.Engage[0], r.Find("Locks.Engage[0]").Port);
            Assert.IsType<TestOutput>(bay.Engage[0]);
        }

        [Fact]
        public void An_unwired_output_is_named_and_the_controller_refuses_to_start()
        {
            var bay = new TestBay();
            bay.Io.TransferConveyor.Run = null;
            // The registry names the output; the controller refuses earlier, naming the profile's port group.
            Assert.Equal("output TransferConveyor.Run is not wired", bay.Io.RegisterOutputs(bay.Config).Problem);
            var e = Assert.Throws<ArgumentException>(() => new StationController(bay.Io, bay.Config));
            Assert.Contains("needs the transfer conveyor ports", e.Message);
        }

        [Theory]
        [MemberData(nameof(Outputs))]
        public void Off_is_written_once_on_is_written_once_and_all_off_returns_it_to_its_safe_level(string name)
        {
            var (bay, r, _) = Registered();
            GuardedOutput o = r.Find(name);
            var port = (TestOutput)o.Port;
            var counting = new CountingOutput(port);
            var g = new GuardedOutput(o.Name, counting, o.SafeLevel, o.MaxOnMs, o.ReadBack, o.ReadBackMs);
            g.Write(false);
            g.Write(false);
            Assert.Equal(1, counting.Writes); // the first write always reaches the port, repeats do not
            g.Write(true);
            g.Write(true);
            Assert.Equal(2, counting.Writes);
            Assert.True(port.State);
            Assert.True(g.IsOn);

            o.Write(true);
            bay.Drive.SetDuty(0.7);
            r.AllOff();
            Assert.Equal(o.SafeLevel, port.State);
            Assert.False(o.IsOn);
            Assert.Equal(0, bay.Drive.Duty);
        }

        [Theory]
        [MemberData(nameof(TimedOutputs))]
        public void On_past_its_maximum_on_time_is_a_numbered_fault_and_not_a_tick_before(string name)
        {
            var (_, r, readBacks) = Registered();
            GuardedOutput o = r.Find(name);
            if (readBacks.TryGetValue(name, out var readBack)) readBack.Source = () => o.State; // a healthy contactor
            long t = 5000;
            Assert.Equal(FaultCode.None, r.Supervise(t));
            o.Write(true);
            Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            long on = t;
            while (t - on < o.MaxOnMs) Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            Assert.Equal(FaultCode.OutputOnTooLong, r.Supervise(t += 10));
            Assert.Same(o, r.Faulted);
            Assert.Equal(97, (int)FaultCode.OutputOnTooLong);
            // Off and on again restarts its time.
            o.Write(false);
            Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            o.Write(true);
            Assert.Equal(FaultCode.None, r.Supervise(t += 10));
        }

        [Theory]
        [MemberData(nameof(ReadBackOutputs))]
        public void Read_back_stuck_on_while_off_and_missing_while_on_are_numbered_faults(string name)
        {
            var (_, r, readBacks) = Registered();
            GuardedOutput o = r.Find(name);
            TestInput readBack = readBacks[name];
            long t = 5000;

            // Off, read-back on (welded contactor): a fault once the disagreement outlasts the read-back time.
            readBack.Level = true;
            Assert.Equal(FaultCode.None, r.Supervise(t));
            while (t - 5000 < o.ReadBackMs) Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            Assert.Equal(FaultCode.OutputStuckOn, r.Supervise(t += 10));
            Assert.Same(o, r.Faulted);

            // On, read-back follows after 50 ms: fine.
            readBack.Level = false;
            o.Write(true);
            long on = t;
            for (int i = 0; i < 5; i++) Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            readBack.Level = true;
            for (int i = 0; i < 100; i++) Assert.Equal(FaultCode.None, r.Supervise(t += 10));

            // On, read-back drops (contactor falls out, open wire): a fault after the read-back time.
            readBack.Level = false;
            long dropped = t;
            while (t - dropped <= o.ReadBackMs) Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            Assert.Equal(FaultCode.OutputNoFeedback, r.Supervise(t += 10));
        }

        [Theory]
        [MemberData(nameof(ReadBackOutputs))]
        public void A_read_back_glitch_shorter_than_its_time_is_no_fault(string name)
        {
            var (_, r, readBacks) = Registered();
            GuardedOutput o = r.Find(name);
            long t = 5000;
            Assert.Equal(FaultCode.None, r.Supervise(t));
            for (int n = 0; n < 20; n++)
            {
                readBacks[name].Level = true;
                for (int i = 0; i < o.ReadBackMs / 20; i++) Assert.Equal(FaultCode.None, r.Supervise(t += 10));
                readBacks[name].Level = false;
                Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            }
        }

        [Fact]
        public void A_gap_in_supervision_restarts_every_timer()
        {
            var (_, r, readBacks) = Registered();
            long t = 5000;
            Assert.Equal(FaultCode.None, r.Supervise(t));
            readBacks["StagingConveyor.Run"].Level = true;
            Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            // Faulted for a minute (no supervision): the disagreement is timed afresh, not from before the gap.
            t += 60_000;
            long resumed = t;
            Assert.Equal(FaultCode.None, r.Supervise(t));
            while (t - resumed < StationIo.ContactorReadBackMs) Assert.Equal(FaultCode.None, r.Supervise(t += 10));
            Assert.Equal(FaultCode.OutputStuckOn, r.Supervise(t += 10));
        }

        [Fact]
        public void A_welded_conveyor_contactor_in_the_simulated_bay_latches_OutputStuckOn_while_idle()
        {
            var s = new SimStation();
            s.Home();
            Assert.Equal(SwapState.Idle, s.C.State);
            s.Bay.StagingConveyorRun.StuckOn = true;
            long welded = s.Clock.NowMs;
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 2000));
            Assert.Equal(FaultCode.OutputStuckOn, s.C.LatchedFault);
            Assert.InRange(s.Clock.NowMs - welded, StationIo.ContactorReadBackMs, StationIo.ContactorReadBackMs + 50);
            Assert.Equal("StagingConveyor.Run", s.C.Outputs.Faulted.Name);
            Assert.Empty(s.Bay.Hazards);
        }

        [Fact]
        public void A_conveyor_contactor_that_does_not_pull_in_stops_the_swap_with_OutputNoFeedback()
        {
            var s = new SimStation();
            s.Home();
            s.Bay.TransferConveyorRunning.Stick(false);
            s.StartSwap();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Faulted, 120_000));
            Assert.Equal(FaultCode.OutputNoFeedback, s.C.LatchedFault);
            Assert.Equal("TransferConveyor.Run", s.C.Outputs.Faulted.Name);
            Assert.False(s.Bay.TransferConveyorRun.Written);
            Assert.Empty(s.Bay.Hazards);
        }

        [Fact]
        public void A_whole_swap_raises_no_registry_fault_and_stays_within_every_maximum_on_time()
        {
            var s = new SimStation();
            s.Home();
            s.StartSwap();
            Assert.True(s.RunUntil(() => s.C.State == SwapState.Idle && s.Bay.DepartedVehicles.Count == 1, 300_000));
            Assert.Equal(FaultCode.None, s.C.LatchedFault);
            Assert.Null(s.C.Outputs.Faulted);
        }

        private sealed class CountingOutput : IDigitalOutput
        {
            private readonly IDigitalOutput _inner;
            public CountingOutput(IDigitalOutput inner) { _inner = inner; }
            public int Writes;
            public bool State => _inner.State;
            public void Write(bool on) { Writes++; _inner.Write(on); }
        }
    }
}
