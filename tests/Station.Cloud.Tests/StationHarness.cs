using System;
using System.Threading;
using Station.Core.Cloud;
using Station.Hal.Host;
using Xunit.Sdk;

namespace Station.Cloud.Tests
{
    /// <summary>One station's cloud side on a real broker: a CloudLink over the host MQTT client, a fake station,
    /// simulated time advanced by <see cref="RunUntil"/>. Rebooting keeps the storage and builds everything else anew.</summary>
    public sealed class StationHarness : IDisposable
    {
        public readonly TestStorage Storage;
        public readonly TestClock Clock = new TestClock();
        public readonly FakeStation Station = new FakeStation();
        public readonly string Id;
        public MqttNetLink Client;
        public CloudLink Link;
        readonly int _port;
        readonly Action<MqttLinkOptions> _tweak;
        readonly Func<Station.Core.IFirmwareUpdate> _update;
        static int s_boots;

        public StationHarness(int port, string id, TestStorage storage = null, Action<MqttLinkOptions> tweak = null, Func<Station.Core.IFirmwareUpdate> update = null)
        {
            _update = update;
            _port = port;
            Id = id;
            _tweak = tweak;
            Storage = storage ?? new TestStorage();
            Boot();
        }

        void Boot()
        {
            var o = new MqttLinkOptions { Port = _port, ClientId = Id, CleanSession = false, KeepAliveSeconds = 5, ReconnectMinMs = 50, ReconnectMaxMs = 300, RandomSeed = 3 };
            _tweak?.Invoke(o);
            Client = new MqttNetLink(o);
            Link = new CloudLink(Client, Storage, Clock, Station, new CloudLinkConfig { StationId = Id, TelemetryPeriodMs = 1000, OfflineTelemetryPeriodMs = 60000, BootNonce = NextNonce() });
            Link.Update = _update?.Invoke();
            Link.Start();
            Client.Start();
        }

        /// <summary>A different nonce at every boot, as the device draws one from its random source.</summary>
        static uint NextNonce() => (uint)Interlocked.Increment(ref s_boots) * 2654435761u;

        /// <summary>Power cut: the connection dies without DISCONNECT; storage survives; a new link boots on it.</summary>
        public void Reboot(bool startAgain = true)
        {
            Client.Abort();
            if (startAgain) Boot();
        }

        /// <summary>Ticks the link every 10 simulated ms until <paramref name="done"/> holds.</summary>
        public void RunUntil(Func<bool> done, string what, int timeoutMs = 15000)
        {
            var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            while (true)
            {
                Clock.Advance(10);
                Link.Tick();
                if (done()) return;
                if (DateTime.UtcNow > deadline) throw new XunitException("timed out waiting for: " + what + " (client: " + Client.LastError + ")");
                Thread.Sleep(1);
            }
        }

        public void Dispose() => Client.Dispose();
    }
}
