using System;
using System.Linq;
using System.Text.Json;
using Station.Bundle;
using Station.Core;
using Station.Core.Cloud;
using Station.Core.Config;
using Station.Fleet;
using Station.Hal.Host;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>A simulated station (car or truck bay) behind the real cloud link over an in-memory MQTT link
    /// (<see cref="FakeLink"/>), homed, wired as the board wires it when asked: the update agent on the link
    /// (<see cref="SimUpdate"/>, the fleet's composition of the board's <c>DeviceUpdate</c>), and config.get/set on a
    /// stored configuration file (the board's <c>DeviceCloud</c> gives StationCloud the console's values and file).</summary>
    public sealed class CloudBay
    {
        /// <summary>The simulated clock's start: 08:00 UTC on 2026-11-21.</summary>
        public static readonly DateTime Epoch = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);

        /// <summary>The release key pair the update agent trusts, when <c>updates</c> was asked for.</summary>
        public static readonly (byte[] Seed, byte[] PublicKey) ReleaseKey = BundleBuilder.NewKey();

        int _mid;

        /// <summary>The plant, the controller and the fleet's view of the bay.</summary>
        public readonly SimStation St;
        /// <summary>The in-memory MQTT link.</summary>
        public readonly FakeLink Link = new FakeLink();
        /// <summary>The cloud link under test.</summary>
        public readonly CloudLink Cl;
        /// <summary>The station behind the link.</summary>
        public readonly StationCloud Sc;
        /// <summary>The outbox's storage.</summary>
        public readonly TestStorage Outbox = new TestStorage();
        /// <summary>The update side, or null.</summary>
        public readonly SimUpdate Update;
        /// <summary>The stored configuration, or null (config.set then changes only memory).</summary>
        public readonly ConfigFile File;

        /// <summary>A bay, homed unless <paramref name="homed"/> is false; <paramref name="truck"/>: a heavy-truck bay;
        /// <paramref name="updates"/>: the update agent on the link; <paramref name="configFile"/>: config.set stored as on
        /// the board; <paramref name="link"/>: the link's configuration (else station "unit" with telemetry every
        /// <paramref name="telemetryPeriodMs"/>).</summary>
        public CloudBay(bool truck = false, bool updates = false, bool configFile = false, int telemetryPeriodMs = 10000, CloudLinkConfig link = null, bool homed = true)
        {
            St = new SimStation("unit", new MqttLinkOptions { Port = 1, ClientId = "unit" }, Epoch, 0, false, 0, truck: truck);
            St.Controller.Start();
            Assert.True(St.Bay.SeedInventory(St.Controller).Accepted);
            ConfigValues values = null;
            if (configFile)
            {
                values = new ConfigValues();
                ConfigMapping.FromStationConfig(St.Controller.Config, values);
                File = new ConfigFile(St.Storage);
                Assert.True(File.Save(values));
            }
            Sc = new StationCloud(St.Controller, St.Clock, values, File);
            Cl = new CloudLink(Link, Outbox, St.Clock, Sc, link ?? new CloudLinkConfig { StationId = "unit", TelemetryPeriodMs = telemetryPeriodMs });
            Sc.Attach(Cl);
            if (updates)
            {
                // As SimStation.EnableUpdates and the board's DeviceUpdate.Attach: the agent is set before the link starts.
                Update = new SimUpdate(St.Storage, ReleaseKey.PublicKey, () => St.Controller.CurrentSwap != null, 600000, 300000);
                Update.Attach(St.Controller, Cl);
            }
            Cl.Start(); // the link is up: online from the first period
            if (!homed) return;
            St.Controller.Home();
            Step(30000, () => St.Controller.State == SwapState.Idle);
        }

        /// <summary>One control period: plant, controller, cloud link, and the update agent's background pass; fails
        /// when the update asks for a restart (no bundle here is ever signed, so none may be installed).</summary>
        public void Tick()
        {
            St.Clock.Advance(10);
            St.FleetBay.Step(10);
            St.Controller.Tick();
            Cl.Tick();
            if (Update != null) Assert.False(Update.Step(St.Clock.NowMs, !Cl.Outbox.MediumFailed), "the update agent asked for a restart: " + Update.Agent.UpdateStatus);
        }

        /// <summary>Ticks until <paramref name="until"/> holds, at most <paramref name="n"/> periods.</summary>
        public void Step(int n, Func<bool> until)
        {
            for (int i = 0; i < n && !until(); i++) Tick();
            Assert.True(until(), $"state {SwapStates.Name(St.Controller.State)}: {St.Controller.WhyNotSwapping()}");
        }

        /// <summary>A vehicle (the fleet's: a car, or a truck with blocks at 1-3) drives in and stands positioned.</summary>
        public void Arrive()
        {
            St.FleetBay.Arrive("unit", 1, St.Controller);
            Step(10000, () => St.FleetBay.Positioned && St.Controller.Interlocks.VehiclePositioned);
        }

        /// <summary>One pass of the link and every publish acknowledged: what was published so far belongs to the set-up,
        /// not to what the test does next.</summary>
        public void Quiet()
        {
            Cl.Tick();
            Link.AckAll();
        }

        /// <summary>Sends <paramref name="command"/> (JSON with a <c>"mid":"?"</c> placeholder, replaced by a fresh one)
        /// through the link; returns its reply.</summary>
        public JsonElement Send(string command)
        {
            string mid = "b" + (++_mid);
            int before = Link.Sent.Count;
            Link.Receive(Cl.Topics.Command, command.Replace("\"mid\":\"?\"", "\"mid\":\"" + mid + "\""));
            for (int i = 0; i < 5; i++) { St.Clock.Advance(10); Cl.Tick(); }
            return Link.Sent.Skip(before).Where(m => m.topic == Cl.Topics.Reply).Select(m => JsonDocument.Parse(m.payload).RootElement)
                .Single(e => e.GetProperty("re").GetString() == mid);
        }
    }
}
