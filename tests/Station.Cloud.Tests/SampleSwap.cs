using System;
using Station.Core.Cloud;

namespace Station.Cloud.Tests
{
    /// <summary>A realistic swap record body (the fields the core's SwapRecord carries), for sizing and tests.</summary>
    public sealed class SampleSwap : ICloudPayload
    {
        static readonly string[] StepNames = { "Authorised", "LiftToVehicle", "Unlock", "LowerDepleted", "Transfer", "RaiseCharged", "Lock", "VerifyPack", "LiftHome", "Release" };
        public int Number = 123456;
        public int Steps;
        public string Outcome = "running";
        public DateTime Start = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);

        public void WriteMembers(JsonWriter w)
        {
            w.Name("swap");
            w.BeginObject();
            w.Member("no", Number);
            w.Member("vehicle", "LSVAB4BR0NN123456");
            w.Member("packOut", "CATL-C25-00012345");
            w.Member("packIn", "CATL-C25-00077777");
            w.Member("socOut", 18);
            w.Member("socIn", Steps >= 8 ? 97 : -1);
            w.MemberUtc("start", Start);
            w.Name("steps");
            w.BeginArray();
            for (int i = 0; i < Steps && i < StepNames.Length; i++)
            {
                w.BeginObject();
                w.Member("step", StepNames[i]);
                w.Member("startMs", 10000L * i);
                w.Member("endMs", 10000L * i + 9876);
                w.EndObject();
            }
            w.EndArray();
            w.Name("faults");
            w.BeginArray();
            w.EndArray();
            w.Member("outcome", Outcome);
            w.EndObject();
        }
    }

    /// <summary>Measures what one swap costs in the outbox.</summary>
    public static class SwapBytes
    {
        /// <summary>Bytes journaled for one swap: started, ten steps, completed, two audit entries (frames included).</summary>
        public static long JournalBytesPerSwap()
        {
            var st = new TestStorage();
            var link = new FakeLink { IsConnected = false };
            var clock = new TestClock();
            var station = new FakeStation();
            var cl = new CloudLink(link, st, clock, station, new CloudLinkConfig { StationId = "CN-SH-0001-bay1" });
            cl.Start();
            var swap = new SampleSwap();
            cl.RecordAudit("cloud", "booking-svc", "swap.authorize vehicle=LSVAB4BR0NN123456 mid=bk-2026112108000012345", true, CloudReason.Accepted, null);
            cl.RecordEvent("swap.started", swap);
            for (int i = 1; i <= 10; i++) { swap.Steps = i; cl.RecordEvent("swap.step", swap); }
            swap.Outcome = "completed";
            cl.RecordEvent("swap.completed", swap);
            cl.RecordAudit("console", "tech", "status", true, CloudReason.Accepted, null);
            return cl.Outbox.UsedBytes;
        }
    }
}
