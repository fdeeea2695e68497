namespace Station.Core.Swap
{
    /// <summary>The contract between a bay profile and the board at boot: the profile lists the port groups it needs
    /// (<see cref="BayProfile.PortGroups"/>), the board reports which it has, and a profile the board cannot serve is
    /// refused before anything is driven.</summary>
    /// <remarks>Today the board is one <see cref="StationIo"/>: a group is "wired" when every port in it is set. When the
    /// I/O is split into one port object per device, <see cref="Has"/> becomes a look-up of that group and the profiles
    /// do not change.</remarks>
    public static class BoardPorts
    {
        /// <summary>Lift axis: drive, direction, enable, brake, encoder, top and home limits, pack-contact sensor.</summary>
        public const string LinearAxis = "linear axis";
        /// <summary>Pack latches: engage and release outputs, locked and unlocked sensors, one each per latch.</summary>
        public const string LockSet = "lock set";
        /// <summary>Staging conveyor: run output and pack-at-staging sensor.</summary>
        public const string StagingConveyor = "staging conveyor";
        /// <summary>Transfer conveyor: run output, pack-on-lift and pack-at-return sensors.</summary>
        public const string TransferConveyor = "transfer conveyor";
        /// <summary>Safety chain: e-stop, light curtain, doors, vehicle position, safety relay, motion permit and the
        /// permit watchdog's kick.</summary>
        public const string SafetyChain = "safety chain";

        /// <summary>True when <paramref name="io"/> wires every port of <paramref name="group"/>; false for a group
        /// this board does not know.</summary>
        public static bool Has(StationIo io, string group)
        {
            if (group == LinearAxis)
            {
                LinearAxisPorts a = io.Lift;
                return a.Drive != null && a.DirectionAway != null && a.Enable != null && a.BrakeRelease != null
                    && a.Encoder != null && a.FarLimit != null && a.HomeSwitch != null && a.FarContact != null;
            }
            if (group == LockSet)
                return Wired(io.Locks.Engage) && Wired(io.Locks.Release) && Wired(io.Locks.LockedSensor) && Wired(io.Locks.UnlockedSensor);
            if (group == StagingConveyor) return io.StagingConveyor.Run != null && io.Sensors.PackAtStaging != null;
            if (group == TransferConveyor)
                return io.TransferConveyor.Run != null && io.Sensors.PackOnLift != null && io.Sensors.PackAtReturn != null;
            if (group == SafetyChain)
            {
                SafetyChainPorts c = io.Safety;
                return c.EStopReleased != null && c.LightCurtainClear != null && c.DoorsClosed != null
                    && io.Sensors.VehiclePositioned != null && c.RelayFeedback != null && c.MotionPermit != null
                    && c.PermitWatchdogKick != null;
            }
            return false;
        }

        /// <summary>Null when the board wires every group <paramref name="profile"/> needs, else a sentence naming the
        /// first missing one.</summary>
        public static string Missing(BayProfile profile, StationIo io)
        {
            string[] groups = profile.PortGroups;
            for (int i = 0; i < groups.Length; i++)
            {
                if (!Has(io, groups[i]))
                    return string.Concat("bay profile '", profile.Name, "' needs the ", groups[i], " ports, which this board does not wire");
            }
            return null;
        }

        private static bool Wired(Station.Hal.IDigitalOutput[] ports)
        {
            if (ports == null || ports.Length == 0) return false;
            for (int i = 0; i < ports.Length; i++) if (ports[i] == null) return false;
            return true;
        }

        private static bool Wired(Station.Hal.IDigitalInput[] ports)
        {
            if (ports == null || ports.Length == 0) return false;
            for (int i = 0; i < ports.Length; i++) if (ports[i] == null) return false;
            return true;
        }
    }
}
