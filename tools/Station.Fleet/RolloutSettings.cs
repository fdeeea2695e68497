namespace Station.Fleet
{
    /// <summary>How a rollout runs (fleet --rollout).</summary>
    public sealed class RolloutSettings
    {
        /// <summary>Share of the fleet offered the update in each wave, percent.</summary>
        public double WavePercent = 10;
        /// <summary>The rollout halts after a wave when failures (rolled back, refused, timed out) over finished stations pass this, percent.</summary>
        public double HaltFailurePercent = 25;
        /// <summary>Share of stations given an image that crashes at start and must roll back by itself, percent.</summary>
        public double BadPercent = 10;
        /// <summary>Probation: run time of simulated seconds the new image needs, cloud reached and no fault.</summary>
        public double ProbationSeconds = 20;
        /// <summary>Probation fails when the cloud was not reached within this many simulated seconds: 5 minutes, as on
        /// the board (DeviceUpdate). A restart now opens a new MQTT connection, and a loaded broker or host can take a
        /// while to let it in; the deadline is for a station that cannot reach the cloud at all.</summary>
        public double CloudDeadlineSeconds = 300;
        /// <summary>A station that has not finished this many wall seconds after its offer counts as failed.</summary>
        public double StationTimeoutSeconds = 240;
    }
}
