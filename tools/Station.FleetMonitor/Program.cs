using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using Station.Hal.Host;

namespace Station.FleetMonitor
{
    /// <summary>Entry point: <c>watch</c> (live table; type commands on stdin) or <c>authorize</c> (one command, waits for the reply).</summary>
    public static class Program
    {
        /// <summary>Usage text.</summary>
        public const string Usage =
@"Station.FleetMonitor — watch a fleet and send commands.

  watch [--broker URI] [--seconds N] [--plain] [--user U --password P]
        live table of every station (state, swaps today, last fault, link, bdSeq, record gaps/duplicates);
        while it runs, type:  authorize STATION VEHICLE [PACK] | cancel STATION | status STATION | quit
  authorize --station ID --vehicle V [--pack P] [--broker URI] [--valid-seconds S] [--by WHO]
        sends swap.authorize and prints the station's reply (exit 0 accepted, 1 rejected, 3 no reply)

  URI: mqtt://127.0.0.1:1883 (default) or mqtts://user:pass@host:8883";

        /// <summary>Process entry.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Console.In);

        /// <summary>Runs with <paramref name="args"/> (testable in-process).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h") { stdout.WriteLine(Usage); return args.Length == 0 ? 2 : 0; }
            string broker = "mqtt://127.0.0.1:1883", station = null, vehicle = null, pack = null, by = "fleet-monitor", user = null, password = null;
            double seconds = 0, valid = 300;
            bool plain = false;
            try
            {
                for (int i = 1; i < args.Length; i++)
                {
                    string a = args[i];
                    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(a + " needs a value");
                    switch (a)
                    {
                        case "--broker": broker = Next(); break;
                        case "--station": station = Next(); break;
                        case "--vehicle": vehicle = Next(); break;
                        case "--pack": pack = Next(); break;
                        case "--by": by = Next(); break;
                        case "--user": user = Next(); break;
                        case "--password": password = Next(); break;
                        case "--seconds": seconds = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--valid-seconds": valid = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                        case "--plain": plain = true; break;
                        default: throw new ArgumentException("unknown option " + a);
                    }
                }
                MqttLinkOptions.FromUri(broker, "x");
            }
            catch (Exception e) when (e is ArgumentException || e is FormatException || e is UriFormatException)
            {
                stderr.WriteLine("Station.FleetMonitor: " + e.Message);
                return 2;
            }
            var o = MqttLinkOptions.FromUri(broker, "monitor-" + Environment.ProcessId + "-" + Environment.TickCount64 % 100000);
            o.ResendAfterReconnect = true; // a general-purpose client: a command in flight at a drop is sent again
            o.CleanSession = true;
            if (user != null) { o.Username = user; o.Password = password; }
            switch (args[0])
            {
                case "watch": return Watch(o, seconds, plain, stdout, stdin);
                case "authorize":
                    if (station == null || vehicle == null) { stderr.WriteLine("authorize needs --station and --vehicle"); return 2; }
                    return Authorize(o, station, vehicle, pack, valid, by, stdout, stderr);
                default: stderr.WriteLine("unknown command " + args[0]); return 2;
            }
        }

