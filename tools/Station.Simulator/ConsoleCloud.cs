using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using Station.Core;
using Station.Core.Cloud;
using Station.Core.Console;
using Station.Hal.Host;

namespace Station.Simulator
{
    /// <summary>The cloud link for <c>--console --broker</c>: like <see cref="SimulatorCloud"/>, and every console command
    /// goes into the audit trail (the console's Audit event). Follows the bay's controller and console across simulated
    /// power cuts (both are rebuilt at boot).</summary>
    public sealed class ConsoleCloud : IDisposable
    {
        readonly ConsoleBay _bay;
        readonly MqttNetLink _client;
        readonly CloudLink _link;
        readonly StationCloud _station;
        StationController _controller;
        StationConsole _console;

        /// <summary>Connects <paramref name="bay"/> to the broker at <paramref name="brokerUri"/> as <paramref name="stationId"/>.</summary>
        public ConsoleCloud(ConsoleBay bay, string brokerUri, string stationId, TextWriter output)
        {
            _bay = bay;
            var o = MqttLinkOptions.FromUri(brokerUri, stationId);
            o.CleanSession = false;
            _client = new MqttNetLink(o);
            _controller = bay.Controller;
            _station = new StationCloud(_controller, bay.Clock, bay.Values, bay.SettingsFile); // one configuration table with the console
            _link = new CloudLink(_client, bay.Storage, bay.Clock, _station, new CloudLinkConfig { StationId = stationId, BootNonce = (uint)Random.Shared.Next() });
            _station.Attach(_link);
            _link.Log = bay.Log;
            Follow();
            _link.Start();
            _client.Start();
            _client.WaitConnected(2000);
            output.WriteLine(_client.IsConnected ? $"cloud: connected to the broker as {stationId}" : $"cloud: broker not reachable yet ({_client.LastError}); records wait in the outbox");
        }

        /// <summary>The cloud link.</summary>
        public CloudLink Link => _link;

        /// <summary>One period of the link (call after the bay's tick); nothing while the board has no power.</summary>
        public void Tick()
        {
            if (_bay.PoweredOff) return;
            Follow();
            _link.Tick();
        }

        void Follow()
        {
            if (_bay.Controller != null && _bay.Controller != _controller)
            {
                _controller = _bay.Controller;
                _station.Bind(_controller, _bay.Values, _bay.SettingsFile);
            }
            if (_bay.Console != null && _bay.Console != _console)
            {
                _console = _bay.Console;
                _console.Audit += _station.AuditConsole;
                _console.SetCloudReport(_link.Describe);
            }
        }

        /// <summary>Lets the outbox drain (up to 5 s), publishes the death and disconnects cleanly; a bay that is
        /// powered off cannot say goodbye, so its connection is cut and the broker publishes the will.</summary>
        public void Dispose()
        {
            if (_bay.PoweredOff) { _client.Abort(); return; }
            var sw = Stopwatch.StartNew();
            while (_link.Outbox.Pending > 0 && sw.ElapsedMilliseconds < 5000) { _link.Tick(); Thread.Sleep(5); }
            _link.Stop();
        }
    }
}
