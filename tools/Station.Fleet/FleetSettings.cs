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
        /// <summary>Control tick, ms.</summary>
        public int TickMs = 10;
    }
}
