using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.CommandLine;
using System.Threading;
using Station.Hal.Host;
using Station.Tools;

namespace Station.FleetMonitor
{
    /// <summary>Entry point: <c>watch</c> (live table; type commands) or <c>authorize</c> (one command, waits for the reply).</summary>
    public static class Program
    {
        /// <summary>Process entry.</summary>
        public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Console.In);

        /// <summary>Runs with <paramref name="args"/> (testable in-process): System.CommandLine parses, exit 2 for bad usage.</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
        {
            var broker = new Option<string>("--broker") { Description = "mqtt://127.0.0.1:1883 or mqtts://user:pass@host:8883", HelpName = "URI", DefaultValueFactory = _ => "mqtt://127.0.0.1:1883", Recursive = true };
            broker.Validators.Add(r =>
            {
                try { MqttLinkOptions.FromUri(r.GetValueOrDefault<string>(), "x"); }
                catch (Exception e) when (e is ArgumentException || e is UriFormatException) { r.AddError("--broker needs a URI like mqtt://127.0.0.1:1883"); }
            });
            var user = new Option<string>("--user") { Description = "broker user name", HelpName = "U", Recursive = true };
            var password = new Option<string>("--password") { Description = "broker password (with --user)", HelpName = "P", Recursive = true };

            var seconds = new Option<double>("--seconds") { Description = "stop after N seconds (default: until quit or Ctrl+C)", HelpName = "N" };
            CommandLineRunner.Range(seconds, 0, 1e7, "--seconds must be above 0");
            var plain = new Option<bool>("--plain") { Description = "print the table every second and read whole lines (for logs and pipes; the default on a terminal is a live table)" };
            var watch = new Command("watch", "live table of every station (state, swaps today, last fault, link, bdSeq, record gaps/duplicates); type " + WatchSession.CommandHelp) { seconds, plain };

            var station = new Option<string>("--station") { Description = "station id", HelpName = "ID", Required = true };
            station.Validators.Add(r => { if (!IsStationId(r.GetValueOrDefault<string>())) r.AddError("--station needs 1..32 of A-Z a-z 0-9 - _"); });
            var vehicle = new Option<string>("--vehicle") { Description = "vehicle id the swap is for", HelpName = "V", Required = true };
            var pack = new Option<string>("--pack") { Description = "rack pack to use (default: the station chooses)", HelpName = "P" };
            var valid = new Option<double>("--valid-seconds") { Description = "how long the authorisation is valid", HelpName = "S", DefaultValueFactory = _ => 300 };
            CommandLineRunner.Range(valid, 0, 86400, "--valid-seconds must be above 0 and at most 86400 (the station refuses more than 24 h)");
            var positions = new Option<string>("--positions") { Description = "truck bay: the block positions to swap, like 1,3 (sent as \"positions\":[1,3])", HelpName = "P,P" };
            positions.Validators.Add(r => { if (Positions(r.GetValueOrDefault<string>()) == null) r.AddError("--positions needs 1 to 3 different block positions 1..3 separated by commas, like 1,3"); });
            var by = new Option<string>("--by") { Description = "who authorises (audit trail)", HelpName = "WHO", DefaultValueFactory = _ => "fleet-monitor" };
            var authorize = new Command("authorize", "send swap.authorize and print the station's reply (exit 0 accepted, 1 rejected, 3 no reply or broker not reachable). "
                + "The station must have a vehicle waiting: run the fleet with --cloud-authorize, or the simulator with --broker --cloud-authorize") { station, vehicle, pack, valid, by, positions };

            var root = new RootCommand("Station.FleetMonitor — watch a fleet and send commands.") { broker, user, password, watch, authorize };
            // Validators run on the command typed, so both subcommands check the recursive options.
            foreach (var c in new[] { watch, authorize })
                c.Validators.Add(r => { if (CommandLineRunner.Given(r, password) && !CommandLineRunner.Given(r, user)) r.AddError("--password needs --user"); });

            MqttLinkOptions Options(ParseResult p)
            {
                var o = MqttLinkOptions.FromUri(p.GetValue(broker), "monitor-" + Environment.ProcessId + "-" + Environment.TickCount64 % 100000);
                o.ResendAfterReconnect = true; // a general-purpose client: a command in flight at a drop is sent again
                o.CleanSession = true;
                if (p.GetValue(user) != null) { o.Username = p.GetValue(user); o.Password = p.GetValue(password); }
                return o;
            }
            watch.SetAction(p =>
            {
                using var client = new MqttNetLink(Options(p));
                client.Start();
                if (!client.WaitConnected(5000)) { stderr.WriteLine("Station.FleetMonitor: broker not reachable: " + client.LastError); return 3; }
                bool live = !p.GetValue(plain) && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !Console.IsInputRedirected;
                return new WatchSession(client).Run(p.GetValue(seconds), live, stdout, stdin);
            });
            authorize.SetAction(p => Authorize(Options(p), p.GetValue(station), p.GetValue(vehicle), p.GetValue(pack), Positions(p.GetValue(positions)), p.GetValue(valid), p.GetValue(by), stdout, stderr));
            return CommandLineRunner.Run("Station.FleetMonitor", root, args, stdout, stderr);
        }

