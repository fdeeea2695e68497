namespace Station.Core.Swap
{
    /// <summary>The devices of a bay as the technician knows them, named by the bay's profile: the console's status,
    /// jog, homing and self-test walk these instead of assuming a car's lift, locks and conveyors.</summary>
    public sealed class BayDevices
    {
        /// <summary>What homes and jogs as a whole ("lift"; "robot" for a truck bay's side-swap robot).</summary>
        public readonly string Mover;
        /// <summary>The name of the bay's lock group as console commands name it ("locks"; "block latches").</summary>
        public readonly string LockGroup;
        /// <summary>Every axis, the engine's lift among them.</summary>
        public readonly DeviceAxis[] Axes;
        /// <summary>Every lock set.</summary>
        public readonly DeviceLockSet[] LockSets;
        /// <summary>The names of the engine's staging and transfer conveyors ("staging", "transfer"; "rack shuttle", "exchange rollers").</summary>
        public readonly string[] Conveyors;
        /// <summary>The names of the engine's staging, lift and return pack sensors.</summary>
        public readonly string[] PackSensors;
        /// <summary>The bay's own inputs beyond the engine's safety chain (none for a car bay).</summary>
        public readonly DeviceInput[] Inputs;
        /// <summary>What the self-test leaves alone and why, one sentence each.</summary>
        public readonly string[] Untested;

        /// <summary>A bay's devices.</summary>
        public BayDevices(string mover, string lockGroup, DeviceAxis[] axes, DeviceLockSet[] lockSets, string[] conveyors,
            string[] packSensors, DeviceInput[] inputs, string[] untested)
        {
            Mover = mover;
            LockGroup = lockGroup;
            Axes = axes;
            LockSets = lockSets;
            Conveyors = conveyors;
            PackSensors = packSensors;
            Inputs = inputs;
            Untested = untested;
        }

        /// <summary>The axis named <paramref name="name"/>, or null.</summary>
        public DeviceAxis Axis(string name)
        {
            for (int i = 0; i < Axes.Length; i++)
            {
                if (Axes[i].Name == name) return Axes[i];
            }
            return null;
        }

        /// <summary>The axis driven by <paramref name="axis"/>, or null.</summary>
        public DeviceAxis Of(Station.Core.Motion.LiftAxis axis)
        {
            for (int i = 0; i < Axes.Length; i++)
            {
                if ((object)Axes[i].Axis == (object)axis) return Axes[i];
            }
            return null;
        }

        /// <summary>The car bay's devices over the engine's lift, locks and conveyors.</summary>
        public static BayDevices Car(SwapSequencer s)
        {
            DeviceAxis[] lift = { new DeviceAxis("lift", s.Lift, s.Config, "rises", true) };
            DeviceLockSet[] locks = { new DeviceLockSet("locks", "lock", s.Locks, "locked", "unlocked") };
            string[] untested =
            {
                "locks: their tools only turn against a pack at the vehicle; releasing one under a car would drop its pack",
                "conveyors: running one moves packs",
            };
            return new BayDevices("lift", "locks", lift, locks, new string[] { "staging", "transfer" },
                new string[] { "staging", "lift", "return point" }, new DeviceInput[0], untested);
        }
    }
}
