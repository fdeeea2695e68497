using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Station.Core;
using Station.Core.Cloud;
using Station.Hal.Host;

namespace Station.Simulator
{
    /// <summary>The simulator's cloud link (--broker): the host MQTT client, <see cref="StationCloud"/> over the run's
    /// controller (re-bound after each simulated power loss) and a <see cref="CloudLink"/> on the run's storage and clock.</summary>
    public sealed class SimulatorCloud : IDisposable
    {
        readonly BayRun _run;
        readonly TextWriter _out;
        readonly MqttNetLink _client;
        CloudLink _link;
        StationCloud _station;

        /// <summary>Wires the cloud link into <paramref name="run"/>; it connects when the controller first starts.</summary>
        public SimulatorCloud(BayRun run, string brokerUri, string stationId, TextWriter output)
        {
            _run = run;
            _out = output;
            var o = MqttLinkOptions.FromUri(brokerUri, stationId);
            o.CleanSession = false;
            _client = new MqttNetLink(o);
            run.ControllerStarted = OnControllerStarted;
            run.AfterTick = () => _link?.Tick();
            // A scenario's cloud_link_drop: the network goes away (no DISCONNECT) until cloud_link_restore.
            run.CloudLink = up => { if (up) _client.Start(); else _client.Abort(); };
        }

        /// <summary>The cloud link (after the first controller start).</summary>
        public CloudLink Link => _link;

        void OnControllerStarted(StationController controller)
        {
            if (_link == null)
            {
                _station = new StationCloud(controller, _run.Clock);
                _link = new CloudLink(_client, _run.Storage, _run.Clock, _station, new CloudLinkConfig { StationId = _run.Config.StationId, BootNonce = (uint)Random.Shared.Next() });
                _station.Attach(_link);
                _link.Start();
                _client.Start();
                // Give the first connect a moment, so a short fast run still shows its birth.
                _client.WaitConnected(2000);
                _out.WriteLine(_client.IsConnected ? $"cloud: connected to the broker as {_run.Config.StationId}" : $"cloud: broker not reachable yet ({_client.LastError}); records wait in the outbox");
            }
            else _station.Bind(controller);
        }

        /// <summary>After the run: lets the outbox drain (up to 10 s of wall time) and reports what is left.</summary>
        public void Drain()
        {
            if (_link == null) return;
            var sw = Stopwatch.StartNew();
            while (_link.Outbox.Pending > 0 && sw.ElapsedMilliseconds < 10000)
            {
                _link.Tick();
                Thread.Sleep(5);
            }
            _out.WriteLine($"cloud: {(_link.Outbox.Pending == 0 ? "every record delivered" : _link.Outbox.Pending + " records still in the outbox")}, bdSeq {_link.BdSeq}");
        }

        /// <summary>Clean stop: the station publishes its death (retained state online:false) and disconnects.</summary>
        public void Dispose()
        {
            if (_link != null) _link.Stop();
            else _client.Disconnect();
        }
    }
}
