namespace Station.Core.Admission
{
    /// <summary>The checks of the admission chain (<see cref="AdmissionChain"/>): each refuses a swap for one reason of
    /// its own. Listed in the order the chain asks them.</summary>
    public enum AdmissionCheck
    {
        /// <summary>A technician holds the station in maintenance at the console.</summary>
        ConsoleMaintenance = 1,
        /// <summary>An authorised remote operator put the station in maintenance (cloud).</summary>
        RemoteMaintenance = 2,
        /// <summary>The cloud outbox cannot journal another swap (or another outside condition forbids swaps).</summary>
        OutboxFull = 3,
        /// <summary>A power loss interrupted a swap: recovery waits for a person's confirmation.</summary>
        RecoveryPending = 4,
        /// <summary>A fault is latched.</summary>
        FaultLatched = 5,
        /// <summary>The lift has not been homed (or is homing).</summary>
        NotHomed = 6,
        /// <summary>The station is not idle: not started, swapping, or waiting for the vehicle to leave.</summary>
        Busy = 7,
        /// <summary>The authorisation itself is malformed or expired.</summary>
        Request = 8,
        /// <summary>A pack is marked in transit (its place is not confirmed).</summary>
        PackInTransit = 9,
        /// <summary>A pack lock reads between positions while no pack is in transit.</summary>
        LatchesBetween = 10,
        /// <summary>E-stop, light curtain, doors or a safety relay on without a permit.</summary>
        BayNotClear = 11,
        /// <summary>No vehicle at the swap position.</summary>
        NoVehicle = 12,
        /// <summary>The inventory and the pack sensors disagree.</summary>
        InventoryConflict = 13,
        /// <summary>The authorisation names another pack in the vehicle than the inventory has.</summary>
        VehiclePackMismatch = 14,
        /// <summary>The authorisation names another pack than the one waiting at staging.</summary>
        StagedPackMismatch = 15,
        /// <summary>No charged pack: the staged one is below the minimum SOC, or no rack pack is ready.</summary>
        NoChargedPack = 16,
        /// <summary>The pack the authorisation names is not in the rack, not ready or below the minimum SOC.</summary>
        NamedPackNotReady = 17,
        /// <summary>The block booking does not fit the bay profile or the truck standing in the bay.</summary>
        BlockBooking = 18,
        /// <summary>Fewer charged blocks are ready than the booking names.</summary>
        BlockPacks = 19,
        /// <summary>No ready pack is of a standard the vehicle accepts (a truck: for some booked position).</summary>
        NoPackOfStandard = 20,
        /// <summary>The pack the authorisation names, or the one waiting at staging, is of a standard the vehicle (the
        /// first booked position) does not accept.</summary>
        PackStandardNotAccepted = 21,
    }
}
