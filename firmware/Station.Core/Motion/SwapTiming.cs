namespace Station.Core.Motion
{
    /// <summary>The physically necessary motion time of one swap (its critical path), from plant figures.</summary>
    /// <remarks>
    /// The sequencer runs the staging conveyor in parallel with raise + unlock + lower, and starts the pack check while the
    /// empty lift returns home, so the critical path is:
    /// max(staging, raise + unlock + lower) + transfer + raise + lock + lower.
    /// Arming (relay confirmation), the pack check's answer and the control period are not motions and are left out.
    /// The simulator calls <see cref="CriticalPathMs(double,double,double,int,int,int)"/> with its plant model's figures.
    /// </remarks>
    public static class SwapTiming
    {
        /// <summary>Critical path in ms from plant figures: lift stroke (home to pack height), lift speed and acceleration,
        /// lock travel, staging conveyor run (rack feed point to staging) and transfer conveyor run.</summary>
        public static long CriticalPathMs(double liftStrokeMm, double liftSpeedMmS, double liftAccelMmS2,
            int lockTravelMs, int stagingRunMs, int transferRunMs)
        {
            long lift = Kinematics.MoveMs(liftStrokeMm, liftSpeedMmS, liftAccelMmS2);
            long front = lift + lockTravelMs + lift;
            if (stagingRunMs > front) front = stagingRunMs;
            return front + transferRunMs + lift + lockTravelMs + lift;
        }

        /// <summary>Critical path from a configuration's lift figures and the given actuator times.</summary>
        public static long CriticalPathMs(StationConfig config, int lockTravelMs, int stagingRunMs, int transferRunMs)
        {
            return CriticalPathMs(config.VehicleHeightMm, config.MaxSpeedMmS, config.AccelMmS2, lockTravelMs, stagingRunMs, transferRunMs);
        }
    }
}
