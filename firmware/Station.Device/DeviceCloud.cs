using System;
using System.Threading;
using Station.Core;
using Station.Core.Cloud;
using Station.Core.Config;
using Station.Hal;
using Station.Hal.Nano.Mqtt;

namespace Station.Device
{
    /// <summary>The device's cloud link: the portable <see cref="CloudLink"/> and <see cref="StationCloud"/> on the
    /// controller, over the M2Mqtt adapter, with the settings <see cref="CloudProvisioning"/> checked at boot.</summary>
    /// <remarks>
    /// Threads. Network bring-up (DHCP, Wi-Fi join, SNTP) can take minutes or never finish, and M2Mqtt's connect blocks
    /// on sockets and the TLS handshake: both run on this class's own thread and on the adapter's reconnect thread,
    /// never on the control thread. <see cref="CloudLink.Tick"/> does run on the control thread (ControlLoop), right
    /// after the controller's tick, because everything it touches — the outbox, its JSON buffer, the controller — is
    /// also fed from that thread (swap and fault events, console audit): one thread, no locks in the core. It does not
    /// block: while the network or broker is down it only appends to the outbox in flash (as the audit journal does),
    /// and while up the adapter's Publish only queues the message for M2Mqtt's sending thread. So the station keeps
    /// swapping with the network or the broker down; records wait in the outbox.
    /// </remarks>
    internal sealed class DeviceCloud
    {
        /// <summary>How long one wait for the network lasts before the log says it is still not up.</summary>
        const int NetworkWaitMs = 60000;

        readonly CloudProvision _provision;
        readonly bool _wifi;
        readonly M2MqttLink _mqtt;
        readonly ILog _log;

        /// <summary>The portable link (ticked by the control loop).</summary>
        public readonly CloudLink Link;
        /// <summary>The station as the cloud sees it (its <c>AuditConsole</c> takes the console's Audit event).</summary>
        public readonly StationCloud Station;

        DeviceCloud(CloudProvision provision, bool wifi, M2MqttLink mqtt, CloudLink link, StationCloud station, ILog log)
        {
            _provision = provision;
            _wifi = wifi;
            _mqtt = mqtt;
            Link = link;
            Station = station;
            _log = log;
        }

        /// <summary>Builds the link for <paramref name="controller"/> when <paramref name="provision"/> is usable and
        /// starts bringing the network up on its own thread; <paramref name="values"/> and <paramref name="file"/> are the console's
        /// configuration, shared so the cloud sets the same keys; null (the station runs offline, the reason logged) when it
        /// is not. <paramref name="layout"/> sizes the outbox to its medium and carries the warning when it is the small one;
        /// the outbox and the link's sequence state live in <paramref name="outboxStorage"/> (the SD card, or the
        /// station's own storage). Never throws.</summary>
        public static DeviceCloud Start(CloudProvision provision, bool wifi, StorageLayout layout, IStorage outboxStorage, StationController controller,
            ConfigValues values, ConfigFile file, IClock clock, ILog log)
        {
            log.Write(LogLevel.Info, provision.Summary);
            if (!provision.Enabled) return null;
            if (provision.Problem != null)
            {
                log.Write(LogLevel.Error, "cloud link not started, the station runs offline: " + provision.Problem);
                return null;
            }
            try
            {
                var settings = new MqttLinkSettings();
                settings.Host = provision.Host;
                settings.Port = provision.Port;
                settings.UseTls = provision.UseTls;
                settings.CaCertificatePem = provision.CaCertificatePem;
                settings.ClientCertificatePem = provision.ClientCertificatePem;
                settings.ClientKeyPem = provision.ClientKeyPem;
                settings.StationId = provision.StationId;
                settings.Password = provision.Password;
                settings.KeepAliveSeconds = (ushort)provision.KeepAliveSeconds;
                // Room for the outbox's whole window plus the birth and command replies (QoS 1 too).
                settings.MaxInflight = Outbox.Window + 8;
                // The certificates are parsed here: a PEM that has the right shape but bad content throws.
                var mqtt = new M2MqttLink(settings);
                // One configuration table with the console: cloud config.set is checked, applied and saved like a console one.
                var station = new StationCloud(controller, clock, values, file);
                CloudLinkConfig config = provision.LinkConfig(BootNonce(clock));
                config.OutboxMaxSegments = layout.OutboxSegments;
                config.StorageWarning = layout.Warning;
                var link = new CloudLink(mqtt, outboxStorage, clock, station, config);
                link.Log = log; // online/offline in 'log tail'
                link.Start(); // recovers the outbox and registers the will before the adapter first connects
                // Only now is the controller touched (events, admission): a failure above leaves it as it was.
                station.Attach(link);
                var cloud = new DeviceCloud(provision, wifi, mqtt, link, station, log);
                var thread = new Thread(cloud.BringUp);
                thread.Start();
                return cloud;
            }
            catch (Exception e)
            {
                log.Write(LogLevel.Error, "cloud link not started, the station runs offline: " + e.Message);
                return null;
            }
        }

        // Thread body: network first (TLS and command expiry need SNTP time), then the adapter's connect loop.
        void BringUp()
        {
            try
            {
                if (_wifi) NetworkBringUp.StartWifi(_provision.WifiSsid, _provision.WifiPassword);
                else NetworkBringUp.StartEthernet();
                while (!NetworkBringUp.WaitReady(_wifi, NetworkWaitMs))
                {
                    _log.Write(LogLevel.Warning, "network not up yet (" + NetworkBringUp.Why(_wifi) + "); records wait in the outbox");
                }
                _log.Write(LogLevel.Info, "network up; connecting to " + _provision.Host + ":" + _provision.Port.ToString());
                _mqtt.Start();
            }
            catch (Exception e)
            {
                _log.Write(LogLevel.Error, "network bring-up failed, the station runs offline: " + e.Message);
            }
        }

        // A fresh number per boot for the message ids (docs/cloud.md, "Message ids"). The clock may not be set yet at
        // boot, so the random source carries it; the time only adds what it has.
        static uint BootNonce(IClock clock)
        {
            var random = new Random();
            uint nonce = (uint)random.Next() ^ ((uint)random.Next() << 1);
            return nonce ^ (uint)clock.UtcNow.Ticks ^ (uint)clock.NowMs;
        }
    }
}
