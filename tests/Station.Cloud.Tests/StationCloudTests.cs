using System;
using System.Linq;
using System.Text.Json;
using Station.Core;
using Station.Core.Cloud;
using Station.Core.Config;
using Station.Fleet;
using Station.Hal.Host;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>StationCloud over the real controller on a simulated bay, with an in-memory link (no broker needed).</summary>
    public class StationCloudTests
    {
        static (SimStation st, FakeLink link, CloudLink cl, StationCloud sc) Build(CloudLinkConfig config = null)
        {
            var b = new CloudBay(link: config, homed: false);
            return (b.St, b.Link, b.Cl, b.Sc);
        }

        static void Home(SimStation st)
        {
            st.Controller.Home();
            for (int i = 0; i < 3000 && st.Controller.State != SwapState.Idle; i++) { st.Clock.Advance(10); st.Bay.Step(10); st.Controller.Tick(); }
            Assert.Equal(SwapState.Idle, st.Controller.State);
        }

        [Fact]
        public void A_cloud_authorisation_naming_standards_gets_a_pack_of_one_or_reason_18()
        {
            var (st, _, _, sc) = Build();
            Home(st);
            st.Bay.ArriveVehicle("LSV1", "VP1");
            for (int i = 0; i < 12000 && !st.Controller.Interlocks.VehiclePositioned; i++) { st.Clock.Advance(10); st.Bay.Step(10); st.Controller.Tick(); }
            Assert.True(st.Controller.SetRackSlot(1, st.Controller.Inventory.Slot(1).Serial, 90, PackState.Ready, PackStandard.Choco20Nmc).Accepted);
            var refused = sc.Authorize("LSV1", null, PackStandards.MaskOf("qiji75"), 60_000);
            Assert.False(refused.Accepted);
            Assert.Equal(CloudReason.Refused, refused.Reason);
            Assert.Contains("qiji75", refused.Message);
            var ok = sc.Authorize("LSV1", null, PackStandards.MaskOf("choco20-nmc"), 60_000);
            Assert.True(ok.Accepted, ok.Message);
            Assert.Equal(PackStandard.Choco20Nmc, st.Controller.CurrentSwap.PackInStandard);
        }

        [Fact]
        public void Remote_maintenance_refuses_swaps_and_the_cloud_cannot_lift_a_technicians_hold()
        {
            var (st, _, _, sc) = Build();
            Home(st);
            Assert.True(sc.EnterMaintenance().Accepted);
            Assert.Equal("Maintenance", sc.StateName);
            var r = sc.Authorize("V1", null, 0);
            Assert.Equal((false, CloudReason.Refused), (r.Accepted, r.Reason));
            st.Controller.MaintenanceHold = true; // the technician at the console
            r = sc.LeaveMaintenance();
            Assert.Contains("console hold remains", r.Message);
            Assert.True(st.Controller.MaintenanceHold);
            Assert.Equal("Maintenance", sc.StateName);
            Assert.Contains("technician", sc.Authorize("V1", null, 0).Message);
        }

        [Fact]
        public void Telemetry_counts_late_control_ticks_even_when_nothing_moves()
        {
            var (st, _, _, sc) = Build();
            Home(st);
            st.Clock.Advance(500); // the control loop stalls half a second while the station idles
            st.Bay.Step(500);
            st.Controller.Tick();
            Assert.Equal(SwapState.Idle, st.Controller.State);
            var w = new JsonWriter(4096);
            w.BeginObject();
            sc.WriteTelemetry(w);
            w.EndObject();
            using var doc = JsonDocument.Parse(new ReadOnlyMemory<byte>(w.Buffer, 0, w.Length));
            Assert.Equal(1, doc.RootElement.GetProperty("lateTicks").GetInt32());
            Assert.Equal(500, doc.RootElement.GetProperty("longestTickGapMs").GetInt32());
            Assert.False(doc.RootElement.GetProperty("lift").GetProperty("packContact").GetBoolean());
        }

        [Fact]
        public void Fault_reset_only_for_the_latched_remotely_resettable_fault()
        {
            var (st, link, cl, sc) = Build();
            Home(st);
            Assert.Equal(CloudReason.NoSuchFault, sc.ResetFault(12).Reason);
            st.Controller.EmergencyStop(); // SoftwareStop: the catalogue allows a remote reset
            st.Clock.Advance(10); st.Bay.Step(10); st.Controller.Tick();
            int code = (int)st.Controller.LatchedFault;
            Assert.True(FaultCatalogue.RemotelyResettable(st.Controller.LatchedFault));
            Assert.Equal(CloudReason.NoSuchFault, sc.ResetFault(code + 1).Reason);
            var r = sc.ResetFault(code);
            Assert.True(r.Accepted, r.Message);
            Assert.Equal(FaultCode.None, st.Controller.LatchedFault);
            cl.Tick();
            var faults = link.Sent.Where(s => s.topic == "stations/unit/faults").Select(s => JsonDocument.Parse(s.payload).RootElement).ToArray();
            Assert.Equal(new[] { "fault.raised", "fault.cleared" }, faults.Select(f => f.GetProperty("type").GetString()));
            Assert.Equal(code, faults[0].GetProperty("code").GetInt32());
        }

        [Fact]
        public void A_fault_the_catalogue_keeps_for_technicians_is_not_reset_remotely()
        {
            var (st, _, _, sc) = Build();
            Home(st);
            st.Bay.ArriveVehicle("V1", "VP1");
            void StepUntil(Func<bool> c) { for (int i = 0; i < 12000 && !c(); i++) { st.Clock.Advance(10); st.Bay.Step(10); st.Controller.Tick(); } Assert.True(c()); }
            StepUntil(() => st.Controller.Interlocks.VehiclePositioned);
            var a = sc.Authorize("V1", null, 60000);
            Assert.True(a.Accepted, a.Message);
            StepUntil(() => st.Controller.State == SwapState.RaiseToPack);
            st.Bay.LightCurtainBroken = true; // someone walks into the bay while the lift rises
            StepUntil(() => st.Controller.LatchedFault != FaultCode.None);
            FaultCode latched = st.Controller.LatchedFault;
            Assert.False(FaultCatalogue.RemotelyResettable(latched));
            var r = sc.ResetFault((int)latched);
            Assert.Equal(CloudReason.NotRemotelyResettable, r.Reason);
            Assert.Equal(latched, st.Controller.LatchedFault);
        }

        [Fact]
        public void A_full_outbox_stops_new_swaps_from_every_source_and_says_why()
        {
            var (st, link, cl, sc) = Build(new CloudLinkConfig { StationId = "unit", OutboxSegmentBytes = 4200, OutboxMaxSegments = 4 });
            Home(st);
            link.IsConnected = false; // offline: records pile up
            while (cl.SwapsAllowed) Assert.True(cl.RecordAudit("console", "tech", new string('x', 900), true, CloudReason.Accepted, null));
            var direct = st.Controller.Authorize(new SwapAuthorization("V1", null)); // the console's path
            Assert.False(direct.Accepted);
            Assert.Contains("cloud outbox", direct.Message);
            Assert.Contains("cloud outbox", st.Controller.WhyNotSwapping());
            var local = sc.AuthorizeLocal(new SwapAuthorization("V1", null), "tech");
            Assert.Equal(CloudReason.OutboxFull, local.Reason);
            // Once the broker takes the records, swaps are allowed again.
            link.SetConnected(true);
            for (int i = 0; i < 50 && !cl.SwapsAllowed; i++) { cl.Tick(); link.AckAll(); cl.Tick(); st.Clock.Advance(1000); }
            Assert.True(cl.SwapsAllowed, $"pending {cl.Outbox.Pending} used {cl.Outbox.UsedBytes} fill {cl.Outbox.FillPercent} inflight {cl.Outbox.InFlight} sent {link.Sent.Count}");
            Assert.DoesNotContain("cloud outbox", st.Controller.WhyNotSwapping());
        }

        [Fact]
        public void A_small_outbox_without_the_SD_card_names_the_card_in_refusals_and_telemetry()
        {
            var layout = StorageLayout.Decide(true, false, "no card in the slot", 0, 1024, 64 * 1024);
            var (st, link, cl, sc) = Build(new CloudLinkConfig { StationId = "unit", OutboxSegmentBytes = 4200, OutboxMaxSegments = 4, StorageWarning = layout.Warning });
            Home(st);
            cl.Tick();
            st.Clock.Advance(new CloudLinkConfig().TelemetryPeriodMs + 1);
            cl.Tick();
            var telemetry = link.Sent.Where(s => s.topic == "stations/unit/telemetry").Select(s => JsonDocument.Parse(s.payload).RootElement).First();
            var outbox = telemetry.GetProperty("outbox");
            Assert.Equal(layout.Warning, outbox.GetProperty("storageWarning").GetString());
            Assert.Equal(4 * 4200, outbox.GetProperty("capacityBytes").GetInt64());

            link.IsConnected = false;
            while (cl.SwapsAllowed) Assert.True(cl.RecordAudit("console", "tech", new string('x', 900), true, CloudReason.Accepted, null));
            Assert.Contains("SD card not mounted (no card in the slot)", st.Controller.WhyNotSwapping());
            var local = sc.AuthorizeLocal(new SwapAuthorization("V1", null), "tech");
            Assert.Equal(CloudReason.OutboxFull, local.Reason);
            Assert.Contains("Insert a FAT32 microSD card", local.Message);
        }

        [Fact]
        public void With_the_full_outbox_telemetry_has_no_storage_warning()
        {
            var (st, link, cl, _) = Build();
            cl.Tick();
            st.Clock.Advance(new CloudLinkConfig().TelemetryPeriodMs + 1);
            cl.Tick();
            var outbox = link.Sent.Where(s => s.topic == "stations/unit/telemetry").Select(s => JsonDocument.Parse(s.payload).RootElement).First().GetProperty("outbox");
            Assert.False(outbox.TryGetProperty("storageWarning", out _));
            Assert.Equal(1024L * 64 * 1024, outbox.GetProperty("capacityBytes").GetInt64());
        }

        [Fact]
        public void Console_commands_are_audited_through_the_consoles_audit_event()
        {
            var (st, link, cl, sc) = Build();
            Station.Core.Console.ConsoleAuditHandler handler = sc.AuditConsole; // the console's own delegate type
            handler(1234, "swap authorize V1", false, "refused: no vehicle at the swap position\nmore lines");
            cl.Tick();
            var audit = link.Sent.Where(s => s.topic == "stations/unit/audit").Select(s => JsonDocument.Parse(s.payload).RootElement).Single();
            Assert.Equal(("console", "technician", "swap authorize V1", false), (audit.GetProperty("src").GetString(), audit.GetProperty("by").GetString(), audit.GetProperty("what").GetString(), audit.GetProperty("ok").GetBoolean()));
            Assert.Equal("refused: no vehicle at the swap position", audit.GetProperty("detail").GetString());
        }

        [Fact]
        public void A_command_flood_beyond_the_queue_is_dropped_counted_and_reported()
        {
            var (st, link, cl, sc) = Build();
            for (int i = 0; i < CloudLink.MaxQueuedMessages + 5; i++)
                link.Receive("stations/unit/cmd", "{\"v\":1,\"mid\":\"f" + i + "\",\"cmd\":\"station.status\"}");
            Assert.Equal(5, cl.DroppedMessages);
            for (int i = 0; i < 40; i++) { st.Clock.Advance(10); cl.Tick(); }
            Assert.Equal(CloudLink.MaxQueuedMessages, cl.CommandsAccepted);
            st.Clock.Advance(20000);
            cl.Tick();
            var t = link.Sent.Where(s => s.topic == "stations/unit/telemetry").Select(s => JsonDocument.Parse(s.payload).RootElement).Last();
            Assert.Equal(5, t.GetProperty("link").GetProperty("cmdDropped").GetInt32());
        }

        [Fact]
        public void Config_get_reads_every_console_key_from_the_one_table_and_never_shows_the_pin()
        {
            var (st, _, _, sc) = Build();
            Assert.Equal("unit", sc.GetConfig("station.id").Message);
            Assert.Equal(st.Controller.Config.MinSocPct.ToString(), sc.GetConfig("gate.min_soc_pct").Message);
            Assert.Equal("lifepo4,ternary", sc.GetConfig("pack.types").Message);
            Assert.Equal("-20", sc.GetConfig("gate.pack_min_temp_c").Message);
            foreach (ConfigKey k in ConfigTable.Keys) Assert.True(sc.GetConfig(k.Name).Accepted, k.Name);
            string pin = sc.GetConfig("maint.pin").Message;
            Assert.DoesNotContain(":", pin); // never the salt:hash
            var unknown = sc.GetConfig("gate.minSocPct"); // the old private cloud names are gone
            Assert.Equal(CloudReason.UnknownKey, unknown.Reason);
        }

        [Fact]
        public void Config_set_needs_remote_maintenance_and_refuses_with_the_consoles_range_text()
        {
            var (st, _, _, sc) = Build();
            Assert.Equal(CloudReason.NotInMaintenance, sc.SetConfig("gate.min_soc_pct", "85").Reason);
            Assert.True(sc.EnterMaintenance().Accepted);
            var ok = sc.SetConfig("gate.min_soc_pct", "85");
            Assert.True(ok.Accepted, ok.Message);
            Assert.Equal(85, sc.Values.Number(ConfigTable.MinSocPct));
            Assert.Equal("85", sc.GetConfig("gate.min_soc_pct").Message);

            // Same parsing, same ranges and the same words as the console's config set.
            var console = new ConfigValues();
            foreach (var (key, value) in new[] { ("gate.min_soc_pct", "150"), ("gate.min_soc_pct", "true"), ("lift.speed_mm_s", "900"),
                         ("pack.types", "lifepo4,choco20"), ("gate.pack_min_temp_c", "-60") })
            {
                var r = sc.SetConfig(key, value);
                Assert.Equal(CloudReason.OutOfRange, r.Reason);
                Assert.Equal(console.TrySet(ConfigTable.IndexOf(key), value, 1), r.Message);
            }
            Assert.Contains("expected 0..100 %", sc.SetConfig("gate.min_soc_pct", "101").Message);
            // The relations between keys too: a refused change changes nothing.
            Assert.True(sc.SetConfig("gate.pack_max_temp_c", "40").Accepted);
            var hot = sc.SetConfig("gate.pack_min_temp_c", "45");
            Assert.Equal(CloudReason.OutOfRange, hot.Reason);
            Assert.Contains("must be below gate.pack_max_temp_c", hot.Message);
            Assert.Equal(-20, sc.Values.Number(ConfigTable.PackMinTempC));
            // Live keys reach the running controller at once, as from the console.
            Assert.True(sc.SetConfig("lift.vehicle_height_mm", "480").Accepted);
            Assert.Equal(480, st.Controller.Config.VehicleHeightMm);
            Assert.Equal(CloudReason.UnknownKey, sc.SetConfig("lift.speed", "1").Reason);
            Assert.Equal(CloudReason.UnknownKey, sc.SetConfig("rack.slots", "20").Reason);
        }

        [Theory]
        [InlineData("maint.pin", "9999")]
        [InlineData("station.id", "other")]
        [InlineData("mqtt.host", "evil.example")]
        [InlineData("maint.lockout_s", "10")]
        public void Site_only_keys_are_refused_with_their_reason_code_even_in_maintenance(string key, string value)
        {
            var (_, _, _, sc) = Build();
            sc.EnterMaintenance();
            string before = sc.Values.Stored(ConfigTable.IndexOf(key));
            var r = sc.SetConfig(key, value);
            Assert.Equal(CloudReason.NotRemotelySettable, r.Reason);
            Assert.Equal("not_remotely_settable", CloudReasons.Name(r.Reason));
            Assert.Contains(key + ": set on site only", r.Message);
            Assert.Equal(before, sc.Values.Stored(ConfigTable.IndexOf(key)));
        }

        [Fact]
        public void Config_set_is_refused_while_a_technician_holds_the_console()
        {
            var (st, _, _, sc) = Build();
            sc.EnterMaintenance();
            st.Controller.MaintenanceHold = true;
            Assert.Equal(CloudReason.Refused, sc.SetConfig("gate.min_soc_pct", "85").Reason);
            Assert.Equal(80, sc.Values.Number(ConfigTable.MinSocPct));
        }

        [Fact]
        public void With_the_consoles_values_and_file_a_cloud_set_is_shared_and_stored_at_once()
        {
            var (st, _, _, _) = Build();
            var storage = new TestStorage();
            var file = new ConfigFile(storage);
            var values = new ConfigValues();
            Assert.True(file.Save(values));
            var sc = new StationCloud(st.Controller, st.Clock, values, file);
            sc.EnterMaintenance();
            var r = sc.SetConfig("pack.types", "lifepo4");
            Assert.True(r.Accepted, r.Message);
            Assert.Equal("lifepo4", values.Text(ConfigTable.PackTypes)); // the console sees it
            Assert.False(values.Unsaved);
            var loaded = new ConfigValues();
            file.Load(loaded);
            Assert.Equal("lifepo4", loaded.Text(ConfigTable.PackTypes));
            Assert.Equal(new[] { 3 }, Station.Core.Can.BmsCheckConfig.From(loaded).AcceptedBatteryTypes);
            // Unsaved console edits are not swept into the cloud's save.
            values.TrySet(ConfigTable.LiftJogStepMm, "20", 1);
            Assert.Equal(CloudReason.Refused, sc.SetConfig("gate.min_soc_pct", "85").Reason);
        }
    }
}

