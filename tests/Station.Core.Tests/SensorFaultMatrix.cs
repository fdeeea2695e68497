using System;
using System.Collections.Generic;
using System.Text;
using Station.Core.Tests.Bay;
using Station.Hal.Sim;
using Xunit;

namespace Station.Core.Tests
{
    /// <summary>The single-sensor-fault matrix, generated from the plant's tables: every input of the simulated bay (its
    /// StationIo names) and the lift encoder × every fault kind × every step of homing and the swap. Each run must end
    /// with no plant hazard, in a completed swap, a catalogued fault with every output off, or a safe hold (nothing
    /// driven). The test classes below split the sensors so xunit runs them in parallel.</summary>
    public static class SensorFaultMatrix
    {
        /// <summary>The name used for the lift encoder beside the digital inputs.</summary>
        public const string Encoder = "LiftEncoder";

        /// <summary>Every step a fault is injected at (each occurs in a healthy run on this plant).</summary>
        public static readonly SwapState[] Steps =
        {
            SwapState.Homing, SwapState.Arming, SwapState.RaiseToPack, SwapState.Unlock, SwapState.LowerDepleted,
            SwapState.WaitStaged, SwapState.Transfer, SwapState.RaiseCharged, SwapState.Lock, SwapState.LowerEmpty,
            SwapState.ReleaseGate, SwapState.Released,
        };

        /// <summary>Fault kinds: stuck either way, glitches of 1, 3 and 10 ticks (half-way into the step), flicker.</summary>
        public static readonly (SensorFault Kind, int Ticks)[] Kinds =
        {
            (SensorFault.StuckActive, 0), (SensorFault.StuckInactive, 0),
            (SensorFault.Glitch, 1), (SensorFault.Glitch, 3), (SensorFault.Glitch, 10),
            (SensorFault.Flicker, 5),
        };

        /// <summary>Every sensor of the bay: the plant's input list plus the encoder.</summary>
        public static List<string> Sensors()
        {
            var bay = new SimBay(Plant(new PlantParameters()), new SimClock(), new MemoryStorage());
            var names = new List<string>();
            foreach (var i in bay.Inputs) names.Add(i.Name);
            names.Add(Encoder);
            return names;
        }

        /// <summary>The plant of every run: the vehicle is positioned at once and the rack handler is slow enough that
        /// the sequencer waits for staging, so WaitStaged occurs too.</summary>
        public static PlantParameters Plant(PlantParameters p)
        {
            p.VehicleArriveMs = 0;
            p.HandlerFetchMs = 20000;
            return p;
        }

        private static readonly Lazy<Dictionary<SwapState, long>> HealthyDurations = new Lazy<Dictionary<SwapState, long>>(MeasureHealthyRun);

        /// <summary>Step durations (ms) of a healthy run: a glitch is injected half-way into its step.</summary>
        public static Dictionary<SwapState, long> StepDurations => HealthyDurations.Value;

        private static Dictionary<SwapState, long> MeasureHealthyRun()
        {
            var durations = new Dictionary<SwapState, long>();
            var r = new Run(null, false, SwapState.Homing);
            r.Execute(durations);
            if (r.Failure != null) throw new InvalidOperationException("the healthy reference run failed: " + r.Failure);
            foreach (var step in Steps)
                if (!durations.ContainsKey(step)) throw new InvalidOperationException("the healthy run never entered " + step);
            return durations;
        }

        /// <summary>Runs every kind × step for <paramref name="sensor"/>; returns one line per failing case (empty = all held).</summary>
        public static string RunSensor(string sensor)
        {
            var failures = new StringBuilder();
            foreach (var kind in Kinds)
                foreach (var step in Steps)
                {
                    var k = kind;
                    var r = new Run(s => InjectSensor(s, sensor, k.Kind, k.Ticks), k.Kind == SensorFault.Glitch, step);
                    r.Execute(null);
                    if (r.Failure != null)
                        failures.Append(sensor).Append(' ').Append(kind.Kind).Append('(').Append(kind.Ticks).Append(") at ")
                            .Append(step).Append(": ").AppendLine(r.Failure);
                }
            return failures.ToString();
        }

