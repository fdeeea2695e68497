using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Station.Core.Config;
using Station.Core.Console;
using Station.Hal;
using Xunit;

namespace Station.Console.Tests
{
    /// <summary>A terminal on the other end of the serial line: bytes typed in, bytes received out.</summary>
    public sealed class FakeLine : ISerialLine
    {
        private readonly Queue<byte> _input = new Queue<byte>();
        private readonly List<byte> _output = new List<byte>();

        public int MaxReadPerCall = int.MaxValue;

        public void Type(string text) => TypeBytes(Encoding.Latin1.GetBytes(text));

        public void TypeBytes(byte[] bytes)
        {
            foreach (byte b in bytes) _input.Enqueue(b);
        }

        public int Pending => _input.Count;

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && n < MaxReadPerCall && _input.Count > 0) buffer[offset + n++] = _input.Dequeue();
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) _output.Add(buffer[offset + i]);
        }

        public int OutputBytes => _output.Count;

        public string TakeOutput()
        {
            string s = Encoding.Latin1.GetString(_output.ToArray());
            _output.Clear();
            return s;
        }
    }

    public sealed class FakeClock : IClock
    {
        public long NowMs { get; set; } = 1000;
        public DateTime UtcNow => new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(NowMs);
    }

    /// <summary>Storage in memory. TearNextReplace simulates an adapter whose replace is not atomic and a power cut.</summary>
    public sealed class FakeStorage : IStorage
    {
        public readonly Dictionary<string, byte[]> Files = new Dictionary<string, byte[]>();
        public int TearNextReplaceAt = -1;
        public bool FailNextReplace;

        public int Length(string name) => Files.TryGetValue(name, out var f) ? f.Length : -1;

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            if (!Files.TryGetValue(name, out var f)) return 0;
            int n = Math.Max(0, Math.Min(count, f.Length - position));
            Array.Copy(f, position, buffer, offset, n);
            return n;
        }

        public bool Append(string name, byte[] buffer, int offset, int count)
        {
            Files.TryGetValue(name, out var f);
            f ??= new byte[0];
            var g = new byte[f.Length + count];
            Array.Copy(f, g, f.Length);
            Array.Copy(buffer, offset, g, f.Length, count);
            Files[name] = g;
            return true;
        }

        public bool Replace(string name, byte[] buffer, int offset, int count)
        {
            if (FailNextReplace)
            {
                FailNextReplace = false;
                return false;
            }

            if (TearNextReplaceAt >= 0)
            {
                int keep = Math.Min(TearNextReplaceAt, count);
                TearNextReplaceAt = -1;
                Files[name] = buffer.AsSpan(offset, keep).ToArray();
                throw new PowerCut();
            }

            Files[name] = buffer.AsSpan(offset, count).ToArray();
            return true;
        }

        public void Delete(string name) => Files.Remove(name);
    }

    public sealed class PowerCut : Exception
    {
    }

    /// <summary>A station that answers the console from settable fields and records every request.</summary>
    public sealed class FakeStation : IConsoleStation
    {
        public string StateName { get; set; } = "idle";
        public int FaultCode { get; set; }
        public bool SwapRunning { get; set; }
        public bool BayClear { get; set; } = true;
        public bool LiftHomed { get; set; } = true;
        public int LiftPositionMm { get; set; } = 500;
        public bool Busy { get; set; }
        public bool Held;
        public bool AcceptRequests = true;
        public int EmergencyStops;
        public int StopMotions;
        public readonly List<string> Requests = new List<string>();
        public string Progress;

        /// <summary>Requests that would move something.</summary>
        public int MotionRequests => Requests.FindAll(r => r.StartsWith("move") || r.StartsWith("home") || r.StartsWith("selftest") || r.StartsWith("authorize")).Count;

        public void Update() { }
        public string DescribeFault(int code) => code + " TestFault: a test fault";
        public string Status() => "state: " + StateName + "\nlift: " + LiftPositionMm + " mm";
        public string WhyNotSwapping() => FaultCode != 0 ? "fault " + FaultCode + " is latched" : "nothing: ready";
        public string FaultReport() => FaultCode == 0 ? "no fault latched" : "latched: " + DescribeFault(FaultCode);
        public string BmsReport() => "bms: pack P1 soc 91 %";
        public string RackReport() => "slot 1: P1";
        public string SwapHistory() => "swap 1 vehicle V1: completed";

        private ConsoleOutcome Answer(string request, string message)
        {
            Requests.Add(request);
            return AcceptRequests ? ConsoleOutcome.Done(message) : ConsoleOutcome.Refused("test refusal");
        }

        public ConsoleOutcome SetMaintenance(bool on)
        {
            Held = on;
            return ConsoleOutcome.Done("");
        }

        public ConsoleOutcome StartLiftMove(int targetMm, int speedMmS)
        {
            var o = Answer("move " + targetMm + " " + speedMmS, "");
            if (o.Accepted) Busy = true;
            return o;
        }

        /// <summary>The devices the fake bay has (a car bay's unless a test says otherwise).</summary>
        public List<string> Devices = new List<string> { "lift", "locks" };
        public bool Has(string device) => Devices.Contains(device);
        public string Mover { get; set; } = "lift";

        public string[] PlaceWords { get; set; } = { "staging", "lift", "vehicle", "return" };

        public ConsoleOutcome StartAxisJog(string axis, int mm, int speedMmS)
        {
            var o = Answer("move " + axis + " " + mm + " " + speedMmS, "jogging " + axis + " " + mm + " mm");
            if (o.Accepted) Busy = true;
            return o;
        }

        public ConsoleOutcome StartHoming()
        {
            var o = Answer("home", "");
            if (o.Accepted) Busy = true;
            return o;
        }

        public ConsoleOutcome StartSelfTest(int liftSpeedMmS)
        {
            var o = Answer("selftest", "");
            if (o.Accepted) Busy = true;
            return o;
        }

        public string TakeProgress()
        {
            string p = Progress;
            Progress = null;
            return p;
        }

        public void StopMotion()
        {
            StopMotions++;
            Busy = false;
        }

        public void EmergencyStop()
        {
            EmergencyStops++;
            Busy = false;
        }

        public ConsoleOutcome ResetFault(int code)
        {
            var o = Answer("reset " + code, "fault " + code + " reset; home next");
            if (o.Accepted) FaultCode = 0;
            return o;
        }

        public ConsoleOutcome ConfirmRecovery() => Answer("recover", "recovery confirmed");
        public ConsoleOutcome AuthorizeSwap(Station.Core.SwapAuthorization a) => Held ? ConsoleOutcome.Refused("held")
            : Answer("authorize " + a.VehicleId + " " + a.PackSerial
                + (a.BlockPositions != 0 ? " positions " + a.BlockPositions : "")
                + (a.AcceptedStandards != 0 ? " accepts " + Station.Core.PackStandards.MaskText(a.AcceptedStandards) : "")
                + (a.PositionStandards != null ? " own " + string.Join("/", a.PositionStandards.Select(Station.Core.PackStandards.MaskText)) : ""),
                "swap authorized");
        public ConsoleOutcome CancelSwap() => Answer("cancel", "swap cancelled");
        public int RackSlotCount { get; set; } = 6;
        public ConsoleOutcome SetRackSlot(int slot, string serial, int socPct, Station.Core.PackState state) =>
            Answer("rack " + slot + " " + (serial ?? "none") + " " + socPct + " " + state, "slot set");
        public ConsoleOutcome SetPackPlace(Station.Core.PackPlace place, string serial, int socPct) =>
            Answer("place " + place + " " + (serial ?? "none") + " " + socPct, "place set");
        public ConsoleOutcome StartRelock()
        {
            var o = Answer("relock", "");
            if (o.Accepted) Busy = true;
            return o;
        }

        public ConsoleOutcome StartStaging()
        {
            var o = Answer("stage", "");
            if (o.Accepted) Busy = true;
            return o;
        }
        public ConsoleOutcome ApplyConfig(ConfigValues values)
        {
            Requests.Add("apply");
            return ConsoleOutcome.Done("");
        }
    }

    /// <summary>Console, fakes and a log wired together; Send types text and runs one poll.</summary>
    public sealed class Rig
    {
        public readonly FakeLine Line = new FakeLine();
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeStorage Storage = new FakeStorage();
        public readonly FakeStation Station = new FakeStation();
        public readonly ConfigValues Config = new ConfigValues();
        public readonly ConfigFile File;
        public readonly LogRing Log;
        public readonly StationConsole Console;
        public readonly List<string> Audit = new List<string>();

        public Rig()
        {
            File = new ConfigFile(Storage);
            Log = new LogRing(32, Clock, null);
            Console = new StationConsole(Line, Station, Config, File, Clock, Log);
            Console.Audit += (at, command, accepted, result) => Audit.Add(command + (accepted ? " ok" : " refused"));
            Console.Start();
            Line.TakeOutput();
        }

        /// <summary>Types text and polls until the input is consumed; returns what the terminal received.</summary>
        public string Send(string text)
        {
            Line.Type(text);
            return Poll();
        }

        public string Poll()
        {
            do
            {
                Console.Poll();
            }
            while (Line.Pending > 0);

            return Line.TakeOutput();
        }

        /// <summary>Runs one command line and returns the reply.</summary>
        public string Run(string line) => Send(line + "\r");

        public void EnterMaintenance()
        {
            string reply = Run("maint enter 1234");
            Assert.Contains("maintenance on", reply);
        }
    }
}
