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
        /// <summary>Probation fails when the cloud was not reached within this many simulated seconds.</summary>
        public double CloudDeadlineSeconds = 120;
        /// <summary>A station that has not finished this many wall seconds after its offer counts as failed.</summary>
        public double StationTimeoutSeconds = 240;
    }
}
