using System;
using System.Linq;
using System.Text.Json;
using Station.Core.Cloud;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The cloud link end to end against a real Mosquitto: birth/death, retained state, commands and replies,
    /// records that survive broker restarts, long offline periods and reboots.</summary>
    public class CloudLinkBrokerTests
    {
        static string Get(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.String ? e.GetProperty(name).GetString() : e.GetProperty(name).ToString();

        [Fact]
        public void Birth_is_retained_and_the_broker_publishes_the_death_when_the_station_dies()
        {
            using var broker = Mosquitto.Start();
            using var sub = new OutsideSubscriber(broker.Port, "stations/+/state");
            sub.WaitSubscribed(broker.Port);
            using var st = new StationHarness(broker.Port, "bay7");
            st.RunUntil(() => st.Link.Online, "birth");
            sub.WaitFor(l => l.StartsWith("stations/bay7/state ") && l.Contains("\"type\":\"birth\""));

            // A latecomer gets the retained birth (with the state snapshot).
            string retained = Mosquitto.Run("mosquitto_sub", $"-h 127.0.0.1 -p {broker.Port} -t stations/bay7/state -C 1 -W 5");
            var birth = JsonDocument.Parse(retained).RootElement;
            Assert.Equal(("birth", "bay7", 0, true), (Get(birth, "type"), Get(birth, "sid"), birth.GetProperty("seq").GetInt32(), birth.GetProperty("online").GetBoolean()));
            Assert.Equal("Idle", Get(birth, "state"));
            int bd = birth.GetProperty("bdSeq").GetInt32();

            st.Reboot(startAgain: false); // the socket dies; no DISCONNECT
            var deathLine = sub.WaitFor(l => l.Contains("\"type\":\"death\""))[0];
            var death = JsonDocument.Parse(deathLine.Substring(deathLine.IndexOf(' ') + 1)).RootElement;
            Assert.Equal(bd, death.GetProperty("bdSeq").GetInt32());
            Assert.False(death.GetProperty("online").GetBoolean());
            retained = Mosquitto.Run("mosquitto_sub", $"-h 127.0.0.1 -p {broker.Port} -t stations/bay7/state -C 1 -W 5");
            Assert.Contains("\"type\":\"death\"", retained);
        }

        [Fact]
        public void A_clean_stop_leaves_the_retained_state_offline_with_the_sessions_bdseq()
        {
            using var broker = Mosquitto.Start();
            using var sub = new OutsideSubscriber(broker.Port, "stations/+/state");
            sub.WaitSubscribed(broker.Port);
            using var st = new StationHarness(broker.Port, "bay6");
            st.RunUntil(() => st.Link.Online, "birth");
            int bd0 = (int)st.Link.BdSeq;
            st.Client.DropConnection("test: network blip"); // the session after it has the next bdSeq
            st.RunUntil(() => st.Link.Online && st.Link.BdSeq == (uint)(bd0 + 1), "second session");
            sub.WaitFor(l => l.Contains("\"type\":\"birth\"") && l.Contains($"\"bdSeq\":{bd0 + 1}"));

            st.Link.Stop(); // clean: the station says goodbye itself, then DISCONNECT (the broker discards the will)
            Assert.False(st.Client.IsConnected);
            string retained = Mosquitto.Run("mosquitto_sub", $"-h 127.0.0.1 -p {broker.Port} -t stations/bay6/state -C 1 -W 5");
            var death = JsonDocument.Parse(retained).RootElement;
            Assert.Equal(("death", "bay6", false, bd0 + 1), (Get(death, "type"), Get(death, "sid"), death.GetProperty("online").GetBoolean(), death.GetProperty("bdSeq").GetInt32()));
            Assert.EndsWith($"-{bd0 + 1}", Get(death, "mid"));
            Assert.StartsWith("d", Get(death, "mid"));
            // Exactly one death for the session: the one the station sent (a will would be a second copy).
            sub.WaitFor(l => l.Contains("\"type\":\"death\"") && l.Contains($"\"bdSeq\":{bd0 + 1}"));
            Assert.Single(sub.Lines, l => l.Contains("\"type\":\"death\"") && l.Contains($"\"bdSeq\":{bd0 + 1}"));
        }

        [Fact]
        public void A_reconnect_gives_a_new_birth_with_the_next_bdseq_and_state_changes_update_the_retained_state()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            using var st = new StationHarness(broker.Port, "bay8");
            st.RunUntil(() => consumer.On("/state").Length >= 1, "birth");
            int bd0 = consumer.On("/state")[0].GetProperty("bdSeq").GetInt32();
            st.Client.DropConnection("test: network blip");
            st.RunUntil(() => consumer.On("/state").Count(s => Get(s, "type") == "birth") >= 2, "second birth");
            var states = consumer.On("/state");
            Assert.Contains(states, s => Get(s, "type") == "death" && s.GetProperty("bdSeq").GetInt32() == bd0);
            var birth2 = states.Last(s => Get(s, "type") == "birth");
            Assert.Equal(bd0 + 1, birth2.GetProperty("bdSeq").GetInt32());

            st.Station.State = "Swapping";
            st.RunUntil(() => consumer.On("/state").Any(s => Get(s, "type") == "state" && Get(s, "state") == "Swapping"), "state update");
            st.RunUntil(() => consumer.On("/telemetry").Length >= 2, "periodic telemetry");
            var t = consumer.On("/telemetry").Last();
            Assert.Equal(0, t.GetProperty("outbox").GetProperty("pending").GetInt32());
        }

        [Fact]
        public void Commands_from_mosquitto_pub_are_applied_answered_and_audited_and_bad_ones_rejected_with_the_reason()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            using var st = new StationHarness(broker.Port, "bay9");
            st.RunUntil(() => st.Link.Online, "online");
            string exp = st.Clock.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ");
            var cases = new (string json, string mid, string reason)[]
            {
                ($"{{\"v\":1,\"mid\":\"c1\",\"cmd\":\"swap.authorize\",\"exp\":\"{exp}\",\"vehicle\":\"LSV1\",\"by\":\"op1\"}}", "c1", "accepted"),
                ($"{{\"v\":1,\"mid\":\"c2\",\"cmd\":\"swap.authorize\",\"exp\":\"{exp}\",\"vehicle\":\"LSV2\"}}", "c2", "busy"),
                ("{\"v\":1,\"mid\":\"c3\",\"cmd\":\"swap.authorize\",\"exp\":\"2020-01-01T00:00:00Z\",\"vehicle\":\"LSV3\"}", "c3", "expired"),
                ("{\"v\":1,\"mid\":\"c4\",\"cmd\":\"swap.cancel\",\"force\":1}", "c4", "unknown_field"),
                ("{\"v\":1,\"mid\":\"c5\",\"cmd\":\"config.get\",\"key\":\"gate.min_soc_pct\"}", "c5", "accepted"),
                ("{\"v\":1,\"mid\":\"c1\",\"cmd\":\"swap.cancel\"}", "c1", "replayed"),
                ("{\"v\":1,\"mid\":\"c6\",\"cmd\":\"fault.reset\",\"code\":\"12\"}", "c6", "wrong_type"),
            };
            foreach (var c in cases)
            {
                var psi = new System.Diagnostics.ProcessStartInfo(Mosquitto.ToolPath("mosquitto_pub"))
                { UseShellExecute = false, RedirectStandardError = true };
                foreach (var a in new[] { "-h", "127.0.0.1", "-p", broker.Port.ToString(), "-q", "1", "-t", "stations/bay9/cmd", "-m", c.json }) psi.ArgumentList.Add(a);
                using (var p = System.Diagnostics.Process.Start(psi)) p.WaitForExit();
                st.RunUntil(() => consumer.On("/reply").Length >= Array.IndexOf(cases, c) + 1, "reply to " + c.mid);
            }
            var replies = consumer.On("/reply");
            for (int i = 0; i < cases.Length; i++)
            {
                Assert.Equal(cases[i].mid, Get(replies[i], "re"));
                Assert.Equal(cases[i].reason, Get(replies[i], "reason"));
                Assert.Equal(cases[i].reason == "accepted", replies[i].GetProperty("ok").GetBoolean());
            }
            Assert.Equal("80", Get(replies[4], "msg"));
            Assert.Equal(new[] { "authorize LSV1 -", "authorize LSV2 -" }, st.Station.Calls.ToArray()); // nothing else reached the station
            st.RunUntil(() => consumer.RecordsOfType("audit").Length == cases.Length, "audit records");
            var audit = consumer.RecordsOfType("audit");
            Assert.Equal("op1", Get(audit[0], "by"));
            Assert.Contains("swap.authorize vehicle=LSV1", Get(audit[0], "what"));
            Assert.Equal("expired", Get(audit[2], "reason"));
        }

        [Fact]
        public void Motion_commands_are_refused_in_unsafe_states_with_the_reason()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            using var st = new StationHarness(broker.Port, "bay10");
            st.RunUntil(() => st.Link.Online, "online");
            st.Station.Safe = false;
            st.Station.LatchedFault = 1;
            string exp = st.Clock.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ");
            consumer.Client.Publish("stations/bay10/cmd", System.Text.Encoding.UTF8.GetBytes($"{{\"v\":1,\"mid\":\"u1\",\"cmd\":\"swap.authorize\",\"exp\":\"{exp}\",\"vehicle\":\"V\"}}"), 0, 0, 1, false);
            var b = System.Text.Encoding.UTF8.GetBytes($"{{\"v\":1,\"mid\":\"u1\",\"cmd\":\"swap.authorize\",\"exp\":\"{exp}\",\"vehicle\":\"V\"}}");
            consumer.Client.Publish("stations/bay10/cmd", b, 0, b.Length, 1, false);
            b = System.Text.Encoding.UTF8.GetBytes("{\"v\":1,\"mid\":\"u2\",\"cmd\":\"fault.reset\",\"code\":1}");
            consumer.Client.Publish("stations/bay10/cmd", b, 0, b.Length, 1, false);
            st.RunUntil(() => consumer.On("/reply").Length >= 3, "replies");
            var r = consumer.On("/reply");
            Assert.Equal("malformed", Get(r[0], "reason")); // the empty publish
            Assert.Equal(("unsafe_state", "light curtain interrupted"), (Get(r[1], "reason"), Get(r[1], "msg")));
            Assert.Equal("not_remotely_resettable", Get(r[2], "reason"));
            Assert.Equal(13, r[1].GetProperty("code").GetInt32());
        }

        [Fact]
        public void A_thousand_records_queued_offline_arrive_in_order_after_reconnect_flagged_offline()
        {
            using var broker = Mosquitto.Start();
            int port = broker.Port;
            using var st = new StationHarness(port, "bay11");
            st.RunUntil(() => st.Link.Online, "online");
            broker.Kill();
            st.RunUntil(() => !st.Link.Online, "offline noticed");
            var swap = new SampleSwap();
            for (int i = 0; i < 1000; i++) { swap.Number = i; Assert.True(st.Link.RecordEvent("swap.step", swap)); }
            Assert.Equal(1000, st.Link.Outbox.Pending);
            broker.Restart();
            using var consumer = new Consumer(port);
            st.RunUntil(() => consumer.Records.Length >= 1000, "1000 records", 60000);
            var recs = consumer.Records;
            Assert.Equal(Enumerable.Range(0, 1000), recs.Select(r => r.GetProperty("swap").GetProperty("no").GetInt32()));
            var seqs = recs.Select(r => r.GetProperty("seq").GetInt64()).ToArray();
            Assert.True(seqs.Zip(seqs.Skip(1), (a, b) => b == a + 1).All(x => x), "record seq has no gaps");
            Assert.All(recs, r => Assert.True(r.GetProperty("offline").GetBoolean()));
            st.RunUntil(() => st.Link.Outbox.Pending == 0, "outbox drained");
        }

        [Fact]
        public void Records_in_flight_at_a_disconnect_are_sent_again_after_the_reconnect_flagged_offline()
        {
            using var broker = Mosquitto.Start();
            int port = broker.Port;
            using var st = new StationHarness(port, "bay16");
            st.RunUntil(() => st.Link.Online, "online");
            st.RunUntil(() => st.Client.InflightCount == 0, "birth acknowledged");
            var swap = new SampleSwap { Outcome = "completed", Steps = 10 };
            for (int i = 0; i < 5; i++) { swap.Number = i; st.Link.RecordEvent("swap.completed", swap); }
            broker.Pause();                // the broker takes the publishes into its socket but never acknowledges them
            st.Link.Tick();                // published while online: offline:false on the wire
            Assert.Equal(5, st.Link.Outbox.InFlight);
            broker.Restart();              // the hung broker dies (its unread input with it) and comes back
            using var consumer = new Consumer(port);
            st.RunUntil(() => consumer.Records.Length >= 5 && st.Link.Outbox.Pending == 0, "records after the reconnect", 30000);
            var recs = consumer.Records;
            Assert.Equal(Enumerable.Range(0, 5), recs.Select(r => r.GetProperty("swap").GetProperty("no").GetInt32()));
            Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, recs.Select(r => r.GetProperty("seq").GetInt64()));
            Assert.All(recs, r => Assert.True(r.GetProperty("offline").GetBoolean(), "a record resent after the reconnect is flagged late"));
            Assert.Equal(0, consumer.Duplicates);
            // New records after the reconnect are live again.
            st.Link.RecordEvent("swap.started", swap);
            st.RunUntil(() => consumer.Records.Length >= 6, "a live record");
            Assert.False(consumer.Records[5].GetProperty("offline").GetBoolean());
        }

        [Fact]
        public void A_broker_restart_in_the_middle_of_a_swap_loses_and_duplicates_nothing_at_the_consumer()
        {
            // The cloud consumer keeps a persistent session (fixed id, clean session off) on a broker with persistence,
            // as a production consumer would: what the station publishes while the consumer is still reconnecting
            // after the restart is queued for it.
            using var broker = Mosquitto.Start(persistent: true);
            int port = broker.Port;
            using var consumer = new Consumer(port, id: "cloud-ingest");
            using var st = new StationHarness(port, "bay12");
            st.RunUntil(() => st.Link.Online, "online");
            var swap = new SampleSwap();
            st.Link.RecordEvent("swap.started", swap);
            for (int i = 1; i <= 5; i++) { swap.Steps = i; st.Link.RecordEvent("swap.step", swap); }
            st.RunUntil(() => consumer.Records.Length >= 3, "first records");
            broker.Restart(graceful: true); // mid-swap; records in flight may or may not have reached the broker
            for (int i = 6; i <= 10; i++) { swap.Steps = i; st.Link.RecordEvent("swap.step", swap); st.Clock.Advance(100); st.Link.Tick(); }
            swap.Outcome = "completed";
            st.Link.RecordEvent("swap.completed", swap);
            st.Link.RecordFault(true, 42, "LiftStall", "test");
            st.RunUntil(() => consumer.Client.IsConnected && st.Link.Outbox.Pending == 0, "outbox drained after restart", 30000);
            st.RunUntil(() => consumer.Records.Length >= 13, "all records at the consumer", 30000);
            var recs = consumer.Records;
            Assert.Equal(13, recs.Length);                            // de-duplicated by message id: none missing
            Assert.Equal(Enumerable.Range(1, 13).Select(i => (long)i), recs.Select(r => r.GetProperty("seq").GetInt64()).OrderBy(x => x));
            Assert.Equal("swap.completed", Get(recs.Single(r => r.GetProperty("seq").GetInt64() == 12), "type"));
            Assert.Equal(10, recs.Single(r => r.GetProperty("seq").GetInt64() == 12).GetProperty("swap").GetProperty("steps").GetArrayLength());
        }

        [Fact]
        public void A_reboot_with_records_pending_sends_them_after_boot_flagged_offline()
        {
            using var broker = Mosquitto.Start();
            int port = broker.Port;
            using var st = new StationHarness(port, "bay13");
            st.RunUntil(() => st.Link.Online, "online");
            broker.Kill();
            st.RunUntil(() => !st.Link.Online, "offline noticed");
            var swap = new SampleSwap { Outcome = "completed", Steps = 10 };
            st.Link.RecordEvent("swap.completed", swap);
            st.Link.RecordFault(false, 42, "LiftStall", null);
            st.Reboot();                              // power cut while offline, then boot on the same storage
            broker.Restart();
            using var consumer = new Consumer(port);
            st.RunUntil(() => consumer.Records.Length >= 2, "records after reboot", 30000);
            var recs = consumer.Records;
            Assert.Equal(new[] { "swap.completed", "fault.cleared" }, recs.Select(r => Get(r, "type")));
            Assert.All(recs, r => Assert.True(r.GetProperty("offline").GetBoolean()));
            st.RunUntil(() => consumer.On("/state").Any(s => Get(s, "type") == "birth"), "birth after reboot");
        }

        [Fact]
        public void A_reboot_with_wiped_storage_restarts_seq_and_bdseq_but_gives_no_duplicate_message_id_at_the_consumer()
        {
            using var broker = Mosquitto.Start();
            int port = broker.Port;
            using var consumer = new Consumer(port);
            var swap = new SampleSwap { Outcome = "completed", Steps = 10 };
            var mids = new System.Collections.Generic.List<string>();
            for (int boot = 0; boot < 2; boot++)
            {
                // Each boot on fresh storage (a wiped flash, a replaced SD card): seq and bdSeq start again from the beginning.
                using var st = new StationHarness(port, "bay15", new TestStorage());
                st.RunUntil(() => st.Link.Online, "online");
                for (int i = 0; i < 5; i++) st.Link.RecordEvent("swap.completed", swap);
                st.RunUntil(() => consumer.Records.Length >= 5 * (boot + 1) && st.Link.Outbox.Pending == 0, "records of boot " + boot);
                st.Reboot(startAgain: false);
            }
            var recs = consumer.Records;
            Assert.Equal(0, consumer.Duplicates);
            Assert.Equal(10, recs.Length); // a de-duplicating consumer kept every record of both boots
            Assert.Equal(new long[] { 1, 2, 3, 4, 5, 1, 2, 3, 4, 5 }, recs.Select(r => r.GetProperty("seq").GetInt64()));
            // Births and deaths (bdSeq 0 on both boots) and the live messages carry distinct ids too.
            var all = consumer.All.Where(m => m.topic.StartsWith("stations/bay15/")).Select(m => Get(m.json, "mid")).ToArray();
            var births = consumer.On("bay15/state").Where(s => Get(s, "type") == "birth").ToArray();
            Assert.Equal(2, births.Length);
            Assert.Equal(new[] { 0, 0 }, births.Select(b => b.GetProperty("bdSeq").GetInt32()));
            Assert.NotEqual(Get(births[0], "mid"), Get(births[1], "mid"));
            Assert.Equal(all.Length, all.Distinct().Count());
        }

        [Fact]
        public void A_qos1_command_sent_while_the_station_was_offline_is_delivered_when_it_comes_back()
        {
            using var broker = Mosquitto.Start();
            int port = broker.Port;
            using var consumer = new Consumer(port);
            using var st = new StationHarness(port, "bay14");
            st.RunUntil(() => st.Link.Online, "online");
            st.Client.Abort(); // the station goes away; its persistent session (clean session off) stays on the broker
            Wait.Until(() => consumer.On("/state").Any(s => Get(s, "type") == "death"), "death");
            var b = System.Text.Encoding.UTF8.GetBytes("{\"v\":1,\"mid\":\"late1\",\"cmd\":\"maintenance.enter\"}");
            Assert.True(consumer.Client.Publish("stations/bay14/cmd", b, 0, b.Length, 1, false) > 0);
            Wait.Until(() => consumer.Client.InflightCount == 0, "broker took the command");
            st.Reboot();
            st.RunUntil(() => consumer.On("/reply").Any(r => Get(r, "re") == "late1"), "reply to the queued command");
            Assert.True(st.Station.Maintenance);
        }
    }
}