        /// <summary>True for a station id as the contract allows (1..32 of A-Z a-z 0-9 - _).</summary>
        public static bool IsStationId(string s)
        {
            if (string.IsNullOrEmpty(s) || s.Length > 32) return false;
            foreach (char c in s)
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) return false;
            return true;
        }

        /// <summary>The block positions in "1,3", or null when it is not 1 to 3 different positions 1..3.</summary>
        public static int[] Positions(string text)
        {
            if (text == null) return Array.Empty<int>();
            var parts = text.Split(',');
            if (parts.Length > 3) return null;
            var list = new List<int>();
            foreach (var part in parts)
            {
                string t = part.Trim();
                if (t.Length != 1 || t[0] < '1' || t[0] > '3' || list.Contains(t[0] - '0')) return null;
                list.Add(t[0] - '0');
            }
            return list.ToArray();
        }

        /// <summary>A command in the contract's form (docs/cloud.md).</summary>
        public static string Command(string cmd, string vehicle, string pack, double validSeconds, string by) => Command(cmd, vehicle, pack, null, validSeconds, by);

        /// <summary>A command in the contract's form; <paramref name="positions"/> (a truck's block positions) makes it schema 2.</summary>
        public static string Command(string cmd, string vehicle, string pack, int[] positions, double validSeconds, string by)
        {
            bool booking = positions != null && positions.Length > 0;
            var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms))
            {
                w.WriteStartObject();
                w.WriteNumber("v", booking ? 2 : 1);
                w.WriteString("mid", "fm-" + Guid.NewGuid().ToString("N").Substring(0, 16));
                w.WriteString("cmd", cmd);
                w.WriteString("exp", DateTime.UtcNow.AddSeconds(validSeconds).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                if (vehicle != null) w.WriteString("vehicle", vehicle);
                if (pack != null) w.WriteString("pack", pack);
                if (booking)
                {
                    w.WriteStartArray("positions");
                    foreach (int p in positions) w.WriteNumberValue(p);
                    w.WriteEndArray();
                }
                w.WriteString("by", by);
                w.WriteEndObject();
            }
            return Encoding.UTF8.GetString(ms.ToArray());
        }

        static int Authorize(MqttLinkOptions o, string station, string vehicle, string pack, int[] positions, double valid, string by, TextWriter stdout, TextWriter stderr)
        {
            string json = Command("swap.authorize", vehicle, pack, positions, valid, by);
            string mid = JsonDocument.Parse(json).RootElement.GetProperty("mid").GetString();
            var replies = new BlockingCollection<JsonElement>();
            using var client = new MqttNetLink(o);
            client.MessageReceived += (t, p) =>
            {
                try { var j = JsonDocument.Parse(p).RootElement.Clone(); if (j.TryGetProperty("re", out var re) && re.ValueKind == JsonValueKind.String && re.GetString() == mid) replies.Add(j); }
                catch (JsonException) { }
            };
            client.Start();
            if (!client.WaitConnected(5000)) { stderr.WriteLine("Station.FleetMonitor: broker not reachable: " + client.LastError); return 3; }
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
