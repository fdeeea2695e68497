using System;
using Station.Core;
using Station.Core.Cloud;
using Station.Hal.Host;
using Station.Hal.Sim;
using Station.Simulator;

namespace Station.Fleet
{
    /// <summary>One simulated station of a fleet: its own simulated bay (car or truck, <see cref="IFleetBay"/>), the real
    /// controller, the cloud link over its own MQTT connection, and a simulated operator (homes it, lets vehicles in at
    /// the configured rate, authorises them locally or waits for the cloud, lets released vehicles go).</summary>
    public sealed class SimStation : IDisposable
    {
        readonly IFleetBay _bay;
        readonly MqttLinkOptions _mqtt;
        readonly int _telemetryPeriodMs;
        readonly bool _selfAuthorize;
        readonly long _arrivalEveryMs;
        long _nextArrivalMs;
        long _lastHomeMs = -100000, _lastAuthMs = -100000, _lastChargeSyncMs;
        int _vehicles;
        bool _authorized;

        /// <summary>Station id (MQTT client id and topic level).</summary>
        public string Id { get; }
        /// <summary>Simulated time of this station.</summary>
        public SimClock Clock { get; }
        /// <summary>Storage surviving simulated power loss.</summary>
        public MemoryStorage Storage { get; }
        /// <summary>The car plant, or the truck bay's shared devices (safety chain, height axis, rack).</summary>
        public SimBay Bay => _bay.Shared;
        /// <summary>The bay: car or truck, its plant and the people in it.</summary>
        public IFleetBay FleetBay => _bay;
        /// <summary>The controller.</summary>
        public StationController Controller { get; private set; }
        /// <summary>The station behind the cloud link.</summary>
        public StationCloud Cloud { get; private set; }
        /// <summary>The cloud link.</summary>
        public CloudLink Link { get; private set; }
        /// <summary>Its MQTT connection (a new one after every restart).</summary>
        public MqttNetLink Client { get; private set; }
        /// <summary>Restarts taken (each replaced the controller, the cloud link with its outbox, the MQTT connection and
        /// the update agent, as a reboot of the board does).</summary>
        public int Restarts { get; private set; }
        /// <summary>Swaps completed (vehicle released).</summary>
        public int SwapsDone { get; private set; }
        /// <summary>The update side, when <see cref="EnableUpdates"/> was called.</summary>
        public SimUpdate Update { get; private set; }
        /// <summary>Called after each swap event was journaled: (station, record seq).</summary>
        public Action<SimStation, uint> EventJournaled;

        /// <summary>A station <paramref name="id"/> whose UTC clock starts at <paramref name="epochUtc"/>; a heavy-truck bay
        /// when <paramref name="truck"/>, else a car bay.</summary>
        public SimStation(string id, MqttLinkOptions mqtt, DateTime epochUtc, double swapsPerHour, bool selfAuthorize, int firstArrivalMs, int telemetryPeriodMs = 10000, bool truck = false)
        {
            Id = id;
            _selfAuthorize = selfAuthorize;
            _arrivalEveryMs = swapsPerHour > 0 ? (long)(3600000 / swapsPerHour) : long.MaxValue / 4;
            _nextArrivalMs = swapsPerHour > 0 ? firstArrivalMs : long.MaxValue; // no rate: vehicles only by hand
            _mqtt = mqtt;
            _telemetryPeriodMs = telemetryPeriodMs;
            Clock = new SimClock(epochUtc);
            Storage = new MemoryStorage(Clock);
            _bay = truck ? new TruckFleetBay(Clock, Storage) : new CarFleetBay(Clock, Storage);
            Build();
        }

        // What runs in the board's RAM: built at power-up and again at every restart, from what storage holds.
        void Build()
        {
            var config = _bay.Config;
            config.StationId = Id;
            var controller = new StationController(_bay.Io, config);
            Client = new MqttNetLink(_mqtt);
            Cloud = new StationCloud(controller, Clock);
            Link = new CloudLink(Client, Storage, Clock, Cloud, new CloudLinkConfig { StationId = Id, TelemetryPeriodMs = _telemetryPeriodMs, BootNonce = (uint)Random.Shared.Next() });
            Cloud.Attach(Link);
            controller.SwapEvent += (kind, state, record) =>
            {
                if (kind == SwapEventKind.Started) _bay.SwapStarted(record);
                EventJournaled?.Invoke(this, Link.Outbox.NextSeq - 1);
            };
            Controller = controller;
        }

