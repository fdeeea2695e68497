using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Station.Core;
using Station.Hal.Sim;

namespace Station.Simulator
{
    /// <summary>A batch run on the simulated heavy-truck bay: the real <see cref="StationController"/> with bay.profile
    /// truck on a <see cref="SimTruckBay"/>; trucks carrying three blocks arrive one after another, each booked for the
    /// same positions, and leave once released. Prints progress, a summary with each block's figures and, with --json,
    /// one JSON object as the last line.</summary>
    public sealed class TruckRun
    {
        private readonly int[] _positions;
        private readonly int _mask;
        private SwapState _last = SwapState.Off;

        /// <summary>A run of <paramref name="swaps"/> truck swaps of the blocks at <paramref name="positions"/>.</summary>
        public TruckRun(int swaps, int[] positions)
        {
            SwapsRequested = swaps;
            _positions = positions;
            foreach (int p in positions) _mask |= 1 << (p - 1);
            Clock = new SimClock();
            Storage = new MemoryStorage(Clock);
            Bay = new SimTruckBay(Clock, Storage);
            Controller = new StationController(Bay.Io, Bay.Config);
            // Each block position's BMS on its own CAN segment, as the board app wires them: blocks are BMS-verified.
            BlockCan = new SimBlockCan(Bay);
            BlockCan.Install((Station.Core.Swap.Truck.TruckBayProfile)Controller.Sequencer.Profile, Bay.Config);
            Controller.FaultChanged += (code, raised) =>
            {
                if (raised) Faults.Add(new FaultSeen((int)code, FaultCatalogue.Name(code), SwapStates.Name(_last), Clock.NowMs));
            };
        }

        /// <summary>Simulated time.</summary>
        public SimClock Clock { get; }
        /// <summary>The journal's storage.</summary>
        public MemoryStorage Storage { get; }
        /// <summary>The plant.</summary>
        public SimTruckBay Bay { get; }
        /// <summary>The controller.</summary>
        public StationController Controller { get; }
        /// <summary>The block positions' CAN segments and BMS checks.</summary>
        public SimBlockCan BlockCan { get; }
        /// <summary>Swaps asked for.</summary>
        public int SwapsRequested { get; }
        /// <summary>Swaps released.</summary>
        public int SwapsCompleted { get; private set; }
        /// <summary>Seconds from authorisation to release, per completed swap.</summary>
        public List<double> CycleSeconds { get; } = new List<double>();
        /// <summary>The record of each completed swap.</summary>
        public List<SwapRecord> Records { get; } = new List<SwapRecord>();
        /// <summary>Faults raised, in order.</summary>
        public List<FaultSeen> Faults { get; } = new List<FaultSeen>();
        /// <summary>Progress lines (null: none).</summary>
        public Action<string> Progress { get; set; }
        /// <summary>Why the run ended.</summary>
        public string EndReason { get; private set; } = "running";

