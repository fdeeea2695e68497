using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Station.Core.Journal;
using Station.Core.Tests.Bay;

namespace Station.Core.Tests
{
    /// <summary>Writes the golden journal files in Golden/: each scenario drives a station with the firmware of the
    /// day (the one before the bay became a profile) to a point, then keeps the journal bytes it wrote and a text
    /// description of what a fresh controller recovers from them. Run once to write the files
    /// (STATION_WRITE_GOLDEN=1 dotnet test --filter GoldenJournalTests); kept so the scenarios can be read and
    /// replayed, never to refresh the committed files (they are the compatibility promise).</summary>
    public static class GoldenJournalWriter
    {
        /// <summary>Scenario names (file stem after "journal-") in a fixed order.</summary>
        public static readonly string[] Scenarios =
        {
            "idle-after-homing", "faulted-at-idle",
            "step-arming", "step-raisetopack", "step-unlock", "step-lowerdepleted", "step-waitstaged", "step-transfer",
            "step-raisecharged", "step-lock", "step-lowerempty", "step-releasegate", "released",
            "faulted-mid-swap", "powercut-mid-unlock", "powercut-mid-lock", "torn-tail-in-transfer", "second-swap-lock",
            // Format 3 (packs carry their standard): a mixed rack, a car accepting #25 LFP only, cut in Lock.
            "mixed-rack-lock",
        };

        /// <summary>Runs <paramref name="scenario"/> and returns the journal bytes it left in storage.</summary>
        public static byte[] Run(string scenario)
        {
            TestStation s;
            switch (scenario)
            {
                case "idle-after-homing":
                    s = TestStation.WithRack();
                    s.HomeToIdle();
                    break;
                case "faulted-at-idle":
                    s = TestStation.WithRack();
                    s.HomeToIdle();
                    TestStation.Ok(s.C.EmergencyStop());
                    break;
                case "faulted-mid-swap":
                    s = TestStation.WithRack();
                    s.HomeToIdle();
                    s.Bay.StallAtMm = 100;
                    s.Authorize();
                    if (!s.RunUntil(() => s.C.State == SwapState.Faulted)) throw new InvalidOperationException("no fault");
                    break;
                case "powercut-mid-unlock":
                    s = InStep(SwapState.Unlock, 300);
                    break;
                case "powercut-mid-lock":
                    s = InStep(SwapState.Lock, 300);
                    break;
                case "torn-tail-in-transfer":
                    s = InStep(SwapState.Transfer, 0);
                    s.Bay.Storage.TearNextAppendAt = 9;
                    if (!s.RunUntil(() => s.C.State != SwapState.Transfer)) throw new InvalidOperationException("stuck");
                    break;
                case "released":
                    s = TestStation.WithRack();
                    s.DriveTo(SwapState.Released);
                    break;
                case "second-swap-lock":
                    s = TestStation.WithRack();
                    s.DriveTo(SwapState.Released);
                    s.Bay.VehiclePositioned = false;
                    if (!s.RunUntil(() => s.C.State == SwapState.Idle)) throw new InvalidOperationException("vehicle never left");
                    s.Bay.VehiclePositioned = true;
                    s.Bay.VehicleHasPack = true;
                    s.Run(1000);
                    TestStation.Ok(s.C.Authorize(new SwapAuthorization("VIN2", null) { VehiclePackSerial = "D2", VehiclePackSocPct = 20 }));
                    if (!s.RunUntil(() => s.C.State == SwapState.Lock)) throw new InvalidOperationException("second swap stuck");
                    break;
                case "mixed-rack-lock":
                    s = TestStation.WithRack();
                    TestStation.Ok(s.C.SetRackSlot(1, "P2", 90, PackState.Ready, PackStandard.Choco25Lfp));
                    TestStation.Ok(s.C.SetRackSlot(2, "P3", 99, PackState.Ready, PackStandard.Choco20Nmc));
                    s.HomeToIdle();
                    TestStation.Ok(s.C.Authorize(new SwapAuthorization("VIN1", null)
                        { VehiclePackSerial = "D1", VehiclePackSocPct = 12, AcceptedStandards = PackStandards.MaskOf("choco25-lfp") }));
                    if (!s.RunUntil(() => s.C.State == SwapState.Lock)) throw new InvalidOperationException("never reached Lock");
                    for (int t = 0; t < 300; t += 10) s.Tick();
                    break;
                default:
                    if (!scenario.StartsWith("step-")) throw new ArgumentException(scenario);
                    SwapState step = StepNamed(scenario.Substring(5));
                    s = InStep(step, 0);
                    break;
            }
            return s.Bay.Storage.Bytes(SwapJournal.FileName);
        }

        private static SwapState StepNamed(string lower)
        {
            for (int i = 0; i < SwapStates.Count; i++)
            {
                if (SwapStates.Name((SwapState)i).ToLowerInvariant() == lower) return (SwapState)i;
            }
            throw new ArgumentException(lower);
        }

