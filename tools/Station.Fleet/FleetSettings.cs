namespace Station.Fleet
{
    /// <summary>What a fleet run does.</summary>
    public sealed class FleetSettings
    {
        /// <summary>Broker URI.</summary>
        public string Broker = "mqtt://127.0.0.1:1883";
        /// <summary>Stations.</summary>
        public int Stations = 10;
        /// <summary>Station id prefix.</summary>
        public string Prefix = "fleet";
        /// <summary>Vehicle arrivals per station per simulated hour.</summary>
        public double SwapsPerHour = 30;
        /// <summary>Simulated seconds per wall second.</summary>
        public double Speed = 1;
        /// <summary>Wait for cloud authorisation instead of authorising locally.</summary>
        public bool CloudAuthorize;
        /// <summary>Telemetry period, ms of simulated time.</summary>
        public int TelemetryMs = 10000;
        /// <summary>Run the built-in measuring consumer.</summary>
        public bool Measure;
        /// <summary>Run a rollout of a new firmware version over the fleet (null: none).</summary>
        public RolloutSettings Rollout;
        /// <summary>Share of the stations that are heavy-truck bays, percent (0..100; spread evenly over the ids).</summary>
        public double TruckPercent;
        /// <summary>True when station <paramref name="index"/> (0-based) is a truck bay: the share is spread evenly, so
        /// 25 % makes every fourth station a truck bay.</summary>
        public bool IsTruck(int index) => System.Math.Floor((index + 1) * TruckPercent / 100.0) > System.Math.Floor(index * TruckPercent / 100.0);
        /// <summary>Control tick, ms.</summary>
        public int TickMs = 10;
    }
}
