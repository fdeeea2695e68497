using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Station.Core;
using Station.Core.Swap.Truck;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>The heavy-truck bay in the run loop: a <see cref="SimTruckBay"/> with each block position's own CAN
    /// segment (<see cref="SimBlockCan"/>), trucks booked for the same positions (<see cref="TruckOperator"/>), the
    /// truck plant's faults (<see cref="TruckFaultInjector"/>).</summary>
    public sealed class TruckBayKind : IBayKind
    {
        private readonly List<CriticalPathSegment> _critical;

        /// <summary>A truck bay whose bookings each name <paramref name="positions"/> (ascending, 1..3), its shared devices
        /// and rack after <paramref name="plant"/> (null: <see cref="SimTruckBay.DefaultPlant"/>).</summary>
        public TruckBayKind(int[] positions, PlantParameters plant = null)
        {
            Positions = positions;
            Clock = new SimClock();
            Storage = new MemoryStorage(Clock);
            Truck = new SimTruckBay(plant ?? SimTruckBay.DefaultPlant(), Clock, Storage);
            BlockCan = new SimBlockCan(Truck);
            _critical = TruckCriticalPath.Compute(Truck, positions);
        }

        /// <summary>The block positions each booking names.</summary>
        public int[] Positions { get; }
        /// <summary>The truck plant.</summary>
        public SimTruckBay Truck { get; }
        /// <summary>The block positions' CAN segments and BMS checks.</summary>
        public SimBlockCan BlockCan { get; }

        /// <inheritdoc/>
        public string Name => "truck";
        /// <inheritdoc/>
        public SimClock Clock { get; }
        /// <inheritdoc/>
        public MemoryStorage Storage { get; }
        /// <inheritdoc/>
        public SimBay Shared => Truck.Bay;
        /// <inheritdoc/>
        public StationIo Io => Truck.Io;
        /// <inheritdoc/>
        public StationConfig Config => Truck.Config;

        /// <inheritdoc/>
        public double DefaultMaxSeconds(int swaps) => 600.0 * System.Math.Max(1, swaps) + 120;

        /// <inheritdoc/>
        public void Step(int ms) => Truck.Step(ms);
        /// <inheritdoc/>
        public bool PowerLoss(bool tear) => Truck.PowerLoss(tear);
        /// <inheritdoc/>
        public void PowerRestore() => Truck.PowerRestore();

        /// <inheritdoc/>
        public void Install(StationController controller)
        {
            // Each block position's BMS on its own CAN segment, as the board app wires them: blocks are BMS-verified.
            BlockCan.Install((TruckBayProfile)controller.Sequencer.Profile, Config);
        }

        /// <inheritdoc/>
        public IBayPeople People(BayRun run) => new TruckOperator(run, this);

        /// <inheritdoc/>
        public string FireFault(BayRun run, ScenarioEvent e) => new TruckFaultInjector(Truck).Fire(e);

        /// <inheritdoc/>
        public void Record(Timeline t, StationController controller, long now) => TruckTimeline.Record(t, Truck, controller?.CurrentSwap, now);

        /// <inheritdoc/>
        public bool AnyActuatorOn() => TruckTimeline.AnyActuatorOn(Truck);

        /// <inheritdoc/>
        public string Status()
        {
            var t = Truck;
            string cradles = "";
            for (int p = 1; p <= TruckPorts.Positions; p++) cradles += t.BlockAt(p) != null ? "■" : "·";
            string truck = t.TruckIsPositioned ? "truck positioned" : t.TruckArriving ? "truck arriving" : t.TruckLeaving ? "truck leaving" : "bay empty";
            return string.Format(CultureInfo.InvariantCulture, "travel {0,6:0} mm  height {1,5:0} mm  fork {2,5:0} mm  fork {3}  cradles {4}  {5}",
                t.Travel.PositionMm, t.Bay.LiftPositionMm, t.Fork.PositionMm, t.Bay.PackOnPlatform != null ? "■" : "·", cradles, truck);
        }

        /// <inheritdoc/>
        public void OutputsStillOn(List<string> f)
        {
            foreach (var o in Truck.Bay.Outputs) if (o.State) f.Add($"output {o.Name} is still on");
            foreach (var o in Truck.Outputs) if (o.State) f.Add($"output {o.Name} is still on");
            if (Truck.Bay.LiftDrive.Duty > 0) f.Add("the height drive still has a speed reference");
            if (Truck.Travel.Drive.Duty > 0) f.Add("the travel drive still has a speed reference");
            if (Truck.Fork.Drive.Duty > 0) f.Add("the fork drive still has a speed reference");
        }

        /// <inheritdoc/>
        public IReadOnlyList<CriticalPathSegment> CriticalPath(out double totalSeconds)
        {
            totalSeconds = _critical.Count == 0 ? 0 : _critical[^1].StartSeconds + _critical[^1].Seconds;
            return _critical;
        }

        /// <inheritdoc/>
        public void WriteSwap(TextWriter w, SwapResult s)
        {
            var c = CultureInfo.InvariantCulture;
            SwapRecord rec = s.Record;
            if (rec == null) return; // only released trucks are listed, with their blocks
            w.WriteLine(string.Format(c, "  swap {0}: {1}  authorisation to release {2:0.0} s", s.Number, rec.VehicleId, s.CycleSeconds));
            for (int b = 0; b < rec.BlockCount; b++)
            {
                BlockSwap k = rec.Blocks[b];
                w.WriteLine(string.Format(c, "    block {0}: out {1} → in {2} ({3}%)  {4:0.0}-{5:0.0} s  check {6}{7}", k.Position, k.PackOutSerial, k.PackInSerial,
                    k.PackInSocPct, k.StartMs / 1000.0, k.EndMs / 1000.0, k.Verdict == GateVerdict.Passed ? "passed" : "not passed", k.BmsVerified ? " (BMS)" : " (inventory only)"));
            }
        }

        /// <inheritdoc/>
        public void WriteSwapJson(Utf8JsonWriter j, SwapResult s)
        {
            SwapRecord rec = s.Record;
            if (rec == null) return;
            j.WriteStartObject();
            j.WriteString("vehicle", rec.VehicleId);
            j.WriteStartArray("blocks");
            for (int b = 0; b < rec.BlockCount; b++)
            {
                BlockSwap k = rec.Blocks[b];
                j.WriteStartObject();
                j.WriteNumber("position", k.Position);
                j.WriteString("pack_out", k.PackOutSerial);
                j.WriteString("pack_in", k.PackInSerial);
                j.WriteNumber("pack_in_soc_pct", k.PackInSocPct);
                j.WriteNumber("start_s", System.Math.Round(k.StartMs / 1000.0, 2));
                j.WriteNumber("end_s", System.Math.Round(k.EndMs / 1000.0, 2));
                j.WriteNumber("seconds", System.Math.Round((k.EndMs - k.StartMs) / 1000.0, 2));
                j.WriteString("verdict", k.Verdict == GateVerdict.Passed ? "passed" : k.Verdict == GateVerdict.Failed ? "failed" : "pending");
                j.WriteBoolean("bms_verified", k.BmsVerified);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }

        /// <inheritdoc/>
        public string Headline(int swaps) => $"{swaps} swap(s) of block(s) {string.Join(",", Positions)} on the truck bay";

        /// <inheritdoc/>
        public string BookingNote => $", blocks {string.Join(",", Positions)}";
        /// <inheritdoc/>
        public string SwapWord => "truck swap";
    }
}