        /// <summary>Gives the station the real update agent (release key <paramref name="releaseKey"/>), wired to its
        /// cloud link; call before <see cref="Start"/>.</summary>
        public void EnableUpdates(byte[] releaseKey, long probationMs, long cloudDeadlineMs)
        {
            Update = new SimUpdate(Storage, releaseKey, SwapInHand, probationMs, cloudDeadlineMs);
            Update.Attach(Controller, Link);
        }

        /// <summary>A swap is under way, seen from the controller and the plant: the controller holds one or is past idle,
        /// or an authorised vehicle is in the bay and not yet driving off.</summary>
        bool SwapInHand()
        {
            SwapState s = Controller.State;
            return (s != SwapState.Idle && s != SwapState.NotHomed) || Controller.CurrentSwap != null || (_authorized && _bay.VehicleHeld);
        }

        /// <summary>Powers the station up and starts its connection.</summary>
        public void Start()
        {
            Controller.Start();
            _bay.Shared.SeedInventory(Controller);
            Link.Start();
            Client.Start();
        }

        /// <summary>One control period: plant, controller, cloud link, operator.</summary>
        public void Step(int tickMs)
        {
            Clock.Advance(tickMs);
            _bay.Step(tickMs);
            Controller.Tick();
            Link.Tick();
            if (Update != null && Update.Step(Clock.NowMs, !Link.Outbox.MediumFailed)) Restart();
            Operate();
        }

        /// <summary>The update asked for a restart: the board reboots. Its connection dies without a goodbye (the broker
        /// publishes the will), outputs drop to their reset level, everything in RAM is gone; storage (journal, outbox,
        /// boot record, update record) and the plant stay. The loader counts and chooses the image, then the controller
        /// recovers from its journal, the cloud link from its outbox, and the update agent from its record.</summary>
        void Restart()
        {
            Restarts++;
            Client.Abort();
            _bay.PowerCycle();
            Update.Boot();
            Build();
            Controller.Start();
            Update.Attach(Controller, Link);
            Link.Start();
            Client.Start();
            _lastHomeMs = Clock.NowMs; // the operator re-homes it after a second, as after any start
        }

        void Operate()
        {
            long now = Clock.NowMs;
            SwapState s = Controller.State;
            if (s == SwapState.NotHomed && Controller.LatchedFault == FaultCode.None && now - _lastHomeMs >= 1000)
            {
                _lastHomeMs = now;
                Controller.Home();
            }
            if (s == SwapState.Idle && now - _lastChargeSyncMs >= 10000)
            {
                // The rack's chargers report state of charge; the controller's inventory follows.
                _lastChargeSyncMs = now;
                for (int i = 0; i < Bay.Rack.Slots.Length; i++)
                {
                    var pack = Bay.Rack.Slots[i];
                    var rec = Controller.Inventory.Slot(i);
                    if (pack != null && !rec.IsEmpty && rec.Serial == pack.Serial && (int)pack.SocPct != rec.SocPct)
                        Controller.SetRackSlot(i, pack.Serial, (int)pack.SocPct, PackState.Ready);
                }
            }
            if (_bay.Empty && now >= _nextArrivalMs && s == SwapState.Idle)
            {
                _vehicles++;
                _bay.Arrive(Id, _vehicles, Controller);
                _authorized = false;
            }
            if (!_bay.Positioned) return;
            if (_selfAuthorize && !_authorized && s == SwapState.Idle && now - _lastAuthMs >= 1000)
            {
                _lastAuthMs = now;
                _authorized = _bay.Authorize(Controller, Cloud);
            }
            if (s == SwapState.Released)
            {
                _bay.Depart();
                SwapsDone++;
                _nextArrivalMs = now + _arrivalEveryMs;
            }
        }

        /// <summary>End of the run: the station publishes its death (retained state online:false) and disconnects cleanly.</summary>
        public void Dispose()
        {
            Link.Stop();
            Client.Dispose();
        }
    }
}