        /// <summary>Runs until every swap completed, a fault latched, or a simulated hour per swap passed.</summary>
        public void Run()
        {
            Bay.Bay.SeedInventory(Controller);
            Controller.Start();
            long limit = 600_000L * Math.Max(1, SwapsRequested) + 120_000;
            if (!TickUntil(() => Controller.State == SwapState.NotHomed, 2_000) || !Controller.Home().Accepted) { EndReason = "did not start"; return; }
            if (!TickUntil(() => Controller.State == SwapState.Idle, 120_000)) { EndReason = "homing did not finish"; return; }
            Say("homed");
            for (int n = 1; n <= SwapsRequested; n++)
            {
                string id = $"TRK{n:000}";
                Bay.ArriveTruck(id, 7);
                PrefetchBlocks();
                if (!TickUntil(() => Bay.TruckIsPositioned && Controller.Interlocks.VehiclePositioned, 120_000)) { EndReason = "truck not positioned"; return; }
                var auth = new SwapAuthorization(id, null) { BlockPositions = _mask, BlockCount = _positions.Length };
                CommandResult r = Controller.Authorize(auth);
                if (!r.Accepted) { EndReason = "authorisation refused: " + r.Message; Say(EndReason); return; }
                long authorizedMs = Clock.NowMs;
                Say($"truck {id}: {r.Message}");
                if (!TickUntil(() => Controller.State == SwapState.Released || Controller.State == SwapState.Faulted, limit))
                {
                    EndReason = "swap did not finish";
                    return;
                }
                if (Controller.State == SwapState.Faulted) { EndReason = "fault " + FaultCatalogue.Name(Controller.LatchedFault); Say(EndReason); return; }
                double cycle = (Clock.NowMs - authorizedMs) / 1000.0;
                CycleSeconds.Add(cycle);
                Records.Add(Controller.CurrentSwap);
                SwapsCompleted++;
                Say(string.Format(CultureInfo.InvariantCulture, "truck {0}: released after {1:0.0} s", id, cycle));
                Bay.DepartTruck();
                if (!TickUntil(() => Controller.State == SwapState.Idle && !Bay.TruckLeaving, 120_000)) { EndReason = "truck did not leave"; return; }
            }
            EndReason = "all swaps done";
        }

        // The booking is known at drive-in: the rack handler fetches the blocks the station will choose meanwhile.
        private void PrefetchBlocks()
        {
            var inv = Controller.Inventory;
            var ready = Enumerable.Range(0, inv.SlotCount)
                .Where(i => !inv.Slot(i).IsEmpty && inv.Slot(i).State == PackState.Ready && inv.Slot(i).SocPct >= Bay.Config.MinSocPct)
                .OrderByDescending(i => inv.Slot(i).SocPct).ThenBy(i => i).Take(_positions.Length);
            foreach (int i in ready) Bay.Bay.Rack.Fetch(inv.Slot(i).Serial);
        }

        private bool TickUntil(Func<bool> done, long maxMs)
        {
            long until = Clock.NowMs + maxMs;
            while (!done())
            {
                if (Clock.NowMs >= until) return false;
                Clock.Advance(Bay.Config.TickMs);
                Bay.Step(Bay.Config.TickMs);
                Controller.Tick();
                SwapState s = Controller.State;
                if (s != _last)
                {
                    _last = s;
                    if (s == SwapState.Transfer) Bay.Bay.Rack.ReturnSlot = Controller.Inventory.ReturnSlot;
                    Say($"{SwapStates.Name(s)}");
                }
            }
            return true;
        }

        private void Say(string what)
        {
            Progress?.Invoke(string.Format(CultureInfo.InvariantCulture, "[{0,8:0.00} s] {1}", Clock.NowMs / 1000.0, what));
        }

