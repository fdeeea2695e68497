using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Station.Core;
using Station.Core.Config;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The car bay in the run loop: a <see cref="SimBay"/> with one pack CAN (<see cref="SimPackCan"/>), cars
    /// and their booking (<see cref="CarOperator"/>), the car plant's faults (<see cref="CarFaultInjector"/>).</summary>
    public sealed class CarBayKind : IBayKind
    {
        private readonly CriticalPath _critical;

        /// <summary>A car bay with <paramref name="plant"/> figures and the controller configured to match.</summary>
        public CarBayKind(PlantParameters plant)
        {
            Config = plant.ControllerConfig();
            Clock = new SimClock();
            Storage = new MemoryStorage(Clock);
            Shared = new SimBay(plant, Clock, Storage);
            PackCan = new SimPackCan(Shared); // swaps go through the real GB/T session and BMS gate
            _critical = Station.Hal.Sim.CriticalPath.Compute(plant);
        }

        /// <inheritdoc/>
        public string Name => "car";
        /// <inheritdoc/>
        public SimClock Clock { get; }
        /// <inheritdoc/>
        public MemoryStorage Storage { get; }
        /// <inheritdoc/>
        public SimBay Shared { get; }
        /// <inheritdoc/>
        public StationIo Io => Shared.Io;
        /// <inheritdoc/>
        public StationConfig Config { get; }
        /// <summary>The pack CAN: virtual bus, simulated BMS, the station's BMS gate check.</summary>
        public SimPackCan PackCan { get; }

        /// <inheritdoc/>
        public double DefaultMaxSeconds(int swaps) =>
            120 + swaps * (_critical.TotalSeconds * 3 + (Shared.Parameters.VehicleArriveMs + Shared.Parameters.VehicleDepartMs) / 1000.0 + 60);

        /// <inheritdoc/>
        public void Step(int ms) => Shared.Step(ms);
        /// <inheritdoc/>
        public bool PowerLoss(bool tear) => Shared.PowerLoss(tear);
        /// <inheritdoc/>
        public void PowerRestore() => Shared.PowerRestore();

        /// <inheritdoc/>
        public void Install(StationController controller)
        {
            // The gate's pack types and temperature range come from the configuration table, as on a board.
            var values = new ConfigValues();
            ConfigMapping.FromStationConfig(Config, values);
            controller.PackCheck = PackCan.CreateCheck(Config, Station.Core.Can.BmsCheckConfig.From(values));
        }

        /// <inheritdoc/>
        public IBayPeople People(BayRun run) => new CarOperator(run);

        /// <inheritdoc/>
        public string FireFault(BayRun run, ScenarioEvent e) => new CarFaultInjector(run).Fire(e);

        /// <inheritdoc/>
        public void Record(Timeline t, StationController controller, long now) => CarTimeline.Record(t, Shared, Shared.Parameters, now);

        /// <inheritdoc/>
        public bool AnyActuatorOn() => CarTimeline.AnyActuatorOn(Shared);

        /// <inheritdoc/>
        public string Status()
        {
            var b = Shared;
            int locked = 0, unlocked = 0;
            for (int i = 0; i < b.Parameters.LockCount; i++) { if (b.LockLocked[i].Truth) locked++; if (b.LockUnlocked[i].Truth) unlocked++; }
            string packs = $"staging {(b.PackAtStaging.Truth ? "■" : "·")} lift {(b.PackOnLift.Truth ? "■" : "·")} return {(b.PackAtReturn.Truth ? "■" : "·")}";
            string vehicle = b.Vehicle == null ? "bay empty" : "vehicle " + b.Vehicle.State.ToString().ToLowerInvariant();
            return string.Format(CultureInfo.InvariantCulture, "lift {0,6:0.0} mm {1,6:+0;-0;0} mm/s  locks {2}L/{3}U  {4}  {5}",
                b.LiftPositionMm, b.LiftVelocityMmS, locked, unlocked, packs, vehicle);
        }

        /// <inheritdoc/>
        public void OutputsStillOn(List<string> f)
        {
            foreach (var o in Shared.Outputs) if (o.State) f.Add($"output {o.Name} is still on");
            if (Shared.LiftDrive.Duty > 0) f.Add("the lift drive still has a speed reference");
        }

        /// <inheritdoc/>
        public IReadOnlyList<CriticalPathSegment> CriticalPath(out double totalSeconds)
        {
            totalSeconds = _critical.TotalSeconds;
            return _critical.Segments;
        }

        /// <inheritdoc/>
        public void WriteSwap(TextWriter w, SwapResult s)
        {
            var c = CultureInfo.InvariantCulture;
            w.WriteLine(string.Format(c, "  swap {0}: {1,-7} pack out {2} → in {3}   swap {4}   door to door {5}   {6}",
                s.Number, s.VehicleId, s.PackOut, s.PackIn ?? "-",
                s.Completed ? s.CycleSeconds.ToString("0.0 s", c) : "not done",
                s.DoorToDoorSeconds >= 0 ? s.DoorToDoorSeconds.ToString("0.0 s", c) : "-",
                s.LeftWith != null ? $"left with {s.LeftWith}" : ""));
        }

        /// <inheritdoc/>
        public void WriteSwapJson(Utf8JsonWriter j, SwapResult s)
        {
            j.WriteStartObject();
            j.WriteNumber("number", s.Number);
            j.WriteString("vehicle", s.VehicleId);
            j.WriteString("pack_out", s.PackOut);
            if (s.PackIn != null) j.WriteString("pack_in", s.PackIn); else j.WriteNull("pack_in");
            if (s.LeftWith != null) j.WriteString("left_with", s.LeftWith); else j.WriteNull("left_with");
            j.WriteBoolean("completed", s.Completed);
            if (s.Completed) j.WriteNumber("cycle_s", System.Math.Round(s.CycleSeconds, 2)); else j.WriteNull("cycle_s");
            j.WriteEndObject();
        }

        /// <inheritdoc/>
        public string Headline(int swaps) => $"{swaps} swap(s) on the default car bay";
        /// <inheritdoc/>
        public string BookingNote => "";
        /// <inheritdoc/>
        public string SwapWord => "swap";
    }
}
