using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Spectre.Console;
using Spectre.Console.Rendering;
using Station.Hal.Host;

namespace Station.FleetMonitor
{
    /// <summary><c>watch</c>: the fleet table plus the operator's commands. On a terminal it is a Spectre.Console live
    /// view that reads keys itself and draws the line being typed and the replies below the table, so a redraw never
    /// wipes them; with --plain or redirected input it prints the table every second and reads whole lines.</summary>
    public sealed class WatchSession
    {
        /// <summary>The commands an operator can type, as the prompt shows them.</summary>
        public const string CommandHelp = "authorize STATION VEHICLE [PACK] | cancel STATION | status STATION | quit";

        readonly MqttNetLink _client;
        readonly FleetTable _table = new FleetTable();
        readonly List<string> _log = new List<string>();
        readonly object _gate = new object();

        /// <summary>A session over a started link (subscribed by <see cref="Run"/>).</summary>
        public WatchSession(MqttNetLink client)
        {
            _client = client;
            client.MessageReceived += (t, p) => _table.Take(t, p, DateTime.UtcNow);
        }

        /// <summary>Runs until <paramref name="seconds"/> pass (0 = until quit), live on a terminal or plain.</summary>
        public int Run(double seconds, bool live, TextWriter stdout, TextReader stdin)
        {
            _client.Subscribe("stations/#", 1);
            using var done = new CancellationTokenSource();
            if (seconds > 0) done.CancelAfter(TimeSpan.FromSeconds(seconds));
            ConsoleCancelEventHandler ctrlC = (_, e) => { e.Cancel = true; done.Cancel(); };
            Console.CancelKeyPress += ctrlC;
            try
            {
                if (live) RunLive(done);
                else RunPlain(done, TextWriter.Synchronized(stdout), stdin);
            }
            finally { Console.CancelKeyPress -= ctrlC; }
            if (!live) stdout.WriteLine(_table.Render(int.MaxValue));
            return 0;
        }

        /// <summary>Carries out one typed line; returns what to show, or null for quit.</summary>
        public string Execute(string line)
        {
            var w = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (w.Length == 0) return "";
            if (w[0] == "quit" || w[0] == "exit") return null;
            string json = w[0] switch
            {
                "authorize" when w.Length >= 3 => Program.Command("swap.authorize", w[2], w.Length > 3 ? w[3] : null, 300, "fleet-monitor"),
                "cancel" when w.Length >= 2 => Program.Command("swap.cancel", null, null, 60, "fleet-monitor"),
                "status" when w.Length >= 2 => Program.Command("station.status", null, null, 60, "fleet-monitor"),
                _ => null,
            };
            if (json == null) return "commands: " + CommandHelp;
            if (!Program.IsStationId(w[1])) return "not a station id: " + FleetTable.Clean(w[1], 40);
            var b = Encoding.UTF8.GetBytes(json);
            if (_client.Publish("stations/" + w[1] + "/cmd", b, 0, b.Length, 1, false) < 0) return "not sent: the broker is not connected";
            return $"sent {w[0]} to {w[1]}; the reply shows under the table";
        }

        void RunPlain(CancellationTokenSource done, TextWriter stdout, TextReader stdin)
        {
            var input = new Thread(() =>
            {
                string line;
                while (!done.IsCancellationRequested && (line = stdin.ReadLine()) != null)
                {
                    string said = Execute(line);
                    if (said == null) { done.Cancel(); break; }
                    if (said.Length > 0) stdout.WriteLine(said);
                }
            }) { IsBackground = true };
            input.Start();
            while (!done.IsCancellationRequested)
            {
                stdout.WriteLine($"{DateTime.UtcNow:HH:mm:ss} UTC  broker {(_client.IsConnected ? "connected" : "DISCONNECTED")}");
                stdout.WriteLine(_table.Render());
                done.Token.WaitHandle.WaitOne(1000);
            }
        }

        void RunLive(CancellationTokenSource done)
        {
            var typed = new StringBuilder();
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, Out = new AnsiConsoleOutput(Console.Out) });
            console.Live(View(typed)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Start(ctx =>
            {
                long lastDraw = 0;
                while (!done.IsCancellationRequested)
                {
                    bool changed = false;
                    while (Console.KeyAvailable)
                    {
                        var key = Console.ReadKey(intercept: true); // not echoed: the view draws the line itself
                        changed = true;
                        if (key.Key == ConsoleKey.Enter)
                        {
                            string said = Execute(typed.ToString());
                            if (said == null) { done.Cancel(); break; }
                            lock (_gate) { if (typed.Length > 0) _log.Add("> " + typed); if (said.Length > 0) _log.Add(said); }
                            typed.Clear();
                        }
                        else if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
                        else if (key.Key == ConsoleKey.Escape) typed.Clear();
                        else if (!char.IsControl(key.KeyChar) && typed.Length < 200) typed.Append(key.KeyChar);
                    }
                    if (changed || Environment.TickCount64 - lastDraw >= 1000)
                    {
                        ctx.UpdateTarget(View(typed));
                        lastDraw = Environment.TickCount64;
                    }
                    done.Token.WaitHandle.WaitOne(40);
                }
            });
        }

        IRenderable View(StringBuilder typed)
        {
            var rows = _table.Rows;
            var table = new Table().Border(TableBorder.Simple);
            foreach (var h in new[] { "station", "state", "swaps", "last fault", "link", "bdSeq", "gaps", "dups" }) table.AddColumn(h);
            foreach (var r in rows.Take(Math.Max(5, Console.WindowHeight - 16)))
                table.AddRow(new Text(FleetTable.Clean(r.Station, 32)), new Text(FleetTable.Clean(r.State, 16)), new Text(r.SwapsToday.ToString()),
                    new Text(FleetTable.Clean(r.LastFault, 30)), new Text(r.Online ? "online" : "OFFLINE", r.Online ? Color.Green : Color.Red),
                    new Text(r.BdSeq.ToString()), new Text(r.RecordGaps.ToString()), new Text(r.Duplicates.ToString()));
            var parts = new List<IRenderable>
            {
                new Text($"{DateTime.UtcNow:HH:mm:ss} UTC  broker {(_client.IsConnected ? "connected" : "DISCONNECTED")}  ·  {rows.Length} stations, {rows.Count(r => r.Online)} online, {rows.Sum(r => r.SwapsToday)} swaps today, {rows.Sum(r => r.RecordGaps)} record gaps"),
                table,
            };
            var replies = rows.Where(r => r.LastReply != null).OrderByDescending(r => r.LastReplyUtc).Take(5).ToArray();
            if (replies.Length > 0)
            {
                parts.Add(new Text("last replies:"));
                foreach (var r in replies) parts.Add(new Text($"  {r.LastReplyUtc:HH:mm:ss} {FleetTable.Clean(r.Station, 32)}: {FleetTable.Clean(r.LastReply, 100)}"));
            }
            lock (_gate) foreach (string l in _log.Skip(Math.Max(0, _log.Count - 4))) parts.Add(new Text(FleetTable.Clean(l, 200), Color.Grey));
            parts.Add(new Text("type: " + CommandHelp, Color.Grey));
            parts.Add(new Text("> " + typed + "█"));
            return new Rows(parts);
        }
    }
}
