using System;
using Station.Core;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>Commands are the cloud's (and an attacker's) way in: the documented examples, mutated with a fixed seed
    /// (byte flips, truncation, repeated members, huge numbers, deep nesting, odd UTF-8, wrong types, oversize), go through
    /// the real link and station on a simulated bay with a positioned vehicle. A refused command must leave the controller,
    /// the inventory, the configuration and the outbox (but for its one audit record) as they were and switch no output;
    /// every command on the station's topic gets exactly one reply, valid JSON, with a reason from docs/cloud.md.</summary>
    public class CommandFuzzTests
    {
        const string Exp = "2026-11-21T08:30:00Z"; // the simulated clock starts at 08:00 that day

        // Valid commands as docs/cloud.md writes them (expiry moved into the simulated day), one per table row.
        static readonly string[] Seeds =
        {
            "{\"v\":1,\"mid\":\"bk-20261121-0042\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"pack\":\"P-0077\",\"by\":\"booking-svc\"}",
            "{\"v\":2,\"mid\":\"b-17\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"TRK-0042\",\"positions\":[1,3],\"accepts\":\"qiji75\",\"accepts3\":\"partner-a,partner-b\"}",
            "{\"v\":1,\"mid\":\"m-2\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\",\"accepts\":\"choco25-lfp,choco25-nmc\"}",
            "{\"v\":1,\"mid\":\"m0\",\"cmd\":\"swap.authorize\",\"exp\":\"" + Exp + "\",\"vehicle\":\"LSV123\"}",
            "{\"v\":1,\"mid\":\"m1\",\"cmd\":\"station.status\"}",
            "{\"v\":1,\"mid\":\"m2\",\"cmd\":\"swap.cancel\"}",
            "{\"v\":1,\"mid\":\"m3\",\"cmd\":\"config.get\",\"key\":\"gate.min_soc_pct\"}",
            "{\"v\":1,\"mid\":\"m4\",\"cmd\":\"config.set\",\"key\":\"gate.min_soc_pct\",\"value\":80}",
            "{\"v\":1,\"mid\":\"m5\",\"cmd\":\"fault.reset\",\"code\":12}",
            "{\"v\":1,\"mid\":\"u1\",\"cmd\":\"update.offer\",\"version\":\"0.2.0\",\"size\":48211}",
            "{\"v\":1,\"mid\":\"m6\",\"cmd\":\"maintenance.enter\"}",
            "{\"v\":1,\"mid\":\"m7\",\"cmd\":\"station.rebirth\",\"by\":\"op:anna\"}",
        };

        // A car bay with a vehicle positioned (the car seeds name LSV123); telemetry off, so every publish is a reply or a record.
        static CloudBay Build()
        {
            var b = new CloudBay(telemetryPeriodMs: int.MaxValue / 2);
            b.St.Bay.ArriveVehicle("LSV123", "VP1");
            b.Step(12000, () => b.St.Controller.Interlocks.VehiclePositioned);
            b.Quiet();
            return b;
        }

        [Fact]
        public void Mutated_commands_never_throw_and_a_refused_one_changes_nothing_and_moves_nothing()
        {
            var b = Build();
            var fuzz = new CommandFuzz(b);
            var rng = new Random(2711);
            int authorized = 0;
            for (int round = 0; round < 2500; round++)
            {
                var reply = fuzz.Command(round, CommandFuzz.Payload(Seeds, round, rng), rng.Next(25) == 0);
                if (reply != null)
                {
                    if (b.St.Controller.State != SwapState.Idle) authorized++;
                    fuzz.Undo(reply.Value.GetProperty("cmd").GetString(), "round " + round);
                }
                b.Link.AckAll();
            }
            Assert.True(fuzz.Refused > 1800, "refused " + fuzz.Refused);
            Assert.True(authorized > 5, "some authorisations must be taken, so that the swap's path is reachable: " + authorized);
            Assert.True(fuzz.Accepted > 60, "some mutations stay valid and are taken: " + fuzz.Accepted);
            foreach (string r in new[] { "malformed", "oversized", "wrong_type", "unknown_field", "out_of_range", "unknown_command", "unsupported_version", "missing_field" })
                Assert.True(fuzz.Seen.Contains(r), "the mutations never reached " + r + " (seen: " + string.Join(",", fuzz.Seen) + ")");
        }
    }
}
