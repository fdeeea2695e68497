using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Station.Core;
using Station.Hal.Host;

namespace Station.Fleet
{
    /// <summary>Runs a fleet: every station stepped in lock-step on a schedule paced to wall time × speed, split over
    /// the cores; an optional consumer measures messages/s and event latency from journal append to arrival.</summary>
    public static class FleetRun
    {
        /// <summary>Runs until <paramref name="stop"/>; progress every 5 s to <paramref name="progress"/> (may be null).</summary>
        public static FleetReport Execute(FleetSettings s, TextWriter progress, CancellationToken stop)
        {
            var epoch = DateTime.UtcNow;
            var stations = new List<SimStation>();
            var journaledAt = new ConcurrentDictionary<(string, uint), long>();
            var latencies = new List<double>();
            long messages = 0;
            MqttNetLink consumer = null;
            if (s.Measure)
            {
                var co = MqttLinkOptions.FromUri(s.Broker, "fleet-measure-" + Environment.ProcessId);
                co.CleanSession = true;
                consumer = new MqttNetLink(co);
                consumer.MessageReceived += (topic, payload) =>
                {
                    long now = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref messages);
                    if (!topic.EndsWith("/events")) return;
                    string id = topic.Substring(9, topic.Length - 9 - 7);
                    using var doc = JsonDocument.Parse(payload);
                    uint seq = doc.RootElement.GetProperty("seq").GetUInt32();
                    if (journaledAt.TryRemove((id, seq), out long t0))
                        lock (latencies) latencies.Add((now - t0) * 1000.0 / Stopwatch.Frequency);
                };
                consumer.Start();
                consumer.WaitConnected(5000);
                consumer.Subscribe(s.Prefix.Length > 0 ? "stations/#" : "stations/#", 0);
            }

            // The rollout's client subscribes before any station starts, so it sees every record they send.
            RolloutDriver rollout = s.Rollout == null ? null
                : new RolloutDriver(s.Broker, Enumerable.Range(1, s.Stations).Select(i => $"{s.Prefix}-{i:0000}").ToList(), s.Rollout);
            for (int i = 0; i < s.Stations; i++)
            {
                string id = $"{s.Prefix}-{i + 1:0000}";
                var o = MqttLinkOptions.FromUri(s.Broker, id);
                o.CleanSession = false;
                o.KeepAliveSeconds = 30;
                o.RandomSeed = i + 1;
                // Stagger first arrivals over one arrival interval so the fleet does not swap in lock-step.
                int first = s.SwapsPerHour > 0 ? (int)(3600000.0 / s.SwapsPerHour * i / s.Stations) + 5000 : 0;
                var st = new SimStation(id, o, epoch, s.SwapsPerHour, !s.CloudAuthorize, first, s.TelemetryMs, s.IsTruck(i));
                // Real UTC like a station with NTP: the cloud's exp times are real, whatever --speed does to simulated time.
                st.Clock.FollowsWallUtc = true;
                if (s.Measure) st.EventJournaled = (station, seq) => journaledAt[(station.Id, seq)] = Stopwatch.GetTimestamp();
                if (rollout != null) st.EnableUpdates(rollout.PublicKey, (long)(s.Rollout.ProbationSeconds * 1000), (long)(s.Rollout.CloudDeadlineSeconds * 1000));
                stations.Add(st);
                st.Start();
            }

