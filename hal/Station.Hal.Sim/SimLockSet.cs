namespace Station.Hal.Sim
{
    /// <summary>A simulated set of pack locks: per lock a travel position (0 = unlocked end, 1 = locked end) driven by
    /// its engage and release coils, and its two end-position sensors. A lock may jam part-way when engaging.</summary>
    public sealed class SimLockSet
    {
        private readonly bool[] _failsToEngage;
        private readonly int _travelMs;
        private readonly double _jamFraction;

        /// <summary>A set over its ports (every array one entry per lock), all locked.</summary>
        public SimLockSet(SimOutput[] engage, SimOutput[] release, SimInput[] locked, SimInput[] unlocked, int travelMs, double jamFraction)
        {
            Engage = engage;
            Release = release;
            Locked = locked;
            Unlocked = unlocked;
            _travelMs = travelMs;
            _jamFraction = jamFraction;
            Positions = new double[engage.Length];
            _failsToEngage = new bool[engage.Length];
            LockAll();
        }

        /// <summary>Per lock: engage coil.</summary>
        public SimOutput[] Engage { get; }
        /// <summary>Per lock: release coil.</summary>
        public SimOutput[] Release { get; }
        /// <summary>Per lock: locked end sensor.</summary>
        public SimInput[] Locked { get; }
        /// <summary>Per lock: unlocked end sensor.</summary>
        public SimInput[] Unlocked { get; }
        /// <summary>Per lock, travel position: 0 = unlocked end, 1 = locked end.</summary>
        public double[] Positions { get; }

        /// <summary>True when every lock reads its locked end.</summary>
        public bool AllLocked
        {
            get
            {
                foreach (var l in Positions) if (l < 0.995) return false;
                return true;
            }
        }

        /// <summary>True when every lock is fully unlocked.</summary>
        public bool AllUnlocked
        {
            get
            {
                foreach (var l in Positions) if (l > 0.005) return false;
                return true;
            }
        }

        /// <summary>Every lock at its locked end (a vehicle arrives with its pack latched).</summary>
        public void LockAll()
        {
            for (int i = 0; i < Positions.Length; i++) Positions[i] = 1.0;
        }

        /// <summary>Lock <paramref name="index"/> jams part-way when engaging (true) or works again (false).</summary>
        public void FailEngage(int index, bool fails)
        {
            if (index < 0 || index >= _failsToEngage.Length) throw new System.ArgumentOutOfRangeException(nameof(index));
            _failsToEngage[index] = fails;
        }

        /// <summary>Moves every lock whose coils say so, when its tool has power (<paramref name="powered"/>).</summary>
        public void Step(int ms, bool powered)
        {
            double step = (double)ms / _travelMs;
            for (int i = 0; i < Positions.Length; i++)
            {
                bool engage = Engage[i].State, release = Release[i].State;
                if (!powered || engage == release) continue;
                if (engage)
                {
                    double limit = _failsToEngage[i] && Positions[i] <= _jamFraction ? _jamFraction : 1.0;
                    Positions[i] = System.Math.Min(limit, Positions[i] + step);
                }
                else Positions[i] = System.Math.Max(0.0, Positions[i] - step);
            }
        }

        /// <summary>Sets what the end sensors physically present.</summary>
        public void UpdateSensors()
        {
            for (int i = 0; i < Positions.Length; i++)
            {
                Locked[i].Truth = Positions[i] >= 0.995;
                Unlocked[i].Truth = Positions[i] <= 0.005;
            }
        }
    }
}