        // Drives a stocked station into a swap step and, when asked, some way through it.
        private static TestStation InStep(SwapState step, int intoStepMs)
        {
            var s = TestStation.WithRack(b => { if (step == SwapState.WaitStaged) b.StagingMs = 20_000; b.RelayDelayMs = step == SwapState.Arming ? 150 : 20; });
            if (step == SwapState.ReleaseGate) s.C.PackCheck = new ScriptedCheck(GateVerdict.Pending, FaultCode.None);
            s.DriveTo(step);
            for (int t = 0; t < intoStepMs && s.C.State == step; t += 10) s.Tick();
            return s;
        }

        /// <summary>What a controller started over <paramref name="journal"/> recovers, as stable text: the last
        /// snapshot, then the controller's state, fault, swap record and inventory after Start.</summary>
        public static string Recovered(byte[] journal)
        {
            var bay = new TestBay();
            bay.Storage.Set(SwapJournal.FileName, journal);
            var snap = new SwapJournal(bay.Storage, bay.Config.RackSlots, bay.Config.JournalMaxBytes).Load(bay.Config.RackSlots);
            var sb = new StringBuilder();
            if (snap == null) sb.Append("snapshot: none\n");
            else
            {
                sb.Append("snapshot: seq ").Append(snap.Sequence).Append(" state ").Append((int)snap.State)
                  .Append(" fault ").Append((int)snap.LatchedFault).Append(" swaps ").Append(snap.SwapCounter).Append('\n');
            }
            var bay2 = new TestBay();
            bay2.Storage.Set(SwapJournal.FileName, journal);
            var c = new StationController(bay2.Io, bay2.Config);
            c.Start();
            sb.Append("state ").Append((int)c.State).Append(' ').Append(SwapStates.Name(c.State)).Append('\n');
            sb.Append("fault ").Append((int)c.LatchedFault).Append('\n');
            sb.Append("interrupted ").Append((int)c.InterruptedStep).Append('\n');
            Swap(sb, "current", c.CurrentSwap);
            Swap(sb, "last", c.LastSwap);
            PackInventory inv = c.Inventory;
            for (int i = 0; i < inv.SlotCount; i++) Pack(sb, "slot " + i, inv.Slot(i));
            for (int i = 0; i < 4; i++) Pack(sb, "place " + i, inv.At((PackPlace)i));
            sb.Append("return ").Append(inv.ReturnSlot).Append('\n');
            return sb.ToString();
        }

        private static void Swap(StringBuilder sb, string label, SwapRecord r)
        {
            if (r == null) { sb.Append(label).Append(": none\n"); return; }
            sb.Append(label).Append(": id ").Append(r.SwapId).Append(" vehicle ").Append(r.VehicleId)
              .Append(" out ").Append(r.PackOutSerial ?? "-").Append(' ').Append(r.PackOutSocPct)
              .Append(" in ").Append(r.PackInSerial ?? "-").Append(' ').Append(r.PackInSocPct)
              .Append(" slot ").Append(r.SourceSlot).Append(" utc ").Append(r.StartUtc.Ticks).Append(" startMs ").Append(r.StartMs)
              .Append(" outcome ").Append((int)r.Outcome).Append(" bms ").Append(r.BmsVerified ? 1 : 0)
              .Append(" interrupted ").Append((int)r.InterruptedStep)
              .Append(r.PackInStandard != PackStandard.Unspecified ? " standard " + (int)r.PackInStandard : "").Append(" faults");
            for (int i = 0; i < r.FaultCount && i < SwapRecord.MaxFaults; i++) sb.Append(' ').Append((int)r.Faults[i]);
            sb.Append("\n  steps");
            for (int i = 0; i < 19; i++)
            {
                long a = r.StepStartMs[i], b = r.StepEndMs[i];
                if (a >= 0 || b >= 0) sb.Append(' ').Append(i).Append(':').Append(a).Append("..").Append(b);
            }
            sb.Append('\n');
        }

        private static void Pack(StringBuilder sb, string label, PackRecord p)
        {
            if (p.Serial == null && p.State == PackState.Empty && !p.InTransit) return;
            sb.Append(label).Append(": ").Append(p.Serial ?? "-").Append(' ').Append(p.SocPct).Append(' ')
              .Append((int)p.State).Append(p.InTransit ? " transit" : "")
              .Append(p.Standard != PackStandard.Unspecified ? " standard " + (int)p.Standard : "").Append('\n');
        }

        /// <summary>The Golden/ folder in the source tree (found from the test assembly's folder upwards).</summary>
        public static string SourceDir()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Station.Core.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
            if (dir == null) throw new InvalidOperationException("Station.Core.Tests.csproj not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir, "Golden");
        }
    }
}
