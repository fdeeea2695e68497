namespace Station.Core
{
    /// <summary>What part of the bay a fault comes from. Code that asks "is this a pack-check fault?" asks the catalogue
    /// row's category, never a range of numbers: new codes land wherever there is room, and a range silently misses them.</summary>
    public enum FaultCategory
    {
        /// <summary>A person or the safety chain stopped motion: e-stop, light curtain, doors, vehicle position, safety relay.</summary>
        Interlock = 1,
        /// <summary>The lift axis: stall, timeout, limits, homing, contact.</summary>
        Lift = 2,
        /// <summary>The pack locks (latches) and their sensors.</summary>
        Lock = 3,
        /// <summary>Moving packs inside the bay: conveyors, pack sensors, step preconditions.</summary>
        PackHandling = 4,
        /// <summary>The release gate's own conditions (locks, lift, bay): the vehicle is held.</summary>
        Gate = 5,
        /// <summary>The release gate's pack check refused the installed pack (BMS, serial, SOC, type): the vehicle is held
        /// and the check's own reason says more.</summary>
        PackCheck = 6,
        /// <summary>Persistent storage (journal) failed.</summary>
        Storage = 7,
        /// <summary>Output registry supervision: an output on too long, or its read-back disagreeing with it.</summary>
        Output = 8,
        /// <summary>The firmware itself: an unexpected exception stopped the control tick.</summary>
        Firmware = 9,
    }
}