        /// <summary>One run with <paramref name="inject"/> applied on entering <paramref name="step"/> (half-way into it
        /// when <paramref name="halfWay"/>); <paramref name="inject"/> returns how long the controller then misses its
        /// ticks while the plant runs on (0: none). Returns why the run failed, or null when it ended safe.</summary>
        public static string RunCase(Func<SimStation, int> inject, bool halfWay, SwapState step)
        {
            var r = new Run(inject, halfWay, step);
            r.Execute(null);
            return r.Failure;
        }

        private static int InjectSensor(SimStation s, string sensor, SensorFault kind, int ticks)
        {
            int tick = s.Config.TickMs;
            int ms = kind == SensorFault.Flicker ? ticks * tick : Math.Max(1, ticks) * tick;
            if (sensor == Encoder) s.Bay.Encoder.Inject(kind, ms);
            else s.Bay.Input(sensor).Inject(kind, ms);
            return 0;
        }

        /// <summary>One run: home, swap, inject at the step, judge the end.</summary>
        private sealed class Run
        {
            private readonly Func<SimStation, int> _inject;
            private readonly bool _halfWay;
            private readonly SwapState _step;
            private bool _injected;
            private int _lateMs;

            public Run(Func<SimStation, int> inject, bool halfWay, SwapState step)
            {
                _inject = inject;
                _halfWay = halfWay;
                _step = step;
            }

            public string Failure { get; private set; }

            public void Execute(Dictionary<SwapState, long> durations)
            {
                var s = new SimStation(p => Plant(p));
                int tick = s.Config.TickMs;
                if (_step == SwapState.Homing) s.Bay.PlaceLift(150); // homing then has a real way down to find the switch
                long enteredMs = -1;
                SwapState last = SwapState.Off;
                long delay = _halfWay && durations == null ? StepDurations[_step] / 2 : 0;
                s.Bay.When(() =>
                {
                    if (s.C.State == _step && enteredMs < 0) enteredMs = s.Clock.NowMs;
                    return _inject != null && enteredMs >= 0 && s.Clock.NowMs >= enteredMs + delay;
                }, "injected fault", () => { _injected = true; _lateMs = _inject(s); });

                if (!s.C.Home().Accepted) { Failure = "home refused"; return; }
                long limit = 400_000;
                bool swapStarted = false;
                string packIn = null;
                while (s.Clock.NowMs < limit)
                {
                    // A late tick: the plant runs on while the controller does not tick.
                    for (; _lateMs > 0; _lateMs -= tick)
                    {
                        s.Clock.Advance(tick);
                        s.Bay.Step(tick);
                    }
                    s.Tick();
                    if (durations != null && s.C.State != last)
                    {
                        if (!durations.ContainsKey(s.C.State)) durations[s.C.State] = 0;
                        last = s.C.State;
                    }
                    if (durations != null && durations.ContainsKey(s.C.State)) durations[s.C.State] += tick;
                    if (!swapStarted && s.C.State == SwapState.Idle && s.C.LatchedFault == FaultCode.None)
                    {
                        swapStarted = true;
                        s.Bay.ArriveVehicle("CAR001", "VP001");
                        int slot = s.C.Inventory.ChooseReady(s.Config.MinSocPct);
                        packIn = s.Bay.Rack.Slots[slot].Serial;
                        s.Bay.Rack.Fetch(packIn);
                        s.RunUntil(() => s.C.Interlocks.VehiclePositioned, 1000);
                        var r = s.C.Authorize(new SwapAuthorization("CAR001", packIn) { VehiclePackSerial = "VP001" });
                        if (!r.Accepted && _inject == null) { Failure = "authorize refused: " + r.Message; return; }
                        if (!r.Accepted) break; // a refusal before anything moves is a safe hold
                    }
                    if (s.Bay.Hazards.Count > 0) break;
                    if (s.C.State == SwapState.Faulted) { s.Run(2000); break; }
                    if (s.Bay.DepartedVehicles.Count > 0) break;
                }
                Judge(s, packIn);
            }