namespace Station.Cloud.Tests
{
    public class MalformedCommandsOverTheBrokerTests
    {
        [Fact]
        public void Every_malformed_command_class_sent_through_mosquitto_gets_its_reason_in_the_reply()
        {
            using var broker = Mosquitto.Start();
            using var consumer = new Consumer(broker.Port);
            using var st = new StationHarness(broker.Port, "bay1");
            // The parser tests' table is written for a station clock at 2026-11-21 12:00 UTC.
            st.Clock.Epoch = new System.DateTime(2026, 11, 21, 12, 0, 0, System.DateTimeKind.Utc);
            st.Clock.NowMs = 0;
            st.RunUntil(() => st.Link.Online, "online");
            var cases = CommandParserTests.MalformedCommands;
            var oversized = "{\"v\":1,\"mid\":\"big\",\"cmd\":\"swap.cancel\",\"by\":\"" + new string('x', 2000) + "\"}";
            var all = cases.Select(c => ((string)c[0], (CloudReason)c[1])).Append((oversized, CloudReason.Oversized)).ToArray();
            foreach (var (json, _) in all)
            {
                var b = System.Text.Encoding.UTF8.GetBytes(json);
                Assert.True(consumer.Client.Publish("stations/bay1/cmd", b, 0, b.Length, 1, false) > 0);
            }
            st.RunUntil(() => consumer.On("/reply").Length >= all.Length, "a reply to every command");
            var replies = consumer.On("/reply");
            for (int i = 0; i < all.Length; i++)
                Assert.True(CloudReasons.Name(all[i].Item2) == replies[i].GetProperty("reason").GetString(),
                    $"{all[i].Item1} → {replies[i].GetRawText()}");
            Assert.Empty(st.Station.Calls); // nothing reached the station
            Assert.Equal(all.Length, st.Link.CommandsRejected);
        }
    }
}