        /// <summary>Runs the truck bay for the simulator's options; the exit code (0 all swaps done, no hazard).</summary>
        public static int Execute(SimulatorOptions o, TextWriter stdout, TextWriter stderr)
        {
            var run = new TruckRun(o.Swaps, o.Positions);
            if (!o.Quiet) run.Progress = line => stdout.WriteLine(line);
            stdout.WriteLine($"simulating {o.Swaps} swap(s) of block(s) {string.Join(",", o.Positions)} on the truck bay");
            run.Run();
            var path = TruckCriticalPath.Compute(run.Bay, o.Positions);
            double critical = path.Count == 0 ? 0 : path[^1].StartSeconds + path[^1].Seconds;
            var failures = new List<string>();
            if (run.SwapsCompleted < o.Swaps) failures.Add($"only {run.SwapsCompleted} of {o.Swaps} swaps completed ({run.EndReason})");
            if (run.Bay.Bay.Hazards.Count > 0) failures.Add($"the plant saw {run.Bay.Bay.Hazards.Count} hazard(s)");
            var c = CultureInfo.InvariantCulture;
            stdout.WriteLine();
            stdout.WriteLine("──── summary ────");
            stdout.WriteLine(string.Format(c, "swaps completed: {0} of {1}    simulated time: {2:0.0} s    ended: {3}", run.SwapsCompleted, o.Swaps, run.Clock.NowMs / 1000.0, run.EndReason));
            for (int i = 0; i < run.Records.Count; i++)
            {
                SwapRecord rec = run.Records[i];
                stdout.WriteLine(string.Format(c, "  swap {0}: {1}  authorisation to release {2:0.0} s", i + 1, rec.VehicleId, run.CycleSeconds[i]));
                for (int b = 0; b < rec.BlockCount; b++)
                {
                    BlockSwap k = rec.Blocks[b];
                    stdout.WriteLine(string.Format(c, "    block {0}: out {1} → in {2} ({3}%)  {4:0.0}-{5:0.0} s  check {6}{7}", k.Position, k.PackOutSerial, k.PackInSerial,
                        k.PackInSocPct, k.StartMs / 1000.0, k.EndMs / 1000.0, k.Verdict == GateVerdict.Passed ? "passed" : "not passed", k.BmsVerified ? " (BMS)" : " (inventory only)"));
                }
            }
            stdout.WriteLine(string.Format(c, "critical path of one swap (plant model): {0:0.0} s", critical));
            foreach (var seg in path) stdout.WriteLine(string.Format(c, "    {0,-34} {1,6:0.0} s", seg.Name, seg.Seconds));
            foreach (var f in run.Faults) stdout.WriteLine(string.Format(c, "fault {0} {1} in {2} at {3:0.00} s", f.Code, f.Name, f.Step, f.AtMs / 1000.0));
            foreach (var h in run.Bay.Bay.Hazards) stdout.WriteLine(string.Format(c, "PLANT HAZARD at {0:0.00} s: {1}", h.TimeMs / 1000.0, h.What));
            foreach (var f in failures) stdout.WriteLine("  ✗ " + f);
            if (o.Json) stdout.WriteLine(Json(run, critical, failures));
            return failures.Count == 0 ? 0 : 1;
        }

        private static string Json(TruckRun run, double critical, List<string> failures)
        {
            var ms = new MemoryStream();
            using (var j = new Utf8JsonWriter(ms))
            {
                j.WriteStartObject();
                j.WriteString("bay", "truck");
                j.WriteNumber("swaps_requested", run.SwapsRequested);
                j.WriteNumber("swaps_completed", run.SwapsCompleted);
                FaultSeen.WriteJson(j, run.Faults);
                j.WriteStartArray("cycle_s");
                foreach (double s in run.CycleSeconds) j.WriteNumberValue(Math.Round(s, 2));
                j.WriteEndArray();
                j.WriteNumber("critical_path_s", Math.Round(critical, 2));
                j.WriteStartArray("swaps");
                foreach (SwapRecord rec in run.Records)
                {
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
                        j.WriteNumber("start_s", Math.Round(k.StartMs / 1000.0, 2));
                        j.WriteNumber("end_s", Math.Round(k.EndMs / 1000.0, 2));
                        j.WriteNumber("seconds", Math.Round((k.EndMs - k.StartMs) / 1000.0, 2));
                        j.WriteString("verdict", k.Verdict == GateVerdict.Passed ? "passed" : k.Verdict == GateVerdict.Failed ? "failed" : "pending");
                        j.WriteBoolean("bms_verified", k.BmsVerified);
                        j.WriteEndObject();
                    }
                    j.WriteEndArray();
                    j.WriteEndObject();
                }
                j.WriteEndArray();
                j.WriteString("final_state", SwapStates.Name(run.Controller.State));
                j.WriteNumber("hazards", run.Bay.Bay.Hazards.Count);
                j.WriteStartArray("failures");
                foreach (var f in failures) j.WriteStringValue(f);
                j.WriteEndArray();
                j.WriteEndObject();
            }
            return System.Text.Encoding.UTF8.GetString(ms.ToArray());
        }
    }
}
