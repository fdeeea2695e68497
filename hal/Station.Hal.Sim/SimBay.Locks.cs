namespace Station.Hal.Sim
{
    public sealed partial class SimBay
    {
        /// <summary>Per lock, travel position: 0 = unlocked end, 1 = locked end (the lock set device's).</summary>
        public double[] Locks => LockSet.Positions;

        /// <summary>True when every lock reads its locked end.</summary>
        public bool AllLocksLocked => LockSet.AllLocked;

        /// <summary>True when every lock is fully unlocked (the vehicle no longer holds its pack).</summary>
        public bool AllLocksUnlocked => LockSet.AllUnlocked;

        // The lock tools sit on the lift platform: they only turn a vehicle's latches while the platform touches the
        // pack and the safety relay gives them power.
        private void StepLocks(int ms) => LockSet.Step(ms, !PowerIsOff && SafetyRelayEnergised && AtContact);

        // Hand-over of the pack between vehicle and platform: the vehicle holds its pack while any latch is not fully
        // open; with every latch open the pack rests on the platform, or falls when the platform is not under it.
        private void ExchangePackWithVehicle()
        {
            if (Vehicle == null) return;
            bool held = !AllLocksUnlocked;
            SimPack platform = PackOnPlatform;
            if (Vehicle.Pack != null && !held)
            {
                SimPack pack = Vehicle.Pack;
                Vehicle.Pack = null;
                if (AtContact && platform == null) pack.Place = SimPackPlace.Lift;
                else
                {
                    pack.Place = SimPackPlace.Dropped;
                    Hazard($"pack {pack.Serial} fell: every lock opened with no free platform under it");
                }
            }
            else if (Vehicle.Pack == null && platform != null && AtContact && held)
            {
                Vehicle.Pack = platform;
                platform.Place = SimPackPlace.Vehicle;
            }
        }
    }
}