namespace Station.Cloud.Tests
{
    public class OutboxSizingWithTheRealRecordTests
    {
        [Fact]
        public void One_real_swap_journaled_offline_leaves_room_for_seven_days_at_800_a_day()
        {
            // The controller's own swap, encoded by StationCloud, with the broker unreachable (port 1): everything stays
            // in the outbox, so its size is what one swap costs.
            var st = new SimStation("CN-SH-0001-bay1", new MqttLinkOptions { Port = 1, ClientId = "CN-SH-0001-bay1", ReconnectMinMs = 60000, ReconnectMaxMs = 60000 },
                new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc), swapsPerHour: 3600, selfAuthorize: true, firstArrivalMs: 1000);
            st.Start();
            for (int i = 0; i < 60000 && st.SwapsDone == 0; i++) st.Step(10);
            Assert.Equal(1, st.SwapsDone);
            long before = st.Link.Outbox.UsedBytes;
            Assert.Equal(0, st.Link.Outbox.DroppedRecords);
            // Telemetry samples taken while offline are in there too; count only what a swap adds by running a second one.
            for (int i = 0; i < 60000 && st.SwapsDone == 1; i++) st.Step(10);
            Assert.Equal(2, st.SwapsDone);
            long perSwap = st.Link.Outbox.UsedBytes - before;
            var cfg = new CloudLinkConfig();
            long limit = (long)cfg.OutboxSegmentBytes * cfg.OutboxMaxSegments * Outbox.SwapLimitPercent / 100;
            Assert.True(perSwap * 800 * 7 <= limit, $"one swap journals {perSwap} bytes; 7 days need {perSwap * 5600}, the swap limit is {limit}");
            Assert.True(perSwap > 2000, $"one swap journals {perSwap} bytes: suspiciously little for started + steps + completed");
            st.Dispose();
        }
    }
}