            private void Judge(SimStation s, string packIn)
            {
                if (s.Bay.Hazards.Count > 0) { Failure = "HAZARD " + s.HazardText().Trim() + " (state " + s.C.State + " " + FaultCatalogue.Name(s.C.LatchedFault) + ")"; return; }
                if (_inject != null && !_injected && s.C.State != SwapState.Faulted) { Failure = "never injected (step not reached), state " + s.C.State; return; }
                if (s.C.State == SwapState.Faulted)
                {
                    if (!FaultCatalogue.IsKnown(s.C.LatchedFault)) Failure = "uncatalogued fault " + (int)s.C.LatchedFault;
                    else if (AnyOutputOn(s)) Failure = "faulted with an output on";
                    return;
                }
                if (s.Bay.DepartedVehicles.Count > 0)
                {
                    var left = s.Bay.DepartedVehicles[0];
                    if (left.Pack == null || left.Pack.Serial != packIn) Failure = "vehicle left with " + (left.Pack?.Serial ?? "no pack");
                    return;
                }
                // Neither completed nor faulted: a safe hold, with nothing driven for a while.
                s.Run(3000);
                if (AnyOutputOn(s) || s.Bay.LiftVelocityMmS != 0) Failure = "no outcome and still moving in " + s.C.State;
                else if (s.Bay.Hazards.Count > 0) Failure = "HAZARD " + s.HazardText().Trim();
            }

            // What the core drives: an output stuck on by an injected fault (a frozen speed reference) is not the core's.
            private static bool AnyOutputOn(SimStation s)
            {
                if (s.Bay.LiftDrive.WrittenDuty != 0) return true;
                foreach (var o in s.Bay.Outputs) if (o.Written && o.Name != "MotionPermit") return true;
                return false;
            }
        }
    }

    public class SensorFaultMatrixSwitchTests
    {
        public static IEnumerable<object[]> Sensors()
        {
            foreach (var n in SensorFaultMatrix.Sensors())
                if (n.StartsWith("Lift") || n.StartsWith("Pack")) yield return new object[] { n };
        }

        [Theory]
        [MemberData(nameof(Sensors))]
        public void A_single_lift_or_pack_sensor_fault_at_any_step_causes_no_hazard(string sensor)
        {
            string failures = SensorFaultMatrix.RunSensor(sensor);
            Assert.True(failures.Length == 0, failures);
        }
    }

    public class SensorFaultMatrixLockTests
    {
        public static IEnumerable<object[]> Sensors()
        {
            foreach (var n in SensorFaultMatrix.Sensors())
                if (n.StartsWith("Lock")) yield return new object[] { n };
        }

        [Theory]
        [MemberData(nameof(Sensors))]
        public void A_single_lock_sensor_fault_at_any_step_causes_no_hazard(string sensor)
        {
            string failures = SensorFaultMatrix.RunSensor(sensor);
            Assert.True(failures.Length == 0, failures);
        }
    }

    public class SensorFaultMatrixSafetyInputTests
    {
        public static IEnumerable<object[]> Sensors()
        {
            foreach (var n in SensorFaultMatrix.Sensors())
                if (!n.StartsWith("Lift") && !n.StartsWith("Pack") && !n.StartsWith("Lock")) yield return new object[] { n };
        }

        [Theory]
        [MemberData(nameof(Sensors))]
        public void A_single_safety_input_fault_at_any_step_causes_no_hazard(string sensor)
        {
            string failures = SensorFaultMatrix.RunSensor(sensor);
            Assert.True(failures.Length == 0, failures);
        }
    }
}