            var wall = Stopwatch.StartNew();
            long simMs = 0, busyTicks = 0, lastReport = 0;
            double maxLag = 0;
            int workers = Math.Max(1, Math.Min(Environment.ProcessorCount, stations.Count));
            var busy = new Stopwatch();
            while (!stop.IsCancellationRequested && !(rollout?.Finished ?? false))
            {
                rollout?.Tick();
                double due = wall.Elapsed.TotalMilliseconds * s.Speed;
                if (simMs + s.TickMs > due)
                {
                    Thread.Sleep(1);
                    continue;
                }
                double lag = (due - simMs) / s.Speed;
                if (wall.ElapsedMilliseconds > 5000 && lag > maxLag) maxLag = lag; // after the connect storm
                busy.Restart();
                // Run up to 100 ms of simulated time per batch, stations split over the cores.
                int ticks = (int)Math.Min(10, Math.Max(1, (due - simMs) / s.TickMs));
                Parallel.For(0, workers, w =>
                {
                    for (int k = w; k < stations.Count; k += workers)
                        for (int t = 0; t < ticks; t++) stations[k].Step(s.TickMs);
                });
                simMs += ticks * s.TickMs;
                busyTicks += busy.ElapsedTicks;
                if (progress != null && wall.ElapsedMilliseconds - lastReport >= 5000)
                {
                    lastReport = wall.ElapsedMilliseconds;
                    string update = "";
                    if (rollout != null)
                    {
                        var c = rollout.Counts();
                        update = $" wave={c.Waves} updated={c.Updated} rolled_back={c.RolledBack} failed={c.Failed}";
                    }
                    progress.WriteLine($"t={wall.Elapsed.TotalSeconds:0}s sim={simMs / 1000.0:0}s online={stations.Count(x => x.Link.Online)}/{stations.Count} swaps={stations.Sum(x => x.SwapsDone)} pending={stations.Sum(x => x.Link.Outbox.Pending)} lag={lag:0}ms msgs={Interlocked.Read(ref messages)}{update}");
                }
            }

            // Let the outboxes drain (up to 10 s) before measuring the end state.
            var drain = Stopwatch.StartNew();
            while (drain.ElapsedMilliseconds < 10000 && stations.Any(x => x.Link.Outbox.Pending > 0 && x.Client.IsConnected))
            {
                foreach (var st in stations) st.Link.Tick();
                Thread.Sleep(5);
            }
            Thread.Sleep(300);
            if (rollout != null)
            {
                // The consumer may still be reading what the broker acknowledged: wait (up to 10 s) until nothing is missing.
                var settle = Stopwatch.StartNew();
                while (settle.ElapsedMilliseconds < 10000 && RolloutReport.Of(stations, rollout, 0).RecordsLost > 0) Thread.Sleep(200);
            }
            var r = new FleetReport
            {
                Stations = stations.Count,
                Online = stations.Count(x => x.Link.Online),
                Connected = stations.Count(x => x.Client.IsConnected),
                Faulted = stations.Count(x => x.Controller.LatchedFault != FaultCode.None),
                SwapsDone = stations.Sum(x => x.SwapsDone),
                TruckStations = stations.Count(x => x.FleetBay.Kind == "truck"),
                TruckSwapsDone = stations.Where(x => x.FleetBay.Kind == "truck").Sum(x => x.SwapsDone),
                Pending = stations.Sum(x => x.Link.Outbox.Pending),
                WallSeconds = wall.Elapsed.TotalSeconds,
                SimulatedSeconds = simMs / 1000.0,
                MaxLagMs = maxLag,
                StepCpuPercent = busyTicks * 100.0 / Stopwatch.Frequency / wall.Elapsed.TotalSeconds,
                MessagesReceived = Interlocked.Read(ref messages),
                OfflineAtEnd = stations.Where(x => !x.Link.Online).Take(10).Select(x => $"{x.Id} ({x.Client.LastError ?? "no error recorded"})").ToArray(),
            };
            r.MessagesPerSecond = r.MessagesReceived / Math.Max(0.001, wall.Elapsed.TotalSeconds);
            lock (latencies)
            {
                if (latencies.Count > 0)
                {
                    latencies.Sort();
                    r.EventsMeasured = latencies.Count;
                    r.LatencyMedianMs = latencies[latencies.Count / 2];
                    r.LatencyP99Ms = latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))];
                    r.LatencyMaxMs = latencies[^1];
                }
            }
            if (rollout != null)
            {
                r.Rollout = RolloutReport.Of(stations, rollout, wall.Elapsed.TotalSeconds);
                foreach (var why in rollout.Failures()) progress?.WriteLine("rollout failed at " + why);
                rollout.Dispose();
            }
            foreach (var st in stations) st.Dispose();
            consumer?.Dispose();
            return r;
        }
    }
}
