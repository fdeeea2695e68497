namespace Station.Hal.Sim
{
    public sealed partial class SimBay
    {
        private readonly bool[] _lockFailsToEngage;

        /// <summary>Per lock, travel position: 0 = unlocked end, 1 = locked end.</summary>
        public double[] Locks { get; }

        /// <summary>True when every lock reads its locked end.</summary>
        public bool AllLocksLocked
        {
            get
            {
                foreach (var l in Locks) if (l < 0.995) return false;
                return true;
            }
        }

        /// <summary>True when every lock is fully unlocked (the vehicle no longer holds its pack).</summary>
        public bool AllLocksUnlocked
        {
            get
            {
                foreach (var l in Locks) if (l > 0.005) return false;
                return true;
            }
        }

        // The lock tools sit on the lift platform: they only turn a vehicle's latches while the platform touches the
        // pack and the safety relay gives them power.
        private void StepLocks(int ms)
        {
            bool powered = !PowerIsOff && SafetyRelayEnergised && AtContact;
            double step = (double)ms / Parameters.LockTravelMs;
            for (int i = 0; i < Locks.Length; i++)
            {
                bool engage = LockEngage[i].State, release = LockRelease[i].State;
                if (!powered || engage == release) continue;
                if (engage)
                {
                    double limit = _lockFailsToEngage[i] && Locks[i] <= Parameters.LockJamFraction ? Parameters.LockJamFraction : 1.0;
                    Locks[i] = System.Math.Min(limit, Locks[i] + step);
                }
                else Locks[i] = System.Math.Max(0.0, Locks[i] - step);
            }
        }

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