        static int Watch(MqttLinkOptions o, double seconds, bool plain, TextWriter stdout, TextReader stdin)
        {
            stdout = TextWriter.Synchronized(stdout); // the input thread writes too
            var table = new FleetTable();
            using var client = new MqttNetLink(o);
            client.MessageReceived += (t, p) => table.Take(t, p, DateTime.UtcNow);
            client.Start();
            if (!client.WaitConnected(5000)) { stdout.WriteLine("cannot reach the broker: " + client.LastError); return 3; }
            client.Subscribe("stations/#", 1);
            using var done = new CancellationTokenSource();
            if (seconds > 0) done.CancelAfter(TimeSpan.FromSeconds(seconds));
            var input = new Thread(() =>
            {
                string line;
                while (!done.IsCancellationRequested && (line = stdin.ReadLine()) != null)
                {
                    var w = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (w.Length == 0) continue;
                    if (w[0] == "quit") { done.Cancel(); break; }
                    string json = w[0] switch
                    {
                        "authorize" when w.Length >= 3 => Command("swap.authorize", w[2], w.Length > 3 ? w[3] : null, 300, "fleet-monitor"),
                        "cancel" when w.Length >= 2 => Command("swap.cancel", null, null, 60, "fleet-monitor"),
                        "status" when w.Length >= 2 => Command("station.status", null, null, 60, "fleet-monitor"),
                        _ => null,
                    };
                    if (json == null) { stdout.WriteLine("commands: authorize STATION VEHICLE [PACK] | cancel STATION | status STATION | quit"); continue; }
                    var b = Encoding.UTF8.GetBytes(json);
                    client.Publish("stations/" + w[1] + "/cmd", b, 0, b.Length, 1, false);
                    stdout.WriteLine($"sent {w[0]} to {w[1]}; the reply shows under the table");
                }
            }) { IsBackground = true };
            input.Start();
            while (!done.IsCancellationRequested)
            {
                if (!plain) stdout.Write("\x1b[H\x1b[2J");
                stdout.WriteLine($"{DateTime.UtcNow:HH:mm:ss} UTC  broker {(client.IsConnected ? "connected" : "DISCONNECTED")}");
                stdout.WriteLine(table.Render());
                done.Token.WaitHandle.WaitOne(1000);
            }
            stdout.WriteLine(table.Render(int.MaxValue));
            return 0;
        }

        /// <summary>A command in the contract's form (docs/cloud.md).</summary>
        public static string Command(string cmd, string vehicle, string pack, double validSeconds, string by)
        {
            var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms))
            {
                w.WriteStartObject();
                w.WriteNumber("v", 1);
                w.WriteString("mid", "fm-" + Guid.NewGuid().ToString("N").Substring(0, 16));
                w.WriteString("cmd", cmd);
                w.WriteString("exp", DateTime.UtcNow.AddSeconds(validSeconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                if (vehicle != null) w.WriteString("vehicle", vehicle);
                if (pack != null) w.WriteString("pack", pack);
                w.WriteString("by", by);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(ms.ToArray());
        }

        static int Authorize(MqttLinkOptions o, string station, string vehicle, string pack, double valid, string by, TextWriter stdout, TextWriter stderr)
        {
            string json = Command("swap.authorize", vehicle, pack, valid, by);
            string mid = JsonDocument.Parse(json).RootElement.GetProperty("mid").GetString();
            var replies = new BlockingCollection<JsonElement>();
            using var client = new MqttNetLink(o);
            client.MessageReceived += (t, p) =>
            {
                try { var j = JsonDocument.Parse(p).RootElement.Clone(); if (j.TryGetProperty("re", out var re) && re.ValueKind == JsonValueKind.String && re.GetString() == mid) replies.Add(j); }
                catch (JsonException) { }
            };
            client.Start();
            if (!client.WaitConnected(5000)) { stderr.WriteLine("cannot reach the broker: " + client.LastError); return 3; }
            client.Subscribe($"stations/{station}/reply", 1);
            Thread.Sleep(100); // let the SUBACK arrive before the command can be answered
            var b = Encoding.UTF8.GetBytes(json);
            client.Publish($"stations/{station}/cmd", b, 0, b.Length, 1, false);
            stdout.WriteLine("sent: " + json);
            if (!replies.TryTake(out var reply, 10000)) { stderr.WriteLine("no reply from " + station + " within 10 s (offline? the broker queues the command until it expires)"); client.Disconnect(); return 3; }
            stdout.WriteLine("reply: " + reply.GetRawText());
            client.Disconnect();
            return reply.GetProperty("ok").GetBoolean() ? 0 : 1;
        }
    }
}
